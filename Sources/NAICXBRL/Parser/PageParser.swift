/// Reads one tabular page by its description: line numbers find the rows, columns come from tabs.
struct PageParser {
    let description: PageDescription
    let context: ParseContext

    private var page: Page
    private var sourceLines: [String: Int] = [:]
    private var pending: [PendingRow] = []
    private var lineIndex: [String: Int] = [:]
    private let classifiedKeys: Set<String>
    private let footnoteKeys: [String]

    /// A row printed with fewer cells than the page has columns.
    private struct PendingRow {
        var rowIndex: Int
        var values: [Cell]
        var source: Int
    }

    init(description: PageDescription, context: ParseContext) {
        self.description = description
        self.context = context
        page = Page(id: description.id)
        var keys = Set<String>()
        for text in (description.subtitles ?? []) + (description.sections ?? []) + (description.columnHeadingLines ?? []) + (description.boilerplate ?? []) {
            keys.insert(Text.key(text))
        }
        classifiedKeys = keys
        footnoteKeys = (description.footnotes ?? []).map { Text.key($0) }
        for (i, line) in description.lines.enumerated() { lineIndex[line.line] = i }
    }

    /// Where each row was printed: line number in the input, by row line number.
    var origins: [String: Int] { sourceLines }

    mutating func consume(_ line: SourceText.Line) {
        let fields = Text.fields(line.text)
        let first = fields.first ?? ""
        let firstClean = Text.clean(first)
        let key = Text.key(Text.clean(line.text))

        if key == "none" || (firstClean == "NONE" && fields.dropFirst().allSatisfy { $0.allSatisfy { $0 == " " } }) {
            page.none = true
            context.noneMark(line)
            return
        }
        if line.text.allSatisfy({ $0 == "-" || $0 == "\t" || $0 == " " }) {
            context.classified(line) // a rule under a table
            return
        }
        if firstClean.isEmpty || PageParser.isNumberedHeadingRow(fields) {
            // Column headings: the first field (the caption column) is empty, or every field is
            // a numbered heading ("1 NAIC Company Code", "2 Federal ID Number").
            page.headings.append(fields.dropFirst().map { Text.clean($0) })
            context.classified(line)
            return
        }
        if classifiedKeys.contains(key) || classifiedKeys.contains(Text.key(firstClean)) {
            context.classified(line)
            return
        }
        if footnoteKeys.contains(where: { key.hasPrefix($0) }) {
            page.footnotes.append(Text.clean(line.text))
            context.mapped(line)
            return
        }
        guard let (number, rest) = Text.lineNumber(Substring(firstClean)),
              let index = lineIndex[number] ?? description.lineIndex(number).map({ $0 }) else {
            if let (number, _) = Text.lineNumber(Substring(firstClean)) {
                context.report(.error, .unknownLine, line: line.number,
                               "line \(number) is not a line of \(description.title); expected one of its numbered lines")
            } else {
                context.report(.error, .unrecognizedLine, line: line.number,
                               "unrecognized text on \(description.title): \"\(String(firstClean.prefix(80)))\"")
            }
            return
        }
        let lineDescription = description.lines[index]
        if sourceLines[lineDescription.line] != nil {
            context.report(.warning, .duplicateLine, line: line.number,
                           "line \(number) of \(description.title) is printed twice; the first (line \(sourceLines[lineDescription.line] ?? 0)) is kept")
            return
        }
        sourceLines[lineDescription.line] = line.number

        var row = Row(line: lineDescription.line, cells: [])
        let caption = String(rest)
        if lineDescription.isWriteIn {
            if !caption.isEmpty { row.caption = caption }
        } else {
            let split = CaptionMatcher.split(caption)
            let slotCount = lineDescription.slots?.count ?? 0
            if CaptionMatcher.matches(printed: split.words, blank: lineDescription.caption), split.amounts.count == slotCount {
                row.captionAmounts = slotCount > 0 && split.amounts.allSatisfy(\.isBlank) ? [] : split.amounts
            } else {
                context.report(.warning, .captionMismatch, line: line.number,
                               "the caption of \(description.title) line \(number) does not match the blank: expected \"\(lineDescription.caption)\"",
                               placed: true)
                row.caption = caption
                if split.amounts.count == slotCount { row.captionAmounts = split.amounts.allSatisfy(\.isBlank) ? [] : split.amounts }
            }
        }

        // The code column (Schedule T's state abbreviation) is checked against the blank.
        var values = Array(fields.dropFirst())
        while let last = values.last, values.count > description.columns.count, last.allSatisfy({ $0 == " " }) {
            values.removeLast()
        }
        if values.count > description.columns.count {
            context.report(.warning, .cellCount, line: line.number,
                           "\(description.title) line \(number) has \(values.count) cells; the page has \(description.columns.count) columns. The extra cells are kept as text in the caption",
                           placed: true)
            row.caption = (row.caption ?? caption) + " " + values[description.columns.count...].joined(separator: " ")
            values = Array(values.prefix(description.columns.count))
        }
        var cells: [Cell] = []
        for (i, field) in values.enumerated() {
            cells.append(scan(field, column: description.columns[i], lineNumber: line.number, label: number))
        }
        if let code = lineDescription.code, let index = description.columns.firstIndex(where: { $0.valueKind == .code }),
           index < cells.count, cells[index] != .text(code) {
            context.report(.warning, .captionMismatch, line: line.number,
                           "\(description.title) line \(number) should carry the code \(code)", placed: true)
        }
        row.cells = cells + Array(repeating: .blank, count: description.columns.count - cells.count)
        let rowIndex = page.rows.count
        page.rows.append(row)
        context.mapped(line)
        if cells.count < description.columns.count, cells.contains(where: { !$0.isBlank }) {
            pending.append(PendingRow(rowIndex: rowIndex, values: cells, source: line.number))
        }
    }

