/// Collects what a parse finds: diagnostics, and how each input line was accounted for.
///
/// Every non-blank line must end up with a disposition; ``Parser`` reports the ones that do not
/// as unrecognized, so nothing is dropped silently.
public final class ParseContext {
    public let file: String
    public private(set) var diagnostics: [Diagnostic] = []
    public private(set) var dispositions: [Int: LineDisposition] = [:]

    public init(file: String) {
        self.file = file
    }

    /// The line's values went into the model.
    public func mapped(_ line: SourceText.Line) { set(line.number, .mapped) }
    /// The line is a header, title, heading or boilerplate of the blank.
    public func classified(_ line: SourceText.Line) { set(line.number, .classified) }
    /// The line is a NONE mark.
    public func noneMark(_ line: SourceText.Line) { set(line.number, .none) }

    /// Reports a finding about a line. A warning or error also marks the line as reported, unless
    /// its values were placed anyway (`placed`).
    public func report(_ severity: Diagnostic.Severity, _ code: Diagnostic.Code, line: Int?, _ message: String, placed: Bool = false) {
        diagnostics.append(Diagnostic(severity, code, file: file, line: line, message))
        if let line, severity >= .warning, !placed, dispositions[line] == nil {
            dispositions[line] = .reported
        }
    }

    public func append(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    private func set(_ number: Int, _ disposition: LineDisposition) {
        if dispositions[number] != .reported { dispositions[number] = disposition }
    }

    public func disposition(of number: Int) -> LineDisposition? { dispositions[number] }
}
