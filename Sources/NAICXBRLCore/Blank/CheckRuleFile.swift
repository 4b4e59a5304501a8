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
package struct CheckRuleFile: Codable, Sendable {
    package var blank: String
    /// Severity and tolerance of the rules generated from the blank description.
    package var generated: Settings
    package var rules: [ListedRule]

    package struct Settings: Codable, Sendable {
        package var severity: CheckSeverity
        /// A decimal string in dollars: `"1"`, `"0.01"`.
        package var tolerance: String
    }
}

/// One rule of the rule file.
///
/// `left` and `right` are expressions over the statement (see ``CheckExpression``): `left` is
/// what the statement prints, `right` what it must equal. A difference within `tolerance` is
/// reported as a rounding warning; a larger one with the rule's `severity`.
package struct ListedRule: Codable, Sendable {
    /// Stable, and an XML NCName: it is also the id of the rule's XBRL value assertion.
    package var id: String
    /// What must hold, in the words of the blank, for the filer.
    package var message: String
    package var severity: CheckSeverity
    /// A decimal string in dollars (the unit facts are reported in), `"1"` or `"0.01"`.
    package var tolerance: String
    package var left: String
    package var right: String
    /// Column numbers `col *` stands for; the rule becomes one rule per column, `<id>-col-<n>`.
    package var columns: [String]?
    /// Why the rule holds, or what real filings show about it. Not printed.
    package var note: String?
}
