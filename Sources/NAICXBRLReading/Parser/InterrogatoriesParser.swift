@_spi(Stages) import NAICXBRLCore
/// Reads the general interrogatories (parts 1 and 2) and the supplemental exhibits and schedules
/// interrogatories: one ``Interrogatory`` per numbered question, with its answer as printed.
///
/// A question is a line that starts with a question number ("1.1", "6.4", "14.21", "16.") that
/// follows on from the previous question's number, so an address or a year at the start of an
/// explanation line is not mistaken for one. Part 1 prints the answer at the end of the question
/// ("… Yes [] No [X]", "… 12/31/2009", "… : \$ 0"); part 2 and the supplemental interrogatories
/// print number, question and answer in tab-separated columns. Lines that follow a question and
/// are not questions themselves answer or instruct it and go to its ``Interrogatory/details``;
/// tab-separated lines go to its ``Interrogatory/table``.
///
/// Text is normalized as the notes are (``Text/clean(_:)``); long lines the rendering cut stay
/// cut, as printed.
enum InterrogatoriesParser {
    /// The titles a blank prints inside its interrogatories: the sections' titles and subtitles
    /// from the description, and its running page header, as keys (``Text/key(_:)``). The
    /// segmenter takes most running titles itself; these are the ones it leaves in.
    struct Titles: Sendable {
        /// Compared in place (lengths first) rather than hashed: there are a handful.
        let keys: [[UInt8]]
        /// The section titles: a line that starts with one is a running title.
        let sectionTitleKeys: [[UInt8]]
        let pageHeaderKey: [UInt8]

        init(_ blank: Blank) {
            let sections = blank.sections.filter { $0.kind == .interrogatories }
            sectionTitleKeys = sections.flatMap(\.titles).map { Array(Text.key($0).utf8) }
            keys = sectionTitleKeys + sections.flatMap { $0.subtitles ?? [] }.map { Array(Text.key($0).utf8) }
            pageHeaderKey = Array(Text.key(blank.pageHeader).utf8)
        }
    }

    /// What a line's ``Text/key(_:)`` says it is, read once from the key's bytes.
    private enum KeyMark: Equatable {
        case runningTitle
        /// "NONE".
        case none
        /// "Explanation:", which opens the supplemental section's list of explanations.
        case explanationList
        /// "Bar Code:", which opens its list of bar-coded documents.
        case barCodeList
        case other

        init(_ key: Text.Bytes, clean: String, titles: Titles) {
            if InterrogatoriesParser.isRunningTitle(key, clean: clean, titles: titles) {
                self = .runningTitle
            } else if Text.equal(key, "none") {
                self = .none
            } else if Text.equal(key, "explanation") || Text.equal(key, "explanations") {
                self = .explanationList
            } else if Text.equal(key, "barcode") || Text.equal(key, "barcodes") {
                self = .barCodeList
            } else {
                self = .other
            }
        }
    }

    /// What the supplemental section's lines are, once its trailing lists begin.
    private enum Mode {
        case questions
        /// "Explanation:" list: "1." … "7.", each explaining the question with that number.
        case explanations(current: String?)
        /// "Bar Code:" list: numbered like questions, but the names of the bar-coded documents.
        case barCodes
    }

    static func parse(_ lines: [SourceText.Line], part: String, context: ParseContext, titles: Titles) -> [Interrogatory] {
        var reading = Reading(part: part, context: context, titles: titles)
        for line in lines where !NotesParser.isBlank(line.text) { reading.read(line) }
        reading.closeTable()
        return reading.result
    }

    /// The questions read so far, the table being gathered under the last of them, and what the
    /// section's lines are.
    private struct Reading {
        let part: String
        let supplemental: Bool
        let context: ParseContext
        let titles: Titles
        var result: [Interrogatory] = []
        var table: PrintedTableBuilder?
        var tableOwner: Int?
        var lastTableRowLine: Int?
        var mode = Mode.questions

        init(part: String, context: ParseContext, titles: Titles) {
            self.part = part
            supplemental = part == "supplemental"
            self.context = context
            self.titles = titles
        }

