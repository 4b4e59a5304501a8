import ArgumentParser
import Foundation
import NAICXBRL
@_spi(Stages) import NAICXBRLCore
import NAICXBRLXML
import NAICXBRLReading
import NAICXBRLTaxonomy
import NAICXBRLChecks
import NAICXBRLInstance
import NAICXBRLConversion

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Read a statement and print its model.",
        discussion: "Diagnostics go to standard error as FILE:LINE: SEVERITY: MESSAGE [CODE]."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, summary, pages
    }

    @Argument(help: "The statement: text rendered from the filed PDF, or - for standard input.")
    var statement: String

    @Option(help: "json: the whole model; summary: lines and values per page, and how each printed page was accounted for; pages: that account as JSON.")
    var format: Format = .summary

    @Flag(help: "Also print info diagnostics (rows placed by arithmetic, missing pages).")
    var verbose = false

    @OptionGroup var entity: EntityOptions

    @OptionGroup var findingsOption: FindingsOption

    func run() throws {
        findingsOption.record(about: statement)
        let result = try readStatement(statement, entity: entity)
        Output.diagnostics(result.diagnostics, minimum: verbose ? .info : .warning)
        guard result.isUsable else { throw ToolExit.unusable.code }
        switch format {
        case .json:
            Output.write(try Output.json(result.statement) + [0x0A], to: .standardOutput)
        case .summary:
            Output.standardOutput(Summary(result).text)
        case .pages:
            struct Pages: Encodable {
                var pages: Int, read: Int, notRead: Int, unreadable: Int
                var accounts: [PageAccount]
            }
            let pages = Pages(pages: result.pages.count, read: result.pages.filter { $0.status == .read }.count,
                              notRead: result.pages.filter { $0.status == .other }.count,
                              unreadable: result.pages.filter { $0.status == .unreadable }.count, accounts: result.pages)
            Output.write(try Output.json(pages) + [0x0A], to: .standardOutput)
        }
        if result.hasErrors { throw ToolExit.invalid.code }
    }
}

/// The statement at `path` (`-` for standard input), parsed, with the codes `entity` gives where
/// it prints none; exit code 2 when it cannot be read.
func readStatement(_ path: String, entity: EntityOptions) throws -> ParseResult {
    var result: ParseResult
    try entity.checkOCRTools()
    do {
        result = try StatementParser.parse(fileAt: path, ocr: entity.ocr)
    } catch {
        Output.report(.error, .io, file: InputFile.displayName(path), "\(error)")
        throw ToolExit.unusable.code
    }
    try entity.codes().apply(to: &result, file: InputFile.displayName(path))
    OCRReview.review(&result, file: InputFile.displayName(path))
    return result
}

/// The instance at `path` (`-` for standard input); exit code 2 when it cannot be read.
func readInstance(_ path: String) throws -> [UInt8] {
    do {
        return try InputFile.read(path)
    } catch {
        Output.report(.error, .io, file: InputFile.displayName(path), "\(error)")
        throw ToolExit.unusable.code
    }
}

/// Refuses (exit code 2) an output that is the input itself, before anything is read or written.
func refuseOverwritingInput(_ input: String, _ output: String?) throws {
    guard let output, input != "-", AtomicFile.sameFile(input, output) else { return }
    Output.report(.error, .io, file: output, "the output is the input \(input); it would be overwritten")
    throw ToolExit.unusable.code
}

/// A per-page count of printed lines and values.
struct Summary {
    let text: String

    /// `1, 3-5, 9`.
    static func ranges(_ numbers: [Int]) -> String {
        var parts: [String] = []
        var index = 0
        while index < numbers.count {
            var end = index
            while end + 1 < numbers.count, numbers[end + 1] == numbers[end] + 1 { end += 1 }
            parts.append(end > index ? "\(numbers[index])-\(numbers[end])" : "\(numbers[index])")
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }

    init(_ result: ParseResult) {
        let statement = result.statement
        var out = ""
        let cover = statement.cover
        out += "\(cover.companyName ?? "(no company name)") (NAIC \(cover.companyCode ?? "?")), \(cover.kind?.rawValue ?? "?") statement as of \(cover.statementDate?.description ?? "?")\n"
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        // The first column is as wide as the longest page id, and at least 32.
        let width = max(32, (statement.pages.map(\.id.count).max() ?? 0) + 2)
        out += pad("page", width) + pad("lines", 8) + "values\n"
        for page in statement.pages {
            let values = page.rows.reduce(0) { $0 + $1.cells.filter { !$0.isBlank }.count + $1.captionAmounts.filter { !$0.isBlank }.count }
            out += pad(page.id, width) + pad(String(page.rows.count), 8) + String(values) + (page.none ? " (NONE)" : "") + "\n"
        }
        let noteValues = statement.notes.flatMap(\.tables).flatMap(\.rows).reduce(0) { $0 + $1.cells.filter { !$0.isBlank }.count }
        out += pad("notes", width) + pad(String(statement.notes.count), 8) + String(noteValues) + "\n"
        // The interrogatories' parts the statement's blank describes, in its order.
        let parts = Blank.named(statement.blank, year: statement.edition)?.sections.filter { $0.kind == .interrogatories }.map { $0.part ?? $0.id }
            ?? Array(Set(statement.interrogatories.map(\.part))).sorted()
        for part in parts {
            let items = statement.interrogatories.filter { $0.part == part }
            let answered = items.filter { $0.answer != .none }.count
            out += pad("interrogatories \(part)", width) + pad(String(items.count), 8) + String(answered) + "\n"
        }
        let counts = Dictionary(grouping: result.diagnostics, by: \.severity).mapValues(\.count)
        if !result.pages.isEmpty {
            let read = result.pages.filter { $0.status == .read }, other = result.pages.filter { $0.status == .other }
            out += "printed pages: \(result.pages.count): \(read.count) read, \(other.count) of schedules the blank's description does not read, \(result.unreadablePages.count) unreadable\n"
            // Each schedule not read, once, with its pages.
            var order: [String] = []
            var numbers: [String: [Int]] = [:]
            for account in other {
                let title = account.schedule ?? "(no title)"
                if numbers[title] == nil { order.append(title) }
                numbers[title, default: []].append(account.page)
            }
            for title in order {
                out += "  not read: \(title) (page\(numbers[title]!.count == 1 ? "" : "s") \(Summary.ranges(numbers[title]!)))\n"
            }
        }
        if !result.unreadablePages.isEmpty {
            out += "unreadable pages: \(result.unreadablePages.count) (\(Summary.ranges(result.unreadablePages)))\n"
        }
        out += "edition: \(statement.blank) \(statement.edition.map(String.init) ?? "?")\n"
        out += "diagnostics: \(counts[.error] ?? 0) errors, \(counts[.warning] ?? 0) warnings, \(counts[.info] ?? 0) notes; unrecognized lines: \(result.unrecognizedLineCount)\n"
        text = out
    }
}
