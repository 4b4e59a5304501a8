@_spi(Stages) import NAICXBRLCore
/// An XML document built as UTF-8 bytes, for documents whose shape the caller knows (the
/// instance writer): no element stack, no validation of names, only correct escaping.
///
/// It writes what libxml2's `xmlTextWriter` writes for the same calls, escapes included, at a
/// fraction of the cost: no C strings are made from Swift strings, and nothing is copied twice.
/// The bytes go to a buffer of its own, copied in with `memcpy`: an instance is written in tens
/// of thousands of short pieces, and appending each to an `Array` costs several times the copy.
@_spi(Stages) public struct XMLBytes: ~Copyable {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var capacity: Int
    @usableFromInline package internal(set) var count = 0
    /// How many bytes have been handed to `sink`.
    private var flushed = 0
    /// Gets the document in pieces as it is written (a validation reading it as it comes).
    package var sink: (any XMLByteSink)?
    /// Texts that held characters XML 1.0 cannot hold (control characters other than tab,
    /// line feed and carriage return; U+FFFE and U+FFFF), each written with U+FFFD in their place.
    package private(set) var unwritable: [String] = []
    /// The lengths of texts longer than ``Limits/xmlTextBytes``, which a reader held to the
    /// same limits refuses.
    package private(set) var tooLong: [Int] = []
    private let textLimit = Limits.current.xmlTextBytes

    @_spi(Stages) public init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// What has been written so far.
    @_spi(Stages) public var bytes: [UInt8] {
        [UInt8](UnsafeBufferPointer(start: base, count: count))
    }

    /// The bytes written at `range`, in place.
    package func withBytes<R>(in range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        precondition(range.lowerBound >= 0 && range.upperBound <= count)
        return body(UnsafeBufferPointer(start: base + range.lowerBound, count: range.count))
    }

    /// Writes `bytes` over those written at `offset` (a header whose fields are known only
    /// once what follows it is written).
    package mutating func overwrite(at offset: Int, with bytes: [UInt8]) {
        precondition(offset >= 0 && offset + bytes.count <= count)
        bytes.withUnsafeBufferPointer { (base + offset).update(from: $0.baseAddress!, count: $0.count) }
    }

    /// Hands what was written since the last time to the sink, once there is at least
    /// `minimum` of it.
    package mutating func flush(minimum: Int = 32 * 1024) {
        guard let sink, count - flushed >= minimum, count > flushed else { return }
        sink.append([UInt8](UnsafeBufferPointer(start: base + flushed, count: count - flushed)))
        flushed = count
    }

    /// Hands everything written so far to the sink, then `closing` (which is not part of the
    /// document being written), and finishes the sink: later bytes stay here only.
    package mutating func endSink(closing: StaticString) {
        flush(minimum: 0)
        sink?.append(closing.withUTF8Buffer { [UInt8]($0) })
        sink?.finish()
        sink = nil
    }

