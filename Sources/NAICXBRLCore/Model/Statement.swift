/// A statutory financial statement: everything printed in it, as plain values.
///
/// The model holds values only; where each value was printed (file and line) is kept by the
/// parse result (``ParseResult/origins``), so a statement imported from XBRL equals the one parsed
/// from text.
public struct Statement: Codable, Equatable, Sendable {
    /// The blank this statement was filed on (``Blank/id``).
    public var blank: String
    /// The year of the blank's edition the statement was read by (``Blank/year``).
    public var edition: Int?
    public var cover: Cover
    /// Tabular pages and schedules, in the blank's order.
    public var pages: [Page]
    /// Notes to financial statements, by number.
    public var notes: [Note]
    /// General interrogatories (parts 1 and 2) and the supplemental exhibits interrogatories.
    public var interrogatories: [Interrogatory]

    public init(blank: String, edition: Int? = nil, cover: Cover = Cover(), pages: [Page] = [], notes: [Note] = [], interrogatories: [Interrogatory] = []) {
        (self.blank, self.edition, self.cover, self.pages) = (blank, edition, cover, pages)
        (self.notes, self.interrogatories) = (notes, interrogatories)
    }

    public func page(_ id: String) -> Page? { pages.first { $0.id == id } }
    public func note(_ number: Int) -> Note? { notes.first { $0.number == number } }
    public func interrogatory(_ part: String, _ number: String) -> Interrogatory? {
        interrogatories.first { $0.part == part && $0.number == number }
    }
}

/// A calendar date as printed (no time zone, no time).
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `MM/DD/YYYY`, as the blank prints dates.
    public init?(us text: Substring) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
              let m = Int(parts[0]), let d = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
        guard isValid else { return nil }
    }

    /// `YYYY-MM-DD`.
    public init?(iso text: Substring) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
        guard isValid else { return nil }
    }

    public var isValid: Bool {
        guard (1...12).contains(month), year > 0 else { return false }
        return (1...CalendarDate.days(in: month, year: year)).contains(day)
    }

    package static func days(in month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ v: Int, _ n: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, n - s.count)) + s }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// `MM/DD/YYYY`, as the blank prints dates.
    public var usForm: String {
        func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
        return "\(pad(month))/\(pad(day))/\(year)"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let date = CalendarDate(iso: Substring(text)) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a YYYY-MM-DD date: \(text)")
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// One tabular page or schedule of the blank.
public struct Page: Codable, Equatable, Sendable {
    /// The blank's page id (``PageDescription/id``).
    public var id: String
    /// Column heading rows as printed, cell by cell.
    public var headings: [[String]]
    /// The printed lines, in printed order.
    public var rows: [Row]
    /// The page was printed with a NONE mark (nothing to report).
    public var none: Bool
    /// Footnotes and legends printed under the table.
    public var footnotes: [String]

    public init(id: String, headings: [[String]] = [], rows: [Row] = [], none: Bool = false, footnotes: [String] = []) {
        (self.id, self.headings, self.rows, self.none) = (id, headings, rows, none)
        self.footnotes = footnotes
    }

    public func row(_ line: String) -> Row? { rows.first { $0.line == line } }

    /// The cell at `line`, column number `column` (1-based, as the blank numbers columns).
    public func cell(_ line: String, column: Int) -> Cell? {
        guard let row = row(line), column >= 1, column <= row.cells.count else { return nil }
        return row.cells[column - 1]
    }
}

/// One printed line of a tabular page.
public struct Row: Codable, Equatable, Sendable {
    /// The blank's line number as printed, without its final period: `1`, `2.1`, `08.301`, `9199999`.
    public var line: String
    /// The caption, kept only where the statement's own words stand: write-in lines, and captions
    /// that differ from the blank's.
    public var caption: String?
    /// One cell per column of the page description.
    public var cells: [Cell]
    /// Amounts printed inside the caption (after each `$`), in order.
    public var captionAmounts: [Cell]
    /// The row was read by optical character recognition from a page whose text layer is not
    /// text (`--ocr`): its values are as recognized, and the page's arithmetic judged them.
    public var readByOCR: Bool

    public init(line: String, caption: String? = nil, cells: [Cell], captionAmounts: [Cell] = [], readByOCR: Bool = false) {
        self.line = line
        self.caption = caption
        self.cells = cells
        self.captionAmounts = captionAmounts
        self.readByOCR = readByOCR
    }

    private enum CodingKeys: String, CodingKey { case line, caption, cells, captionAmounts, readByOCR }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        line = try c.decode(String.self, forKey: .line)
        caption = try c.decodeIfPresent(String.self, forKey: .caption)
        cells = try c.decode([Cell].self, forKey: .cells)
        captionAmounts = try c.decodeIfPresent([Cell].self, forKey: .captionAmounts) ?? []
        readByOCR = try c.decodeIfPresent(Bool.self, forKey: .readByOCR) ?? false
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(line, forKey: .line)
        try c.encodeIfPresent(caption, forKey: .caption)
        try c.encode(cells, forKey: .cells)
        if !captionAmounts.isEmpty { try c.encode(captionAmounts, forKey: .captionAmounts) }
        if readByOCR { try c.encode(true, forKey: .readByOCR) }
    }
}

