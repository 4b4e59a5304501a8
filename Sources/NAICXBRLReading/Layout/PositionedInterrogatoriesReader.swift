@_spi(Stages) import NAICXBRLCore

/// Reads the general interrogatories from a filed PDF's positioned words: one ``Interrogatory``
/// per question number printed first on a line ("1.1", "4.11", "16"), its words up to the dot
/// leader after it as its text, and what it prints after that leader (or at the page's right,
/// on a line of its own) as its answer: check boxes (`Yes [ X ]  No [  ]`, with `N/A [  ]` where
/// printed), a date, a percentage before `%`, or amounts, a cell per leader (`$ ....... 1,234`),
/// an empty leader an empty cell. Lines under a question that are neither are its details.
///
/// Question numbers run on within a part (a number below the last one's, or far above it, is no
/// question: a list's "1" or a year); the part is the one the page prints under its title
/// ("PART 1 - COMMON INTERROGATORIES"), or the page before's.
struct PositionedInterrogatoriesReader {
    /// The blank's interrogatory parts, in the order a statement keeps them.
    let parts: [String]
    /// The questions read, in the order a statement keeps them (``Interrogatory/precedes(part:_:part:_:parts:)``:
    /// "26.30" printed before "26.3" is kept after it).
    var interrogatories: [Interrogatory] {
        read.sorted { Interrogatory.precedes(part: $0.part, $0.number, part: $1.part, $1.number, parts: parts) }
    }
    /// The questions in printed order.
    private var read: [Interrogatory] = []

    init(parts: [String]) { self.parts = parts }
    /// The part of the page before, for a page that prints none.
    private(set) var part: String?
    /// The question being read, the words of its answer and the line they are printed on.
    private var current: (item: Interrogatory, answer: [PositionedWord], answerLine: PositionedLine?)?
    /// The question being read prints a list under it (its column numbers, "1  2  3", or lines
    /// set apart by space): its lines are the list's, no answer.
    private var listed = false
    /// The questions of the page being read whose answer holds a character that cannot be
    /// decoded (U+FFFD), each with its answer's line: not read.
    private var undecoded: [(number: String, line: PositionedLine?)] = []

    /// Reads the lines of `page` from `start` up to `end` as questions of `part` (the part the
    /// page prints, or nil to go on with the page before's).
    mutating func read(_ page: PositionedPage, from start: Int, to end: Int, part printed: String?, into reader: inout LayoutReader) {
        if let printed { part = printed }
        guard let part else {
            reader.report(.warning, .unrecognizedLine, page: page, line: page.lines.indices.contains(start) ? page.lines[start] : nil,
                          "a page of the general interrogatories that prints no part (\"PART 1\") after none that did is not read")
            return
        }
        var lines = Array(page.lines[min(start, end)..<end])
        while let last = lines.last, last.words.count == 1, PositionedNotesReader.isPageNumber(last.words[0].text) { lines.removeLast() }
        let right = lines.map(\.right).max() ?? 0
        var previous: PositionedLine?
        for line in lines {
            // Lines set apart by space under a question print a list or table of its, no answer.
            if let previous, let height = line.words.first.map({ $0.y1 - $0.y0 }), line.top - previous.bottom > height { listed = true }
            previous = line
            // A sub-question printed after its question's words on the same line ("20.1 Total
            // amount loaned ...: 20.11 To directors ...") is read as a line of its own.
            for words in Self.subQuestionParts(line.words, open: current?.item.number) {
                readLine(words, on: line, part: part, right: right)
            }
        }
        closeQuestion()
        // What a check box, date or amount holding an undecoded character stands for cannot be
        // told: the question is kept, its answer is not read.
        for (number, line) in undecoded {
            reader.report(.warning, .ocr, page: page, line: line,
                          "the answer of interrogatory \(number) holds a character that cannot be decoded (U+FFFD); the answer is not read")
        }
        undecoded = []
    }

    private mutating func closeQuestion() {
        guard var open = current else { return }
        if open.answer.contains(where: { $0.text.contains("\u{FFFD}") }) {
            undecoded.append((open.item.number, open.answerLine))
            open.item.answer = .none
        } else {
            open.item.answer = Self.answer(open.answer)
        }
        read.append(open.item)
        current = nil
    }

