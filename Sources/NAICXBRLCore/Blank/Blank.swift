import Foundation

/// What a blank is: its pages, lines, captions, columns, arithmetic and sections.
///
/// This is the one description of a blank that every stage reads: the parser finds lines by
/// it, the taxonomy generator names concepts from it, the writer and importer map cells to facts
/// with it, and the checks take their arithmetic from it. Adding a blank means adding a JSON file
/// under `Blank/Data/`, not code.
public struct Blank: Codable, Sendable {
    /// Stable id, also the statement's ``Statement/blank``: `life-ah-quarterly`.
    public var id: String
    /// The year of the edition this description is: the NAIC revises its blanks every year, and
    /// ``BlankCatalog`` resolves each edition from the blank's base description and its changes.
    public var year: Int
    public var title: String
    public var kind: Cover.Kind
    /// The prefix the taxonomy's namespace is declared with.
    public var namespacePrefix: String
    /// The taxonomy's namespace: the project's own, never NAIC's. It names the blank, not the
    /// edition, so a line that means the same in two editions is one concept (one QName).
    public var namespace: String
    /// Where the taxonomy is published; files are resolved offline from the bundled copy.
    public var taxonomyURL: String
    /// The entry point schema's file name under ``taxonomyURL``: one per edition.
    public var entryPoint: String
    /// The running header printed at the top of statement pages ("STATEMENT AS OF").
    public var pageHeader: String
    /// Non-tabular parts: notes and interrogatories.
    public var sections: [SectionDescription]
    /// Tabular pages and schedules, in the blank's order.
    public var pages: [PageDescription]
    /// Another blank whose concepts this one reuses where a line means the same: such concepts
    /// have the same name, and the taxonomy declares them equivalent (essence-alias).
    public var sharesConceptsWith: String?
    /// The cover's printed vocabulary; a blank without one has its cover read for nothing.
    public var cover: CoverDescription?

    public func page(_ id: String) -> PageDescription? { pages.first { $0.id == id } }

    /// The blank and edition in one key: `life-ah-annual@2025`.
    public var editionKey: String { "\(id)@\(year)" }
}

extension Blank {
    /// The parts of the interrogatories (``SectionDescription/part``) in the order a statement
    /// keeps them: the order of the blank's sections.
    package var interrogatoryParts: [String] {
        sections.filter { $0.kind == .interrogatories }.compactMap(\.part)
    }
}

/// A non-tabular section: notes, a part of the interrogatories, or the overflow page for
/// write-ins.
public struct SectionDescription: Codable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case notes, interrogatories
        /// The page that goes on with the write-in lines other pages have no room for: a part
        /// per page, headed by one of the section's `subtitles` and a name the page gives
        /// (``PageDescription/overflowNames``: "Additional Write-ins for Assets Line 25"), whose
        /// rows are that page's lines of overflow entries and their summary.
        case overflow
    }

    public var id: String
    public var kind: Kind
    /// For interrogatories: `1`, `2`, `supplemental` or `exhibit5` (``Interrogatory/part``).
    /// A statement keeps its questions part by part in the order of the blank's sections.
    public var part: String?
    /// For interrogatories: what a check's report calls a question of the part, before its
    /// number ("General interrogatories part 1", "Supplemental interrogatory").
    public var name: String?
    /// Titles that open the section (matched after normalization).
    public var titles: [String]
    /// Sub-headings printed inside the section.
    public var subtitles: [String]?
    /// What a filed PDF's outline (its bookmarks) calls the section's pages, where that is not
    /// one of its titles: a PDF whose outline names them is read there.
    public var outline: [String]?
    /// For notes: what a note table's totals row is labelled with ("Total", which "Totals" also
    /// starts with), the rows a note's rules add up to.
    public var totalRowLabel: String?
}

/// One tabular page or schedule.
public struct PageDescription: Codable, Sendable {
    /// How a page's cells become facts.
    public enum RowsAre: String, Codable, Sendable {
        /// Each line is its own item; columns are periods (and dimension members).
        case items
        /// Each column is an item; lines are members of the page's row dimension (Schedule T's
        /// jurisdictions, Schedule D Part 1B's rating classes).
        case members
    }

