import Foundation

/// How serious a failed check is.
public enum CheckSeverity: String, Codable, Sendable, Comparable {
    case warning, error

    public static func < (a: CheckSeverity, b: CheckSeverity) -> Bool { a == .warning && b == .error }
}

/// The rule file as written: `Blank/Data/<blank>-checks.json`.
///
/// Rules are data so that a reviewer who knows the blank, not Swift, can read and correct them.
/// The file lists only what the blank description cannot say: ties between pages, schedule
/// verifications, note tables, counts. The arithmetic printed in captions and column headings is
/// generated from the blank description itself (``GeneratedChecks``), so it cannot drift from it.
public struct CheckRuleFile: Codable, Sendable {
    public var blank: String
    /// Severity and tolerance of the rules generated from the blank description.
    public var generated: Settings
    public var rules: [ListedRule]

    public struct Settings: Codable, Sendable {
        public var severity: CheckSeverity
        /// A decimal string in dollars: `"1"`, `"0.01"`.
        public var tolerance: String
    }
}

/// One rule of the rule file.
///
/// `left` and `right` are expressions over the statement (see ``CheckExpression``): `left` is
/// what the statement prints, `right` what it must equal. A difference within `tolerance` is
/// reported as a rounding warning; a larger one with the rule's `severity`.
public struct ListedRule: Codable, Sendable {
    /// Stable, and an XML NCName: it is also the id of the rule's XBRL value assertion.
    public var id: String
    /// What must hold, in the words of the blank, for the filer.
    public var message: String
    public var severity: CheckSeverity
    /// A decimal string in dollars (the unit facts are reported in), `"1"` or `"0.01"`.
    public var tolerance: String
    public var left: String
    public var right: String
    /// Column numbers `col *` stands for; the rule becomes one rule per column, `<id>-col-<n>`.
    public var columns: [String]?
    /// Why the rule holds, or what real filings show about it. Not printed.
    public var note: String?
}
