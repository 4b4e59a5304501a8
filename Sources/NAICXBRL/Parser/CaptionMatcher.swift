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

    static func split(_ caption: String) -> Split {
        var words = ""
        var amounts: [Cell] = []
        let chars = Array(caption)
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            words.append(ch)
            i += 1
            guard ch == "$" else { continue }
            var j = i
            while j < chars.count, chars[j] == " " { j += 1 }
            var end = j
            if j < chars.count, chars[j] == "(" {
                // A negative amount in parentheses, or the caption's own parenthesis.
                var k = j + 1
                while k < chars.count, chars[k] != ")", chars[k] != "(" { k += 1 }
                if k < chars.count, chars[k] == ")" { end = k + 1 }
            } else {
                var k = j
                if k < chars.count, chars[k] == "-" { k += 1 }
                while k < chars.count, chars[k].isASCII, chars[k].isNumber || chars[k] == "," || chars[k] == "." { k += 1 }
                // A trailing period or comma ends the sentence, not the amount.
                while k > j, chars[k - 1] == "." || chars[k - 1] == "," { k -= 1 }
                end = k
            }
            if end > j, case .success(let cell) = ValueScanner.cell(Substring(String(chars[j..<end]))), cell.amount != nil {
                amounts.append(cell)
                i = end
                words.append(" ")
            } else {
                amounts.append(.blank)
            }
        }
        return Split(words: words, amounts: amounts)
    }

    /// Whether a printed caption (amounts removed) is the blank's caption.
    static func matches(printed: String, blank: String) -> Bool {
        let printedKey = Text.key(printed)
        let blankKey = Text.key(blank)
        return printedKey == blankKey
    }
}