    public var id: String
    /// The title as printed (matched after normalization).
    public var title: String
    /// The page number the blank prints at the foot of the page, as printed ("2", "S102"); a
    /// table printed across consecutive pages of the blank gives the first and the last, joined
    /// by a hyphen ("22-23"). A continuation page a filing adds for write-in lines that do not fit
    /// ("5.1" after "5") is the filing's, not the blank's, and is not counted. Nil where no
    /// statement read for the description prints one.
    public var printedPage: String?
    /// Lines printed under the title before the table.
    public var subtitles: [String]?
    /// Captions printed inside the table that carry no values ("DETAILS OF WRITE-INS").
    public var sections: [String]?
    /// Non-numbered lines that are part of the column headings.
    public var columnHeadingLines: [String]?
    /// Beginnings of footnotes and legends printed under the table.
    public var footnotes: [String]?
    /// Other lines printed on the page that carry no values (page numbers).
    public var boilerplate: [String]?
    /// Titles of the tables the blank prints above this one on the same page that the
    /// description does not read ("EXHIBIT 2 - GENERAL EXPENSES" above Exhibit 3): a page that
    /// opens with one of them is searched for this table's title.
    public var follows: [String]?
    /// Titles of the tables the blank prints under this one on the same page that the description
    /// does not read ("ADDITIONAL INFORMATION ON CREDIT LIFE AND GROUP INSURANCE" under the
    /// Exhibit of Life Insurance's participating status): this table ends where one of them stands.
    public var precedes: [String]?
    /// Lines that other schedules print right under this page's title, when they print the same
    /// title (the Asset Valuation Reserve's component pages print "BASIC CONTRIBUTION, RESERVE
    /// OBJECTIVE AND MAXIMUM RESERVE CALCULATIONS" under "ASSET VALUATION RESERVE"): a page
    /// whose title is followed by one of them is not this page.
    public var otherSchedulesUnderTitle: [String]?
    /// Words the page prints between its title and its column headings that say which of the
    /// blank's tables of that title it is: the Life Insurance State Page of the annual statement
    /// reports the business of all states ("Grand Total"), and the same page filed with a state
    /// reports that state's alone. A page that prints none of them is not read (an error says so).
    public var printsAboveColumns: [String]?
    /// What a filed PDF's outline (its bookmarks) calls the page where that is not the page's
    /// title ("Form for Calculating IMR"): a PDF whose outline names it is read there.
    public var outline: [String]?
    /// What the overflow page for write-ins calls this page in the headings of its parts
    /// ("Additional Write-ins for Summary of Operations Line 27"): the rows under such a heading
    /// are this page's (``SectionDescription/Kind/overflow``).
    public var overflowNames: [String]?
    /// False for a page whose layout text (`pdftotext -layout`) sets its columns too close to
    /// tell its cells apart (Schedule D Part 1A's twelve columns, with footnote markers before
    /// amounts and totals without leaders; the Asset Valuation Reserve components' ten): its
    /// layout text is refused with an error, and the
    /// page is read from a PDF's word positions only. Read everywhere when nil.
    public var readsLayoutText: Bool?
    /// True for a table of one column whose lines the blank prints side by side, several to a
    /// printed line, each its number, caption and amount (Schedule E Part 1's depository balances
    /// at each month's end: "1. January … 4. April … 7. July … 10. October …"). Its lines are
    /// read in any order; it has no column headings.
    public var linesSideBySide: Bool?
    /// The numbers a side-by-side table prints at the start of each printed line, which number
    /// the printed lines rather than the table's lines (the "Line Number" column, 1A to 1F, of
    /// Schedule E Part 2's footnote of book values by NAIC designation category, whose lines are
    /// the designations 1A to 6): such a number is no line's start.
    public var rowNumbers: [String]?
    /// False for a table whose lines the blank prints by their number alone, with no caption
    /// (the footnote's "1A ... $"): its captions are labels, and a line printed without one is
    /// its number's. A caption that is printed is still checked. Printed when nil.
    public var captionsPrinted: Bool?
    /// Words the blank prints on the line of the page's title before the title itself (the
    /// footnote's column heading `Line`, over `Number`, beside its title): the title is found
    /// after them too.
    public var printedBeforeTitle: String?
    public var rowsAre: RowsAre?
    /// The balance of the page's items, where accounting fixes it (assets debit, liabilities credit).
    public var balance: Balance?
    public var columns: [ColumnDescription]
    public var lines: [LineDescription]

