import NAICXBRLCore
/// Collects what a parse finds: diagnostics, and how each input line was accounted for.
///
/// Every non-blank line must end up with a disposition; ``Parser`` reports the ones that do not
/// as unrecognized, so nothing is dropped silently.
package final class ParseContext {
    package let file: String
    package private(set) var diagnostics: [Diagnostic] = []
    /// How each line was accounted for, by line number.
    package var dispositions: [Int: LineDisposition] {
        var result = otherLines
        result.reserveCapacity(otherLines.count + byLine.count)
        for (number, disposition) in byLine.enumerated() {
            if let disposition { result[number] = disposition }
        }
        return result
    }

    /// Dispositions of the lines of an input, indexed by line number: every line of a statement
    /// gets one, and an array is far cheaper to keep than a dictionary.
    private var byLine: [LineDisposition?] = []
    /// Dispositions of line numbers no input has (negative, or absurdly large).
    private var otherLines: [Int: LineDisposition] = [:]
    private static var byLineLimit: Int { 1 << 24 }

    package init(file: String) {
        self.file = file
    }

    /// The line's values went into the model.
    package func mapped(_ line: SourceText.Line) { set(line.number, .mapped) }
    /// The line is a header, title, heading or boilerplate of the blank.
    package func classified(_ line: SourceText.Line) { set(line.number, .classified) }
    /// The line is a NONE mark.
    package func noneMark(_ line: SourceText.Line) { set(line.number, .none) }

    /// Reports a finding about a line. A warning or error also marks the line as reported, unless
    /// its values were placed anyway (`placed`).
    package func report(_ severity: Diagnostic.Severity, _ code: Diagnostic.Code, line: Int?, _ message: String, placed: Bool = false) {
        diagnostics.append(Diagnostic(severity, code, file: file, line: line, message))
        if let line, severity >= .warning, !placed, disposition(of: line) == nil {
            store(line, .reported)
        }
    }

    package func append(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    private func set(_ number: Int, _ disposition: LineDisposition) {
        // Every line comes through here: a line already in the array is read and written in
        // one access.
        let stored: Bool = byLine.withUnsafeMutableBufferPointer { lines in
            guard number >= 0, number < lines.count else { return false }
            if lines[number] != .reported { lines[number] = disposition }
            return true
        }
        if !stored, self.disposition(of: number) != .reported { store(number, disposition) }
    }

    private func store(_ number: Int, _ disposition: LineDisposition) {
        guard number >= 0, number < ParseContext.byLineLimit else {
            otherLines[number] = disposition
            return
        }
        if number >= byLine.count {
            byLine.append(contentsOf: repeatElement(nil, count: max(number + 1 - byLine.count, byLine.count)))
        }
        byLine[number] = disposition
    }

    package func disposition(of number: Int) -> LineDisposition? {
        guard number >= 0, number < byLine.count else { return otherLines[number] }
        return byLine[number]
    }
}
