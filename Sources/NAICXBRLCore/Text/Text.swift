import Foundation

/// Text helpers shared by every part of the parser.
///
/// Every line of a statement goes through these, several times, so they work on UTF-8 bytes
/// rather than on `Character`s: grapheme breaking and building strings a character at a time
/// were most of the parse time. Everything the statement's syntax rests on (tabs, spaces,
/// digits, `$`, brackets, the letters of captions) is ASCII, and a byte below 0x80 is always a
/// whole scalar in UTF-8, so scanning bytes finds the same delimiters as scanning characters.
/// Where a `Character` property of non-ASCII text matters (is it a letter, what is its upper
/// case), the helpers ask `Character` or `String`. The one difference left: a mark that joins
/// the character before it (a combining accent, a zero-width joiner) no longer hides an ASCII
/// delimiter it is printed right after.
@_spi(Stages) public enum Text {
    @_spi(Stages) public typealias Bytes = UnsafeBufferPointer<UInt8>

    // MARK: Cleaned text and keys

    /// The printed text with rendering residue removed: `**` (bold), `\$` (escaped dollar), a
    /// leading `- ` list mark, and runs of white space (tabs and no-break spaces included) folded
    /// to one space.
    package static func clean(_ text: Substring) -> String {
        // Most prose lines have nothing to clean: those are copied as they are, which (unlike a
        // string made of new bytes) needs no UTF-8 validation.
        withBytes(text) { isClean($0) ? String(text) : clean($0) }
    }

