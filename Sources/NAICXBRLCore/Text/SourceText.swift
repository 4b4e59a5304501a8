import Foundation

/// A statement's text split into lines, decoded and normalized for scanning.
package struct SourceText: Sendable {
    package struct Line: Sendable {
        /// 1-based line number in the input.
        package var number: Int
        /// The line without its line break and trailing spaces; tabs are kept, since trailing tabs
        /// carry empty columns.
        package var text: Substring
    }

    package var name: String
    package var lines: [Line]
    /// Findings about the bytes themselves (encoding).
    package var diagnostics: [Diagnostic]

    /// Decodes `bytes` as UTF-8, falling back to Windows-1252 (reported) when it is not valid
    /// UTF-8, and splits on LF, CRLF or CR.
    package init(bytes: [UInt8], name: String) {
        self.name = name
        diagnostics = []
        var text: String
        if let decoded = SourceText.validatedUTF8(bytes) {
            text = decoded
        } else {
            text = SourceText.decodeWindows1252(bytes)
            diagnostics.append(Diagnostic(.warning, .encoding, file: name, line: nil,
                                          "the input is not valid UTF-8; it was read as Windows-1252"))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // Split on LF, CRLF or CR over UTF-8 bytes, dropping trailing spaces and no-break
        // spaces (not tabs). Line breaks are ASCII, so byte offsets are valid string indices.
        let bounds: [(start: Int, end: Int)] = Text.withBytes(text) { bytes in
            var bounds: [(start: Int, end: Int)] = []
            bounds.reserveCapacity(bytes.count / 32)
            var start = 0
            guard let base = bytes.baseAddress else { return bounds }
            if memchr(base, 0x0D, bytes.count) == nil {
                // Only LF breaks (the common case): let memchr find them.
                while let found = memchr(base + start, 0x0A, bytes.count - start) {
                    let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    bounds.append((start, Text.trimmedEnd(bytes, start, index)))
                    start = index + 1
                }
            } else {
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == 0x0A || byte == 0x0D {
                        bounds.append((start, Text.trimmedEnd(bytes, start, index)))
                        index += 1
                        if byte == 0x0D, index < bytes.count, bytes[index] == 0x0A { index += 1 }
                        start = index
                    } else {
                        index += 1
                    }
                }
            }
            if start < bytes.count { bounds.append((start, Text.trimmedEnd(bytes, start, bytes.count))) }
            return bounds
        }
        let utf8 = text.utf8
        var result: [Line] = []
        result.reserveCapacity(bounds.count)
        for (number, bound) in bounds.enumerated() {
            let range = utf8.index(utf8.startIndex, offsetBy: bound.start)..<utf8.index(utf8.startIndex, offsetBy: bound.end)
            result.append(Line(number: number + 1, text: text[range]))
        }
        lines = result
    }

    /// `String(validating: bytes, as: UTF8.self)`, piece by piece. The standard library checks
    /// text that is all ASCII quickly, and any other byte by byte all through; one en dash in the
    /// notes made the whole statement the slow case. So the long runs of ASCII are checked as
    /// pieces of their own, the rest in the pieces between them, and the pieces are joined. A
    /// multi-byte sequence is made of bytes of 0x80 and above only, so the pieces are valid
    /// exactly when the whole is.
    static func validatedUTF8(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { all in
            /// The first byte of 0x80 or above from `start` on, or the end.
            func nextNonASCII(_ start: Int) -> Int {
                var i = start
                // Eight bytes at a time while no byte among them has its high bit set.
                if let base = all.baseAddress {
                    while i + 8 <= all.count,
                          UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                        i += 8
                    }
                }
                while i < all.count, all[i] < 0x80 { i += 1 }
                return i
            }
            var result = ""
            result.reserveCapacity(all.count)
            var start = 0
            while start < all.count {
                // A run of ASCII, or a run of other bytes with the short stretches of ASCII
                // between them.
                var end = nextNonASCII(start)
                if end == start {
                    while true {
                        while end < all.count, all[end] >= 0x80 { end += 1 }
                        let next = nextNonASCII(end)
                        if next == all.count || next - end >= 256 { break }
                        end = next
                    }
                }
                guard let piece = String(validating: all.slice(start..<end), as: UTF8.self) else { return nil }
                result += piece
                start = end
            }
            return result
        }
    }

    package init(text: String, name: String) {
        self.init(bytes: Array(text.utf8), name: name)
    }

    private static let cp1252: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    static func decodeWindows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value: UInt32 = (0x80...0x9F).contains(byte) ? cp1252[Int(byte) - 0x80] : UInt32(byte)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }
}
