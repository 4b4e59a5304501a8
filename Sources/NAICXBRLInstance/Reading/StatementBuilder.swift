import NAICXBRLCore
import NAICXBRLXML
import NAICXBRLTaxonomy
import NAICXBRLChecks
/// Collects imported values by where they belong and assembles the statement in the blank's
/// order, as the parser would have produced it.
struct StatementBuilder {
    let blank: Blank

    private struct PageParts {
        var slots: [Int: [Int: Cell]] = [:]
        var captions: [String: String] = [:]
        var headings: [Int: String] = [:]
        var footnotes: [Int: String] = [:]
        var none = false
        var notPrinted: Set<String> = []
        var readByOCR: Set<String> = []
        var textCells: [String: [Int: String]] = [:]
    }

    private struct TableParts {
        var headings: [Int: String] = [:]
        var scale: Scale = .units
        var labels: [Int: String] = [:]
        var cells: [Int: [Int: Cell]] = [:]
        var isEmpty: Bool { headings.isEmpty && labels.isEmpty && cells.isEmpty }
    }

    private struct NoteParts {
        var title: String?
        var paragraphs: [Int: String] = [:]
        var tables: [Int: TableParts] = [:]
    }

    private struct QuestionParts {
        var text: String?
        var answer: Answer = .none
        var amounts: [Int: Cell] = [:]
        var details: [Int: String] = [:]
        var table = TableParts()
    }

    private var pages: [Int: PageParts] = [:]
    /// The cells of entries (``LineDescription/entries``): by page, line of entries, the entry's
    /// code, and column.
    private var entryCells: [Int: [Int: [String: [Int: Cell]]]] = [:]
    /// The cells of items pages, per page a table of lines × columns (made at the page's first
    /// cell): one array store per fact, no hashing.
    private var itemCells: [[Cell?]] = []
    private let widths: [Int]
    private let lineCounts: [Int]
    private var cover = Cover()
    /// The entries of each cover list (``CoverList/all``), by item number.
    private var coverLists = [[Int: [String?]]](repeating: [:], count: CoverList.all.count)
    private var notes: [Int: NoteParts] = [:]
    private var questions: [String: QuestionParts] = [:]
    /// Facts placed by ``common(concept:context:value:printed:)``: what pays for the blank rows
    /// and answer columns ``finish()`` fills in below the highest number reported.
    private var commonFacts = 0

    init(blank: Blank) {
        self.blank = blank
        widths = blank.pages.map(\.columns.count)
        lineCounts = blank.pages.map(\.lines.count)
    }

    /// The highest row or column number a typed member may give a table, a cell or an answer.
    /// Rows and columns missing below the highest are filled with blanks, so a number taken as
    /// is from the instance (`TableRowAxis` 900000000000) would allocate without bound, and 0
    /// or less is no place at all (a cell at index -1 traps). The instances naicxbrl writes
    /// number from 1 without gaps, and no printed table has thousands of rows.
    static let maxIndex = 10_000

    /// A row or column number of a typed member: an integer from 1 to ``maxIndex``, else nil.
    static func index(_ text: String?) -> Int? {
        guard let text, let n = Int(text), n >= 1, n <= maxIndex else { return nil }
        return n
    }

    mutating func setCell(page: Int, line: Int, column: Int, _ cell: Cell) {
        guard page >= 0, page < widths.count, line >= 0, line < lineCounts[page], column >= 0, column < widths[page] else { return }
        if itemCells.isEmpty { itemCells = Array(repeating: [], count: widths.count) }
        if itemCells[page].isEmpty {
            itemCells[page] = Array(repeating: nil, count: lineCounts[page] * widths[page])
            if pages[page] == nil { pages[page] = PageParts() }
        }
        itemCells[page][line * widths[page] + column] = cell
    }

    mutating func setEntryCell(page: Int, line: Int, code: String, column: Int, _ cell: Cell) {
        guard page >= 0, page < widths.count, column >= 0, column < widths[page] else { return }
        if pages[page] == nil { pages[page] = PageParts() }
        entryCells[page, default: [:]][line, default: [:]][code, default: [:]][column] = cell
    }

    mutating func setSlot(page: Int, line: Int, slot: Int, _ cell: Cell) {
        pages[page, default: PageParts()].slots[line, default: [:]][slot] = cell
    }

