/// An exact amount as printed: an integer count of the smallest printed unit.
///
/// `4,933,708.07` is `units: 493370807, fractionDigits: 2`; `(2,959,888)` is
/// `units: -2959888, fractionDigits: 0`. Nothing is ever held in floating point: the scale of a
/// table ("In Millions") is kept beside the amount by the table, not folded into it.
public struct Amount: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The signed value in units of 10^-fractionDigits.
    public var units: Int64
    /// Digits printed after the decimal point (0 for whole dollars, 2 for cents).
    public var fractionDigits: Int

    public init(units: Int64, fractionDigits: Int = 0) {
        self.units = units
        self.fractionDigits = fractionDigits
    }

    /// The plain decimal form, `-2959888` or `4933708.07`: the form used in JSON and XBRL.
    public var description: String {
        let negative = units < 0
        let magnitude = units.magnitude
        guard fractionDigits > 0 else { return (negative ? "-" : "") + String(magnitude) }
        var digits = String(magnitude)
        if digits.count <= fractionDigits {
            digits = String(repeating: "0", count: fractionDigits - digits.count + 1) + digits
        }
        let split = digits.index(digits.endIndex, offsetBy: -fractionDigits)
        return (negative ? "-" : "") + digits[..<split] + "." + digits[split...]
    }

    /// Parses the plain decimal form written by ``description``; `nil` for anything else.
    public init?(plain text: String) {
        var text = text
        guard let amount = text.withUTF8({ Self.plain($0) }) else { return nil }
        self = amount
    }

    /// `-?digits(.digits)?` read from its bytes.
    private static func plain(_ bytes: UnsafeBufferPointer<UInt8>) -> Amount? {
        var i = 0
        let n = bytes.count
        var negative = false
        if n > 0, bytes[0] == UInt8(ascii: "-") { negative = true; i = 1 }
        guard i < n else { return nil }
        var value: Int64 = 0
        var fraction = -1
        while i < n {
            let byte = bytes[i]
            i += 1
            if byte == UInt8(ascii: ".") {
                guard fraction < 0 else { return nil }
                fraction = 0
                continue
            }
            guard byte >= 48, byte <= 57 else { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(Int64(byte - 48))
            guard !o1, !o2 else { return nil }
            value = plus
            if fraction >= 0 { fraction += 1 }
        }
        if fraction == 0 { return nil }
        return Amount(units: negative ? -value : value, fractionDigits: max(fraction, 0))
    }

    /// This amount expressed with `digits` fraction digits (only ever widening).
    public func widened(to digits: Int) -> Amount? {
        guard digits >= fractionDigits else { return nil }
        // Zero never overflows, so without this the loop would run `digits` times: billions for
        // a hostile `decimals`. Any other value overflows within 19 steps.
        if units == 0 { return Amount(units: 0, fractionDigits: digits) }
        var value = units
        for _ in 0..<(digits - fractionDigits) {
            let (next, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            value = next
        }
        return Amount(units: value, fractionDigits: digits)
    }

    public static func < (lhs: Amount, rhs: Amount) -> Bool {
        let digits = max(lhs.fractionDigits, rhs.fractionDigits)
        guard let l = lhs.widened(to: digits), let r = rhs.widened(to: digits) else { return false }
        return l.units < r.units
    }

    /// Numeric equality regardless of printed precision (`5` equals `5.00`).
    public func isNumericallyEqual(to other: Amount) -> Bool {
        let digits = max(fractionDigits, other.fractionDigits)
        guard let l = widened(to: digits), let r = other.widened(to: digits) else { return false }
        return l.units == r.units
    }
}

extension Amount: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let amount = Amount(plain: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a decimal amount: \(text)")
        }
        self = amount
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