    static func isNumberedHeadingRow(_ fields: [Substring]) -> Bool {
        let filled = fields.filter { !$0.trimmingSpaces.isEmpty }
        guard filled.count >= 2 else { return false }
        return filled.allSatisfy { field in
            let words = field.trimmingSpaces.split(separator: " ", maxSplits: 1)
            guard words.count == 2, Int(words[0]) != nil, let letter = words[1].first else { return false }
            return letter.isLetter
        }
    }

    private func scan(_ field: Substring, column: ColumnDescription, lineNumber: Int, label: String) -> Cell {
        let trimmed = field.trimmingSpaces
        switch column.valueKind {
        case .text, .code:
            if trimmed.isEmpty { return .blank }
            if trimmed == "XXX" { return .notApplicable }
            return .text(String(trimmed))
        case .amount:
            switch ValueScanner.cell(trimmed) {
            case .success(let cell):
                return cell
            case .failure:
                context.report(.warning, .badValue, line: lineNumber,
                               "\(description.title) line \(label) column \(column.number): \"\(trimmed)\" is not an amount; kept as text",
                               placed: true)
                return .text(String(trimmed))
            }
        }
    }

    /// Finishes the page: places the cells of short rows where the page's arithmetic decides.
    mutating func finish() -> Page {
        for item in pending {
            resolve(item)
        }
        // Rows in the blank's order, whatever order they were printed in.
        let order = lineIndex
        page.rows.sort { (order[$0.line] ?? Int.max) < (order[$1.line] ?? Int.max) }
        return page
    }

    private mutating func resolve(_ item: PendingRow) {
        let n = description.columns.count
        let k = item.values.count
        let line = page.rows[item.rowIndex].line
        var consistent: [[Cell]] = []
        for positions in combinations(n, k) {
            var cells = Array(repeating: Cell.blank, count: n)
            for (value, position) in zip(item.values, positions) { cells[position] = value }
            if checkArithmetic(line: line, cells: cells) == true { consistent.append(cells) }
        }
        if consistent.count == 1, let cells = consistent.first {
            page.rows[item.rowIndex].cells = cells
            let placed = cells.indices.filter { !cells[$0].isBlank }.map { description.columns[$0].number }
            context.report(.info, .resolvedRow, line: item.source,
                           "\(description.title) line \(line) prints \(k) of \(n) cells; the page's arithmetic places them in column \(placed.joined(separator: ", "))")
        } else {
            context.report(.warning, .ambiguousRow, line: item.source,
                           "\(description.title) line \(line) prints \(k) of \(n) cells and the page's arithmetic does not decide their columns; they are kept in the first \(k) columns",
                           placed: true)
        }
    }

    /// Whether the formulas touching `line` hold in every column when the row has `cells`:
    /// `true` when at least one formula could be evaluated and all evaluable ones hold.
    private func checkArithmetic(line: String, cells: [Cell]) -> Bool? {
        var evaluated = false
        for target in description.lines {
            guard let text = target.total, let formula = Formula(text), let terms = description.expand(formula) else { continue }
            let involved = target.line == line || terms.contains { $0.line == line }
            guard involved else { continue }
            for column in description.columns.indices where description.columns[column].valueKind == .amount {
                func value(_ l: String) -> Amount?? {
                    if l == line { return .some(cells[column].numericValue) }
                    guard let row = page.rows.first(where: { $0.line == l }) else { return .none }
                    return .some(row.cells[column].numericValue)
                }
                guard case .some(let totalValue) = value(target.line), let total = totalValue else { continue }
                var sum = Amount(units: 0)
                var ok = true
                for term in terms {
                    guard case .some(let v) = value(term.line), let amount = v else { ok = false; break }
                    sum = sum.adding(amount, sign: term.sign)
                }
                guard ok else { continue }
                evaluated = true
                if !sum.isNumericallyEqual(to: total) { return false }
            }
        }
        return evaluated ? true : nil
    }

    private func combinations(_ n: Int, _ k: Int) -> [[Int]] {
        guard k <= n, k >= 0 else { return [] }
        if k == 0 { return [[]] }
        var result: [[Int]] = []
        func build(_ start: Int, _ current: [Int]) {
            if current.count == k { result.append(current); return }
            guard start < n else { return }
            for i in start..<n { build(i + 1, current + [i]) }
        }
        build(0, [])
        return result
    }
}

extension Cell {
    /// The cell as a number for arithmetic: blanks and dashes are zero, text has no value.
    var numericValue: Amount? {
        switch self {
        case .blank, .dash, .notApplicable: return Amount(units: 0)
        case .amount(let a, _): return a
        case .text: return nil
        }
    }
}

extension Amount {
    func adding(_ other: Amount, sign: Int) -> Amount {
        let digits = max(fractionDigits, other.fractionDigits)
        let a = widened(to: digits) ?? self
        let b = other.widened(to: digits) ?? other
        let (r, overflow) = a.units.addingReportingOverflow(sign >= 0 ? b.units : -b.units)
        return overflow ? self : Amount(units: r, fractionDigits: digits)
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f == " " || f == "\u{00A0}" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\u{00A0}" { s = s.dropLast() }
        return s
    }
}