    public var orientation: RowsAre { rowsAre ?? .items }

    public func index(ofColumn number: String) -> Int? { columns.firstIndex { $0.number == number } }

    /// The page numbers the blank prints on this page as a prefix and a range of numbers:
    /// "SI05-SI07" is ("SI", 5...7), "22-23" is ("", 22...23), "SI01" is ("SI", 1...1). Nil
    /// where none is known or the page number ends in no number.
    public var printedPageRange: (prefix: Substring, numbers: ClosedRange<Int>, width: Int)? {
        guard let printed = printedPage else { return nil }
        let ends = printed.split(separator: "-", omittingEmptySubsequences: false)
        guard ends.count <= 2, let first = ends.first, let last = ends.last else { return nil }
        func split(_ s: Substring) -> (prefix: Substring, number: Int?) {
            let digits = s.reversed().prefix { $0.isASCII && $0.isNumber }.count
            return (s.dropLast(digits), digits == 0 ? nil : Int(s.suffix(digits)))
        }
        let (a, b) = (split(first), split(last))
        guard let low = a.number, let high = b.number, a.prefix == b.prefix, low <= high else { return nil }
        return (a.prefix, low...high, first.count)
    }

    /// Whether `text` is a page number the blank prints on this page: ``printedPage``, or a page of
    /// its range ("SI05-SI07" is printed SI05, SI06 and SI07; "22-23" is 22 and 23), or a
    /// continuation page of it ("SI12.1", "SI12.13" go on from SI12).
    public func printsPageNumber(_ text: String) -> Bool {
        guard let printed = printedPage, !text.isEmpty else { return false }
        if text == printed { return true }
        if text.hasPrefix(printed + "."), text.count > printed.count + 1,
           text.dropFirst(printed.count + 1).allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
        guard let range = printedPageRange, text.count == range.width,
              text.hasPrefix(range.prefix), text.dropFirst(range.prefix.count).allSatisfy({ $0.isASCII && $0.isNumber }),
              let number = Int(text.dropFirst(range.prefix.count)) else { return false }
        return range.numbers.contains(number)
    }
    public func line(_ number: String) -> LineDescription? { lines.first { $0.line == number } }

    /// The line a row printing `number` is of: the line of that number, or the line of entries
    /// the number is a code of (``LineDescription/entries``).
    public func line(printed number: String) -> LineDescription? {
        line(number) ?? entriesLine(of: number).map { lines[$0] }
    }

    /// The index of the line that stands for the entries `code` is one of (``LineDescription/entries``).
    public func entriesLine(of code: String) -> Int? {
        guard hasEntries else { return nil }
        return lines.firstIndex { $0.hasEntry(code) }
    }

    /// Whether a line of the page stands for entries.
    public var hasEntries: Bool { lines.contains { $0.entries != nil } }

    /// Whether a line of the page stands for entries whose codes are not printed.
    public var hasUncodedEntries: Bool { lines.contains(where: \.hasUncodedEntries) }

