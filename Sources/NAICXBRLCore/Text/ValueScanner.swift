/// Reads printed values: `1,236`, `(1,673,536)`, `$ 3,850,782`, `4,933,708.07`, `-`, `$ -`, `XXX`.
///
/// A hand-written scanner over UTF-8 bytes: no regular expressions, no floating point.
package enum ValueScanner {
    package enum Failure: Error, Equatable {
        case malformed(String)
    }

    /// Reads one cell. An empty field is ``Cell/blank``; text that is not a value fails.
    package static func cell(_ field: Substring) -> Result<Cell, Failure> {
        if let cell = value(field) { return .success(cell) }
        return .failure(.malformed(String(field)))
    }

    /// Reads one cell, or nil for text that is not a value: ``cell(_:)`` without building the
    /// failure, for callers that only ask whether the field is a value.
    package static func value(_ field: Substring) -> Cell? {
        Text.withBytes(field) { value($0) }
    }

    /// Reads one cell of a note's or an interrogatory's table: as ``value(_:)-(Substring)``, and
    /// a number with a percent sign after it ("21.000%", "21.000 %") a percentage ("–%" a dash).
    package static func tableValue(_ field: Substring) -> Cell? {
        Text.withBytes(field) { tableValue($0) }
    }

    /// ``tableValue(_:)-(Substring)`` from the cell's UTF-8 bytes.
    package static func tableValue(_ field: Text.Bytes) -> Cell? {
        var start = 0
        var end = field.count
        trim(field, &start, &end)
        guard end - start > 1, field[end - 1] == 0x25 else { return value(field) } // %
        switch value(field.slice(start..<end - 1)) {
        case .amount(let amount, false)?: return .percent(amount)
        case .dash(let dollar)?: return .dash(dollarSign: dollar)
        default: return nil
        }
    }

    /// Reads one cell from its UTF-8 bytes, in place.
    package static func value(_ field: Text.Bytes) -> Cell? {
        var start = 0
        var end = field.count
        trim(field, &start, &end)
        if start == end { return .blank }
        var dollar = false
        if end - start >= 2, field[start] == 0x5C, field[start + 1] == 0x24 { // \$
            dollar = true
            start += 2
        } else if field[start] == 0x24 { // $
            dollar = true
            start += 1
        }
        trim(field, &start, &end)
        if start == end { return dollar ? .blank : nil }
        let value = field.slice(start..<end)
        if value.count == 1, value[0] == 0x2D { return .dash(dollarSign: dollar) } // -
        if value.count == 3, value[0] == 0xE2, value[1] == 0x80, value[2] == 0x94 || value[2] == 0x93 { // — or –
            return .dash(dollarSign: dollar)
        }
        if value.count == 3, value[0] == 0x58, value[1] == 0x58, value[2] == 0x58, !dollar { return .notApplicable } // XXX
        if let amount = amount(value) { return .amount(amount, dollarSign: dollar) }
        return nil
    }

    /// The amount a word prints with grouping commas ("15,483,927,264", "(1,117,497)", "$1,000."),
    /// without the punctuation around it; nil for any other word. No caption prints such a word
    /// but as a value or as an amount its blank caption names (the readers and the caption check
    /// ask it alike).
    package static func groupedAmount(in word: Substring) -> Substring? {
        var core = word.drop { $0 == "(" || $0 == "$" }
        while let last = core.last, last == ")" || last == "," || last == "." { core = core.dropLast() }
        guard core.contains(","), amount(Array(core.utf8)) != nil else { return nil }
        return core
    }

    /// An amount: digits with thousands separators in groups of three, an optional fraction,
    /// negative in parentheses or with a leading minus.
    static func amount(_ input: [UInt8]) -> Amount? {
        input.withUnsafeBufferPointer { amount($0) }
    }

    static func amount(_ bytes: Text.Bytes) -> Amount? {
        var start = 0
        var end = bytes.count
        var negative = false
        if start < end, bytes[start] == 0x28 { // (
            guard bytes[end - 1] == 0x29 else { return nil }
            negative = true
            start += 1
            end -= 1
            while start < end, bytes[start] == 0x20 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 { end -= 1 }
            if start < end, bytes[start] == 0x24 { // ($1) form
                start += 1
                while start < end, bytes[start] == 0x20 { start += 1 }
            }
        } else if start < end, bytes[start] == 0x2D {
            negative = true
            start += 1
        }
        guard start < end, Text.isDigit(bytes[start]) else { return nil }
        var value: Int64 = 0
        var groupDigits = 0
        var sawComma = false
        var fraction = -1
        for byte in bytes[start..<end] {
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

    private static func trim(_ bytes: Text.Bytes, _ start: inout Int, _ end: inout Int) {
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    }

    /// Renders a cell the way the blank prints it: `(1,673,536)`, `$ 38`, `-`.
    package static func render(_ cell: Cell) -> String {
        switch cell {
        case .blank: return ""
        case .notApplicable: return "XXX"
        case .text(let t): return t
        case .dash(let dollar): return dollar ? "$ -" : "-"
        case .amount(let amount, let dollar):
            let text = format(amount)
            return dollar ? "$ " + text : text
        case .percent(let percent): return format(percent) + " %"
        }
    }

    /// `1,673,536`, `(1,673,536)`, `4,933,708.07`.
    package static func format(_ amount: Amount) -> String {
        // The digits of the magnitude, last first, at least one more than the fraction has.
        let fraction = max(0, amount.fractionDigits)
        var reversed: [UInt8] = []
        reversed.reserveCapacity(24)
        var rest = amount.units.magnitude > UInt64(Int64.max) ? 0 : amount.units.magnitude
        repeat {
            reversed.append(UInt8(truncatingIfNeeded: rest % 10) + 0x30)
            rest /= 10
        } while rest > 0
        while reversed.count < fraction + 1 { reversed.append(0x30) }
        let whole = reversed.count - fraction
        var out: [UInt8] = []
        out.reserveCapacity(reversed.count + whole / 3 + 4)
        if amount.units < 0 { out.append(0x28) }
        for i in 0..<whole {
            if i > 0, (whole - i) % 3 == 0 { out.append(0x2C) }
            out.append(reversed[reversed.count - 1 - i])
        }
        if fraction > 0 {
            out.append(0x2E)
            for k in stride(from: fraction - 1, through: 0, by: -1) { out.append(reversed[k]) }
        }
        if amount.units < 0 { out.append(0x29) }
        return String(decoding: out, as: UTF8.self)
    }
}