    /// One printed line's words (or a sub-question's part of them): a question of its own, or
    /// the open question going on.
    private mutating func readLine(_ words: [PositionedWord], on line: PositionedLine, part: String, right: Double) {
        do {
            if let first = words.first, let number = Self.questionNumber(first.text),
               words.count > 1, Self.questionNumber(words[1].text) == nil,
               // A number read already is the question's text going on ("... Lines 15.31 and / 15.34 for Column (1)").
               !read.contains(where: { $0.part == part && $0.number == number }), current?.item.number != number,
               Self.follows(number, after: read.last(where: { $0.part == part })?.number ?? current?.item.number, or: current?.item.number) {
                closeQuestion()
                listed = false
                let (text, answer) = Self.split(Array(words.dropFirst()), right: right)
                current = (Interrogatory(part: part, number: number, text: text.map(\.text).joined(separator: " ")), answer,
                           answer.isEmpty ? nil : line)
                return
            }
            guard current != nil else { return }
            let (text, answer) = Self.split(words, right: right)
            // A row of a list under the question (its leaders from the left margin) is no answer.
            if words.count >= 2, words.allSatisfy({ $0.text.count <= 2 && $0.text.allSatisfy { ("0"..."9").contains($0) } }) { listed = true }
            let listRow = listed || text.isEmpty && (words.first?.x0 ?? right) < right * 0.5
            if !answer.isEmpty, !listRow, current?.answer.isEmpty == true {
                // The question's text goes on up to its answer, over the lines printed between
                // (held as its details until the answer shows they were its text: 6.2 of Exhibit
                // 5's interrogatories wraps over four lines).
                if let between = current?.item.details, !between.isEmpty {
                    current?.item.text += " " + between.joined(separator: " ")
                    current?.item.details = []
                }
                if !text.isEmpty { current?.item.text += " " + text.map(\.text).joined(separator: " ") }
                current?.answer = answer
                current?.answerLine = line
            } else if !text.isEmpty || !answer.isEmpty {
                current?.item.details.append((text + answer).map(\.text).joined(separator: " ").replacingOccurrences(of: "  ", with: " "))
            }
        }
    }

    /// A line's words, cut before each sub-question number printed after a gap ("20.11" after
    /// "20.1 ...:", or after the open question's words): the sub-question's number extends the
    /// line's first question number or the open one.
    private static func subQuestionParts(_ words: [PositionedWord], open: String?) -> [[PositionedWord]] {
        let main = words.first.flatMap { questionNumber($0.text) } ?? open
        guard let main, words.count > 2 else { return [words] }
        var parts: [[PositionedWord]] = []
        var start = 0
        for i in words.indices.dropFirst() {
            guard let number = questionNumber(words[i].text), number.count > main.count, number.hasPrefix(main),
                  words[i].x0 - words[i - 1].x1 >= words[i].y1 - words[i].y0 else { continue }
            parts.append(Array(words[start..<i]))
            start = i
        }
        parts.append(Array(words[start...]))
        return parts
    }