/// The scale a table's amounts are printed in.
public enum Scale: String, Codable, Sendable {
    case units
    case thousands
    case millions
    /// A percentage: the printed figure is hundredths of the value (54.8 is 0.548), as the Data
    /// Type Registry's `percentItemType` and every XBRL consumer read a ratio.
    case percent

    /// The scales a note or interrogatory table is printed in: stated in its headings ("(In
    /// Millions)") or none. A percentage is a line's or an answer's, never a table's.
    public static let printedByTables: [Scale] = [.units, .thousands, .millions]

    /// Powers of ten to multiply a printed amount by to get its value (units of currency, or a
    /// ratio for a percentage).
    public var exponent: Int {
        switch self {
        case .units: 0
        case .thousands: 3
        case .millions: 6
        case .percent: -2
        }
    }
}

/// A table inside a note or an interrogatory: printed headings and labelled rows.
public struct Table: Codable, Equatable, Sendable {
    /// The heading rows as printed, cell by cell (the first cell usually empty).
    public var headings: [[String]]
    public var rows: [TableRow]
    /// The scale stated in the headings ("(In Millions)"); units when none is stated.
    public var scale: Scale

    public init(headings: [[String]] = [], rows: [TableRow] = [], scale: Scale = .units) {
        self.headings = headings
        self.rows = rows
        self.scale = scale
    }
}

/// A labelled row of a ``Table``; a row with no cells is a sub-heading ("Alt-A:").
public struct TableRow: Codable, Equatable, Sendable {
    public var label: String
    public var cells: [Cell]

    public init(label: String, cells: [Cell]) {
        self.label = label
        self.cells = cells
    }
}

/// A note to the financial statements.
public struct Note: Codable, Equatable, Sendable {
    public var number: Int
    public var title: String
    /// Paragraphs and tables in printed order.
    public var content: [NoteBlock]

    public init(number: Int, title: String, content: [NoteBlock] = []) {
        self.number = number
        self.title = title
        self.content = content
    }

    /// The note's text, paragraphs joined by new lines.
    public var text: String {
        content.compactMap { if case .text(let t) = $0 { t } else { nil } }.joined(separator: "\n")
    }

    public var tables: [Table] {
        content.compactMap { if case .table(let t) = $0 { t } else { nil } }
    }
}

/// A paragraph or a table of a note.
public enum NoteBlock: Codable, Equatable, Sendable {
    case text(String)
    case table(Table)

    private enum Key: String, CodingKey { case text, table }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        if let t = try c.decodeIfPresent(String.self, forKey: .text) {
            self = .text(t)
        } else {
            self = .table(try c.decode(Table.self, forKey: .table))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .text(let t): try c.encode(t, forKey: .text)
        case .table(let t): try c.encode(t, forKey: .table)
        }
    }
}