        /// Reads one line that is not blank: a running title, a question, an explanation, a table
        /// row, or a line that answers or instructs the question above it.
        mutating func read(_ line: SourceText.Line) {
            let clean = Text.clean(line.text)
            let mark = Text.withBytes(clean) { bytes in Text.withKey(bytes) { key in KeyMark(key, clean: clean, titles: titles) } }
            if readMarked(line, mark) { return }
            if case .explanations(let current) = mode {
                readExplanation(line, clean, current: current)
                return
            }
            if let question = InterrogatoriesParser.question(line, previous: result.last?.number, part: part, context: context) {
                closeTable()
                result.append(question)
                context.mapped(line)
                return
            }
            if Text.hasTab(line.text) {
                readTableRow(line, clean)
                return
            }
            readDetail(line, clean)
        }

        /// Classifies a running title, a NONE, a line of the bar code list, and the lines that
        /// open the supplemental section's lists; false for any other line.
        mutating func readMarked(_ line: SourceText.Line, _ mark: KeyMark) -> Bool {
            if mark == .runningTitle {
                context.classified(line)
                return true
            }
            if mark == .none {
                context.noneMark(line)
                return true
            }
            if case .barCodes = mode {
                // "1. Trusteed Surplus Statement [Document Identifier 490]" and the codes themselves.
                context.classified(line)
                return true
            }
            if supplemental, mark == .explanationList {
                closeTable()
                mode = .explanations(current: nil)
                context.classified(line)
                return true
            }
            if supplemental, mark == .barCodeList {
                closeTable()
                mode = .barCodes
                context.classified(line)
                return true
            }
            return false
        }

        /// A line of the explanation list: a numbered explanation of the question with that
        /// number, or a line going on with the current one.
        mutating func readExplanation(_ line: SourceText.Line, _ clean: String, current: String?) {
            if let numbered = Text.lineNumber(Substring(clean)) {
                mode = .explanations(current: numbered.number)
                let text = String(numbered.rest)
                if text.isEmpty {
                    context.classified(line)
                } else if let index = result.lastIndex(where: { $0.number == numbered.number }) {
                    result[index].details.append(text)
                    context.mapped(line)
                } else {
                    context.report(.warning, .unrecognizedLine, line: line.number,
                                   "an explanation for question \(numbered.number), which is not printed above")
                }
            } else if let current, let index = result.lastIndex(where: { $0.number == current }) {
                result[index].details.append(clean)
                context.mapped(line)
            } else {
                context.report(.warning, .unrecognizedLine, line: line.number,
                               "an explanation line that follows no numbered explanation: \"\(String(clean.prefix(80)))\"")
            }
        }

        /// A tab-separated line: a heading or a row of the table under the last question.
        mutating func readTableRow(_ line: SourceText.Line, _ clean: String) {
            let fields = Text.fields(line.text)
            let label = Text.clean(fields.first ?? "")
            let isHeading = (table?.rows.isEmpty ?? true) && (label.isEmpty || InterrogatoriesParser.isNumberedHeadingRow(fields))
            guard !result.isEmpty else {
                // A heading is "\tResponse" over the supplemental answers.
                beforeFirstQuestion(line, clean, expected: isHeading, "a table row")
                return
            }
            if table == nil {
                table = PrintedTableBuilder()
                tableOwner = result.count - 1
            }
            if isHeading {
                table?.addHeading(fields)
            } else {
                table?.addRow(label: label, cells: fields.dropFirst().map(InterrogatoriesParser.tableCell), width: fields.count)
                lastTableRowLine = line.number
            }
            context.mapped(line)
        }

        /// A line that is no question and no table row: a table row whose other cells were empty,
        /// or a detail of the question above it.
        mutating func readDetail(_ line: SourceText.Line, _ clean: String) {
            if table != nil, let last = lastTableRowLine, last + 1 == line.number {
                // A row whose other cells were empty (the rendering trimmed its tabs).
                table?.addRow(label: clean, cells: [], width: 1)
                lastTableRowLine = line.number
                context.mapped(line)
                return
            }
            closeTable()
            if result.isEmpty {
                // The supplemental section prints its instructions above the questions.
                beforeFirstQuestion(line, clean, expected: supplemental, "text")
                return
            }
            result[result.count - 1].details.append(clean)
            context.mapped(line)
        }

