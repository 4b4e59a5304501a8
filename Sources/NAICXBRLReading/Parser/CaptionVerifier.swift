import Foundation
@_spi(Stages) import NAICXBRLCore

/// Decides whether a printed row's caption is the caption of the line its number names, in the
/// edition of the blank the statement is read by.
///
/// A value under the wrong concept is worse than a value missing, so a row is placed only when
/// its caption says the same thing as the edition's line:
/// - the same words, or words that differ only in cross-references (parenthesized text),
///   punctuation, case or abbreviations ("Cols." for "Columns", "&" for "and", "thru" for
///   "through"): the row is placed, and the wording is kept as printed (info);
/// - a caption that matches another line of the page better than its own number's, or that
///   matches no line of the page: the row is not placed, and the finding is an error naming both
///   captions.
///
/// The comparison is made on the caption's words with any amounts printed after a `$` removed.
/// Verification runs only for captions whose normalized key differs from the line's, and a
/// verifier is built only for a page that has one, so a statement printed as its edition
/// describes pays nothing for it.
struct CaptionVerifier: Sendable {
    enum Verdict: Equatable {
        /// The same caption in other wording.
        case equivalent
        /// Another line of the page (by index) says what the printed caption says.
        case otherLine(Int)
        /// No line of the page says it.
        case noLine
    }

    struct Words: Sendable {
        /// All words, cross-references included.
        var full: [String]
        /// The words outside parentheses.
        var core: [String]
    }

    private let lines: [Words?]
    /// Each line's caption as one run of letters and digits, for captions printed without spaces.
    private let keys: [[UInt8]?]
    /// Each line's caption as the blank prints it.
    private let captions: [String]
    /// Each line's number.
    private let numbers: [String]
    /// The page's line numbers.
    private let lineNumbers: Set<String>

    init(_ page: PageDescription) {
        lines = page.lines.map { line in
            line.isWriteIn || line.caption.isEmpty ? nil : Self.words(line.caption.replacingOccurrences(of: "$", with: " "))
        }
        keys = page.lines.map { line in line.isWriteIn || line.caption.isEmpty ? nil : Text.keyBytes(line.caption) }
        captions = page.lines.map(\.caption)
        numbers = page.lines.map(\.line)
        lineNumbers = Set(numbers)
    }

    /// Whether `printed` holds another line's number of the page with its period ("18." in
    /// "Totals Parent, Subsidiaries and Affiliates 18. Totals"), which the blank's caption does not:
    /// the next row's start, which the reader did not see, merged into this row's caption, so that
    /// the row's words (and any values among them) are not all this line's.
    static func holdsLineNumber(_ printed: String, of lineNumbers: Set<String>, own: String, caption: String) -> Bool {
        printed.split(separator: " ").contains { word in
            guard word.count > 1, word.last == ".", case let number = String(word.dropLast()),
                  number != own, lineNumbers.contains(number) else { return false }
            return !caption.split(separator: " ").contains(word)
        }
    }

    /// Whether `printed` holds an amount (digits grouped by commas: "15,483,927,264") that the
    /// blank's caption does not: a value a layout left among the caption's words, so that the
    /// row's values are not all where the reader put them.
    static func holdsStrayAmount(_ printed: String, caption: String) -> Bool {
        printed.split(separator: " ").contains { word in
            ValueScanner.groupedAmount(in: word).map { !caption.contains($0) } ?? false
        }
    }

    /// The verdict on `printed` (amounts after a `$` already removed) as the caption of the line at
    /// `index`.
    func verdict(printed: String, line index: Int) -> Verdict {
        let words = Self.words(printed)
        guard let own = lines[index] else { return .equivalent }
        if Self.holdsStrayAmount(printed, caption: captions[index])
            || Self.holdsLineNumber(printed, of: lineNumbers, own: numbers[index], caption: captions[index]) { return .noLine }
        // A caption that is word for word another line's, cross-references included, is that line.
        if words.full != own.full, let other = lines.indices.first(where: { $0 != index && lines[$0]?.full == words.full }) {
            return .otherLine(other)
        }
        if words.core == own.core { return .equivalent }
        // A long word misprinted by one letter ("oligations" for "obligations") is its line's word.
        let mended = Self.mendingMisprints(words, against: own)
        if mended.core == own.core { return .equivalent }
        // The whole caption, then text a layout glued to it (a page footer, a cover line).
        let startsWithOwn = !own.core.isEmpty && words.core.starts(with: own.core)
        let ownScore = Self.score(words, own)
        let best = Self.best(lines, except: index) { Self.score(words, $0) }
        if let best, best.score >= 0.6, best.score > ownScore + 0.1 { return .otherLine(best.index) }
        if ownScore >= 0.6 || startsWithOwn { return .equivalent }
        // A caption whose words run together (a font without spaces: "Aggregatereserveforlife…")
        // has too few words to compare; its letters are compared instead, and must say nearly
        // all the line's and more than any other line's.
        if words.full.count * 10 < own.full.count * 7, let ownKey = keys[index] {
            let key = Text.keyBytes(printed)
            let ownLetters = Self.similarity(key, ownKey)
            let bestOther = Self.best(keys, except: index) { Self.similarity(key, $0) }
            if let bestOther, bestOther.score >= 0.85, bestOther.score > ownLetters + 0.05 { return .otherLine(bestOther.index) }
            if ownLetters >= 0.85, ownLetters >= (bestOther?.score ?? 0) { return .equivalent }
        }
        return .noLine
    }

