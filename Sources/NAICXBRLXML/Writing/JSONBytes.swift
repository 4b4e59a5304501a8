import NAICXBRLCore

/// A JSON document built as UTF-8 bytes: strings escaped as JSON requires, and characters XML
/// 1.0 cannot hold (control characters other than tab, line feed and carriage return; U+FFFE
/// and U+FFFF) written as U+FFFD, as the XML instance writes them, so the two say the same.
/// The bytes go to an ``XMLBytes`` buffer (copied in with `memcpy`, numbers written in place),
/// whose escaping is not used.
package struct JSONBytes: ReportBytes, ~Copyable {
    package var out: XMLBytes
    package var unwritable: [String] = []

    package init(capacity: Int = 256) {
        out = XMLBytes(capacity: capacity)
    }

    /// A literal's bytes. (The `String` overload is disfavoured so that a literal comes here,
    /// where its bytes are at hand without looking into a string.)
    @inline(__always)
    package mutating func raw(_ text: StaticString) {
        out.raw(text)
    }

    @_disfavoredOverload
    package mutating func raw(_ text: String) {
        out.raw(text)
    }

    package mutating func raw(_ other: UnsafeBufferPointer<UInt8>) {
        out.raw(other)
    }

    /// The end of `documentInfo`: its `namespaces` (`prefix: URI`, in the order of the
    /// prefixes) and its `taxonomy`, the entry point.
    package mutating func namespaces(_ namespaces: [(prefix: String, uri: String)], taxonomy entryPoint: String) {
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
    package mutating func string(_ text: String) {
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
}

/// A report written as UTF-8 bytes into an ``XMLBytes`` buffer, whose escaping is not used:
/// what the xBRL-JSON report (``JSONBytes``) and the xBRL-CSV package (``CSVBytes``) write alike.
package protocol ReportBytes: ~Copyable {
    var out: XMLBytes { get set }
}

extension ReportBytes where Self: ~Copyable {
    /// What has been written so far.
    package var bytes: [UInt8] { out.bytes }

    package mutating func raw(_ other: [UInt8]) {
        out.raw(other)
    }

    /// A decimal integer.
    package mutating func integer(_ value: Int) {
        out.integer(value)
    }

    /// The canonical form of an xs:decimal: no leading zeros, no trailing zeros after the
    /// point, and a digit at least on each side of it (`150751734.0`, `4933708.07`, `-0.5`).
    package mutating func canonicalDecimal(_ amount: Amount) {
        let canonical = amount.withoutTrailingZeros
        out.amount(canonical)
        if canonical.fractionDigits == 0 { out.raw(".0") }
    }

    /// The canonical form of a numeric value: of an xs:integer (`50`, no point) for an item of
    /// an integer type, else of an xs:decimal.
    package mutating func canonicalNumber(_ amount: Amount, integer: Bool) {
        let canonical = amount.withoutTrailingZeros
        if integer, canonical.fractionDigits == 0 { out.amount(canonical) } else { canonicalDecimal(amount) }
    }

    /// `YYYY-MM-DD`, as `CalendarDate.description` writes it.
    package mutating func date(_ date: CalendarDate) {
        out.date(date)
    }
}

extension Amount {
    /// The same amount with no trailing zeros after the point (`5.10` is `5.1`, `5.00` is `5`).
    package var withoutTrailingZeros: Amount {
        var units = self.units
        var fraction = fractionDigits
        while fraction > 0, units % 10 == 0 {
            units /= 10
            fraction -= 1
        }
        return Amount(units: units, fractionDigits: fraction)
    }
}
