import Foundation

/// Text helpers shared by every part of the parser.
///
/// Every line of a statement goes through these, several times, so they work on UTF-8 bytes
/// rather than on `Character`s: grapheme breaking and per-character `String` building were most
/// of the parse time. Everything the statement's syntax depends on (tabs, spaces, digits,
/// `$`, brackets, letters of captions) is ASCII, and a byte below 0x80 is always a whole scalar
/// in UTF-8, so scanning bytes finds the same delimiters. The one difference from `Character`
/// semantics: a combining mark printed directly after an ASCII delimiter no longer hides it.
enum Text {
    /// The printed text with rendering residue removed: `**` (bold), `\$` (escaped dollar), a
    /// leading `- ` list mark, and runs of white space (tabs and no-break spaces included) folded
    /// to one space.
    static func clean(_ text: Substring) -> String {
        withBytes(text) { source in
            // Never longer than the input: each byte written stands for at least one read.
            String(unsafeUninitializedCapacity: source.count) { out in
                var count = 0
                var pendingSpace = false
                var i = 0
                while i < source.count {
                    let byte = source[i]
                    let next: UInt8 = i + 1 < source.count ? source[i + 1] : 0
                    i += 1
                    var emit = byte
                    var isSpace = byte == 0x20 || byte == 0x09
                    if byte == 0x2A, next == 0x2A { // ** (bold residue)
                        i += 1
                        isSpace = true
                    } else if byte == 0x5C, next == 0x24 { // \$
                        i += 1
                        emit = 0x24
                    } else if byte == 0xC2, next == 0xA0 { // no-break space
                        i += 1
                        isSpace = true
                    }
                    if isSpace {
                        pendingSpace = count > 0
                        continue
                    }
                    if pendingSpace {
                        out[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    out[count] = emit
                    count += 1
                }
                if count >= 2, out[0] == 0x2D, out[1] == 0x20 { // "- " list mark
                    for j in 2..<count { out[j - 2] = out[j] }
                    count -= 2
                }
                return count
            }
        }
    }

    static func clean(_ text: String) -> String { clean(text[...]) }

    /// The key two captions are compared by: letters and digits only, lower-cased, so spacing,
    /// punctuation residue and `$` placement do not matter.
    ///
    /// ``clean(_:)`` only removes or rewrites bytes that are not letters or digits, so the key of
    /// a line and the key of its cleaned text are the same; callers take whichever is at hand.
    static func key(_ text: some StringProtocol) -> String {
        withBytes(text) { source in
            String(unsafeUninitializedCapacity: source.count) { out in
                var count = 0
                for byte in source {
                    // Written unconditionally, kept by advancing: no branch per byte.
                    let kept = keyByte(byte)
                    out[count] = kept
                    count &+= kept == 0 ? 0 : 1
                }
                return count
            }
        }
    }

    /// How the keys of two texts compare. Keys are read in step from the texts themselves, so
    /// no key is built: a line is compared with the blank's titles and captions where it stands.
    enum KeyComparison {
        case equal
        /// The first text's key is a proper prefix of the second's.
        case firstIsPrefix
        /// The second text's key is a proper prefix of the first's.
        case secondIsPrefix
        case different
    }

    static func compareKeys(_ a: some StringProtocol, _ b: some StringProtocol) -> KeyComparison {
        withBytes(a) { a in
            withBytes(b) { b in
                var i = 0
                var j = 0
                while true {
                    // The next byte of each key; 0 once the text is used up.
                    var x: UInt8 = 0
                    while i < a.count, x == 0 {
                        x = keyByte(a[i])
                        i += 1
                    }
                    var y: UInt8 = 0
                    while j < b.count, y == 0 {
                        y = keyByte(b[j])
                        j += 1
                    }
                    if x == y {
                        if x == 0 { return .equal }
                    } else if x == 0 {
                        return .firstIsPrefix
                    } else if y == 0 {
                        return .secondIsPrefix
                    } else {
                        return .different
                    }
                }
            }
        }
    }

    /// Whether two texts have the same ``key(_:)``.
    static func sameKey(_ a: some StringProtocol, _ b: some StringProtocol) -> Bool {
        compareKeys(a, b) == .equal
    }

    /// Whether the key of `text` starts with the key of `prefix`.
    static func keyHasPrefix(_ text: some StringProtocol, _ prefix: some StringProtocol) -> Bool {
        switch compareKeys(text, prefix) {
        case .equal, .secondIsPrefix: return true
        case .firstIsPrefix, .different: return false
        }
    }

    /// The length of the text's key: its ASCII letters and digits.
    static func keyLength(_ text: some StringProtocol) -> Int {
        withBytes(text) { bytes in
            var count = 0
            for byte in bytes where keyByte(byte) != 0 { count += 1 }
            return count
        }
    }

    /// What a byte contributes to a key: itself for a digit or lower-case letter, the lower case
    /// of an upper-case letter, nothing (0) otherwise.
    @inline(__always)
    static func keyByte(_ byte: UInt8) -> UInt8 {
        let lower = byte | 0x20
        if lower &- 0x61 < 26 { return lower }
        return byte &- 0x30 < 10 ? byte : 0
    }

    /// Splits a line at tabs, keeping empty fields.
    static func fields(_ text: Substring) -> [Substring] {
        var result: [Substring] = []
        let utf8 = text.utf8
        withBytes(text) { bytes in
            var tabs = 0
            for byte in bytes where byte == 0x09 { tabs += 1 }
            result.reserveCapacity(tabs + 1)
            var start = 0
            for (offset, byte) in bytes.enumerated() where byte == 0x09 {
                result.append(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: offset)])
                start = offset + 1
            }
            result.append(text[utf8.index(utf8.startIndex, offsetBy: start)...])
        }
        return result
    }