    /// `printed` with each word that is not one of `own`'s, but one letter away (left out, added,
    /// changed or swapped with its neighbour) from a word of `own` of six letters or more, spelled
    /// as `own` spells it. Only the line the row's number names is consulted, so a misprint can
    /// keep a row on its own line but never move it to another.
    static func mendingMisprints(_ printed: Words, against own: Words) -> Words {
        let long = Set(own.full.filter { $0.count >= 6 })
        guard !long.isEmpty else { return printed }
        let known = Set(own.full)
        func mend(_ word: String) -> String {
            guard word.count >= 5, !known.contains(word) else { return word }
            let letters = Array(word.utf8)
            let candidates = long.filter { oneLetterApart(letters, Array($0.utf8)) }
            return candidates.count == 1 ? candidates.first ?? word : word
        }
        return Words(full: printed.full.map(mend), core: printed.core.map(mend))
    }

    /// Whether two words differ by exactly one letter left out, added, changed, or two neighbours swapped.
    static func oneLetterApart(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if a == b || abs(a.count - b.count) > 1 { return false }
        var i = 0
        while i < min(a.count, b.count), a[i] == b[i] { i += 1 }
        if a.count == b.count {
            if a[(i + 1)...] == b[(i + 1)...] { return true }
            return i + 1 < a.count && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)...] == b[(i + 2)...]
        }
        let (short, longer) = a.count < b.count ? (a, b) : (b, a)
        return short[i...] == longer[(i + 1)...]
    }

    /// The line other than `index` that scores highest (the first of equals), if any scores above 0.
    private static func best<Line>(_ lines: [Line?], except index: Int, _ scoring: (Line) -> Double) -> (index: Int, score: Double)? {
        var best: (index: Int, score: Double)?
        for (other, candidate) in lines.enumerated() where other != index {
            guard let candidate else { continue }
            let score = scoring(candidate)
            if score > best?.score ?? 0 { best = (other, score) }
        }
        return best
    }

    /// Similarity of two captions, 0 to 1: mostly their words outside parentheses, partly all.
    private static func score(_ a: Words, _ b: Words) -> Double {
        0.75 * similarity(a.core, b.core) + 0.25 * similarity(a.full, b.full)
    }

    /// Twice the longest common subsequence of words (or letters) over the two lengths (1 when equal).
    private static func similarity<T: Equatable>(_ a: [T], _ b: [T]) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        if a.isEmpty || b.isEmpty { return 0 }
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for x in a {
            for (j, y) in b.enumerated() {
                current[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            swap(&previous, &current)
        }
        return 2 * Double(previous[b.count]) / Double(a.count + b.count)
    }

    /// Abbreviations a blank prints for the same word, by their lowercased letters.
    private static let spellings: [String: String] = [
        "col": "column", "cols": "columns", "thru": "through", "no": "number", "nos": "numbers",
        "incl": "including", "excl": "excluding", "amt": "amount", "dept": "department", "govt": "government",
        "ah": "accident and health",
    ]

    /// The caption's words: lowercased letters and digits, hyphenated and slashed words joined,
    /// `&` as "and", abbreviations spelled out; `core` without parenthesized text.
    private static func words(_ caption: String) -> Words {
        var full: [String] = []
        var core: [String] = []
        var depth = 0
        var word = ""
        func flush() {
            guard !word.isEmpty else { return }
            let spelled = spellings[word].map { $0.split(separator: " ").map(String.init) } ?? [word]
            full += spelled
            if depth == 0 { core += spelled }
            word = ""
        }
        for ch in caption.lowercased() {
            if ch.isLetter || ch.isNumber {
                word.append(ch)
            } else if ch == "-" || ch == "/" || ch == "'" || ch == "\u{2019}" {
                // "non-admitted" and "nonadmitted", "deposit-type", "policyholders'" are one word.
                continue
            } else {
                flush()
                if ch == "(" { depth += 1 }
                if ch == ")" { depth = max(0, depth - 1) }
                if ch == "&" { full.append("and"); if depth == 0 { core.append("and") } }
            }
        }
        flush()
        // "A & H" is "accident and health"; a lone "a" before "and h" is part of it.
        return Words(full: normalizeAH(full), core: normalizeAH(core))
    }

    private static func normalizeAH(_ words: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < words.count {
            if words[i] == "a", i + 2 < words.count, words[i + 1] == "and", words[i + 2] == "h" {
                out += ["accident", "and", "health"]
                i += 3
            } else {
                out.append(words[i])
                i += 1
            }
        }
        return out
    }
}