    /// The line of entries whose codes are not printed that the entries printed just before line
    /// `number` are of: the line `number` totals (its total is that line alone), or the line of
    /// entries that `number` directly follows in the blank where one total adds both (Schedule E
    /// Part 1's depositories end at 0199998, the deposits not listed one by one, and 0199999 is
    /// "0100001+0199998").
    public func uncodedEntriesTotaled(by number: String) -> Int? {
        guard let index = lines.firstIndex(where: { $0.line == number }) else { return nil }
        if let total = lines[index].total, let l = lines.firstIndex(where: { $0.hasUncodedEntries && $0.line == total }) { return l }
        guard index > 0, lines[index - 1].hasUncodedEntries else { return nil }
        let entries = lines[index - 1].line
        let addsBoth = lines.contains { line in
            guard let total = line.total, let formula = Formula(total) else { return false }
            let singles = formula.terms.compactMap { term -> String? in
                if case .single(let n) = term.reference, term.sign > 0 { return n } else { return nil }
            }
            return singles.contains(entries) && singles.contains(number)
        }
        return addsBoth ? index - 1 : nil
    }

    /// The line of entries printed without codes that no line totals (Schedule Y Part 1A's
    /// listing, the page's one line): its entries are those printed until the table ends.
    public var untotaledUncodedEntries: Int? {
        lines.firstIndex { line in line.hasUncodedEntries && !lines.contains { $0.total == line.line } }
    }
}

public enum Balance: String, Codable, Sendable { case debit, credit }

/// When a column's values stand, relative to the statement date.
public enum PeriodReference: String, Codable, Sendable, CaseIterable {
    /// The statement date (instant).
    case currentInstant = "current-instant"
    /// December 31 of the prior year (instant).
    case priorYearEnd = "prior-year-end"
    /// January 1 to the statement date.
    case currentYearToDate = "current-ytd"
    /// January 1 to the statement date's day, one year earlier.
    case priorYearToDate = "prior-ytd"
    /// The whole prior calendar year.
    case priorYear = "prior-year"
    /// The quarter that ends at the statement date.
    case currentQuarter = "current-quarter"
    /// The day before the current quarter began (instant).
    case quarterStart = "quarter-start"
    case firstQuarterEnd = "first-quarter-end"
    case secondQuarterEnd = "second-quarter-end"
    case thirdQuarterEnd = "third-quarter-end"
    /// The current year's calendar quarters (a year's table by quarter: Schedule DB Part C
    /// Section 2).
    case firstQuarter = "first-quarter"
    case secondQuarter = "second-quarter"
    case thirdQuarter = "third-quarter"
    case fourthQuarter = "fourth-quarter"
    /// The calendar year two, three and four years before the statement's (five-year tables).
    case secondPriorYear = "second-prior-year"
    case thirdPriorYear = "third-prior-year"
    case fourthPriorYear = "fourth-prior-year"
}

public struct ColumnDescription: Codable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// Amounts (the default).
        case amount
        /// Free text such as an active status.
        case text
        /// A code fixed by the blank for each line (Schedule T's state abbreviations).
        case code
    }

    /// The blank's column number as printed ("1", "2"); empty for an unnumbered column.
    public var number: String
    public var id: String
    public var heading: String
    public var kind: Kind?
    public var period: PeriodReference?
    /// For pages whose rows are items: the member of the page's column dimension.
    public var member: String?
    /// For pages whose rows are members: the item this column reports.
    public var concept: String?
    /// For pages whose rows are members: overrides the page's balance for this column's item
    /// (Schedule S Part 5's miscellaneous balances, a credit subtracted from debits).
    public var balance: Balance?
    /// Column arithmetic printed in the heading ("Cols. 1 - 2"), by column numbers.
    public var total: String?
    /// For pages whose rows are items: a column that reports another item than its lines'
    /// (a number of policies among amounts, a balance at the year's end among flows) gives the
    /// suffix of that item's name. Each line then reports the item `<line's item><suffix>` in this
    /// column, of the column's ``type`` and period; the columns with the same suffix are that
    /// item's periods and members, as the other columns are the line's item's.
    public var conceptSuffix: String?
    /// The label of the column's ``member`` where a column of another item shares it (the State
    /// Page's "Totals Paid" over a number of policies and an amount); the heading otherwise.
    public var memberLabel: String?
    /// What a column with a ``conceptSuffix`` reports when it is not an amount of money:
    /// `count` (a whole number, no unit of money), `integer` (one that may be negative) or `percent`.
    public var type: LineDescription.ValueType?

    public var valueKind: Kind { kind ?? .amount }

    /// Whether the column's values add up along its lines: not percentages (printed rounded) and
    /// not factors, which arithmetic printed in captions does not sum.
    public var adds: Bool { type != .percent && type != .ratio }
}

