import Foundation
import XCTest
@_spi(Stages) @testable import NAICXBRLCore

/// `convert --findings`: every finding of a statement, crosschecks with their cells, in the one
/// findings form (``Findings``).
extension CommandLineTests {
    private func findings(at url: URL) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        return try XCTUnwrap(object?["findings"] as? [[String: Any]])
    }

    /// The reference statement prints 25 sums that are a dollar off what their lines add up to
    /// (rounding in the filer's system); each is a rounding finding with the cells it read, and
    /// every cell's value is the one printed on its input line.
    func testConvertWritesTheReferenceStatementsFindings() throws {
        let folder = try temporaryFolder()
        let findingsFile = folder.appendingPathComponent("mml.findings.json")
        let result = try run(["convert", Fixture.referencePath, "-o", folder.appendingPathComponent("mml.xbrl").path,
                              "--findings", findingsFile.path])
        XCTAssertEqual(result.code, 0, result.stderr)
        let all = try findings(at: findingsFile)
        let rounding = all.filter { $0["code"] as? String == "check-rounding" }
        XCTAssertEqual(rounding.count, 25)
        XCTAssertEqual(all.filter { $0["severity"] as? String == "error" }.count, 0)
        let lines = try String(contentsOfFile: Fixture.referencePath, encoding: .utf8).components(separatedBy: "\n")
        for finding in rounding {
            XCTAssertEqual(finding["severity"] as? String, "warning")
            XCTAssertNotNil(finding["rule"] as? String)
            let difference = try XCTUnwrap(finding["difference"] as? String)
            XCTAssert(difference == "1" || difference == "-1", "\(finding)")
            let cells = try XCTUnwrap(finding["cells"] as? [[String: Any]])
            XCTAssertFalse(cells.isEmpty)
            for cell in cells where cell["page"] != nil {
                XCTAssertNotNil(cell["line"], "\(cell)")
                guard let value = cell["value"] as? String, let line = cell["inputLine"] as? Int else { continue }
                // The printed amount, without its thousands separators or parentheses.
                let printed = lines[line - 1].replacingOccurrences(of: ",", with: "")
                    .replacingOccurrences(of: "(", with: "-").replacingOccurrences(of: ")", with: "")
                // An amount printed in a caption ("cash equivalents ($32,293,783)") is inside it.
                let fields = printed.components(separatedBy: "\t")
                XCTAssert(cell["caption"] != nil ? fields[0].contains(value) : fields.contains(value),
                          "\(value) is not printed on line \(line): \(lines[line - 1])")
            }
        }
        // Assets line 26, column 4 (prior year-end total) prints 313,738,670 and is a dollar off
        // the lines it totals.
        XCTAssert(rounding.contains { finding in
            (finding["cells"] as? [[String: Any]])?.contains {
                $0["page"] as? String == "Assets" && $0["line"] as? String == "26" && $0["column"] as? String == "4"
                    && $0["side"] as? String == "left" && $0["value"] as? String == "313738670"
            } ?? false
        })
    }

    /// A batch writes one findings file per statement and carries the same findings in its summary.
    func testBatchWritesFindingsPerStatementAndInTheSummary() throws {
        let folder = try temporaryFolder()
        let inputs = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixture.referencePath, toPath: inputs.appendingPathComponent("a.txt").path)
        try Data().write(to: inputs.appendingPathComponent("b.txt"))
        let out = folder.appendingPathComponent("out")
        let result = try run(["convert", inputs.path, "--output-dir", out.path, "--findings", out.path])
        XCTAssertEqual(result.code, 1, result.stderr)
        let a = try findings(at: out.appendingPathComponent("a.findings.json"))
        XCTAssertEqual(a.filter { $0["code"] as? String == "check-rounding" }.count, 25)
        let b = try findings(at: out.appendingPathComponent("b.findings.json"))
        XCTAssert(b.contains { $0["code"] as? String == "empty-input" && $0["severity"] as? String == "error" }, "\(b)")
        let summary = try String(contentsOf: out.appendingPathComponent("summary.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        XCTAssertEqual(summary.count, 2)
        let first = try XCTUnwrap(summary.first { ($0["input"] as? String)?.hasSuffix("a.txt") == true })
        XCTAssertEqual((first["findings"] as? [[String: Any]])?.count, a.count)
        XCTAssertEqual(first["findingsFile"] as? String, out.appendingPathComponent("a.findings.json").path)
    }

    /// A statement that cannot be read still gets its findings, with the reason.
    func testUnusableStatementStillGetsFindings() throws {
        let folder = try temporaryFolder()
        let empty = folder.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let findingsFile = folder.appendingPathComponent("empty.findings.json")
        let result = try run(["convert", empty.path, "-o", folder.appendingPathComponent("x.xbrl").path, "--findings", findingsFile.path])
        XCTAssertEqual(result.code, 2, result.stderr)
        let all = try findings(at: findingsFile)
        XCTAssert(all.contains { $0["code"] as? String == "empty-input" && $0["severity"] as? String == "error" }, "\(all)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.xbrl").path))
    }

    /// `parse`, `check`, `validate` and `import` take `--findings` too: the same form, written
    /// whatever the outcome.
    func testEveryCommandWritesFindingsInTheSameForm() throws {
        let folder = try temporaryFolder()
        let instance = folder.appendingPathComponent("mml.xbrl")
        XCTAssertEqual(try run(["convert", Fixture.referencePath, "-o", instance.path]).code, 0)
        func written(_ arguments: [String], code: Int32) throws -> [[String: Any]] {
            let file = folder.appendingPathComponent(UUID().uuidString + ".json")
            let result = try run(arguments + ["--findings", file.path])
            XCTAssertEqual(result.code, code, "\(arguments): \(result.stderr)")
            return try findings(at: file)
        }
        // The two info findings parse does not print without --verbose are recorded.
        XCTAssertEqual(try written(["parse", Fixture.referencePath], code: 0).filter { $0["severity"] as? String == "info" }.count, 2)
        XCTAssertEqual(try written(["check", Fixture.referencePath], code: 0).filter { $0["code"] as? String == "check-rounding" }.count, 25)
        XCTAssertEqual(try written(["validate", instance.path], code: 0).count, 0)
        XCTAssertEqual(try written(["import", instance.path, "-o", folder.appendingPathComponent("mml.json").path], code: 0)
            .filter { $0["severity"] as? String == "error" }.count, 0)
        let garbage = folder.appendingPathComponent("garbage.xbrl")
        try Data("not xml".utf8).write(to: garbage)
        let refused = try written(["validate", garbage.path], code: 1)
        XCTAssertEqual(refused.first?["code"] as? String, "schema")
        XCTAssertEqual(refused.first?["file"] as? String, garbage.path)
    }
}
