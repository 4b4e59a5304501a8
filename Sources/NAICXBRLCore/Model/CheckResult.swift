import Foundation

/// One cell (or sum of cells, or count) a check read.
public struct CheckCell: Codable, Equatable, Sendable {
    /// `left` (what the statement prints) or `right` (what it must equal).
    public var side: String?
    /// +1 or -1: how the cell enters its side.
    public var sign: Int?
    /// Where it is, in the blank's words: "Assets line 28, column 3".
    public var place: String
    public var page: String?
    public var line: String?
    public var column: String?
    /// The amount printed in the caption, 1-based.
    public var caption: Int?
    public var note: Int?
    /// The note's table, 1-based.
    public var table: Int?
    /// A note table's row label.
    public var row: String?
    /// `part:number`.
    public var interrogatory: String?
    /// The value read: a plain decimal (`-2959888`), `-`, `XXX` or text; absent when blank.
    public var value: String?
    /// False when the line (or page, or question) is not printed at all.
    public var printed: Bool
    /// The input line the row was read from, when known.
    public var inputLine: Int?

    package init(place: String, page: String? = nil, line: String? = nil, column: String? = nil, caption: Int? = nil, note: Int? = nil,
         table: Int? = nil, row: String? = nil, interrogatory: String? = nil, value: String?, printed: Bool, inputLine: Int? = nil) {
        (self.place, self.page, self.line, self.column) = (place, page, line, column)
        (self.caption, self.note, self.table, self.row) = (caption, note, table, row)
        (self.interrogatory, self.value, self.printed, self.inputLine) = (interrogatory, value, printed, inputLine)
    }
}

/// The outcome of one rule on one instance (a row, a table) or, when nothing it compares is
/// printed, of the rule as a whole.
public struct CheckResult: Codable, Equatable, Sendable {
    public enum Status: String, Codable, Sendable {
        /// The two sides are equal.
        case passed
        /// They differ by no more than the rule's tolerance: reported as a warning.
        case rounding
        /// They differ by more: reported with the rule's severity.
        case failed
        /// Nothing the rule compares is printed.
        case notEvaluated = "not-evaluated"
    }

    public var rule: String
    public var source: CheckRuleSource
    /// The rule's severity when it fails.
    public var severity: CheckSeverity
    public var status: Status
    /// How this result is reported: the rule's severity when failed, a warning when within the
    /// rounding tolerance, nothing otherwise.
    public var level: CheckSeverity?
    public var message: String
    /// The row or table checked, for rules that go row by row: "Schedule T line 6".
    public var instance: String?
    /// What the statement should print (the right side), a plain decimal.
    public var expected: String?
    /// What it prints (the left side).
    public var actual: String?
    /// `actual - expected`.
    public var difference: String?
    public var tolerance: String
    public var cells: [CheckCell]
    /// Why the rule was not evaluated.
    public var reason: String?

    package init(rule: String, source: CheckRuleSource, severity: CheckSeverity, status: Status, level: CheckSeverity? = nil, message: String, instance: String? = nil, expected: String? = nil, actual: String? = nil, difference: String? = nil, tolerance: String, cells: [CheckCell], reason: String? = nil) {
        (self.rule, self.source, self.severity, self.status) = (rule, source, severity, status)
        (self.level, self.message, self.instance, self.expected) = (level, message, instance, expected)
        (self.actual, self.difference, self.tolerance, self.cells) = (actual, difference, tolerance, cells)
        self.reason = reason
    }
}

/// Where a check rule comes from.
public enum CheckRuleSource: String, Codable, Sendable {
    /// Generated from the arithmetic in the blank description.
    case blank
    /// Listed in the rule file.
    case listed
}