        /// Files the table being gathered under the question it follows.
        mutating func closeTable() {
            if let built = table, let owner = tableOwner, result.indices.contains(owner) {
                let finished = built.build(padAllRows: true)
                if var existing = result[owner].table {
                    // A second table under the same question: kept, appended to the first.
                    existing.headings += finished.headings
                    existing.rows += finished.rows
                    result[owner].table = existing
                } else {
                    result[owner].table = finished
                }
            }
            table = nil
            tableOwner = nil
            lastTableRowLine = nil
        }

        /// A line before the first question: classified where such a line is `expected`, else
        /// reported as `what`.
        func beforeFirstQuestion(_ line: SourceText.Line, _ clean: String, expected: Bool, _ what: String) {
            if expected {
                context.classified(line)
            } else {
                context.report(.warning, .unrecognizedLine, line: line.number, "\(what) before the first question: \"\(String(clean.prefix(80)))\"")
            }
        }
    }

    // MARK: Questions

    /// Reads a question line, or nil when the line is not one.
    private static func question(_ line: SourceText.Line, previous: String?, part: String, context: ParseContext) -> Interrogatory? {
        // The first field decides whether the line is a question at all; most lines of a part
        // are, and the others are turned away before the line is split into fields.
        let firstClean = Text.withBytes(line.text) { bytes in
            Text.clean(bytes.slice(0..<(bytes.firstIndex(of: 0x09) ?? bytes.count)))
        }
        guard let numbered = Text.lineNumber(Substring(firstClean)),
              isPlausible(numbered.number, after: previous) else { return nil }
        let fields = Text.fields(line.text)
        var text = String(numbered.rest)
        var answerFields = fields.dropFirst()
        if text.isEmpty, let next = answerFields.first {
            text = Text.clean(next)
            answerFields.removeFirst()
        }
        while let last = answerFields.last, Text.clean(last).isEmpty { answerFields.removeLast() }
        var details: [String] = []
        let answer: Answer
        if answerFields.isEmpty {
            answer = inlineAnswer(&text, line: line, context: context)
        } else if answerFields.count == 1, let field = answerFields.first {
            answer = fieldAnswer(field, details: &details, line: line, context: context)
        } else {
            // Several answer columns: 14.21 to 14.28 print prior year-end and current quarter.
            answer = .amounts(answerFields.map { field in
                if let cell = ValueScanner.value(field) { return cell }
                let printed = Text.clean(field)
                context.report(.warning, .badValue, line: line.number,
                               "question \(numbered.number) prints \"\(printed)\" where an amount is expected; kept as text",
                               placed: true)
                return .text(printed)
            })
        }
        return Interrogatory(part: part, number: numbered.number, text: text, answer: answer, details: details)
    }

    /// Question numbers run on from the one before: the major number stays or grows a little.
    /// "1295 State Street" or "2011 examination" at the start of an explanation is not a question.
    private static func isPlausible(_ number: String, after previous: String?) -> Bool {
        guard let major = majorNumber(number) else { return false }
        guard let previous, let last = majorNumber(previous) else { return major <= 99 }
        return major >= last && major <= last + 10
    }

    private static func majorNumber(_ number: String) -> Int? {
        var major = 0
        var digits = 0
        for byte in number.utf8 {
            guard Text.isDigit(byte) else { break }
            digits += 1
            guard digits <= 3 else { return nil }
            major = major * 10 + Int(byte - 0x30)
        }
        return digits == 0 ? nil : major
    }

