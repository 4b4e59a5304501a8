@_spi(Stages) import NAICXBRLCore

/// A report written as UTF-8 bytes into an ``XMLBytes`` buffer (copied in with `memcpy`, numbers
/// written in place), whose escaping is not used: the xBRL-JSON report and the xBRL-CSV package.
/// One type for both, so that every writer's calls are plain calls the compiler can inline
/// across modules.
///
/// As JSON (``JSONBytes``): strings escaped as JSON requires, and characters XML 1.0 cannot hold
/// (control characters other than tab, line feed and carriage return; U+FFFE and U+FFFF)
/// written as U+FFFD, as the XML instance writes them, so the two say the same.
///
/// As CSV (``CSVBytes``): RFC 4180, UTF-8, rows ended by a line feed: a field with a comma, a
/// quote, a line break or a leading or trailing space is quoted, its quotes doubled; a
/// character XML cannot hold is written as U+FFFD. A row is written field by field
/// (``field(_:)``, ``comma()``, ``endRow()``), numbers straight into the bytes, or whole
/// (``row(_:)``).
@_spi(Stages) public struct ReportBytes: ~Copyable {

    @_spi(Stages) public var out: XMLBytes
    @_spi(Stages) public var unwritable: [String] = []

    @inlinable
    @_spi(Stages) public init(capacity: Int = 256) {
        out = XMLBytes(capacity: capacity)
    }

    /// A literal's bytes. (The `String` overload is disfavoured so that a literal comes here,
    /// where its bytes are at hand without looking into a string.)
    @inlinable @inline(__always)
    @_spi(Stages) public mutating func raw(_ text: StaticString) {
        out.raw(text)
    }

    @inlinable @_disfavoredOverload
    @_spi(Stages) public mutating func raw(_ text: String) {
        out.raw(text)
    }

    @inlinable
    @_spi(Stages) public mutating func raw(_ other: UnsafeBufferPointer<UInt8>) {
        out.raw(other)
    }

    /// The end of `documentInfo`: its `namespaces` (`prefix: URI`, in the order of the
    /// prefixes) and its `taxonomy`, the entry point.
    @inlinable
    @_spi(Stages) public mutating func namespaces(_ namespaces: [(prefix: String, uri: String)], taxonomy entryPoint: String) {
        raw("    \"namespaces\": {")
        for (n, namespace) in namespaces.sorted(by: { $0.prefix < $1.prefix }).enumerated() {
            raw(n == 0 ? "\n      " : ",\n      ")
            string(namespace.prefix)
            raw(": ")
            string(namespace.uri)
        }
        raw("\n    },\n    \"taxonomy\": [")
        string(entryPoint)
        raw("]\n  }")
    }

