import NAICXBRLCore
/// Text as it is placed on printed pages: words with their boxes, grouped into lines.
///
/// Filed statements are PDFs whose tables are laid out by position: amounts sit right-aligned
/// under numbered column headings, behind dot leaders, and captions wrap over several lines.
/// Both inputs the layout reader accepts become this form: a PDF's word boxes (in points, from
/// poppler's `pdftotext -bbox`) and the text `pdftotext -layout` writes (in character columns).
package struct PositionedWord: Sendable, Equatable {
    package var text: String
    /// Left and right edges, in the page's units.
    package var x0: Double
    package var x1: Double
    /// Top and bottom edges.
    package var y0: Double
    package var y1: Double

    /// The mean width of the word's characters, its width divided by its length.
    var characterWidth: Double { (x1 - x0) / Double(max(text.count, 1)) }

    package init(text: String, x0: Double, x1: Double, y0: Double, y1: Double) {
        self.text = text
        self.x0 = x0
        self.x1 = x1
        self.y0 = y0
        self.y1 = y1
    }

    package var centerX: Double { (x0 + x1) / 2 }
    package var centerY: Double { (y0 + y1) / 2 }
}

/// One printed line: its words from left to right.
package struct PositionedLine: Sendable {
    package var words: [PositionedWord]
    /// 1-based line number on its page, top to bottom.
    package var number: Int
    /// The line of the input file, for text input; nil for a PDF.
    package var sourceLine: Int?

    package init(words: [PositionedWord], number: Int, sourceLine: Int? = nil) {
        self.words = words
        self.number = number
        self.sourceLine = sourceLine
    }

    /// The words joined by single spaces.
    package var text: String { words.map(\.text).joined(separator: " ") }
}

/// One printed page.
package struct PositionedPage: Sendable {
    /// 1-based page number in the document.
    package var number: Int
    package var lines: [PositionedLine]

    package init(number: Int, lines: [PositionedLine]) {
        self.number = number
        self.lines = lines
    }
}

/// The pages of a document, and what their positions are measured in.
package struct PositionedDocument: Sendable {
    package enum Source: String, Sendable {
        /// A PDF: positions in points, lines found by their vertical position.
        case pdf
        /// Text from `pdftotext -layout`: positions in character columns, one line per text line.
        case layoutText
    }

    package var name: String
    package var source: Source
    package var pages: [PositionedPage]

    package init(name: String, source: Source, pages: [PositionedPage]) {
        self.name = name
        self.source = source
        self.pages = pages
    }
}

extension PositionedDocument {
    /// Reads text written by `pdftotext -layout`: pages are separated by form feeds, and a word's
    /// position is its character column.
    package static func layoutText(_ text: String, name: String) -> PositionedDocument {
        var pages: [PositionedPage] = []
        var lines: [PositionedLine] = []
        var lineOnPage = 0
        var sourceLine = 0
        // Pages count by form feeds: a page with no text (a scanned signature page) keeps its
        // number, so the pages after it are numbered as in the PDF.
        var pageNumber = 0
        func endPage() {
            pageNumber += 1
            if !lines.isEmpty { pages.append(PositionedPage(number: pageNumber, lines: lines)) }
            lines = []
            lineOnPage = 0
        }
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            sourceLine += 1
            var line = Substring(rawLine)
            if line.last == "\r" { line = line.dropLast() }
            // A form feed starts a new page; pdftotext writes it at the start of the page's first line.
            while let feed = line.firstIndex(of: "\u{0C}") {
                let before = line[..<feed]
                if !before.allSatisfy({ $0 == " " }) {
                    lineOnPage += 1
                    lines.append(PositionedLine(words: words(before), number: lineOnPage, sourceLine: sourceLine))
                }
                endPage()
                line = line[line.index(after: feed)...]
            }
            lineOnPage += 1
            let found = words(line)
            if !found.isEmpty {
                lines.append(PositionedLine(words: found, number: lineOnPage, sourceLine: sourceLine))
            }
        }
        endPage()
        return PositionedDocument(name: name, source: .layoutText, pages: pages)
    }

    /// The words of one line of layout text, positioned by character column.
    static func words(_ line: Substring) -> [PositionedWord] {
        var words: [PositionedWord] = []
        var column = 0
        var start: Int?
        var current = ""
        for scalar in line.unicodeScalars {
            if scalar == " " || scalar == "\t" {
                if let begin = start {
                    words.append(PositionedWord(text: current, x0: Double(begin), x1: Double(column), y0: 0, y1: 1))
                    start = nil
                    current = ""
                }
            } else {
                if start == nil { start = column }
                current.unicodeScalars.append(scalar)
            }
            column += scalar == "\t" ? 8 - column % 8 : 1
        }
        if let begin = start {
            words.append(PositionedWord(text: current, x0: Double(begin), x1: Double(column), y0: 0, y1: 1))
        }
        return words
    }

    /// Groups a page's words into lines by their vertical position, each line left to right. A
    /// word joins the line whose words' mean centre is near its own: a line is not held to its
    /// first word's height (a label printed in the margin a little above its row's line number
    /// and amounts is on the row's line).
    static func lines(of words: [PositionedWord]) -> [PositionedLine] {
        let sorted = words.sorted { ($0.centerY, $0.x0) < ($1.centerY, $1.x0) }
        var lines: [[PositionedWord]] = []
        var centerSum = 0.0
        var lineHeight = 0.0
        for word in sorted {
            let height = max(word.y1 - word.y0, 0.1)
            if let count = lines.last?.count, abs(word.centerY - centerSum / Double(count)) <= 0.45 * max(height, lineHeight) {
                lines[lines.count - 1].append(word)
                centerSum += word.centerY
            } else {
                lines.append([word])
                centerSum = word.centerY
                lineHeight = height
            }
        }
        return lines.enumerated().map { index, words in
            PositionedLine(words: words.sorted { $0.x0 < $1.x0 }, number: index + 1)
        }
    }
}
