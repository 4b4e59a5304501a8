import NAICXBRLCore

/// CSV as RFC 4180 writes it, UTF-8, rows ended by a line feed: a field with a comma, a quote,
/// a line break or a leading or trailing space is quoted, its quotes doubled. A character XML
/// cannot hold is written as U+FFFD, as the XML instance and the JSON report write it.
///
/// A row is written field by field (``field(_:)``, ``comma()``, ``endRow()``), numbers straight
/// into the bytes, or whole (``row(_:)``).
package struct CSVBytes: ReportBytes, ~Copyable {
    package var out: XMLBytes

    package init(capacity: Int = 256) {
        out = XMLBytes(capacity: capacity)
    }

    package mutating func row(_ fields: [String]) {
        for (n, field) in fields.enumerated() {
            if n > 0 { comma() }
            self.field(field)
        }
        endRow()
    }

    package mutating func comma() { out.raw(0x2C) }
    package mutating func endRow() { out.raw(0x0A) }
    package mutating func raw(_ byte: UInt8) { out.raw(byte) }

    /// One field, quoted where it must be.
    package mutating func field(_ original: String) {
        Text.withBytes(original) { utf8 in
            if utf8.contains(where: { $0 < 0x20 || $0 == 0xEF }), original.unicodeScalars.contains(where: Self.unwritable) {
                let field = String(String.UnicodeScalarView(original.unicodeScalars.map { Self.unwritable($0) ? "\u{FFFD}" : $0 }))
                Text.withBytes(field) { quoted($0) }
            } else {
                quoted(utf8)
            }
        }
    }

    /// `prefix:name` as one field.
    package mutating func field(_ prefix: String, _ name: String) {
        let plain = Text.withBytes(prefix) { Self.plain($0) } && Text.withBytes(name) { Self.plain($0) }
        guard plain else { return field(prefix + ":" + name) }
        out.raw(prefix)
        out.raw(0x3A)
        out.raw(name)
    }

    /// Whether a name is written as it is: no byte to quote or replace, no space at either end.
    private static func plain(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        !utf8.contains { $0 < 0x21 || $0 == 0x2C || $0 == 0x22 || $0 == 0xEF }
    }

    private mutating func quoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        let quote = utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D } || utf8.first == 0x20 || utf8.last == 0x20
        guard quote else {
            out.raw(utf8)
            return
        }
        out.raw(0x22)
        for byte in utf8 {
            if byte == 0x22 { out.raw(0x22) }
            out.raw(byte)
        }
        out.raw(0x22)
    }

    package static func unwritable(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar.value != 0x09 && scalar.value != 0x0A && scalar.value != 0x0D) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}