    /// An answer printed at the end of the question itself (part 1): check boxes, a date, an
    /// amount after `$`, a percentage. Removes the answer from `text`.
    private static func inlineAnswer(_ text: inout String, line: SourceText.Line, context: ParseContext) -> Answer {
        if let boxes = checkBoxes(text) {
            text = boxes.prefix
            return choiceAnswer(boxes, line: line, context: context)
        }
        // A date is the last word, and has slashes: look for one before splitting into words.
        if let last = Text.lastWord(text[...]), last.utf8.contains(0x2F), let date = CalendarDate(us: last) {
            // Joined as strings: `joined` of substrings is not specialized, and slow.
            text = Text.words(text).dropLast().map(String.init).joined(separator: " ")
            return .date(date)
        }
        if let dollar = Text.withBytes(text, { $0.lastIndex(of: 0x24) }).map({ text.utf8.index(text.utf8.startIndex, offsetBy: $0) }), // $
           let cell = ValueScanner.value(text[dollar...]) {
            text = Text.trimmed(text[..<dollar])
            return .amounts([cell])
        }
        if Text.hasSuffix(text, "%") {
            let body = text.dropLast()
            let valueWords = Text.words(body)
            if let last = valueWords.last, let cell = ValueScanner.value(last), !cell.isBlank, cell.amount != nil {
                text = valueWords.dropLast().map(String.init).joined(separator: " ")
                return .percent(cell)
            }
            text = Text.trimmed(body)
            return .percent(.blank)
        }
        return .none
    }

    /// An answer printed in its own column (part 2, supplemental).
    private static func fieldAnswer(_ field: Substring, details: inout [String], line: SourceText.Line, context: ParseContext) -> Answer {
        let printed = Text.clean(field)
        if let boxes = checkBoxes(printed), boxes.prefix.isEmpty {
            return choiceAnswer(boxes, line: line, context: context)
        }
        if let date = CalendarDate(us: Substring(printed)) { return .date(date) }
        if Text.hasSuffix(printed, "%") {
            let body = Text.trimmed(printed.dropLast())
            if body.isEmpty { return .percent(.blank) }
            if let cell = ValueScanner.value(Substring(body)) { return .percent(cell) }
        }
        if let cell = ValueScanner.value(field) { return .amounts([cell]) }
        if isNumberedHeading(Substring(printed)) {
            // "1 Amount": the heading of the answer column printed beside the question.
            details.append(printed)
            return .none
        }
        return .text(printed)
    }

    private static func choiceAnswer(_ boxes: CheckBoxes, line: SourceText.Line, context: ParseContext) -> Answer {
        if boxes.checked.count > 1 {
            context.report(.warning, .badValue, line: line.number,
                           "more than one box is checked (\(boxes.checked.map(\.rawValue).joined(separator: ", "))); read as unanswered",
                           placed: true)
            return .choice(nil, offersNotApplicable: boxes.offersNotApplicable)
        }
        return .choice(boxes.checked.first, offersNotApplicable: boxes.offersNotApplicable)
    }

    // MARK: Check boxes

    struct CheckBoxes {
        /// The text before the boxes, trimmed.
        var prefix: String
        var checked: [Answer.Choice]
        var offersNotApplicable: Bool
    }

    /// Reads trailing check boxes, `Yes [X] No []` or `Yes [ ] No [X] N/A [ ]`, from the end of
    /// a cleaned line. Both Yes and No must be printed; a box holds nothing or an `X`.
    static func checkBoxes(_ text: String) -> CheckBoxes? {
        var boxes: [(label: String, checked: Bool)] = []
        let end: Int = Text.withBytes(text) { chars in
            var end = chars.count
            while true {
                var i = end
                while i > 0, chars[i - 1] == 0x20 { i -= 1 }
                guard i > 0, chars[i - 1] == 0x5D else { break } // ]
                var open = i - 1
                while open > 0, chars[open - 1] != 0x5B { open -= 1 } // [
                guard open > 0 else { break }
                guard let checked = boxMark(chars.slice(open..<(i - 1))) else { break }
                var labelEnd = open - 1
                while labelEnd > 0, chars[labelEnd - 1] == 0x20 { labelEnd -= 1 }
                var labelStart = labelEnd
                while labelStart > 0, Text.isASCIILetter(chars[labelStart - 1]) || chars[labelStart - 1] == 0x2F { labelStart -= 1 } // /
                // A letter outside ASCII would be part of the label, which then is none of these.
                if labelStart > 0, chars[labelStart - 1] >= 0x80, letterEnds(text, at: labelStart) { break }
                guard let label = boxLabel(chars.slice(labelStart..<labelEnd)) else { break }
                boxes.insert((label, checked), at: 0)
                end = labelStart
            }
            return end
        }
        let labels = boxes.map(\.label)
        guard labels.contains("yes"), labels.contains("no") else { return nil }
        let checked: [Answer.Choice] = boxes.filter(\.checked).map {
            switch $0.label {
            case "yes": return .yes
            case "no": return .no
            default: return .notApplicable
            }
        }
        return CheckBoxes(prefix: Text.trimmed(Text.substring(text[...], 0..<end)), checked: checked,
                          offersNotApplicable: labels.contains("n/a") || labels.contains("na"))
    }

