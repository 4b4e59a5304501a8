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

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a statement's arithmetic and its ties between pages, schedules and notes.",
        discussion: """
        The rules are the arithmetic printed in the blank's captions and column headings, and the \
        crosschecks in Blank/Data/life-ah-quarterly-checks.json. A FILE ending in .xbrl, .xml, .json (xBRL-JSON) or .xbr (xBRL-CSV) is \
        imported from XBRL; anything else is read as a statement. Findings are printed as \
        FILE:LINE: SEVERITY: [RULE] MESSAGE (expected X, actual Y). A difference within a rule's \
        rounding tolerance is a warning. Exit code 1 when an error-severity rule fails.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The statement (or - for standard input), or an XBRL instance (.xbrl, .xml), xBRL-JSON report (.json) or xBRL-CSV report package (.xbr).")
    var input: String

    @OptionGroup var entity: EntityOptions

    @Option(help: "text: findings and a summary; json: every rule's result, the summary, and counts per rule.")
    var format: Format = .text

    @Flag(help: "text format: also list the rules that passed or had nothing to compare.")
    var verbose = false

    @OptionGroup var findingsOption: FindingsOption

    func run() throws {
        findingsOption.record(about: input)
        let statement: Statement
        var origins: [String: [String: Int]] = [:]
        let lower = input.lowercased()
        if lower.hasSuffix(".xbrl") || lower.hasSuffix(".xml") || lower.hasSuffix(".json") || lower.hasSuffix(".xbr")
            || lower.hasSuffix(".xhtml") || lower.hasSuffix(".html") {
            let bytes = try InlineInput.instance(try readInstance(input), name: InputFile.displayName(input))
            let report = ReportImport.read(bytes, name: InputFile.displayName(input), beside: InputFile.beside(input))
            guard report.blank != nil else {
                Output.diagnostics(report.result.diagnostics, minimum: .warning)
                if report.result.diagnostics.isEmpty {
                    Output.report(.error, .schema, file: InputFile.displayName(input), "the instance names no taxonomy of a known blank edition (expected a schemaRef such as \(InstanceBlank.example))")
                }
                throw ToolExit.invalid.code
            }
            let imported = report.result
            Output.diagnostics(imported.diagnostics, minimum: .warning)
            // Facts that cannot be placed leave holes the checks would report as differences. An
            // instance with errors is invalid input, exit code 1, as `import` says.
            if imported.hasErrors { throw ToolExit.invalid.code }
            statement = imported.statement
        } else {
            let parsed = try readStatement(input, entity: entity)
            Output.diagnostics(parsed.diagnostics, minimum: .warning)
            guard parsed.isUsable else { throw ToolExit.unusable.code }
            statement = parsed.statement
            origins = parsed.origins
        }
        guard let blank = Blank.named(statement.blank, year: statement.edition) else {
            Output.report(.error, .checks, file: input, "the statement's blank \(statement.blank) is not known")
            throw ToolExit.unusable.code
        }
        let checker: Checker
        do {
            guard let bundled = try Checker.bundled(for: blank) else {
                Output.report(.error, .checks, file: nil, "the \(blank.title) blank has no check rules")
                throw ToolExit.unusable.code
            }
            checker = bundled
        } catch let error as CheckRuleError {
            Output.report(.error, .checks, file: nil, "\(error)")
            throw ToolExit.unusable.code
        }
        let report = checker.check(statement, origins: origins, file: input == "-" ? "<stdin>" : input)
        Output.recorded?.append(contentsOf: report.diagnostics)
        switch format {
        case .text:
            Output.standardOutput(report.text(includePassed: verbose))
        case .json:
            Output.write(try Output.json(report) + [0x0A], to: .standardOutput)
        }
        if report.hasErrors { throw ToolExit.invalid.code }
    }
}