public struct LineDescription: Codable, Sendable {
    /// The line number as printed, without its final period.
    public var line: String
    /// The caption; each `$` stands where the statement prints an amount inside the caption.
    /// Empty for write-in detail lines, whose captions are the filer's own.
    public var caption: String
    /// The item this line reports (pages whose rows are items).
    public var concept: String?
    /// The member of the page's row dimension (pages whose rows are members).
    public var member: String?
    /// A fixed code printed in the page's code column (a state abbreviation).
    public var code: String?
    /// A caption that only groups the lines under it ("Stocks:").
    public var heading: Bool?
    /// A write-in detail line: the caption is the filer's own.
    public var writeIn: Bool?
    /// Arithmetic printed in the caption, in line numbers: `1..11`, `9-28`, `31+32+33+34+35-36`.
    public var total: String?
    /// The line this one repeats ("(Line 25 above)").
    public var equals: String?
    /// The line on whose row the blank prints this line's amount, right of that line's own: a
    /// verification between years prints the total of "2. Cost of acquired:" on the row of its
    /// last sub-line 2.2, in an outer column right of the sub-lines' inner one. Only on a page of
    /// one column, which its amounts' right edges place (its number is not printed).
    public var amountOnRowOf: String?
    /// The codes of the entries this line stands for, first and last joined by `..`
    /// (`0100001..0199996`): a listing whose rows the filer chooses (Exhibit 5's valuation
    /// standards under "LIFE INSURANCE:"). Each printed row whose code falls in the range (same
    /// number of digits, between the two) is an entry: its caption is the filer's, and its cells
    /// are facts of this line's item for that entry, told apart by the code (`LineAxis`). The
    /// line's own number is the range's first code. A rule that names the line reads the sum of
    /// its entries.
    public var entries: String?
    /// False where the filer prints no code on an entry (Schedule S's reinsurers are listed by
    /// name, NAIC code and ID, under the subtotal of their group): each printed entry then belongs
    /// to the line of entries whose total line (the one line whose ``total`` is this line) is
    /// printed next after it, and is numbered in printed order from the range's first code.
    /// Such a line's entries print their values in the page's text and amount columns, and have
    /// no caption. Nil (or true): each entry prints its code.
    public var entryCodesPrinted: Bool?
    /// False for a line of entries that the page's column arithmetic (a total column printed in
    /// the headings, checked row by row) does not go over; its total line is still checked. The
    /// overflow page's write-in lines: an entry wholly nonadmitted prints no net amount, and
    /// Arelle's formula processor then pairs no line's columns at all on that page (it binds each
    /// column's variable alone, against fallbacks, once only some columns' facts carry an entry's
    /// code). Nil (or true): the arithmetic goes over the entries.
    public var columnArithmetic: Bool?
    /// For a balance in a table of flows: whether it stands at the `start` or `end` of the
    /// column's period.
    public var instant: InstantPosition?
    /// Names of the amounts printed inside the caption, one per `$` (or per ``slotMark``).
    public var slots: [String]?
    /// What the blank prints where the filer writes a value into the caption, when it is not `$`:
    /// `...`, a blank for a number ("Deposits in ... depositories which do not exceed the
    /// allowable limit", where the filer writes how many). Such a value is a number standing
    /// alone among the printed caption's words; a caption that prints none leaves the slot blank.
    public var slotMark: String?
    /// What the values printed inside the caption report, when not amounts of money (`count`).
    public var slotType: ValueType?
    /// Overrides the page's balance for this line (treasury stock is a debit among credits).
    public var balance: Balance?
    /// What the line reports when it is not an amount of money: `percent`, or `count` (policies
    /// in force, a whole number with no unit of money).
    public var type: ValueType?
    /// The scale the line's amounts are printed in ("$000 omitted"): `thousands`.
    public var scale: Scale?
    /// The columns (by number) the blank prints this line's amounts in, when not all of them
    /// (the Exhibit of Net Investment Income's deductions are earned amounts only).
    public var columns: [String]?
    /// Cells of this line that report another item than their column, by column id: Schedule T's
    /// Subtotal line prints the number of L responses in the Active Status column. Only on pages
    /// whose rows are members, where a column is an item.
    public var cells: [String: CellDescription]?

