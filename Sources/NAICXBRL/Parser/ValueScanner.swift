/// Reads printed values: `1,236`, `(1,673,536)`, `$ 3,850,782`, `4,933,708.07`, `-`, `$ -`, `XXX`.
///
/// A hand-written scanner over UTF-8 bytes: no regular expressions, no floating point.
enum ValueScanner {
    enum Failure: Error, Equatable {
        case malformed(String)
    }

    /// Reads one cell. An empty field is ``Cell/blank``; text that is not a value fails.
    static func cell(_ field: Substring) -> Result<Cell, Failure> {
        var bytes = Array(field.utf8)
        trim(&bytes)
        if bytes.isEmpty { return .success(.blank) }
        var dollar = false
        if bytes.starts(with: [0x5C, 0x24]) { // \$
            dollar = true
            bytes.removeFirst(2)
        } else if bytes.first == 0x24 { // $
            dollar = true
            bytes.removeFirst()
        }
        trim(&bytes)
        if bytes.isEmpty { return dollar ? .success(.blank) : .failure(.malformed(String(field))) }
        if bytes == [0x2D] || bytes == [0xE2, 0x80, 0x94] || bytes == [0xE2, 0x80, 0x93] { return .success(.dash(dollarSign: dollar)) }
        if bytes == Array("XXX".utf8) && !dollar { return .success(.notApplicable) }
        if let amount = amount(bytes) { return .success(.amount(amount, dollarSign: dollar)) }
        return .failure(.malformed(String(field)))
    }

    /// An amount: digits with thousands separators in groups of three, an optional fraction,
    /// negative in parentheses or with a leading minus.
    static func amount(_ input: [UInt8]) -> Amount? {
        var bytes = input[...]
        var negative = false
        if bytes.first == 0x28 { // (
            guard bytes.last == 0x29 else { return nil }
            negative = true
            bytes = bytes.dropFirst().dropLast()
            while bytes.first == 0x20 { bytes = bytes.dropFirst() }
            while bytes.last == 0x20 { bytes = bytes.dropLast() }
            if bytes.first == 0x24 { // ($1) form
                bytes = bytes.dropFirst()
                while bytes.first == 0x20 { bytes = bytes.dropFirst() }
            }
        } else if bytes.first == 0x2D {
            negative = true
            bytes = bytes.dropFirst()
        }
        guard let first = bytes.first, first >= 0x30, first <= 0x39 else { return nil }
        var value: Int64 = 0
        var groupDigits = 0
        var sawComma = false
        var fraction = -1
        for byte in bytes {
            switch byte {
            case 0x30...0x39:
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(byte - 0x30))
                if o1 || o2 { return nil }
                value = a
                if fraction >= 0 { fraction += 1 } else { groupDigits += 1 }
                if sawComma, fraction < 0, groupDigits > 3 { return nil }
            case 0x2C: // ,
                guard fraction < 0, groupDigits > 0 else { return nil }
                if sawComma, groupDigits != 3 { return nil }
                if !sawComma, groupDigits > 3 { return nil }
                sawComma = true
                groupDigits = 0
            case 0x2E: // .
                guard fraction < 0 else { return nil }
                if sawComma, groupDigits != 3 { return nil }
                fraction = 0
            default:
                return nil
            }
        }
        if fraction < 0, sawComma, groupDigits != 3 { return nil }
        if fraction == 0 { return nil }
        return Amount(units: negative ? -value : value, fractionDigits: max(fraction, 0))
    }

    private static func trim(_ bytes: inout [UInt8]) {
        while let f = bytes.first, f == 0x20 || f == 0x09 { bytes.removeFirst() }
        while let l = bytes.last, l == 0x20 || l == 0x09 { bytes.removeLast() }
    }

    /// Renders a cell the way the blank prints it: `(1,673,536)`, `$ 38`, `-`.
    static func render(_ cell: Cell) -> String {
        switch cell {
        case .blank: return ""
        case .notApplicable: return "XXX"
        case .text(let t): return t
        case .dash(let dollar): return dollar ? "$ -" : "-"
        case .amount(let amount, let dollar):
            let text = format(amount)
            return dollar ? "$ " + text : text
        }
    }

    /// `1,673,536`, `(1,673,536)`, `4,933,708.07`.
    static func format(_ amount: Amount) -> String {
        let plain = Amount(units: amount.units.magnitude > UInt64(Int64.max) ? 0 : Int64(amount.units.magnitude), fractionDigits: amount.fractionDigits).description
        let parts = plain.split(separator: ".", maxSplits: 1)
        let whole = Array(parts[0])
        var grouped = ""
        for (i, ch) in whole.enumerated() {
            if i > 0, (whole.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(ch)
        }
        if parts.count > 1 { grouped += "." + parts[1] }
        return amount.units < 0 ? "(" + grouped + ")" : grouped
    }
}