    private func pageIndex(_ id: String?) -> Int? {
        guard let id else { return nil }
        return blank.pages.firstIndex { $0.id == id }
    }


    /// Places a fact of the items every blank shares; returns a problem, or nil when placed.
    mutating func common(concept: String, context: FactContext, value: Fact.Value, printed: String?) -> String? {
        commonFacts += 1
        let typed = context.typed
        if let coverItem = CoverItem.named[concept] {
            setCover(coverItem, value)
            return nil
        }
        if let place = CoverList.named[concept] {
            return setCoverList(place, concept: concept, typed: typed, value: value)
        }
        switch concept {
        case "PrintedCaption", "PrintedColumnHeadings", "PrintedFootnote", "PageIsNone", "LinesNotPrinted", "LinesReadByOCR", "TextOfCell":
            return setPagePart(concept, typed: typed, value: value)
        case _ where concept.hasPrefix("Note"):
            return setNotePart(concept, typed: typed, value: value, printed: printed)
        case _ where concept.hasPrefix("Interrogatory"):
            return setQuestionPart(concept, typed: typed, value: value, printed: printed)
        default:
            return "\(concept) is not placed by this version of the importer"
        }
    }

    /// A fact's value where it is text, else nil.
    @inline(__always)
    private static func text(_ value: Fact.Value) -> String? {
        if case .text(let t) = value { t } else { nil }
    }

    /// A value the cover or the jurat prints once.
    @inline(__always)
    private mutating func setCover(_ coverItem: CoverItem, _ value: Fact.Value) {
        switch coverItem.field {
        case .text(_, let set): set(&cover, Self.text(value))
        case .date(_, let set): if case .date(let d) = value { set(&cover, d) } else { set(&cover, nil) }
        case .yesNo(_, let set):
            if case .boolean(let b) = value { set(&cover, b) } else { set(&cover, nil) }
        }
    }

    /// An entry of a cover list (officers, directors), by its item number.
    @inline(__always)
    private mutating func setCoverList(_ place: (list: Int, item: Int), concept: String, typed: DimensionMembers, value: Fact.Value) -> String? {
        guard let item = typed["ItemNumberAxis"].flatMap({ Int($0) }) else { return "\(concept) needs an item number" }
        let list = CoverList.all[place.list]
        coverLists[place.list][item, default: Array(repeating: nil, count: list.items.count)][place.item] = Self.text(value)
        if place.list >= CoverList.cover.count { cover.jurat = cover.jurat.orNew }
        return nil
    }

    /// What a page prints beside its cells: captions, headings, footnotes, NONE, the lines not
    /// printed or read by OCR, and cells printed as text.
    @inline(__always)
    private mutating func setPagePart(_ concept: String, typed: DimensionMembers, value: Fact.Value) -> String? {
        guard let p = pageIndex(typed["PageAxis"]) else { return "\(concept) names no page of the blank" }
        let text = Self.text(value)
        // Taken out of the dictionary while it changes, so it is not copied for each fact.
        var parts = pages.removeValue(forKey: p) ?? PageParts()
        defer { pages[p] = parts }
        let row = Self.index(typed["TableRowAxis"])
        switch concept {
        case "PrintedCaption":
            guard let line = typed["LineAxis"] else { return "\(concept) needs a line" }
            parts.captions[line] = text
        case "PrintedColumnHeadings":
            guard let row else { return "\(concept) needs a row" }
            parts.headings[row] = text
        case "PrintedFootnote":
            guard let row else { return "\(concept) needs a row" }
            parts.footnotes[row] = text
        case "PageIsNone": parts.none = value == .boolean(true)
        case "LinesNotPrinted": parts.notPrinted = Set((text ?? "").split(separator: " ").map(String.init))
        case "LinesReadByOCR": parts.readByOCR = Set((text ?? "").split(separator: " ").map(String.init))
        default:
            guard let line = typed["LineAxis"], let column = Self.index(typed["TableColumnAxis"]), let text else {
                return "\(concept) needs a line and a column from 1 to \(Self.maxIndex)"
            }
            parts.textCells[line, default: [:]][column - 1] = text
        }
        return nil
    }