    /// Room for `extra` more bytes.
    @inlinable @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    @usableFromInline
    mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inlinable @inline(__always)
    mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let start = source.baseAddress, !source.isEmpty else { return }
        let n = source.count
        reserve(n)
        if n <= 16 {
            // Most pieces are a few bytes: a loop beats a call to memcpy.
            let target = base + count
            for k in 0..<n { target[k] = start[k] }
        } else {
            (base + count).update(from: start, count: n)
        }
        count += n
    }

    @inlinable @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Markup written as is: names, literal tags, numbers. (A literal goes to the
    /// `StaticString` overload, whose bytes are at hand without looking into a string.)
    @_disfavoredOverload @inlinable @inline(__always)
    @_spi(Stages) public mutating func raw(_ text: String) {
        Text.withBytes(text) { append($0) }
    }

    @inlinable @inline(__always)
    @_spi(Stages) public mutating func raw(_ text: StaticString) {
        guard text.hasPointerRepresentation else { return text.withUTF8Buffer { append($0) } }
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inlinable
    @_spi(Stages) public mutating func raw(_ byte: UInt8) {
        append(byte)
    }

    @inlinable
    @_spi(Stages) public mutating func raw(_ other: UnsafeBufferPointer<UInt8>) {
        append(other)
    }

    @inlinable
    @_spi(Stages) public mutating func raw(_ other: [UInt8]) {
        other.withUnsafeBufferPointer { append($0) }
    }

    /// Character data: `&`, `<`, `>` escaped, and `\r` as a reference so that a parser does
    /// not turn it into a line feed.
    package mutating func text(_ value: String) {
        Text.withBytes(value) { escaped($0, attribute: false) }
    }

    /// `source` with `&`, `<`, `>` and `\r` as references; in an attribute value also `"`, tab
    /// and line feed (a parser would normalize them to spaces).
    ///
    /// This is where every text of a document is checked against XML's character rules: a
    /// character XML 1.0 cannot hold is written as U+FFFD, and the text is kept in
    /// ``unwritable`` for the caller to report. (A well-formed document cannot hold it even as
    /// a character reference.)
    private mutating func escaped(_ source: UnsafeBufferPointer<UInt8>, attribute: Bool) {
        if source.count > textLimit { tooLong.append(source.count) }
        let needsEscaping = attribute
            ? source.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 < 0x20 || $0 == 0xEF }
            : source.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 < 0x20 || $0 == 0xEF }
        guard needsEscaping else {
            append(source)
            return
        }
        var replaced = false
        var i = 0
        while i < source.count {
            let byte = source[i]
            i += 1
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D {
                raw("\u{FFFD}")
                replaced = true
                continue
            }
            // U+FFFE and U+FFFF: EF BF BE, EF BF BF.
            if byte == 0xEF, i + 1 < source.count, source[i] == 0xBF, source[i + 1] == 0xBE || source[i + 1] == 0xBF {
                raw("\u{FFFD}")
                replaced = true
                i += 2
                continue
            }
            switch byte {
            case 0x26: raw("&amp;")
            case 0x3C: raw("&lt;")
            case 0x3E: raw("&gt;")
            case 0x0D: raw("&#13;")
            case 0x22 where attribute: raw("&quot;")
            case 0x0A where attribute: raw("&#10;")
            case 0x09 where attribute: raw("&#9;")
            default: append(byte)
            }
        }
        if replaced, unwritable.count < 100 { unwritable.append(String(decoding: source, as: UTF8.self)) }
    }

    /// `prefix:name` as character data, each part escaped as by ``text(_:)``.
    package mutating func text(_ prefix: String, _ name: String) {
        text(prefix)
        append(0x3A)
        text(name)
    }

    /// `name="prefix:local"` with a space before it, each part of the value escaped as by
    /// ``attribute(_:_:)``: a qualified name without a string made of it.
    package mutating func attribute(_ name: StaticString, _ prefix: String, _ local: String) {
        append(0x20)
        raw(name)
        append(0x3D)
        append(0x22)
        attributeValue(prefix)
        append(0x3A)
        attributeValue(local)
        append(0x22)
    }

    /// `name="value"` with a space before it; the value escaped for a double-quoted attribute,
    /// tab, line feed and carriage return as references (a parser would normalize them to spaces).
    package mutating func attribute(_ name: StaticString, _ value: String) {
        append(0x20)
        raw(name)
        append(0x3D)
        append(0x22)
        attributeValue(value)
        append(0x22)
    }

    /// `value` escaped for a double-quoted attribute, without the quotes.
    private mutating func attributeValue(_ value: String) {
        Text.withBytes(value) { escaped($0, attribute: true) }
    }

    /// `value` escaped for a double-quoted attribute.
    package static func escapedAttributeValue(_ value: String) -> [UInt8] {
        var out = XMLBytes(capacity: value.utf8.count + 8)
        out.attribute("", value)
        return Array(out.bytes.dropFirst(3).dropLast())   // ` ="` and `"`
    }

    /// A decimal integer.
    @inlinable
    @_spi(Stages) public mutating func integer(_ value: Int) {
        if value < 0 { append(0x2D) }
        digits(value.magnitude, minimumCount: 1)
    }

    /// The digits of `value`, zero-padded on the left to `minimumCount`, written in place.
    @inlinable
    mutating func digits(_ value: some UnsignedInteger & FixedWidthInteger, minimumCount: Int) {
        var v = UInt64(value)
        var count = 1
        var power: UInt64 = 10
        while count < 20 && v >= power {
            count += 1
            if count < 20 { power &*= 10 }
        }
        let width = max(count, minimumCount)
        reserve(width)
        var end = base + self.count + width
        repeat {
            end -= 1
            end.pointee = UInt8(truncatingIfNeeded: v % 10) + 0x30
            v /= 10
        } while v > 0
        while end > base + self.count {
            end -= 1
            end.pointee = 0x30
        }
        self.count += width
    }

    /// `Amount.description`, written in place: `-2959888`, `4933708.07`, `0.05`.
    @inlinable
    @_spi(Stages) public mutating func amount(_ amount: Amount) {
        if amount.units < 0 { append(0x2D) }
        let magnitude = amount.units.magnitude
        let fraction = amount.fractionDigits
        guard fraction > 0 else {
            digits(magnitude, minimumCount: 1)
            return
        }
        digits(magnitude, minimumCount: fraction + 1)
        // The point goes before the last `fraction` digits.
        append(0x2E)
        let point = base + count - 1 - fraction
        UnsafeMutableRawPointer(point + 1).copyMemory(from: point, byteCount: fraction)   // regions overlap: a memmove
        point.pointee = 0x2E
    }

    /// `YYYY-MM-DD`, as `CalendarDate.description` writes it.
    @inlinable
    @_spi(Stages) public mutating func date(_ date: CalendarDate) {
        guard date.year >= 0, date.month >= 0, date.day >= 0 else { return raw(date.description) }
        digits(UInt(date.year), minimumCount: 4)
        append(0x2D)
        digits(UInt(date.month), minimumCount: 2)
        append(0x2D)
        digits(UInt(date.day), minimumCount: 2)
    }
}

/// Where a document's bytes go in pieces as they are written (``XMLBytes/sink``).
package protocol XMLByteSink: AnyObject {
    func append(_ bytes: [UInt8])
    /// No more bytes come.
    func finish()
}

extension StreamSource: XMLByteSink {}