    /// Splits text at spaces into its words, dropping empty ones: `split(separator: " ")` over
    /// bytes.
    static func words(_ text: Substring) -> [Substring] {
        var result: [Substring] = []
        let utf8 = text.utf8
        withBytes(text) { bytes in
            var start: Int?
            for (offset, byte) in bytes.enumerated() {
                if byte == 0x20 {
                    if let first = start {
                        result.append(text[utf8.index(utf8.startIndex, offsetBy: first)..<utf8.index(utf8.startIndex, offsetBy: offset)])
                        start = nil
                    }
                } else if start == nil {
                    start = offset
                }
            }
            if let first = start { result.append(text[utf8.index(utf8.startIndex, offsetBy: first)...]) }
        }
        return result
    }

    static func words(_ text: String) -> [Substring] { words(text[...]) }

    /// A leading line number: `1.`, `2.1`, `08.301.`, `9199999`. Returns the number without its
    /// final period and the rest of the text.
    static func lineNumber(_ text: Substring) -> (number: String, rest: Substring)? {
        let found: (end: Int, restStart: Int)? = withBytes(text) { bytes in
            var i = 0
            var sawDigit = false
            var end = 0
            while i < bytes.count {
                let byte = bytes[i]
                if isDigit(byte) {
                    sawDigit = true
                    i += 1
                    end = i
                } else if byte == 0x2E, sawDigit { // .
                    i += 1
                    if i >= bytes.count || !isDigit(bytes[i]) { break }
                } else {
                    break
                }
            }
            guard sawDigit else { return nil }
            // The number must stand alone: followed by the end, white space, or a period.
            if i < bytes.count, bytes[i] != 0x20, bytes[i] != 0x09, bytes[i - 1] != 0x2E { return nil }
            var restStart = i
            while restStart < bytes.count, bytes[restStart] == 0x20 || bytes[restStart] == 0x09 { restStart += 1 }
            return (end, restStart)
        }
        guard let found else { return nil }
        let utf8 = text.utf8
        let number = String(text[..<utf8.index(utf8.startIndex, offsetBy: found.end)])
        return (number, text[utf8.index(utf8.startIndex, offsetBy: found.restStart)...])
    }

    // MARK: Byte tests