    /// A note's title, a paragraph, or a part of one of its tables.
    @inline(__always)
    private mutating func setNotePart(_ concept: String, typed: DimensionMembers, value: Fact.Value, printed: String?) -> String? {
        guard let number = typed["NoteAxis"].flatMap({ Int($0) }) else { return "\(concept) needs a note number" }
        var note = notes.removeValue(forKey: number) ?? NoteParts()
        defer { notes[number] = note }
        if concept == "NoteTitle" {
            note.title = Self.text(value)
        } else {
            guard let block = typed["BlockAxis"].flatMap({ Int($0) }) else { return "\(concept) needs a block number" }
            if concept == "NoteParagraph" {
                note.paragraphs[block] = Self.text(value)
            } else {
                var table = note.tables[block] ?? TableParts()
                if let problem = Self.tablePart(concept.dropFirst(4), concept: concept, typed: typed, value: value, printed: printed, into: &table) { return problem }
                note.tables[block] = table
            }
        }
        return nil
    }

    /// An interrogatory's text, answer, amounts, details or a part of its table.
    @inline(__always)
    private mutating func setQuestionPart(_ concept: String, typed: DimensionMembers, value: Fact.Value, printed: String?) -> String? {
        guard let key = typed["InterrogatoryAxis"] else { return "\(concept) needs an interrogatory" }
        let text = Self.text(value)
        var q = questions.removeValue(forKey: key) ?? QuestionParts()
        defer { questions[key] = q }
        let column = Self.index(typed["TableColumnAxis"])
        switch concept {
        case "InterrogatoryText": q.text = text
        case "InterrogatoryAnswerYesNo":
            if case .boolean(let b) = value { q.answer = .choice(b ? .yes : .no, offersNotApplicable: false) } else { q.answer = .choice(nil, offersNotApplicable: false) }
        case "InterrogatoryAnswerYesNoNotApplicable":
            q.answer = .choice(text.flatMap(Answer.Choice.init(rawValue:)), offersNotApplicable: true)
        case "InterrogatoryAnswerDate":
            if case .date(let date) = value { q.answer = .date(date) }
        case "InterrogatoryAnswerPercent":
            q.answer = .percent(FactImporter.cell(value, printed: printed) ?? .blank)
        case "InterrogatoryAnswerAmount", "InterrogatoryAnswerText":
            if typed["TableColumnAxis"] != nil, column == nil {
                return "\(concept) needs a column from 1 to \(Self.maxIndex)"
            } else if let column {
                q.amounts[column] = concept == "InterrogatoryAnswerText" ? .text(text ?? "") : (FactImporter.cell(value, printed: printed) ?? .blank)
            } else if let text {
                q.answer = .text(text)
            }
        case "InterrogatoryDetail":
            guard let row = Self.index(typed["TableRowAxis"]) else { return "\(concept) needs a row from 1 to \(Self.maxIndex)" }
            q.details[row] = text
        default:
            if let problem = Self.tablePart(concept.dropFirst(13), concept: concept, typed: typed, value: value, printed: printed, into: &q.table) { return problem }
        }
        return nil
    }

    /// A cell printed as text where the blank expects an amount: a value where it reads as one,
    /// text otherwise; a code column's text stays text (the Asset Valuation Reserve's NAIC
    /// designation "1").
    private static func textCell(_ text: String, column: ColumnDescription) -> Cell {
        if column.valueKind == .code { return .text(text) }
        return (try? ValueScanner.cell(Substring(text)).get()).flatMap { $0 == .blank ? nil : $0 } ?? .text(text)
    }

    /// The entries of a line of entries, in the order of their codes: each entry that has a cell,
    /// a caption or a cell printed as text.
    private func entryRows(of line: LineDescription, cells: [String: [Int: Cell]], _ parts: PageParts, width: Int,
                           _ description: PageDescription) -> [Row] {
        var codes = Set(cells.keys)
        for code in parts.captions.keys where line.hasEntry(code) { codes.insert(code) }
        for code in parts.textCells.keys where line.hasEntry(code) { codes.insert(code) }
        return codes.sorted().map { code in
            var row = Row(line: code, caption: parts.captions[code], cells: (0..<width).map { cells[code]?[$0] ?? .blank },
                          readByOCR: parts.readByOCR.contains(code))
            for (c, text) in parts.textCells[code] ?? [:] where c < width {
                row.cells[c] = Self.textCell(text, column: description.columns[c])
            }
            return row
        }
    }

