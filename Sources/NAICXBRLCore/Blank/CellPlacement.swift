/// What a printed cell of a tabular page becomes in an instance. This is the one rule the fact
/// mapping places a page's cells by, and the one the checks ask of a page when they need to know
/// whether it holds a value, so the two cannot drift apart.
package enum CellPlacement: Equatable, Sendable {
    /// Nothing: a blank cell.
    case nothing
    /// A count the line's description gives the cell (``CellDescription/Kind/count``), as that
    /// cell's own item, in unit pure.
    case count(Int64)
    /// A fact of the cell's item (its line's, or on a page whose rows are members, its column's):
    /// with a value, or nil (a dash, or `XXX` in an amount column).
    case item(hasValue: Bool)
    /// Kept as printed text, not as an item: a cell the blank has no item for, or text where an
    /// amount belongs.
    case printedText

    /// The placement of `cell` in a column of amounts (`isAmount`) or of text or codes, where
    /// `item` says whether the cell's line (or its column) has an item there and `described` is
    /// the line's description of the cell (nil: the cell is its column's).
    @inlinable
    package static func of(_ cell: Cell, isAmount: Bool, item: Bool, described: CellDescription?) -> CellPlacement {
        // A described cell's count is printed text; a blank cell has none.
        if let described, let count = described.count(of: cell) { return .count(count) }
        switch cell {
        case .blank: return .nothing
        case .amount: return item ? .item(hasValue: true) : .printedText
        case .dash: return item ? .item(hasValue: false) : .printedText
        case .notApplicable: return item ? .item(hasValue: !isAmount) : .printedText
        case .text: return item && !isAmount ? .item(hasValue: true) : .printedText
        // A percentage is a note's or an interrogatory's table's; on a page, text as printed.
        case .percent: return .printedText
        }
    }

    /// Whether the instance reports the cell as a value (a count, or a fact that is not nil).
    @inlinable
    package var isValue: Bool {
        switch self {
        case .count, .item(hasValue: true): true
        case .nothing, .item(hasValue: false), .printedText: false
        }
    }
}
