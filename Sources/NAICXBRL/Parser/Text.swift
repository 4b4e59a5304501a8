/// Text helpers shared by every part of the parser.
enum Text {
    /// The printed text with rendering residue removed: `**` (bold), `\$` (escaped dollar), a
    /// leading `- ` list mark, and runs of white space (tabs included) folded to one space.
    static func clean(_ text: Substring) -> String {
        var s = String(text)
        if s.contains("**") { s = s.replacingAll("**", with: " ") }
        if s.contains("\\$") { s = s.replacingAll("\\$", with: "$") }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for ch in s {
            if ch == " " || ch == "\t" || ch == "\u{00A0}" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            }
        }
        if out.hasPrefix("- ") { out.removeFirst(2) }
        return out
    }

    /// The key two captions are compared by: letters and digits only, lower-cased, so spacing,
    /// punctuation residue and `$` placement do not matter.
    static func key(_ text: some StringProtocol) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39, 0x61...0x7A: out.unicodeScalars.append(scalar)
            case 0x41...0x5A: out.unicodeScalars.append(Unicode.Scalar(scalar.value + 32)!)
            default: continue
            }
        }
        return out
    }

    /// Splits a line at tabs, keeping empty fields.
    static func fields(_ text: Substring) -> [Substring] {
        text.split(separator: "\t", omittingEmptySubsequences: false)
    }

    /// A leading line number: `1.`, `2.1`, `08.301.`, `9199999`. Returns the number without its
    /// final period and the rest of the text.
    static func lineNumber(_ text: Substring) -> (number: String, rest: Substring)? {
        var i = text.startIndex
        var sawDigit = false
        var end = i
        while i < text.endIndex {
            let c = text[i]
            if c.isASCII, c.isNumber {
                sawDigit = true
                i = text.index(after: i)
                end = i
            } else if c == ".", sawDigit {
                let next = text.index(after: i)
                if next < text.endIndex, text[next].isASCII, text[next].isNumber {
                    i = next
                } else {
                    i = next
                    break
                }
            } else {
                break
            }
        }
        guard sawDigit else { return nil }
        // The number must stand alone: followed by the end, white space, or a period.
        if i < text.endIndex {
            let c = text[i]
            if !(c == " " || c == "\t") {
                if text[text.index(before: i)] != "." { return nil }
            }
        }
        let number = String(text[text.startIndex..<end])
        return (number, text[i...].drop { $0 == " " || $0 == "\t" })
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}

extension Substring {
    func range(of target: String) -> Range<Substring.Index>? {
        guard let first = target.first else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i] == first, self[i...].hasPrefix(target) {
                return i..<index(i, offsetBy: target.count)
            }
            i = index(after: i)
        }
        return nil
    }
}