    /// A fact of a printed table: `TableScale`, `TableHeadings`, `TableRowLabel`,
    /// `TableAmountColumnN`, `TableTextColumnN`.
    private static func tablePart(_ kind: Substring, concept: String, typed: DimensionMembers, value: Fact.Value, printed: String?, into table: inout TableParts) -> String? {
        let rowText = typed["TableRowAxis"]
        switch kind {
        case "TableScale":
            // Only a scale a table prints: a percent scale would make every amount of the table
            // a hundredth of what was printed.
            guard case .text(let t) = value, let scale = Scale(rawValue: t), Scale.printedByTables.contains(scale) else {
                let written: String
                if case .text(let t) = value { written = "the value \"\(t.prefix(40))\"" } else { written = "no text" }
                return "\(concept) has \(written), which is not a scale a table is printed in (\(Scale.printedByTables.map(\.rawValue).joined(separator: ", ")))"
            }
            table.scale = scale
        case "TableHeadings":
            guard let r = rowText, r.hasPrefix("H"), let index = Int(r.dropFirst()), case .text(let t) = value else { return "a table heading needs a row H1, H2, ..." }
            table.headings[index] = t
        case "TableRowLabel":
            guard let index = Self.index(rowText), case .text(let t) = value else { return "a table row label needs a row number from 1 to \(maxIndex)" }
            table.labels[index] = t
        case _ where kind.hasPrefix("TableAmountColumn") || kind.hasPrefix("TableTextColumn") || kind.hasPrefix("TablePercentColumn"):
            guard let index = Self.index(rowText), let column = Self.index(String(kind.drop { !$0.isNumber })) else {
                return "a table cell needs a row and a column from 1 to \(maxIndex)"
            }
            if kind.hasPrefix("TablePercentColumn") {
                // A percentage: its figure as printed (the fact's scale is the percent's).
                guard printed == nil, case .amount(let figure, .percent) = value else { return "a table's percentage needs a number" }
                table.cells[index, default: [:]][column] = .percent(figure)
                return nil
            }
            guard let cell = FactImporter.cell(value, printed: printed) else { return "a table cell's printed form does not match its value" }
            table.cells[index, default: [:]][column] = cell
        default:
            return "Note\(kind) is not a concept of the taxonomy"
        }
        return nil
    }