    /// Whether ``clean(_:)`` leaves the bytes as they are, tested conservatively: words of bytes
    /// ``clean(_:)`` copies, separated by single spaces, and no list mark. (`false` only means
    /// the bytes must be cleaned to find out.)
    @usableFromInline
    static func isClean(_ bytes: Bytes) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        guard first != 0x20, last != 0x20, first != 0x2D else { return false }
        return cleanClasses.withUnsafeBufferPointer { classes in
            var previous: UInt8 = 0
            for byte in bytes {
                // A tab, `*`, `\` or a no-break space's lead byte, or a second space in a row.
                if classes[Int(byte)] != 0, byte != 0x20 || previous == 0x20 { return false }
                previous = byte
            }
            return true
        }
    }

    package static func clean(_ text: String) -> String { clean(text[...]) }

    /// ``clean(_:)`` of UTF-8 bytes (whole scalars, such as a field of a line).
    package static func clean(_ source: Bytes) -> String {
        // Never longer than the input: each byte written stands for at least one read.
        String(unsafeUninitializedCapacity: source.count) { out in writeClean(source, into: out) }
    }

    /// Runs `body` over the bytes of ``clean(_:)`` of `source`, in scratch space rather than a
    /// new `String`: for readers that only look at the cleaned text.
    @inlinable
    @_spi(Stages) public static func withClean<R>(_ source: Bytes, _ body: (Bytes) throws -> R) rethrows -> R {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(source.count, 1)) { scratch in
            let count = writeClean(source, into: scratch)
            return try body(Bytes(rebasing: scratch[0..<count]))
        }
    }

    /// Writes ``clean(_:)`` of `source` to `out`, which holds at least as many bytes, and
    /// returns its length.
    @usableFromInline
    static func writeClean(_ source: Bytes, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        cleanClasses.withUnsafeBufferPointer { classes in
            var count = 0
            // 1 when the last thing read was white space: a run of it is written as one space.
            var lastWasSpace = 1
            var i = 0
            while i < source.count {
                let byte = source[i]
                var emit = byte
                var isSpace = Int(classes[Int(byte)])
                i += 1
                if isSpace > 1 {
                    // Rare: the first byte of `**`, `\$` or a no-break space, or that byte alone.
                    let next: UInt8 = i < source.count ? source[i] : 0
                    if (byte == 0x2A && next == 0x2A) || (byte == 0xC2 && next == 0xA0) {
                        isSpace = 1
                        i += 1
                    } else if byte == 0x5C, next == 0x24 {
                        emit = 0x24
                        isSpace = 0
                        i += 1
                    } else {
                        isSpace = 0
                    }
                }
                // No branch per byte, which the spaces between words would mispredict: the
                // byte (or a space) is always written, and kept when it is not white space,
                // or is the first white space of a run after something was written.
                out[count] = isSpace == 1 ? 0x20 : emit
                let startsRun = (1 &- lastWasSpace) & (count == 0 ? 0 : 1)
                count &+= (1 &- isSpace) | startsRun
                lastWasSpace = isSpace
            }
            if lastWasSpace == 1, count > 0 { count -= 1 } // the space a trailing run wrote
            if count >= 2, out[0] == 0x2D, out[1] == 0x20 { // "- " list mark
                for j in 2..<count { out[j - 2] = out[j] }
                count -= 2
            }
            return count
        }
    }

    /// How ``clean(_:)`` reads each byte: 1 for white space, 2 for the first byte of `**`, `\$`
    /// and a no-break space, 0 for a byte copied as it is.
    private static let cleanClasses: [UInt8] = (0...255).map { byte in
        switch byte {
        case 0x20, 0x09: return 1
        case 0x2A, 0x5C, 0xC2: return 2
        default: return 0
        }
    }

    /// The key two captions are compared by: letters and digits only, lower-cased, so spacing,
    /// punctuation residue and `$` placement do not matter.
    ///
    /// ``clean(_:)`` only removes or rewrites bytes that are not letters or digits, so the key of
    /// a line and the key of its cleaned text are the same; callers take whichever is at hand.
    @inlinable
    @_spi(Stages) public static func key(_ text: some StringProtocol) -> String {
        withBytes(text) { source in
            String(unsafeUninitializedCapacity: source.count) { out in writeKey(source, into: out) }
        }
    }

    /// The key of `source` as bytes: for keys worked out once and compared many times.
    @inlinable
    @_spi(Stages) public static func keyBytes(_ text: some StringProtocol) -> [UInt8] {
        withBytes(text) { source in
            [UInt8](unsafeUninitializedCapacity: source.count) { out, count in count = writeKey(source, into: out) }
        }
    }

    /// Runs `body` over the bytes of the key of `source`, in scratch space rather than a new
    /// `String`: for readers that only compare the key.
    @inlinable
    @_spi(Stages) public static func withKey<R>(_ source: Bytes, _ body: (Bytes) throws -> R) rethrows -> R {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(source.count, 1)) { scratch in
            let count = writeKey(source, into: scratch)
            return try body(Bytes(rebasing: scratch[0..<count]))
        }
    }

    /// The first byte of the key of `source`, without working out the rest; nil for an empty key.
    package static func firstKeyByte(_ source: Bytes) -> UInt8? {
        keyBytes.withUnsafeBufferPointer { table in
            for byte in source where table[Int(byte)] != 0 { return table[Int(byte)] }
            return nil
        }
    }

    /// Whether two texts have the same ``key(_:)``, without making either key a `String`.
    @inlinable
    @_spi(Stages) public static func sameKey(_ a: some StringProtocol, _ b: some StringProtocol) -> Bool {
        withBytes(a) { a in withBytes(b) { b in sameKey(a, b) } }
    }

    @usableFromInline
    static func sameKey(_ a: Bytes, _ b: Bytes) -> Bool {
        // Both keys are written to scratch space (on the stack) and compared whole: filtering
        // the two texts in step would branch on every space and punctuation mark.
        let capacity = a.count + b.count
        guard capacity > 0 else { return true }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { scratch in
            let first = UnsafeMutableBufferPointer(rebasing: scratch[0..<a.count])
            let second = UnsafeMutableBufferPointer(rebasing: scratch[a.count..<capacity])
            let length = writeKey(a, into: first)
            guard writeKey(b, into: second) == length else { return false }
            for i in 0..<length where first[i] != second[i] { return false }
            return true
        }
    }

    /// Writes the key of `source` to `out`, which holds at least as many bytes, and returns its
    /// length.
    @usableFromInline
    static func writeKey(_ source: Bytes, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        keyBytes.withUnsafeBufferPointer { table in
            var count = 0
            for byte in source {
                // Written unconditionally, kept by advancing: a branch per byte would be
                // mispredicted at every space and punctuation mark. `(kept + 0x7F) >> 7` is 1 for
                // a key byte (0x30 to 0x7A) and 0 for none.
                let kept = table[Int(byte)]
                out[count] = kept
                count &+= Int((kept &+ 0x7F) >> 7)
            }
            return count
        }
    }

    /// What each byte contributes to a key: itself for a digit or lower-case letter, the lower
    /// case of an upper-case letter, nothing (0) otherwise.
    private static let keyBytes: [UInt8] = (0...255).map { byte in
        switch byte {
        case 0x30...0x39, 0x61...0x7A: return UInt8(byte)
        case 0x41...0x5A: return UInt8(byte + 32)
        default: return 0
        }
    }

    // MARK: Fields, words and line numbers

    /// Splits a line at tabs, keeping empty fields.
    package static func fields(_ text: Substring) -> [Substring] {
        var ranges: [Range<Int>] = []
        withBytes(text) { fieldRanges($0, into: &ranges) }
        return ranges.map { substring(text, $0) }
    }

    /// The byte ranges of a line's tab-separated fields, empty fields kept: ``fields(_:)`` for
    /// readers that work on the line's bytes. Replaces the contents of `ranges`, whose storage is
    /// reused from line to line.
    package static func fieldRanges(_ bytes: Bytes, into ranges: inout [Range<Int>]) {
        ranges.removeAll(keepingCapacity: true)
        var start = 0
        if let base = bytes.baseAddress {
            while let tab = memchr(base + start, 0x09, bytes.count - start) {
                let end = base.distance(to: tab.assumingMemoryBound(to: UInt8.self))
                ranges.append(start..<end)
                start = end + 1
            }
        }
        ranges.append(start..<bytes.count)
    }

    /// Splits text at spaces into its words, dropping empty ones: `split(separator: " ")`.
    package static func words(_ text: Substring) -> [Substring] {
        withBytes(text) { wordRanges($0) }.map { substring(text, $0) }
    }

    package static func words(_ text: String) -> [Substring] { words(text[...]) }

    /// The words of a text as strings of their own: ``words(_:)`` for callers that keep them.
    package static func wordStrings(_ text: String) -> [String] {
        withBytes(text) { bytes in wordRanges(bytes).map { String(decoding: bytes.slice($0), as: UTF8.self) } }
    }

    /// The byte ranges of the words of a text (runs of bytes other than a space).
    package static func wordRanges(_ bytes: Bytes) -> [Range<Int>] {
        // The words are counted first (each starts where a space is followed by another byte),
        // so that the array is allocated once rather than grown word by word.
        var count = 0
        var previous: UInt8 = 0x20
        for byte in bytes {
            count &+= (previous == 0x20 && byte != 0x20) ? 1 : 0
            previous = byte
        }
        var result: [Range<Int>] = []
        result.reserveCapacity(count)
        var start: Int?
        for (offset, byte) in bytes.enumerated() {
            if byte == 0x20 {
                if let first = start {
                    result.append(first..<offset)
                    start = nil
                }
            } else if start == nil {
                start = offset
            }
        }
        if let first = start { result.append(first..<bytes.count) }
        return result
    }

    /// The last word of the text (split at spaces); nil when the text is all spaces.
    package static func lastWord(_ text: Substring) -> Substring? {
        let utf8 = text.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == 0x20 { end = utf8.index(before: end) }
        guard end > utf8.startIndex else { return nil }
        var start = end
        while start > utf8.startIndex, utf8[utf8.index(before: start)] != 0x20 { start = utf8.index(before: start) }
        return text[start..<end]
    }

    /// A leading line number: `1.`, `2.1`, `08.301.`, `9199999`. Returns the number without its
    /// final period and the rest of the text.
    package static func lineNumber(_ text: Substring) -> (number: String, rest: Substring)? {
        guard let found = withBytes(text, lineNumber) else { return nil }
        return (String(substring(text, 0..<found.end)), substring(text, found.restStart..<text.utf8.count))
    }

    /// ``lineNumber(_:)`` over bytes: where the number ends (its final period left out), and
    /// where the rest of the text starts.
    package static func lineNumber(_ bytes: Bytes) -> (end: Int, restStart: Int)? {
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

    // MARK: Tests on bytes

    /// Whether the text is nothing but spaces and tabs (a blank line).
    package static func isSpacesAndTabs(_ text: Substring) -> Bool {
        withBytes(text) { bytes in bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
    }

    /// Whether the text is nothing but spaces, tabs and no-break spaces.
    package static func isWhiteSpace(_ text: Substring) -> Bool {
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

    /// Whether the bytes are nothing but spaces (an empty cell).
    package static func isSpaces(_ bytes: Bytes) -> Bool {
        bytes.allSatisfy { $0 == 0x20 }
    }

    /// Whether the text holds a tab: the rendering's column separator.
    package static func hasTab(_ text: Substring) -> Bool {
        withBytes(text) { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, 0x09, bytes.count) != nil
        }
    }

    /// Whether `Int(text)` reads the bytes: an optional sign, then decimal digits that fit.
    package static func isInteger(_ bytes: Bytes) -> Bool {
        var i = 0
        let negative = i < bytes.count && bytes[i] == 0x2D // -
        if i < bytes.count, bytes[i] == 0x2D || bytes[i] == 0x2B { i += 1 } // - or +
        guard i < bytes.count else { return false }
        var value = 0
        while i < bytes.count {
            guard isDigit(bytes[i]) else { return false }
            let digit = Int(bytes[i] - 0x30)
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            if o1 || o2 { return false }
            value = next
            i += 1
        }
        return true
    }

    /// Whether the text reads the same upper-cased (`text == text.uppercased()`), without
    /// building the upper-cased copy when the text is ASCII.
    package static func isUppercase(_ text: String) -> Bool {
        let ascii: Bool? = withBytes(text) { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return !bytes.contains { $0 >= 0x61 && $0 <= 0x7A }
        }
        return ascii ?? (text == text.uppercased())
    }

    @inlinable @inline(__always)
    @_spi(Stages) public static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    @inlinable @inline(__always)
    @_spi(Stages) public static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    // MARK: Comparing and trimming

    /// `hasPrefix` over bytes, for keys and other text where canonical equivalence, which
    /// `String.hasPrefix` honours, cannot matter. Lengths are compared first: most candidates
    /// are rejected without reading a byte.
    package static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        guard prefix.utf8.count <= text.utf8.count else { return false }
        return withBytes(text) { bytes in
            withBytes(prefix) { prefix in memoryEqual(bytes, 0, prefix) }
        }
    }

    /// `hasSuffix` over bytes; see ``hasPrefix(_:_:)``.
    package static func hasSuffix(_ text: String, _ suffix: String) -> Bool {
        guard suffix.utf8.count <= text.utf8.count else { return false }
        return withBytes(text) { bytes in
            withBytes(suffix) { suffix in memoryEqual(bytes, bytes.count - suffix.count, suffix) }
        }
    }

    /// Whether `text` holds `part` as consecutive bytes; see ``hasPrefix(_:_:)``.
    package static func contains(_ text: String, _ part: String) -> Bool {
        withBytes(text) { bytes in withBytes(part) { contains(bytes, $0) } }
    }

    /// Whether `bytes` hold `part` as consecutive bytes.
    package static func contains(_ bytes: Bytes, _ part: Bytes) -> Bool {
        guard part.count <= bytes.count else { return false }
        if part.isEmpty { return true }
        for start in 0...(bytes.count - part.count) where bytes[start] == part[0] {
            if memoryEqual(bytes, start, part) { return true }
        }
        return false
    }

    /// Whether the bytes are `other`'s, lengths compared first.
    @inlinable
    @_spi(Stages) public static func equal(_ bytes: Bytes, _ other: [UInt8]) -> Bool {
        bytes.count == other.count && other.withUnsafeBufferPointer { memoryEqual(bytes, 0, $0) }
    }

    /// Whether the bytes are the ASCII text `other`.
    @inlinable
    @_spi(Stages) public static func equal(_ bytes: Bytes, _ other: StaticString) -> Bool {
        bytes.count == other.utf8CodeUnitCount && memoryEqual(bytes, 0, Bytes(start: other.utf8Start, count: other.utf8CodeUnitCount))
    }

    /// Whether `bytes` begin with the ASCII text `prefix`.
    @inlinable
    @_spi(Stages) public static func hasPrefix(_ bytes: Bytes, _ prefix: StaticString) -> Bool {
        prefix.utf8CodeUnitCount <= bytes.count && memoryEqual(bytes, 0, Bytes(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount))
    }

    /// Whether `bytes` end with the ASCII text `suffix`.
    @inlinable
    @_spi(Stages) public static func hasSuffix(_ bytes: Bytes, _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        return count <= bytes.count && memoryEqual(bytes, bytes.count - count, Bytes(start: suffix.utf8Start, count: count))
    }

    /// Whether `bytes` begin with `prefix`.
    @inlinable
    @_spi(Stages) public static func hasPrefix(_ bytes: Bytes, _ prefix: [UInt8]) -> Bool {
        prefix.count <= bytes.count && prefix.withUnsafeBufferPointer { memoryEqual(bytes, 0, $0) }
    }

    /// Whether `text` begins with `prefix`.
    @inlinable
    @_spi(Stages) public static func hasPrefix(_ text: [UInt8], _ prefix: Bytes) -> Bool {
        prefix.count <= text.count && text.withUnsafeBufferPointer { memoryEqual($0, 0, prefix) }
    }

    /// `==` with the lengths compared first. `String.==` compares content before length, which
    /// makes a search of a list of keys read every candidate.
    static func equal(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a == b
    }

    /// The text without leading and trailing spaces (only spaces: tabs and no-break spaces stay).
    package static func trimmed(_ text: Substring) -> String {
        let utf8 = text.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, utf8[start] == 0x20 { start = utf8.index(after: start) }
        while end > start, utf8[utf8.index(before: end)] == 0x20 { end = utf8.index(before: end) }
        return String(text[start..<end])
    }

    /// The bytes without leading and trailing spaces and no-break spaces.
    package static func trimmingSpaces(_ bytes: Bytes) -> Bytes {
        var start = 0
        let end = bytes.count
        while start < end {
            if bytes[start] == 0x20 {
                start += 1
            } else if bytes[start] == 0xC2, start + 1 < end, bytes[start + 1] == 0xA0 {
                start += 2
            } else {
                break
            }
        }
        return bytes.slice(start..<trimmedEnd(bytes, start, end))
    }

    /// Where `start..<end` of `bytes` ends without its trailing spaces and no-break spaces.
    static func trimmedEnd(_ bytes: Bytes, _ start: Int, _ end: Int) -> Int {
        var last = end
        while last > start {
            if bytes[last - 1] == 0x20 {
                last -= 1
            } else if bytes[last - 1] == 0xA0, last - 2 >= start, bytes[last - 2] == 0xC2 {
                last -= 2
            } else {
                break
            }
        }
        return last
    }

    // MARK: Bytes

    /// Runs `body` over the text's UTF-8 bytes in place; native strings are always contiguous,
    /// so the copy is only for bridged or foreign ones.
    @inlinable @inline(__always)
    @_spi(Stages) public static func withBytes<T: StringProtocol, R>(_ text: T, _ body: (Bytes) throws -> R) rethrows -> R {
        if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return try Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// The part of `text` at the byte offsets `range`, which fall between scalars.
    package static func substring(_ text: Substring, _ range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        return text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
    }

    @usableFromInline
    static func memoryEqual(_ bytes: Bytes, _ start: Int, _ part: Bytes) -> Bool {
        var i = 0
        while i < part.count {
            if bytes[start + i] != part[i] { return false }
            i += 1
        }
        return true
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// The bytes in `range`, as a buffer of their own (indexed from 0).
    package func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: self[range])
    }
}

extension String {
    package func replacingAll(_ target: String, with replacement: String) -> String {
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
