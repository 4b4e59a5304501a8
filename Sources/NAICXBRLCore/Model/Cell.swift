/// One printed value: a table cell, an amount inside a caption, or an answer.
///
/// What was printed is kept apart from what it means: a blank cell (nothing reported) is not a
/// zero, a dash is a written "nothing", and `XXX` is the blank's own "not applicable" mark.
public enum Cell: Hashable, Sendable {
    /// Nothing printed.
    case blank
    /// An amount; `dollarSign` when the statement printed `$` before it.
    case amount(Amount, dollarSign: Bool)
    /// A printed dash (`-` or `$ -`): reported as nothing.
    case dash(dollarSign: Bool)
    /// The blank's `XXX`: this cell does not apply.
    case notApplicable
    /// Text that is not an amount (a state code, an active status such as `L`, a count label).
    case text(String)
    /// A percentage printed in a note's or an interrogatory's table, as printed before its `%`
    /// (`780.927` for "780.927 %"): a ratio, no amount of money.
    case percent(Amount)

    public static func amount(_ amount: Amount) -> Cell { .amount(amount, dollarSign: false) }

    /// The amount, when this cell holds one.
    public var amount: Amount? {
        if case .amount(let value, _) = self { return value }
        return nil
    }

    public var isBlank: Bool { self == .blank }
}

extension Cell: Codable {
    private enum Key: String, CodingKey { case amount, dollar, dash, xxx, text, percent }

    public init(from decoder: Decoder) throws {
        if let single = try? decoder.singleValueContainer(), single.decodeNil() {
            self = .blank
            return
        }
        let c = try decoder.container(keyedBy: Key.self)
        let dollar = try c.decodeIfPresent(Bool.self, forKey: .dollar) ?? false
        if let amount = try c.decodeIfPresent(Amount.self, forKey: .amount) {
            self = .amount(amount, dollarSign: dollar)
        } else if try c.decodeIfPresent(Bool.self, forKey: .dash) == true {
            self = .dash(dollarSign: dollar)
        } else if try c.decodeIfPresent(Bool.self, forKey: .xxx) == true {
            self = .notApplicable
        } else if let text = try c.decodeIfPresent(String.self, forKey: .text) {
            self = .text(text)
        } else if let percent = try c.decodeIfPresent(Amount.self, forKey: .percent) {
            self = .percent(percent)
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown cell"))
        }
    }

    public func encode(to encoder: Encoder) throws {
        switch self {
        case .blank:
            var c = encoder.singleValueContainer()
            try c.encodeNil()
        case .amount(let amount, let dollar):
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(amount, forKey: .amount)
            if dollar { try c.encode(true, forKey: .dollar) }
        case .dash(let dollar):
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(true, forKey: .dash)
            if dollar { try c.encode(true, forKey: .dollar) }
        case .notApplicable:
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(true, forKey: .xxx)
        case .text(let text):
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(text, forKey: .text)
        case .percent(let percent):
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(percent, forKey: .percent)
        }
    }
}
