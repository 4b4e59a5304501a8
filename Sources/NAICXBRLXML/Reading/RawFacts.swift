/// An instance's facts in the order they were read, kept in the parts they were read in: a part
/// read on another thread (half of a large xBRL-CSV table) joins the list as it is, where
/// appending it to one array would copy every fact, each of its texts retained and released.
/// Facts are appended to the last part.
@_spi(Stages) public struct RawFacts: RandomAccessCollection, Sendable {
    @_spi(Stages) public typealias Element = RawInstance.RawFact
    /// Never empty: the last part takes appended facts.
    @usableFromInline var parts: [[Element]] = [[]]
    /// The index of each part's first fact.
    @usableFromInline var starts: [Int] = [0]

    @_spi(Stages) public init() {}

    @_spi(Stages) public init(_ facts: [Element]) {
        parts = [facts]
    }

    @inlinable @_spi(Stages) public var startIndex: Int { 0 }
    @inlinable @_spi(Stages) public var endIndex: Int { starts[starts.count - 1] + parts[parts.count - 1].count }

    @inlinable
    @_spi(Stages) public subscript(position: Int) -> Element {
        // Few parts: looked for from the last.
        var p = starts.count - 1
        while starts[p] > position { p -= 1 }
        return parts[p][position - starts[p]]
    }

    @inlinable
    @_spi(Stages) public mutating func append(_ fact: consuming Element) {
        parts[parts.count - 1].append(fact)
    }

    /// Room for `n` facts in all (in the last part).
    @_spi(Stages) public mutating func reserveCapacity(_ n: Int) {
        parts[parts.count - 1].reserveCapacity(Swift.max(0, n - starts[starts.count - 1]))
    }

    /// Appends `other`'s facts, part by part, without copying them; `other` is left empty.
    package mutating func append(parts other: inout RawFacts) {
        var taken = RawFacts()
        swap(&taken, &other)
        for part in taken.parts where !part.isEmpty {
            if parts[parts.count - 1].isEmpty {
                parts[parts.count - 1] = part
            } else {
                starts.append(endIndex)
                parts.append(part)
            }
        }
    }

    /// How many parts there are, and each one's facts with the index of its first fact (an
    /// importer reads them in place, part by part).
    @_spi(Stages) public var partCount: Int { parts.count }

    @inlinable
    @_spi(Stages) public func part(_ p: Int) -> (facts: [Element], first: Int) {
        (parts[p], starts[p])
    }
}