    public enum ValueType: String, Codable, Sendable {
        case monetary, percent, count
        /// A whole number that may be negative: a net change in a number of policies.
        case integer
        /// A number printed as it is, neither money nor a percentage: the Asset Valuation
        /// Reserve's factors ("0.0002"), `xbrli:pureItemType` in unit `xbrli:pure`.
        case ratio
    }

    public enum InstantPosition: String, Codable, Sendable, CaseIterable {
        case start, end
        /// The last day of a month of the year the column's period ends in: a balance at each
        /// month's end (December's is the year's `end`).
        case endOfJanuary = "end-of-january", endOfFebruary = "end-of-february", endOfMarch = "end-of-march"
        case endOfApril = "end-of-april", endOfMay = "end-of-may", endOfJune = "end-of-june"
        case endOfJuly = "end-of-july", endOfAugust = "end-of-august", endOfSeptember = "end-of-september"
        case endOfOctober = "end-of-october", endOfNovember = "end-of-november"

        /// The month whose last day the position is (1 for January); nil for `start` and `end`.
        public var month: Int? {
            switch self {
            case .start, .end: return nil
            case .endOfJanuary: return 1
            case .endOfFebruary: return 2
            case .endOfMarch: return 3
            case .endOfApril: return 4
            case .endOfMay: return 5
            case .endOfJune: return 6
            case .endOfJuly: return 7
            case .endOfAugust: return 8
            case .endOfSeptember: return 9
            case .endOfOctober: return 10
            case .endOfNovember: return 11
            }
        }

        /// A number per position, from 1 (0 is no position), for tables kept by position.
        @inlinable public static func number(_ position: InstantPosition?) -> Int {
            switch position {
            case nil: return 0
            case .start?: return 1
            case .end?: return 2
            case let other?: return 2 + (other.month ?? 0)
            }
        }

        /// How many numbers ``number(_:)`` gives.
        public static let numbers = 14
    }

    public var isHeading: Bool { heading ?? false }
    /// The scale of the line's value: a percentage's figure is hundredths of its value, an
    /// amount's is in ``scale`` (units unless stated).
    @inlinable public var valueScale: Scale { type == .percent ? .percent : scale ?? .units }
    /// Whether the blank prints this line's amounts in `column` (all columns unless ``columns`` names some).
    public func prints(in column: ColumnDescription) -> Bool { columns?.contains(column.number) ?? true }
    public var isWriteIn: Bool { writeIn ?? false }

    /// The first and last codes of ``entries``; nil for a line that stands for no entries.
    public var entryCodes: (first: Substring, last: Substring)? {
        guard let entries, let dots = entries.range(of: "..") else { return nil }
        return (entries[..<dots.lowerBound], entries[dots.upperBound...])
    }

    /// Whether the printed line number `code` is one of this line's entries: a digit wherever
    /// the first code has one, its other characters where it has others (`08.304` of
    /// `08.304..08.396`), and between the first and the last.
    public func hasEntry(_ code: String) -> Bool {
        guard let (first, last) = entryCodes, code.utf8.count == first.utf8.count,
              zip(code.utf8, first.utf8).allSatisfy({ byte, pattern in
                  pattern >= 0x30 && pattern <= 0x39 ? byte >= 0x30 && byte <= 0x39 : byte == pattern
              }) else { return false }
        return first <= code && code <= last
    }

    public var isEntries: Bool { entries != nil }

