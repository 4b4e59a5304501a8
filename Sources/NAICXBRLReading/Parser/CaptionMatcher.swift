@_spi(Stages) import NAICXBRLCore
/// Separates the amounts a statement prints inside a caption from the caption's words.
///
/// The blank marks each such amount with a `$` ("Cash ($ ....), cash equivalents ($ ....)"), so
/// the amount is whatever value follows a `$` in the printed caption. What remains is compared
/// with the blank's caption by ``Text/key(_:)``, which ignores spacing and punctuation residue.
enum CaptionMatcher {
    struct Split {
        /// The caption with each amount after a `$` removed.
        var words: String
        /// One cell per `$`, in order; blank when nothing follows the `$`.
        var amounts: [Cell]
    }

    static func split(_ caption: Substring) -> Split {
        var amounts: [Cell] = []
        let words: String = Text.withBytes(caption) { chars in
            // Each amount and the spaces before it become one space, so `words` is never longer.
            String(unsafeUninitializedCapacity: chars.count) { words in writeWords(chars, into: words, amounts: &amounts) }
        }
        return Split(words: words, amounts: amounts)
    }

    /// ``split(_:)`` of UTF-8 bytes, with the words in scratch space rather than a `String`: for
    /// readers that only compare them with the blank's caption.
    static func withSplit<R>(_ caption: Text.Bytes, _ body: (_ words: Text.Bytes, _ amounts: [Cell]) throws -> R) rethrows -> R {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(caption.count, 1)) { scratch in
            var amounts: [Cell] = []
            let count = writeWords(caption, into: scratch, amounts: &amounts)
            return try body(Text.Bytes(rebasing: scratch[0..<count]), amounts)
        }
    }

    /// Writes the caption's words to `words`, which holds at least as many bytes, appends the
    /// amounts to `amounts`, and returns the words' length.
    private static func writeWords(_ chars: Text.Bytes, into words: UnsafeMutableBufferPointer<UInt8>, amounts: inout [Cell]) -> Int {
        var count = 0
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            words[count] = ch
            count += 1
            i += 1
            guard ch == 0x24 else { continue } // $
            var j = i
            while j < chars.count, chars[j] == 0x20 { j += 1 }
            var end = j
            if j < chars.count, chars[j] == 0x28 { // (
                // A negative amount in parentheses, or the caption's own parenthesis.
                var k = j + 1
                while k < chars.count, chars[k] != 0x29, chars[k] != 0x28 { k += 1 }
                if k < chars.count, chars[k] == 0x29 { end = k + 1 }
            } else {
                var k = j
                if k < chars.count, chars[k] == 0x2D { k += 1 } // -
                while k < chars.count, Text.isDigit(chars[k]) || chars[k] == 0x2C || chars[k] == 0x2E { k += 1 }
                // A trailing period or comma ends the sentence, not the amount.
                while k > j, chars[k - 1] == 0x2E || chars[k - 1] == 0x2C { k -= 1 }
                end = k
            }
            if end > j, let cell = ValueScanner.value(chars.slice(j..<end)), cell.amount != nil {
                amounts.append(cell)
                i = end
                words[count] = 0x20
                count += 1
            } else {
                amounts.append(.blank)
            }
        }
        return count
    }

    static func split(_ caption: String) -> Split { split(caption[...]) }

    /// The values a caption prints where the blank leaves a blank other than `$` (``LineDescription/slotMark``):
    /// each number standing alone among its words (digits, with grouping commas), in order, up to
    /// `slots`, the rest blank; the words are the caption without them. A number the blank's own
    /// caption prints (`blank`: "Line 5 ...") is the caption's, not a value, as often as it prints it.
    static func splitNumbers(_ caption: String, slots: Int, blank: String) -> Split {
        var amounts: [Cell] = []
        var words: [Substring] = []
        var blankNumbers = blank.split(separator: " ").filter(isNumber)
        for word in caption.split(separator: " ") {
            if let own = blankNumbers.firstIndex(of: word) {
                blankNumbers.remove(at: own)
                words.append(word)
            } else if amounts.count < slots, isNumber(word), let cell = ValueScanner.value(word), cell.amount != nil {
                amounts.append(cell)
            } else {
                words.append(word)
            }
        }
        while amounts.count < slots { amounts.append(.blank) }
        return Split(words: words.joined(separator: " "), amounts: amounts)
    }

    /// Digits, with grouping commas.
    private static func isNumber(_ word: Substring) -> Bool {
        word.first?.isNumber == true && word.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "," }
    }

    /// Whether a printed caption (amounts removed) is the blank's caption.
    static func matches(printed: String, blank: String) -> Bool {
        Text.sameKey(printed, blank)
    }

    /// ``matches(printed:blank:)`` of printed words against the key of the blank's caption,
    /// worked out beforehand.
    static func matches(printed: Text.Bytes, blankKey: [UInt8]) -> Bool {
        Text.withKey(printed) { Text.equal($0, blankKey) }
    }
}