    /// A question's number as printed first on its line ("1.1", "14.21", "16", "2."), without a
    /// final period.
    static func questionNumber(_ text: String) -> String? {
        var number = Substring(text)
        if number.last == "." { number = number.dropLast() }
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 3, parts[0].count <= 2,
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { ("0"..."9").contains($0) } }) else { return nil }
        return String(number)
    }

    /// Question numbers run on: the major number stays or grows a little.
    private static func follows(_ number: String, after last: String?, or open: String?) -> Bool {
        guard let major = Int(number.prefix { $0 != "." }) else { return false }
        let previous = [last, open].compactMap { $0 }.compactMap { Int($0.prefix { $0 != "." }) }.max()
        guard let previous else { return major <= 2 }
        return major >= previous && major <= previous + 5
    }

    /// A line's words as the question's text and its answer: the answer is what follows the
    /// first dot leader, or, on a line without one, the words at the page's right (the last
    /// quarter) from the first check box, date, amount or leader.
    private static func split(_ given: [PositionedWord], right: Double) -> (text: [PositionedWord], answer: [PositionedWord]) {
        let words = splittingGluedLeaders(given)
        // Amounts printed without leaders (a line of totals) stand apart from the words before.
        if let amount = words.indices.dropFirst().first(where: { i in
            ValueScanner.groupedAmount(in: Substring(words[i].text)) != nil && !words[i].text.hasPrefix("$")
                && words[i].x0 - words[i - 1].x1 >= words[i].y1 - words[i].y0 && PageLayout.leader(words[i - 1].text) == nil
        }), !words[..<amount].contains(where: { PageLayout.leader($0.text) != nil }) {
            return (Array(words[..<amount]), Array(words[amount...]))
        }
        // A caption's leader squeezed to two dots by a long question ("societies) ..  NO") too.
        if let leader = words.firstIndex(where: { PageLayout.leader($0.text) != nil || $0.text == ".." }) {
            let rest = Array(words[leader...])
            // The caption's leader ends the text (a `$` printed at its end is the answer's); a
            // leader with an amount in it, or after a `$`, is the answer's.
            let first = words[leader]
            // After a `$`: the answer's cell, the `$` with it.
            if leader > 0, words[leader - 1].text == "$" { return (Array(words[..<(leader - 1)]), Array(words[(leader - 1)...])) }
            if first.text == ".." { return (Array(words[..<leader]), Array(rest.dropFirst())) }
            guard let printed = PageLayout.leader(first.text), !first.text.hasPrefix("$") else { return (Array(words[..<leader]), rest) }
            // A leader set apart from the words before it is the first answer cell's.
            if printed.rest.isEmpty, leader > 0, first.x0 - words[leader - 1].x1 >= first.y1 - first.y0 { return (Array(words[..<leader]), rest) }
            if printed.rest.isEmpty { return (Array(words[..<leader]), Array(rest.dropFirst())) }
            if printed.rest == "$" {
                let dollar = PositionedWord(text: "$", x0: first.x1, x1: first.x1, y0: first.y0, y1: first.y1)
                return (Array(words[..<leader]), [dollar] + rest.dropFirst())
            }
            return (Array(words[..<leader]), rest)
        }
        if let start = words.firstIndex(where: { $0.x0 >= right * 0.75 && isAnswerWord($0.text) }) {
            return (Array(words[..<start]), Array(words[start...]))
        }
        return (words, [])
    }

    /// Words whose dot leader is printed onto them ("officers..........$"): the word and the
    /// leader apart.
    private static func splittingGluedLeaders(_ words: [PositionedWord]) -> [PositionedWord] {
        guard words.contains(where: { $0.text.contains("...") && PageLayout.leader($0.text) == nil }) else { return words }
        var split: [PositionedWord] = []
        for word in words {
            var core = Substring(word.text)
            let dollar = core.last == "$"
            if dollar { core = core.dropLast() }
            let dots = core.reversed().prefix { $0 == "." }.count
            guard dots >= 3, dots < core.count, PageLayout.leader(word.text) == nil else {
                split.append(word)
                continue
            }
            let width = (word.x1 - word.x0) / Double(max(word.text.count, 1))
            let textEnd = word.x0 + Double(core.count - dots) * width
            split.append(PositionedWord(text: String(core.dropLast(dots)), x0: word.x0, x1: textEnd, y0: word.y0, y1: word.y1))
            split.append(PositionedWord(text: String(repeating: ".", count: dots) + (dollar ? "$" : ""), x0: textEnd, x1: word.x1, y0: word.y0, y1: word.y1))
        }
        return split
    }

    /// A word that starts an answer printed without a leader before it: a check box's label, a
    /// `$`, a date, or an amount with grouping commas (a list's column numbers, a year or a
    /// company's code printed at the right are none).
    private static func isAnswerWord(_ text: String) -> Bool {
        text == "Yes" || text == "$" || CalendarDate(us: Substring(text)) != nil || ValueScanner.groupedAmount(in: Substring(text)) != nil
    }

    /// The answer the words after a question's leader print.
    static func answer(_ words: [PositionedWord]) -> Answer {
        guard !words.isEmpty else { return .none }
        var text = words.map(\.text).joined(separator: " ")
        if text.contains("Yes"), text.contains("[") {
            // The last box's closing bracket is not in some PDFs' text.
            if text.hasSuffix("[") { text += " ]" }
            if let boxes = InterrogatoriesParser.checkBoxes(text), boxes.checked.count <= 1 {
                return .choice(boxes.checked.first, offersNotApplicable: boxes.offersNotApplicable)
            }
            return .text(text)
        }
        if let date = words.lazy.compactMap({ CalendarDate(us: Substring($0.text)) }).first { return .date(date) }
        if let percent = words.firstIndex(where: { $0.text == "%" || $0.text.hasSuffix("%") }) {
            let printed = words[percent].text == "%" ? (percent > 0 ? words[percent - 1].text : "") : String(words[percent].text.dropLast())
            if let cell = ValueScanner.value(Substring(printed)), cell.amount != nil { return .percent(cell) }
            return .percent(.blank)
        }
        // Amounts: a cell per leader, an amount printed over it or after a `$`.
        var cells: [Cell] = []
        var dollar = false
        var open = false
        var others: [String] = []
        for word in words {
            if word.text == "$" {
                dollar = true
                continue
            }
            if let leader = PageLayout.leader(word.text) {
                cells.append(.blank)
                open = true
                if leader.dollar { dollar = true }
                if !leader.rest.isEmpty, let value = ValueScanner.value(leader.rest) {
                    cells[cells.count - 1] = value.withDollarSign(dollar)
                    open = false
                    dollar = false
                }
                continue
            }
            // A code printed with leading zeros ("0001404912", an SEC CIK) is no amount.
            let code = word.text.count > 1 && word.text.first == "0" && word.text.allSatisfy { ("0"..."9").contains($0) }
            if !code, let value = ValueScanner.value(Substring(word.text)), value != .blank {
                if open, cells.last == .blank {
                    cells[cells.count - 1] = value.withDollarSign(dollar)
                } else {
                    cells.append(value.withDollarSign(dollar))
                }
                open = false
                dollar = false
                continue
            }
            others.append(word.text)
        }
        if !others.isEmpty { return .text(words.map(\.text).filter { PageLayout.leader($0) == nil }.joined(separator: " ")) }
        if cells.isEmpty { return dollar ? .amounts([.blank]) : .none }
        return .amounts(cells)
    }
}
