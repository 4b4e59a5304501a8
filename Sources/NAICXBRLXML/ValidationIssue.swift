import NAICXBRLCore
/// One problem found while loading, compiling or validating XML, tied to where it was found.
///
/// libxml2 reports schema-validity errors with a line but no column, so `line` is the finest
/// position there is. `file` is the name the document was given when it was handed over (a path
/// or URL); it is never opened because of this value.
public struct ValidationIssue: Codable, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Codable, Sendable {
        case warning, error
    }

    /// What went wrong, coarsely, so callers can tell a bad document from a bad set-up.
    public enum Kind: String, Codable, Sendable {
        /// The document is not well-formed XML (or is too large to parse).
        case malformed
        /// The document is well-formed but breaks the schema or an XBRL 2.1 rule checked here.
        case invalid
        /// Something was refused on purpose: a DOCTYPE, or a reference to a document outside the
        /// in-memory registry. Nothing was read from it.
        case refused
        /// A schema could not be compiled, so nothing was validated.
        case schema
    }

    public var severity: Severity
    public var kind: Kind
    /// The document the issue is about, as it was named to the validator.
    public var file: String?
    /// 1-based line in `file`, when known.
    public var line: Int?
    public var message: String

    public init(_ severity: Severity, _ kind: Kind, file: String?, line: Int?, _ message: String) {
        self.severity = severity
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: severity: message`, the form compilers use, so editors can jump to it.
    public var description: String {
        "\(Diagnostic.place(file: file, line: line)): \(severity.rawValue): \(message)"
    }

    /// The same finding in the project's diagnostic form.
    public var diagnostic: Diagnostic {
        let code: Diagnostic.Code
        switch kind {
        case .malformed: code = .invalidXML
        case .invalid: code = .schemaInvalid
        case .refused: code = .io
        case .schema: code = .importError
        }
        return Diagnostic(severity == .error ? .error : .warning, code, file: file, line: line, message)
    }
}

extension Array where Element == ValidationIssue {
    /// Whether any issue is an error; warnings alone leave a document valid.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
