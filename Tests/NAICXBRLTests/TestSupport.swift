import Foundation
import XCTest
@testable import NAICXBRL
@_spi(Stages) @testable import NAICXBRLCore
@_spi(Stages) @testable import NAICXBRLXML
@testable import NAICXBRLReading
@testable import NAICXBRLTaxonomy
@testable import NAICXBRLChecks
@testable import NAICXBRLInstance
@testable import NAICXBRLConversion

enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let referencePath = root.appendingPathComponent("Fixtures/mml-bay-state-life-2011-q2.txt").path

    /// A new, empty folder of the system's temporary folder, named after `purpose`.
    static func temporaryFolder(_ purpose: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("naicxbrl-\(purpose)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let referenceText: String = {
        guard let data = FileManager.default.contents(atPath: referencePath), let text = String(data: data, encoding: .utf8) else {
            preconditionFailure("missing fixture \(referencePath)")
        }
        return text
    }()

    static let reference: ParseResult = StatementParser.parse(text: referenceText, name: "mml-bay-state-life-2011-q2.txt")

    /// The PDF at `path` as `StatementParser.parse(fileAt:)` reads it, read once per test process
    /// whichever test asks first: the annual filings take seconds each, and a dozen test classes
    /// read the same ones. A test that changes what reading does (a time limit, OCR, another blank)
    /// calls the parser itself.
    static func parsedPDF(_ path: String) throws -> ParseResult {
        parsedLock.lock()
        defer { parsedLock.unlock() }
        if let known = parsed[path] { return known }
        let result = try StatementParser.parse(fileAt: path)
        parsed[path] = result
        return result
    }

    nonisolated(unsafe) private static var parsed: [String: ParseResult] = [:]
    private static let parsedLock = NSLock()

    /// The files of the taxonomy package of the bundled blanks, as `naicxbrl taxonomy` writes them,
    /// written once per test process: writing every edition's taxonomy takes seconds, and several
    /// test classes read it. A test of a blank changed from the bundled ones writes its own.
    static let packageFiles: [(path: String, contents: [UInt8])] = TaxonomyPackage.files(of: TaxonomyPackage.bundledBlanks)

    /// The files of a bundled edition's taxonomy, by name, as `TaxonomyWriter` writes them
    /// (``packageFiles`` under the blank's folder whose names start with the edition's).
    static func editionFiles(_ blank: Blank) -> [String: [UInt8]] {
        let folder = "\(blank.id)/", stem = String(blank.entryPoint.dropLast(".xsd".count))
        var files: [String: [UInt8]] = [:]
        for file in packageFiles where file.path.hasPrefix(folder) {
            let name = String(file.path.dropFirst(folder.count))
            if name == blank.entryPoint || name.hasPrefix(stem + "-") { files[name] = file.contents }
        }
        return files
    }
}

/// `1,236` → Amount; `(1,673,536)` → negative. Written as printed so tests read like the statement.
func printed(_ text: String) -> Amount {
    guard case .success(let cell) = ValueScanner.cell(Substring(text)), let amount = cell.amount else {
        preconditionFailure("not an amount: \(text)")
    }
    return amount
}

extension Blank {
    /// The quarterly Life, Accident and Health blank, the reference statement's (2011 edition).
    static var lifeQuarterly: Blank { edition("life-ah-quarterly", 2011) }
    /// The annual Life, Accident and Health blank, 2024 edition.
    static var lifeAnnual: Blank { edition("life-ah-annual", 2024) }

    static func edition(_ id: String, _ year: Int) -> Blank {
        do { return try BlankCatalog.bundled.blank(id, year: year) } catch { preconditionFailure("\(error)") }
    }
}

extension Statement {
    /// The cell at a page's line and blank column number ("1", "2"), by the statement's own
    /// edition of its blank unless `blank` is given; column "1" is the only column of a page
    /// whose one column is not numbered (the verifications between years).
    func cell(_ page: String, _ line: String, column: String, blank: Blank? = nil) -> Cell? {
        guard let blank = blank ?? Blank.named(self.blank, year: edition),
              let description = blank.page(page), let index = description.index(ofColumn: column)
                ?? (column == "1" && description.columns.count == 1 && description.columns[0].number.isEmpty ? 0 : nil),
              let row = self.page(page)?.row(line), index < row.cells.count else { return nil }
        return row.cells[index]
    }

    func amount(_ page: String, _ line: String, column: String) -> Amount? {
        cell(page, line, column: column)?.amount
    }
}

extension Checker {
    /// The status of rule `rule` on `statement`, as ``check(_:origins:file:)`` reports it, with
    /// that rule alone evaluated (a statement's thousands of other rules are not, nor reported):
    /// the tests that change one number and look at one tie ask this many times.
    func status(of rule: String, on statement: Statement) -> CheckResult.Status? {
        Checker(rules: rules.restricted(to: [rule])).check(statement).results.first { $0.rule == rule }?.status
    }
}
