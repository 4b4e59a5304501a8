/// An XML document built as UTF-8 bytes, for documents whose shape the caller knows (the
/// instance writer): no element stack, no validation of names, only correct escaping.
///
/// It writes what libxml2's `xmlTextWriter` writes for the same calls, escapes included, at a
/// fraction of the cost: no C strings are made from Swift strings, and nothing is copied twice.
struct XMLBytes {
    private(set) var bytes: [UInt8] = []
    /// How many bytes have been handed to `sink`.
    private var flushed = 0
    /// Gets the document in pieces as it is written (a validation reading it as it comes).
    var sink: StreamSource?

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Hands what was written since the last time to the sink, once there is at least
    /// `minimum` of it.
    mutating func flush(minimum: Int = 32 * 1024) {
        guard let sink, bytes.count - flushed >= minimum, bytes.count > flushed else { return }
        sink.append(Array(bytes[flushed...]))
        flushed = bytes.count
    }

    /// Markup written as is: names, literal tags, numbers.
    mutating func raw(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func raw(_ other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    /// Character data: `&`, `<`, `>` escaped, and `\r` as a reference so that a parser does
    /// not turn it into a line feed.
    mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { source in
            guard source.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x0D }) else {
                bytes.append(contentsOf: source)
                return
            }
            for byte in source {
                switch byte {
                case 0x26: raw("&amp;")
                case 0x3C: raw("&lt;")
                case 0x3E: raw("&gt;")
                case 0x0D: raw("&#13;")
                default: bytes.append(byte)
                }
            }
        }
    }

    /// `name="value"` with a space before it; the value escaped for a double-quoted attribute,
    /// tab, line feed and carriage return as references (a parser would normalize them to spaces).
    mutating func attribute(_ name: StaticString, _ value: String) {
        bytes.append(0x20)
        raw(name)
        bytes.append(0x3D)
        bytes.append(0x22)
        var value = value
        value.withUTF8 { source in
            guard source.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 < 0x20 }) else {
                bytes.append(contentsOf: source)
                return
            }
            for byte in source {
                switch byte {
                case 0x26: raw("&amp;")
                case 0x3C: raw("&lt;")
                case 0x3E: raw("&gt;")
                case 0x22: raw("&quot;")
                case 0x0A: raw("&#10;")
                case 0x0D: raw("&#13;")
                case 0x09: raw("&#9;")
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(0x22)
    }

    /// `value` escaped for a double-quoted attribute.
    static func escapedAttributeValue(_ value: String) -> [UInt8] {
        var out = XMLBytes(capacity: value.utf8.count + 8)
        out.attribute("", value)
        return Array(out.bytes.dropFirst(3).dropLast())   // ` ="` and `"`
    }

    /// A decimal integer.
    mutating func integer(_ value: Int) {
        if value < 0 { bytes.append(0x2D) }
        digits(value.magnitude, minimumCount: 1)
    }

    /// The digits of `value`, zero-padded on the left to `minimumCount`.
    mutating func digits(_ value: some UnsignedInteger & FixedWidthInteger, minimumCount: Int) {
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)   // 24 bytes: more than UInt64's 20 digits
        withUnsafeMutableBytes(of: &buffer) { scratch in
            var v = UInt64(value)
            var i = scratch.count
            repeat {
                i -= 1
                scratch[i] = UInt8(truncatingIfNeeded: v % 10) + 0x30
                v /= 10
            } while v > 0
            let count = scratch.count - i
            if minimumCount > count { bytes.append(contentsOf: repeatElement(0x30, count: minimumCount - count)) }
            bytes.append(contentsOf: scratch[i...])
        }
    }

    /// `Amount.description`, written in place: `-2959888`, `4933708.07`, `0.05`.
    mutating func amount(_ amount: Amount) {
        if amount.units < 0 { bytes.append(0x2D) }
        let magnitude = amount.units.magnitude
        let fraction = amount.fractionDigits
        guard fraction > 0 else {
            digits(magnitude, minimumCount: 1)
            return
        }
        digits(magnitude, minimumCount: fraction + 1)
        bytes.insert(0x2E, at: bytes.count - fraction)
    }

    /// `YYYY-MM-DD`, as `CalendarDate.description` writes it.
    mutating func date(_ date: CalendarDate) {
        guard date.year >= 0, date.month >= 0, date.day >= 0 else { return raw(date.description) }
        digits(UInt(date.year), minimumCount: 4)
        bytes.append(0x2D)
        digits(UInt(date.month), minimumCount: 2)
        bytes.append(0x2D)
        digits(UInt(date.day), minimumCount: 2)
    }
}