    /// A table's rows in order. Rows missing below the highest reported are blank rows (a
    /// processor may drop a row's only fact, its empty label), paid from `fillers`; when they
    /// cost more than is left, the table has only its reported rows.
    private static func table(_ parts: TableParts, fillers: inout Int) -> Table {
        let headings = parts.headings.sorted { $0.key < $1.key }.map { $0.value.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let width = parts.cells.values.compactMap { $0.keys.max() }.max() ?? 0
        let reported = Set(parts.labels.keys).union(parts.cells.keys).sorted()
        let last = reported.last ?? 0
        let numbers: [Int]
        if last - reported.count <= fillers {
            fillers -= last - reported.count
            numbers = last > 0 ? Array(1...last) : []
        } else {
            numbers = reported
        }
        let rows = numbers.map { r in
            TableRow(label: parts.labels[r] ?? "", cells: parts.cells[r].map { c in (1...max(width, 1)).map { c[$0] ?? .blank } } ?? [])
        }
        return Table(headings: headings, rows: rows, scale: parts.scale)
    }

    func finish() -> Statement {
        var statement = Statement(blank: blank.id, edition: blank.year)
        // Blank rows and columns filled in below the highest numbers reported: at most one per
        // fact. Without a budget, a hostile instance numbering a row 10000 in each of many tables
        // would take hundreds of times its size in memory.
        var fillers = commonFacts
        statement.cover = finishedCover()
        for (p, description) in blank.pages.enumerated() {
            guard let parts = pages[p] else { continue }
            statement.pages.append(page(p, description, parts))
        }
        for (number, parts) in notes.sorted(by: { $0.key < $1.key }) {
            statement.notes.append(Self.note(number, parts, fillers: &fillers))
        }
        for key in questionKeys() {
            guard let parts = questions[key] else { continue }
            statement.interrogatories.append(Self.interrogatory(key, parts, fillers: &fillers))
        }
        return statement
    }

    /// The cover with its lists, each in the order of its item numbers.
    private func finishedCover() -> Cover {
        var cover = self.cover
        for (list, entries) in zip(CoverList.all, coverLists) {
            list.set(&cover, entries.sorted { $0.key < $1.key }.map(\.value))
        }
        return cover
    }

    /// Page `p` of the blank with what was reported of it: its headings, footnotes, NONE, and a
    /// row for each line printed (the entries of a line of entries).
    private func page(_ p: Int, _ description: PageDescription, _ parts: PageParts) -> Page {
        var page = Page(id: description.id)
        page.headings = parts.headings.sorted { $0.key < $1.key }.map { $0.value.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        page.footnotes = parts.footnotes.sorted { $0.key < $1.key }.map(\.value)
        page.none = parts.none
        // (Each lookup by line number is skipped where nothing was reported of its kind: a
        // page has hundreds of lines and few printed captions, texts or blank lines.)
        for (l, line) in description.lines.enumerated() where parts.notPrinted.isEmpty || !parts.notPrinted.contains(line.line) {
            if line.isEntries {
                page.rows += entryRows(of: line, cells: entryCells[p]?[l] ?? [:], parts, width: widths[p], description)
                continue
            }
            page.rows.append(row(l, line, page: p, description, parts))
        }
        return page
    }

    /// The row of line `l` of page `p`, a line that is not a line of entries: its cells, caption
    /// and caption amounts.
    private func row(_ l: Int, _ line: LineDescription, page p: Int, _ description: PageDescription, _ parts: PageParts) -> Row {
        let width = widths[p]
        let placed = p < itemCells.count ? itemCells[p] : []
        var cells = (0..<width).map { c in placed.isEmpty ? .blank : placed[l * width + c] ?? .blank }
        if !parts.textCells.isEmpty {
            for (c, text) in parts.textCells[line.line] ?? [:] where c < cells.count {
                cells[c] = Self.textCell(text, column: description.columns[c])
            }
        }
        var row = Row(line: line.line, caption: parts.captions.isEmpty ? nil : parts.captions[line.line], cells: cells,
                      readByOCR: !parts.readByOCR.isEmpty && parts.readByOCR.contains(line.line))
        if !parts.slots.isEmpty, let slots = parts.slots[l] {
            row.captionAmounts = (0..<(line.slots?.count ?? 0)).map { slots[$0] ?? .blank }
        }
        return row
    }

    /// Note `number` with its paragraphs and tables in the order of their blocks.
    private static func note(_ number: Int, _ parts: NoteParts, fillers: inout Int) -> Note {
        var note = Note(number: number, title: parts.title ?? "")
        let blocks = Set(parts.paragraphs.keys).union(parts.tables.keys).sorted()
        for block in blocks {
            if let text = parts.paragraphs[block] { note.content.append(.text(text)) } else if let table = parts.tables[block] { note.content.append(.table(Self.table(table, fillers: &fillers))) }
        }
        return note
    }

    /// The interrogatories' keys (`part:number`) in the model's order (``Interrogatory/precedes(part:_:part:_:parts:)``).
    private func questionKeys() -> [String] {
        let parts = blank.interrogatoryParts
        return questions.keys.sorted { a, b in
            let pa = a.split(separator: ":", maxSplits: 1), pb = b.split(separator: ":", maxSplits: 1)
            return Interrogatory.precedes(part: String(pa.first ?? ""), String(pa.last ?? ""), part: String(pb.first ?? ""), String(pb.last ?? ""),
                                          parts: parts)
        }
    }

    /// The interrogatory of `key` (`part:number`) with its answer, details and table.
    private static func interrogatory(_ key: String, _ parts: QuestionParts, fillers: inout Int) -> Interrogatory {
        let split = key.split(separator: ":", maxSplits: 1)
        var q = Interrogatory(part: String(split.first ?? ""), number: String(split.last ?? ""), text: parts.text ?? "")
        q.answer = parts.answer
        if !parts.amounts.isEmpty, let width = parts.amounts.keys.max() {
            // Columns missing below the highest are blank, paid from the same budget.
            if width - parts.amounts.count <= fillers {
                fillers -= width - parts.amounts.count
                q.answer = .amounts((1...width).map { parts.amounts[$0] ?? .blank })
            } else {
                q.answer = .amounts(parts.amounts.sorted { $0.key < $1.key }.map(\.value))
            }
        }
        q.details = parts.details.sorted { $0.key < $1.key }.map(\.value)
        if !parts.table.isEmpty { q.table = Self.table(parts.table, fillers: &fillers) }
        return q
    }
}
