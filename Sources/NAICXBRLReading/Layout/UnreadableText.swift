import NAICXBRLCore
/// Recognizes a page whose text layer cannot be read: text set in fonts without a Unicode map
/// (the page renders normally, but its text extracts as shifted characters), or text that is not
/// text (replacement characters, private-use and control characters).
///
/// Such text comes out as runs of letters glued to brackets, backslashes and symbols that no
/// statement prints inside words (`%KIEREP]WMWSJ`, `'SRXMRYIH`). On the filed statements of the
/// corpus, at most 9 % of a readable page's words look like that, and at least 20 % of an
/// unreadable page's; a page is unreadable from 15 %, with at least 20 words to judge by.
enum UnreadableText {
    static let threshold = 0.15
    static let minimumWords = 20

    /// Whether the page's words are mostly not text.
    static func isUnreadable(_ page: PositionedPage) -> Bool {
        var words = 0
        var garbled = 0
        for line in page.lines {
            for word in line.words where word.text.unicodeScalars.contains(where: isLetter) {
                words += 1
                if isGarbled(word.text) { garbled += 1 }
            }
        }
        return words >= minimumWords && Double(garbled) >= threshold * Double(words)
    }

    /// The first line of the page that reads as text, other than `skipping` (the running
    /// header): the page's own title, where it is printed in a readable font.
    static func readableTitle(_ page: PositionedPage, skipping header: Int?) -> String? {
        for (index, line) in page.lines.enumerated().prefix(6) where index != header {
            let letters = line.words.filter { $0.text.unicodeScalars.contains(where: isLetter) }
            if letters.count >= 2, !letters.contains(where: { isGarbled($0.text) }) { return line.text }
        }
        return nil
    }

    static func isGarbled(_ word: String) -> Bool {
        var previousLetter = false
        var previousSymbol = false
        for scalar in word.unicodeScalars {
            if isNotText(scalar) { return true }
            let letter = isLetter(scalar)
            let symbol = isInWordSymbol(scalar)
            if (letter && previousSymbol) || (symbol && previousLetter) { return true }
            previousLetter = letter
            previousSymbol = symbol
        }
        return false
    }

    /// The number of letters (A to Z, either case) in `text`.
    static func letterCount(_ text: String) -> Int {
        text.unicodeScalars.filter(isLetter).count
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "A" && scalar <= "Z") || (scalar >= "a" && scalar <= "z")
    }

    /// Symbols a statement never prints against a letter.
    private static func isInWordSymbol(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "[", "]", "\\", "^", "_", "`", "{", "}", "|", "~", "=", "%", "#", "@", "*", "\u{A6}": return true
        default: return false
        }
    }

    /// Replacement, private-use and control characters, and the half- and full-width forms (a
    /// statement set in English never prints them; a font without a Unicode map can extract as them).
    private static func isNotText(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0xFFFD || (0xE000...0xF8FF).contains(scalar.value) || scalar.value < 0x20
            || (0x80...0x9F).contains(scalar.value) || (0xFF00...0xFFEF).contains(scalar.value)
    }
}