    /// The labels a box may carry, lower-cased.
    private static let boxLabels = ["yes", "no", "n/a", "na"]

    /// The label printed before a box (ASCII letters and `/`), lower-cased, if it is one of
    /// ``boxLabels``.
    private static func boxLabel(_ printed: Text.Bytes) -> String? {
        boxLabels.first { label in
            label.utf8.count == printed.count && zip(label.utf8, printed).allSatisfy { $0 == $1 | 0x20 }
        }
    }

    /// What a box holds, spaces aside: nothing (false) or an `X` (true); nil for anything else.
    private static func boxMark(_ inside: Text.Bytes) -> Bool? {
        var mark: UInt8?
        for byte in inside where byte != 0x20 {
            guard mark == nil else { return nil }
            mark = byte
        }
        guard let mark else { return false }
        return mark == 0x58 || mark == 0x78 ? true : nil // X or x
    }

    /// Whether the character that ends at byte `offset` of `text` is a letter.
    private static func letterEnds(_ text: String, at offset: Int) -> Bool {
        let utf8 = text.utf8
        return text[..<utf8.index(utf8.startIndex, offsetBy: offset)].last?.isLetter ?? false
    }

    // MARK: Tables and titles

    /// A cell of an interrogatory table: a value when it reads as one, otherwise its text (names,
    /// addresses, the `YES` of a regulator column).
    private static func tableCell(_ field: Substring) -> Cell {
        if let cell = ValueScanner.value(field) { return cell }
        return .text(Text.clean(field))
    }

    /// Column headings numbered as the blank numbers them: "1 Affiliate Name\t2 Location …".
    static func isNumberedHeadingRow(_ fields: [Substring]) -> Bool {
        var printedAny = false
        for field in fields {
            let printed = Text.clean(field)
            if printed.isEmpty { continue }
            printedAny = true
            if !isNumberedHeading(printed[...]) { return false }
        }
        return printedAny
    }

    /// "1 Amount", "2 Location (City, State)": a column number, a space, then words.
    static func isNumberedHeading(_ text: Substring) -> Bool {
        let utf8 = text.utf8
        var digits = 0
        var index = utf8.startIndex
        while index < utf8.endIndex, Text.isDigit(utf8[index]) {
            digits += 1
            index = utf8.index(after: index)
        }
        guard digits >= 1, digits <= 2, index < utf8.endIndex, utf8[index] == 0x20 else { return false }
        index = utf8.index(after: index)
        guard index < utf8.endIndex else { return false }
        let next = utf8[index]
        if next < 0x80 { return Text.isASCIILetter(next) || next == 0x28 } // (
        return text[index...].first?.isLetter ?? false
    }

    private static func isRunningTitle(_ key: Text.Bytes, clean: String, titles: Titles) -> Bool {
        if titles.keys.contains(where: { Text.equal(key, $0) }) { return true }
        if Text.hasSuffix(key, "continued") {
            let title = key.slice(0..<(key.count - "continued".utf8.count))
            if titles.keys.contains(where: { Text.equal(title, $0) }) { return true }
        }
        if titles.sectionTitleKeys.contains(where: { !$0.isEmpty && Text.hasPrefix(key, $0) }) { return true }
        // The running page header, when a section spans pages ("STATEMENT AS OF … OF THE …").
        if !titles.pageHeaderKey.isEmpty, Text.hasPrefix(key, titles.pageHeaderKey),
           Text.isUppercase(clean) || Text.contains(clean, " OF THE ") { return true }
        // "PART 2 - LIFE & HEALTH" and the other blanks' part titles, printed in capitals.
        if Text.hasPrefix(key, "part"), key.count > 4, Text.isDigit(key[4]), Text.isUppercase(clean) { return true }
        return false
    }
}