    /// A line of entries whose codes are not printed (``entryCodesPrinted``).
    public var hasUncodedEntries: Bool { entries != nil && entryCodesPrinted == false }

    /// The code of the entry printed `n`th (from 0) on a line of entries, numbered from the first
    /// code; nil past the range's last code.
    public func entryCode(_ n: Int) -> String? {
        guard let (first, last) = entryCodes, let start = Int(first) else { return nil }
        let code = String(start + n)
        let padded = String(repeating: "0", count: max(0, first.utf8.count - code.utf8.count)) + code
        return padded.utf8.count == first.utf8.count && Substring(padded) <= last ? padded : nil
    }
}

/// A page's lines by the number printed on a row: the line of that number, or the line of
/// entries the number is a code of (``LineDescription/entries``). Built once per page.
package struct LineLookup: Sendable {
    private let numbers: [String: Int]
    private let entryLines: [Int]
    private let lines: [LineDescription]

    package init(_ page: PageDescription) {
        var numbers: [String: Int] = [:]
        for (i, line) in page.lines.enumerated() where numbers[line.line] == nil { numbers[line.line] = i }
        self.numbers = numbers
        entryLines = page.lines.indices.filter { page.lines[$0].isEntries }
        lines = page.lines
    }

    /// The index of the line a row printing `number` is of.
    package subscript(_ number: String) -> Int? {
        if let i = numbers[number] { return i }
        for i in entryLines where lines[i].hasEntry(number) { return i }
        return nil
    }

    /// Whether the page has lines of entries.
    package var hasEntries: Bool { !entryLines.isEmpty }
}

/// What one cell of a line reports when it is not its column's item (``LineDescription/cells``).
public struct CellDescription: Codable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// A whole number of things counted, printed as digits in a text column ("50" L responses):
        /// an `xbrli:nonNegativeIntegerItemType` item in unit `xbrli:pure`. A cell printed otherwise
        /// ("XXX", a word) is its column's text, as on any other line.
        case count
    }

    /// The item the cell reports, in place of its column's.
    public var concept: String
    public var kind: Kind
    /// The item's standard label; the column's heading when nil.
    public var label: String?

    public init(concept: String, kind: Kind, label: String? = nil) {
        self.concept = concept
        self.kind = kind
        self.label = label
    }

    /// The number a cell of this kind holds: text of digits only, without a leading zero (so that
    /// the number written back is the text printed), at most 18 digits. Nil for any other cell.
    public func count(of cell: Cell) -> Int64? {
        guard case .text(let text) = cell else { return nil }
        let digits = text.utf8
        guard let first = digits.first, digits.count <= 18, first != 0x30 || digits.count == 1 else { return nil }
        var value: Int64 = 0
        for byte in digits {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int64(byte - 0x30)
        }
        return value
    }

    /// The cell printed for `count`: its digits.
    public static func cell(count: Int64) -> Cell { .text(String(count)) }
}

extension PageDescription {
    /// On a page whose rows are items, the item a cell of `line` in `column` reports: the line's,
    /// or with the column's ``ColumnDescription/conceptSuffix``. Nil for a heading, a line with no
    /// item, or a page whose rows are members.
    public func concept(_ line: LineDescription, column: ColumnDescription) -> String? {
        // A code column prints the line's own code (the Asset Valuation Reserve's NAIC
        // designation), which the blank fixes: no item of the line's.
        guard orientation == .items, !line.isHeading, column.valueKind != .code, let concept = line.concept else { return nil }
        guard let suffix = column.conceptSuffix else { return concept }
        return concept + suffix
    }

    /// The scale a cell of `line` in `column` is read in: a percentage's or a number's where the
    /// column gives the cell an item of that type, else the line's (``LineDescription/valueScale``:
    /// an amount in a column of year-end balances is printed as the line's other amounts are).
    public func valueScale(_ line: LineDescription, column: ColumnDescription) -> Scale {
        guard column.conceptSuffix != nil, let type = column.type else { return line.valueScale }
        switch type {
        case .percent: return .percent
        case .count, .integer, .ratio: return .units
        case .monetary: return line.valueScale
        }
    }