/// One question of the general or supplemental interrogatories.
public struct Interrogatory: Codable, Equatable, Sendable {
    /// `1` and `2` for the general interrogatories' parts, `supplemental` for the supplemental
    /// exhibits and schedules interrogatories.
    public var part: String
    /// The question's number as printed: `1.1`, `6.4`, `14.21`.
    public var number: String
    /// The question as printed, without its number and answer.
    public var text: String
    public var answer: Answer
    /// Text printed under the question (an explanation, an answer on its own line).
    public var details: [String]
    /// A table printed with the question (affiliates, custodians, advisors).
    public var table: Table?

    public init(part: String, number: String, text: String, answer: Answer = .none, details: [String] = [], table: Table? = nil) {
        (self.part, self.number, self.text, self.answer) = (part, number, text, answer)
        (self.details, self.table) = (details, table)
    }
}

extension Interrogatory {
    /// The order a statement keeps its questions in: by part in the order of `parts` (the
    /// blank's, ``Blank/interrogatoryParts``; a part it does not list after them, by name), then
    /// by question number, the first part by value and the rest digit by digit (9.1, 9.11, 9.2;
    /// 14.2, 14.21, 14.3; 15.2, 16; 26.3 before 26.30, wherever the filing prints them).
    package static func precedes(part partA: String, _ a: String, part partB: String, _ b: String, parts: [String]) -> Bool {
        let oa = parts.firstIndex(of: partA) ?? parts.count, ob = parts.firstIndex(of: partB) ?? parts.count
        if oa != ob { return oa < ob }
        if partA != partB { return partA < partB }
        let x = a.split(separator: ".", omittingEmptySubsequences: false), y = b.split(separator: ".", omittingEmptySubsequences: false)
        let hx = Int(x.first ?? "") ?? Int.max, hy = Int(y.first ?? "") ?? Int.max
        if hx != hy { return hx < hy }
        return x.dropFirst().joined(separator: ".") < y.dropFirst().joined(separator: ".")
    }
}

/// An interrogatory's answer as printed.
public enum Answer: Codable, Equatable, Sendable {
    /// No answer printed.
    case none
    /// Check boxes: `Yes [X] No []`; `choice` is nil when no box is checked. `offersNotApplicable`
    /// when the question prints an `N/A []` box.
    case choice(Choice?, offersNotApplicable: Bool)
    case date(CalendarDate)
    /// One or more amounts (`$ 6,441,284`; two columns for 14.21 to 14.28).
    case amounts([Cell])
    /// A percentage as printed before `%`; blank when only `%` is printed.
    case percent(Cell)
    /// A word or phrase (`NO` in the supplemental interrogatories).
    case text(String)

    public enum Choice: String, Codable, Sendable {
        case yes
        case no
        case notApplicable = "n/a"
    }

    private enum Key: String, CodingKey { case kind, choice, offersNotApplicable, date, amounts, percent, text }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        switch try c.decode(String.self, forKey: .kind) {
        case "none": self = .none
        case "choice":
            self = .choice(try c.decodeIfPresent(Choice.self, forKey: .choice),
                           offersNotApplicable: try c.decodeIfPresent(Bool.self, forKey: .offersNotApplicable) ?? false)
        case "date": self = .date(try c.decode(CalendarDate.self, forKey: .date))
        case "amounts": self = .amounts(try c.decode([Cell].self, forKey: .amounts))
        case "percent": self = .percent(try c.decode(Cell.self, forKey: .percent))
        case "text": self = .text(try c.decode(String.self, forKey: .text))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown answer kind \(other)")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(kindName, forKey: .kind)
        switch self {
        case .none: break
        case .choice(let choice, let na):
            try c.encodeIfPresent(choice, forKey: .choice)
            if na { try c.encode(true, forKey: .offersNotApplicable) }
        case .date(let d): try c.encode(d, forKey: .date)
        case .amounts(let a): try c.encode(a, forKey: .amounts)
        case .percent(let p): try c.encode(p, forKey: .percent)
        case .text(let t): try c.encode(t, forKey: .text)
        }
    }

    /// The answer's kind as the JSON model names it.
    private var kindName: String {
        switch self {
        case .none: "none"
        case .choice: "choice"
        case .date: "date"
        case .amounts: "amounts"
        case .percent: "percent"
        case .text: "text"
        }
    }
}
