/// A finding about the input, tied to where it was found.
public struct Diagnostic: Codable, Equatable, Sendable, CustomStringConvertible {
    public enum Severity: String, Codable, Sendable, Comparable {
        case info, warning, error

        private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    /// What kind of finding this is; stable, for pipelines to filter on.
    public enum Code: String, Codable, Sendable {
        case unrecognizedLine = "unrecognized-line"
        case captionMismatch = "caption-mismatch"
        /// A row whose caption is another line's, or no line's, of the edition: not filed.
        case misplacedRow = "misplaced-row"
        case unknownLine = "unknown-line"
        case badValue = "bad-value"
        case cellCount = "cell-count"
        case ambiguousRow = "ambiguous-row"
        case resolvedRow = "resolved-row"
        case duplicateLine = "duplicate-line"
        case duplicatePage = "duplicate-page"
        case missingPage = "missing-page"
        case missingLine = "missing-line"
        case coverField = "cover-field"
        case encoding = "encoding"
        case emptyInput = "empty-input"
        case invalidXML = "invalid-xml"
        case schemaInvalid = "schema-invalid"
        case importError = "import-error"
        case io = "io"
        /// A DOCTYPE, or a reference to a document outside the in-memory registry (a file, a
        /// URL), refused on purpose: nothing was read from it.
        case refused = "refused"
        case edition = "edition"
        /// A page whose text layer is not text: reported, not read.
        case unreadablePage = "unreadable-page"
        /// A character XML cannot hold (a control character such as ESC, BEL, NUL, form feed).
        case unwritableCharacter = "unwritable-character"
        /// The input passes one of the documented limits (``Limits``).
        case limit = "limit"
        /// An xBRL-JSON report or xBRL-CSV metadata that is not JSON (or not UTF-8).
        case invalidJSON = "invalid-json"
        /// An xBRL-CSV table that cannot be read: a ragged row, an unknown column, bad UTF-8.
        case invalidCSV = "invalid-csv"
        /// A report that breaks a constraint of the Open Information Model, xBRL-JSON or
        /// xBRL-CSV (a missing property, an undeclared prefix, a value not canonical).
        case oim = "oim"
        /// A report package (zip) that cannot be opened safely or lacks its report.
        case reportPackage = "report-package"
        /// A command's arguments cannot be used.
        case arguments = "arguments"
        /// A document names no taxonomy of a known blank edition, or a taxonomy does not compile.
        case schema = "schema"
        /// The crosschecks cannot be run (no rules for the blank, rules that do not compile).
        case checks = "checks"
        /// A statement that was read could not be converted.
        case convert = "convert"
        /// A batch cannot go on (an output would overwrite an input), or a statement of it failed.
        case batch = "batch"
        /// A crosscheck that failed: the statement's figures do not add up as the rule says.
        case checkFailed = "check-failed"
        /// A crosscheck whose sides differ by no more than its rounding tolerance.
        case checkRounding = "check-rounding"
        /// A page read by optical character recognition (`--ocr`), or a value so read that the
        /// page's arithmetic does not confirm.
        case ocr = "ocr"
    }

    public var severity: Severity
    public var code: Code
    /// The file the finding is about, when known.
    public var file: String?
    /// 1-based page of a PDF or of paginated text, when the finding is about a printed page.
    public var page: Int?
    /// 1-based line number: in the file for text input, on the ``page`` for a PDF.
    public var line: Int?
    public var message: String
    /// A crosscheck's finding: the rule's id, ...
    public var rule: String?
    /// ... what the statement must print (the rule's right side) and what it prints (its left
    /// side), and their difference, as plain decimals ...
    public var expected: String?
    public var actual: String?
    public var difference: String?
    /// ... and every cell the rule read, with its page, line and column.
    public var cells: [CheckCell]?

    public init(_ severity: Severity, _ code: Code, file: String? = nil, page: Int? = nil, line: Int?, _ message: String) {
        self.severity = severity
        self.code = code
        self.file = file
        self.page = page
        self.line = line
        self.message = message
    }

    /// `file:line: severity: message [code]`, the form compilers use, so editors can jump to it.
    public var description: String {
        "\(Self.place(file: file, page: page, line: line)): \(severity.rawValue): \(message) [\(code.rawValue)]"
    }

    /// Where a finding is, as the form compilers use writes it: `file:line`, or `file: page 3,
    /// line 12` on a page of a PDF; `<input>` for no file.
    public static func place(file: String?, page: Int? = nil, line: Int?) -> String {
        var place = file ?? "<input>"
        if let page {
            place += ": page \(page)"
            if let line { place += ", line \(line)" }
        } else if let line {
            place += ":\(line)"
        }
        return place
    }
}

extension Array where Element == Diagnostic {
    /// Whether any finding is an error; warnings and notes alone leave an input usable and a
    /// document valid.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}

/// How each line of the input was accounted for: nothing is silently dropped.
public enum LineDisposition: String, Codable, Sendable {
    /// Its values went into the model.
    case mapped
    /// A page header, page title, column heading, boilerplate or legend.
    case classified
    /// A NONE mark.
    case none
    /// Reported as a diagnostic.
    case reported
}
