// Reads a statement, converts it to an XBRL 2.1 instance, validates the instance and checks the
// statement, then prints what a pipeline would log: the facts, the findings and the checks.
// Exits 1 when anything is an error, 2 when the input is not a statement.
//
//     swift run --package-path Examples/EmbeddingPipeline EmbeddingPipeline Fixtures/mml-bay-state-life-2011-q2.txt
import Foundation
import NAICXBRL

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 1, let path = arguments.first else {
    FileHandle.standardError.write(Data("usage: EmbeddingPipeline STATEMENT\n".utf8))
    exit(2)
}

// Reading: the blank is recognized from the statement's running header.
let parsed: ParseResult
do {
    parsed = try StatementParser.parse(fileAt: path)
} catch {
    FileHandle.standardError.write(Data("\(path): \(error)\n".utf8))
    exit(2)
}
guard parsed.isUsable else {
    for diagnostic in parsed.diagnostics { print(diagnostic) }
    exit(2)
}
let statement: Statement = parsed.statement
print("statement: \(statement.blank) \(statement.edition.map(String.init) ?? "") \(statement.pages.count) pages")

// Converting, with the instance validated against the blank's taxonomy.
let conversion: Conversion
do {
    conversion = try Converter.convert(statement, file: "<memory>", validate: true)
} catch {
    FileHandle.standardError.write(Data("\(path): \(error)\n".utf8))
    exit(2)
}
print("facts: \(conversion.facts.count) (\(conversion.instance.count) bytes of XBRL)")

// Findings: the reader's and the conversion's diagnostics, and the schema validation's issues.
let diagnostics: [Diagnostic] = parsed.diagnostics + conversion.diagnostics
let validation: [Diagnostic] = conversion.validation
let findings = Findings(file: path, findings: diagnostics + validation)
for finding in findings.findings where finding.severity >= .warning { print(finding) }
print("findings: \(diagnostics.filter { $0.severity == .error }.count) errors, "
    + "\(diagnostics.filter { $0.severity == .warning }.count) warnings; "
    + "validation: \(validation.filter { $0.severity == .error }.count) errors")

// Checking: the blank's crosschecks on the statement's amounts.
var checkErrors = 0
if let blank = Blank.named(statement.blank, year: statement.edition), let checker = try? Checker.bundled(for: blank) {
    let report: CheckReport = checker.check(statement, origins: parsed.origins, file: path)
    let summary = report.summary
    print("checks: \(summary.evaluated) evaluated, \(summary.passed) passed, \(summary.errors) errors, \(summary.warnings) warnings, \(summary.rounding) rounding")
    checkErrors = summary.errors
} else {
    print("checks: none for blank \(statement.blank)")
}

let failed = diagnostics.contains { $0.severity == .error } || validation.contains { $0.severity == .error } || checkErrors > 0
exit(failed ? 1 : 0)