    /// The columns whose cells report the items of their own suffix, by that suffix, in the
    /// order of the columns (empty on most pages).
    public var suffixedColumns: [(suffix: String, columns: [Int])] {
        var result: [(suffix: String, columns: [Int])] = []
        for (index, column) in columns.enumerated() {
            guard let suffix = column.conceptSuffix else { continue }
            if let known = result.firstIndex(where: { $0.suffix == suffix }) {
                result[known].columns.append(index)
            } else {
                result.append((suffix, [index]))
            }
        }
        return result
    }

    /// The cell description of `line` in the column at `index`, where the line gives one.
    public func cell(_ line: LineDescription, column index: Int) -> CellDescription? {
        guard let cells = line.cells, index >= 0, index < columns.count else { return nil }
        return cells[columns[index].id]
    }

    /// Every cell description of the page: the line's index, the column's index and the cell,
    /// in the order of lines, then columns.
    public var describedCells: [(line: Int, column: Int, cell: CellDescription)] {
        lines.indices.flatMap { l in
            columns.indices.compactMap { c in cell(lines[l], column: c).map { (l, c, $0) } }
        }
    }
}

extension Blank {
    /// The ids of the blanks the library knows, in the catalog's order.
    public static var ids: [String] { BlankCatalog.bundled.ids }

    /// The latest edition of the blank `id`, or nil when the library does not know it.
    public static func named(_ id: String) -> Blank? { BlankCatalog.bundled.latest(id) }

    /// The edition of the blank `id` that a statement of `year` is printed on: the edition of that
    /// year, or else the nearest earlier one (nil year: the latest).
    public static func named(_ id: String, year: Int?) -> Blank? {
        guard let year else { return named(id) }
        return BlankCatalog.bundled.edition(of: id, for: year)?.blank
    }
}

/// What a blank's cover prints around its values, as the cover reader matches it (on the words'
/// keys, ignoring case and punctuation).
public struct CoverDescription: Codable, Sendable {
    /// A label printed before a value on the same line ("NAIC Company Code"), and the cover
    /// field it introduces (the reader's names: `companyCode`, `statutoryHomeOffice`, `juratState`,
    /// `notKept` for printed fields the model does not keep). `lineStart` labels count only at the
    /// start of a line ("State of" in the jurat, not inside "State of Domicile").
    public struct Label: Codable, Sendable {
        public var printed: String
        public var field: String
        public var lineStart: Bool?
    }

    /// A heading of the officer lists and what the lines under it hold (`officers`,
    /// `otherOfficers`, `directors`).
    public struct Heading: Codable, Sendable {
        public var printed: String
        public var section: String
    }

    /// The start of jurat text that carries no value, and the part of the cover that follows it
    /// (`signatures`, `afterSworn`), if any.
    public struct Boilerplate: Codable, Sendable {
        public var printed: String
        public var next: String?
    }

    /// The statement's title as the cover prints it ("QUARTERLY STATEMENT") and the kind of
    /// statement it names (`quarterly`, `annual`).
    public struct StatementTitle: Codable, Sendable {
        public var printed: String
        public var kind: String
    }

    public var labels: [Label]
    public var headings: [Heading]
    /// The words printed before the company's name ("… OF THE CONDITION AND AFFAIRS OF THE").
    public var nameFollows: String
    public var boilerplate: [Boilerplate]
    public var statementTitles: [StatementTitle]?
    /// The words before the statement date on its own line ("AS OF", "FOR THE YEAR ENDED").
    public var datedBy: [String]?
    /// The running page header when it reaches the cover's text ("STATEMENT AS OF"): a line of
    /// the pages, not of the cover.
    public var runningHeader: String?
    /// Pages other than the cover that print the NAIC codes, by the title a PDF's outline gives
    /// them ("Life Ins (State Page) - GT"): read with the description's pages when a PDF's
    /// outline lets a conversion read only those.
    public var codePages: [String]?
}
