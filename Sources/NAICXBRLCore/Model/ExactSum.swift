import Foundation

/// A sum of amounts that is always exact: in 64-bit units while it fits, as a `Decimal` (38
/// significant digits, exact for sums of any statement's amounts) once it does not. So an
/// amount near 2^63 is compared like any other instead of leaving a rule unevaluated.
@_spi(Stages) public struct ExactSum: CustomStringConvertible {
    @usableFromInline var small = Amount(units: 0)
    @usableFromInline var wide: Decimal?

    @inlinable @_spi(Stages) public init() {}

    @inlinable @_spi(Stages) public init(_ amount: Amount) { small = amount }

    package init(decimal: Decimal) { wide = decimal }

    /// Adds another exact sum.
    @inlinable
    @_spi(Stages) public mutating func add(_ other: ExactSum, negated: Bool = false) {
        if let amount = other.amount { return add(amount, negated: negated) }
        wide = decimal + (negated ? -other.decimal : other.decimal)
    }

    @inlinable
    @_spi(Stages) public mutating func add(_ amount: Amount, negated: Bool = false) {
        if wide == nil, !(negated && amount.units == .min), let sum = small.adding(negated ? amount.negated : amount) {
            small = sum
            return
        }
        let value = amount.decimal
        wide = (wide ?? small.decimal) + (negated ? -value : value)
    }

    @inlinable
    @_spi(Stages) public var decimal: Decimal { wide ?? small.decimal }

    /// `self - other`.
    func subtracting(_ other: ExactSum) -> ExactSum {
        var difference = self
        if let amount = other.amount {
            difference.add(amount, negated: true)
        } else {
            difference.wide = decimal - other.decimal
        }
        return difference
    }

    /// The sum as an amount, when it fits one.
    @inlinable
    @_spi(Stages) public var amount: Amount? { wide == nil ? small : nil }

    var isZero: Bool { wide.map { $0 == 0 } ?? (small.units == 0) }

    func magnitudeIsWithin(_ tolerance: Amount) -> Bool {
        if let amount { return amount.magnitude <= tolerance }
        return Swift.abs(decimal) <= tolerance.decimal
    }

    /// How two sides compare under a rule's tolerance, and their difference.
    package static func compare(_ left: ExactSum, _ right: ExactSum, tolerance: Amount) -> (status: CheckResult.Status, difference: ExactSum) {
        let difference = left.subtracting(right)
        if difference.isZero { return (.passed, difference) }
        return (difference.magnitudeIsWithin(tolerance) ? .rounding : .failed, difference)
    }

    @_spi(Stages) public var description: String {
        if let amount { return amount.description }
        var value = decimal
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 38, .plain)
        return "\(rounded)"
    }
}

extension Amount {
    /// The exact value as a `Decimal`.
    @inlinable
    @_spi(Stages) public var decimal: Decimal {
        Decimal(sign: units < 0 ? .minus : .plus, exponent: -fractionDigits, significand: Decimal(units.magnitude))
    }

    /// `-self`.
    @usableFromInline
    var negated: Amount { Amount(units: units == .min ? .max : -units, fractionDigits: fractionDigits) }

    /// `|self|`.
    var magnitude: Amount { units < 0 ? negated : self }

    /// The exact sum, at the finer of the two precisions; nil on overflow.
    @usableFromInline
    func adding(_ other: Amount) -> Amount? {
        if fractionDigits == other.fractionDigits {  // the common case: nothing to widen
            let (sum, overflow) = units.addingReportingOverflow(other.units)
            return overflow ? nil : Amount(units: sum, fractionDigits: fractionDigits)
        }
        let digits = Swift.max(fractionDigits, other.fractionDigits)
        guard let a = widened(to: digits), let b = other.widened(to: digits) else { return nil }
        let (sum, overflow) = a.units.addingReportingOverflow(b.units)
        return overflow ? nil : Amount(units: sum, fractionDigits: digits)
    }

    /// The amount times 10^exponent (a table printed in thousands or millions, in dollars; a
    /// percentage as a ratio).
    package func scaled(byPowerOfTen exponent: Int) -> Amount? {
        var value = self
        if exponent < 0 {
            // Exact: more fraction digits, the same units.
            guard exponent > -19 else { return nil }
            let (digits, overflow) = value.fractionDigits.addingReportingOverflow(-exponent)
            if overflow { return nil }
            value.fractionDigits = digits
            return value
        }
        for _ in 0..<Swift.max(exponent, 0) {
            if value.fractionDigits > 0 {
                value.fractionDigits -= 1
            } else {
                let (next, overflow) = value.units.multipliedReportingOverflow(by: 10)
                if overflow { return nil }
                value.units = next
            }
        }
        return value
    }
}

extension String {
    /// The string without the white space (`CharacterSet.whitespaces`: tab and the space
    /// separators) at either end; the string itself, without a copy, when there is none.
    package var trimmedSpaces: String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        // An ASCII byte other than space and tab at both ends: nothing to trim (the common case).
        if first < 0x80, first != 0x20, first != 0x09, last < 0x80, last != 0x20, last != 0x09 { return self }
        return trimmingCharacters(in: .whitespaces)
    }
}