    /// `text` as a JSON string, quotes included.
    @inlinable
    @_spi(Stages) public mutating func string(_ text: String) {
        out.raw(0x22)
        var replaced = false
        Text.withBytes(text) { source in
            let plain = !source.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xEF }
            if plain {
                out.raw(source)
                return
            }
            var i = 0
            while i < source.count {
                let byte = source[i]
                i += 1
                switch byte {
                case 0x22: out.raw("\\\"")
                case 0x5C: out.raw("\\\\")
                case 0x09: out.raw("\\t")
                case 0x0A: out.raw("\\n")
                case 0x0D: out.raw("\\r")
                case 0xEF where i + 1 < source.count && source[i] == 0xBF && (source[i + 1] == 0xBE || source[i + 1] == 0xBF):
                    out.raw("\u{FFFD}")
                    replaced = true
                    i += 2
                case ..<0x20:
                    out.raw("\u{FFFD}")
                    replaced = true
                default:
                    out.raw(byte)
                }
            }
        }
        out.raw(0x22)
        if replaced, unwritable.count < 100 { unwritable.append(text) }
    }

    /// `prefix:name` as a JSON string, quotes included, without joining the two first.
    @inlinable
    @_spi(Stages) public mutating func string(_ prefix: String, _ name: String) {
        let plain = Text.withBytes(prefix) { Self.plainJSON($0) } && Text.withBytes(name) { Self.plainJSON($0) }
        guard plain else { return string(prefix + ":" + name) }
        out.raw(0x22)
        out.raw(prefix)
        out.raw(0x3A)
        out.raw(name)
        out.raw(0x22)
    }

    /// Whether a text goes into a JSON string as it is.
    @inlinable
    @_spi(Stages) public static func plainJSON(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        !utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xEF }
    }

    // MARK: Numbers and dates

    /// What has been written so far.
    @inlinable
    @_spi(Stages) public var bytes: [UInt8] { out.bytes }

    @inlinable
    @_spi(Stages) public mutating func raw(_ other: [UInt8]) {
        out.raw(other)
    }

    /// A decimal integer.
    @inlinable
    @_spi(Stages) public mutating func integer(_ value: Int) {
        out.integer(value)
    }

    /// The canonical form of an xs:decimal: no leading zeros, no trailing zeros after the
    /// point, and a digit at least on each side of it (`150751734.0`, `4933708.07`, `-0.5`).
    @inlinable
    @_spi(Stages) public mutating func canonicalDecimal(_ amount: Amount) {
        let canonical = amount.withoutTrailingZeros
        out.amount(canonical)
        if canonical.fractionDigits == 0 { out.raw(".0") }
    }

    /// The canonical form of a numeric value: of an xs:integer (`50`, no point) for an item of
    /// an integer type, else of an xs:decimal.
    @inlinable
    @_spi(Stages) public mutating func canonicalNumber(_ amount: Amount, integer: Bool) {
        let canonical = amount.withoutTrailingZeros
        if integer, canonical.fractionDigits == 0 { out.amount(canonical) } else { canonicalDecimal(amount) }
    }

    /// `YYYY-MM-DD`, as `CalendarDate.description` writes it.
    @inlinable
    @_spi(Stages) public mutating func date(_ date: CalendarDate) {
        out.date(date)
    }

    /// A date as a JSON string: `"YYYY-MM-DD"`.
    @inlinable
    @_spi(Stages) public mutating func quotedDate(_ date: CalendarDate) {
        out.raw(0x22)
        out.date(date)
        out.raw(0x22)
    }

    // MARK: CSV


    @inlinable
    @_spi(Stages) public mutating func row(_ fields: [String]) {
        for (n, field) in fields.enumerated() {
            if n > 0 { comma() }
            self.field(field)
        }
        endRow()
    }

    @inlinable
    @_spi(Stages) public mutating func comma() { out.raw(0x2C) }
    @inlinable
    @_spi(Stages) public mutating func endRow() { out.raw(0x0A) }
    @inlinable
    @_spi(Stages) public mutating func raw(_ byte: UInt8) { out.raw(byte) }

    /// One field, quoted where it must be.
    @inlinable
    @_spi(Stages) public mutating func field(_ original: String) {
        Text.withBytes(original) { utf8 in
            // Most fields hold nothing to quote or replace: one look at each byte.
            if Self.plain(utf8) {
                out.raw(utf8)
            } else if utf8.contains(where: { $0 < 0x20 || $0 == 0xEF }), original.unicodeScalars.contains(where: Self.unwritable) {
                let field = String(String.UnicodeScalarView(original.unicodeScalars.map { Self.unwritable($0) ? "\u{FFFD}" : $0 }))
                Text.withBytes(field) { quoted($0) }
            } else {
                quoted(utf8)
            }
        }
    }

    /// `prefix:name` as one field.
    @inlinable
    @_spi(Stages) public mutating func field(_ prefix: String, _ name: String) {
        let plain = Text.withBytes(prefix) { Self.plain($0) } && Text.withBytes(name) { Self.plain($0) }
        guard plain else { return field(prefix + ":" + name) }
        out.raw(prefix)
        out.raw(0x3A)
        out.raw(name)
    }

    /// `prefix:name` as one field; `plain` says both were found to need no quoting or
    /// replacing (``plain(_:)``), so they are copied as they are.
    @inlinable
    @_spi(Stages) public mutating func name(_ prefix: String, _ name: String, plain: Bool) {
        guard plain else { return field(prefix, name) }
        out.raw(prefix)
        out.raw(0x3A)
        out.raw(name)
    }

    /// Whether a name is written as it is: no byte to quote or replace, no space at either end.
    @inlinable
    @_spi(Stages) public static func plain(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        !utf8.contains { $0 < 0x21 || $0 == 0x2C || $0 == 0x22 || $0 == 0xEF }
    }

    @inlinable
    @_spi(Stages) public mutating func quoted(_ utf8: UnsafeBufferPointer<UInt8>) {
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

    @inlinable
    @_spi(Stages) public static func unwritable(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar.value != 0x09 && scalar.value != 0x0A && scalar.value != 0x0D) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}

/// The bytes of an xBRL-JSON document.
@_spi(Stages) public typealias JSONBytes = ReportBytes
/// The bytes of a CSV table.
@_spi(Stages) public typealias CSVBytes = ReportBytes

extension Amount {
    /// The same amount with no trailing zeros after the point (`5.10` is `5.1`, `5.00` is `5`).
    @_spi(Stages) public var withoutTrailingZeros: Amount {
        var units = self.units
        var fraction = fractionDigits
        while fraction > 0, units % 10 == 0 {
            units /= 10
            fraction -= 1
        }
        return Amount(units: units, fractionDigits: fraction)
    }
}