    /// Whether the text is nothing but spaces and tabs (a blank line).
    static func isSpacesAndTabs(_ text: Substring) -> Bool {
        withBytes(text) { bytes in bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
    }

    /// Whether the text is nothing but spaces, tabs and no-break spaces.
    static func isWhiteSpace(_ text: Substring) -> Bool {
        withBytes(text) { bytes in
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0x20 || bytes[i] == 0x09 {
                    i += 1
                } else if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 {
                    i += 2
                } else {
                    return false
                }
            }
            return true
        }
    }

    /// Whether the text is nothing but spaces (an empty cell).
    static func isSpaces(_ text: Substring) -> Bool {
        withBytes(text) { bytes in bytes.allSatisfy { $0 == 0x20 } }
    }

    /// Whether the text holds a tab: the rendering's column separator.
    static func hasTab(_ text: Substring) -> Bool {
        withBytes(text) { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, 0x09, bytes.count) != nil
        }
    }

    /// `hasPrefix` over bytes, for keys and other ASCII text where canonical equivalence, which
    /// `String.hasPrefix` honours, cannot matter. Lengths are compared first: most candidates
    /// are rejected without reading a byte.
    static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        guard prefix.utf8.count <= text.utf8.count else { return false }
        return withBytes(text) { bytes in
            withBytes(prefix) { prefix in memoryEqual(bytes, 0, prefix) }
        }
    }

    /// `hasSuffix` over bytes; see ``hasPrefix(_:_:)``.
    static func hasSuffix(_ text: String, _ suffix: String) -> Bool {
        guard suffix.utf8.count <= text.utf8.count else { return false }
        return withBytes(text) { bytes in
            withBytes(suffix) { suffix in memoryEqual(bytes, bytes.count - suffix.count, suffix) }
        }
    }

    /// `==` with the lengths compared first. `String.==` compares content before length, which
    /// makes a search of a list of keys read every candidate.
    static func equal(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a == b
    }

    /// The text without leading and trailing spaces (only spaces: tabs and no-break spaces stay).
    static func trimmed(_ text: Substring) -> String {
        let utf8 = text.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, utf8[start] == 0x20 { start = utf8.index(after: start) }
        while end > start, utf8[utf8.index(before: end)] == 0x20 { end = utf8.index(before: end) }
        return String(text[start..<end])
    }

    static func trimmed(_ text: String) -> String { trimmed(text[...]) }

    /// The last word of the text (split at spaces), with where it starts; nil when the text is
    /// all spaces.
    static func lastWord(_ text: Substring) -> Substring? {
        let utf8 = text.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == 0x20 { end = utf8.index(before: end) }
        guard end > utf8.startIndex else { return nil }
        var start = end
        while start > utf8.startIndex, utf8[utf8.index(before: start)] != 0x20 { start = utf8.index(before: start) }
        return text[start..<end]
    }

    /// Whether `text` holds `part` as consecutive bytes; see ``hasPrefix(_:_:)``.
    static func contains(_ text: String, _ part: String) -> Bool {
        withBytes(text) { bytes in
            withBytes(part) { part in
                guard part.count <= bytes.count else { return false }
                if part.isEmpty { return true }
                for start in 0...(bytes.count - part.count) where bytes[start] == part[0] {
                    if memoryEqual(bytes, start, part) { return true }
                }
                return false
            }
        }
    }

    /// Whether the text reads the same upper-cased (`text == text.uppercased()`), without
    /// building the upper-cased copy when the text is ASCII.
    static func isUppercase(_ text: String) -> Bool {
        let ascii: Bool? = withBytes(text) { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return !bytes.contains { $0 >= 0x61 && $0 <= 0x7A }
        }
        return ascii ?? (text == text.uppercased())
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    private static func memoryEqual(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ part: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < part.count {
            if bytes[start + i] != part[i] { return false }
            i += 1
        }
        return true
    }

    /// Runs `body` over the text's UTF-8 bytes in place; native strings are always contiguous,
    /// so the copy is only for bridged or foreign ones.
    @inline(__always)
    static func withBytes<T: StringProtocol, R>(_ text: T, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return try Array(text.utf8).withUnsafeBufferPointer(body)
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
