import Foundation

/// Everything found about one statement, in the project's one findings form: what reading it,
/// mapping it, validating its instance and its crosschecks found, each a ``Diagnostic``.
///
/// `convert --findings FILE` writes it as JSON (and a batch writes one per statement, next to its
/// instance, and the same findings in `summary.jsonl`).
public struct Findings: Codable, Equatable, Sendable {
    /// The statement the findings are about.
    public var file: String
    public var errors: Int
    public var warnings: Int
    public var info: Int
    public var findings: [Diagnostic]

    public init(file: String, findings: [Diagnostic]) {
        self.file = file
        self.findings = findings
        errors = findings.filter { $0.severity == .error }.count
        warnings = findings.filter { $0.severity == .warning }.count
        info = findings.filter { $0.severity == .info }.count
    }

    /// The findings as JSON: keys sorted, one property a line, ending with a newline.
    public var json: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain values cannot fail.
        return Array(((try? encoder.encode(self)) ?? Data("{}".utf8))) + [0x0A]
    }
}
