import NAICXBRLCore
import NAICXBRLXML
import NAICXBRLTaxonomy
import NAICXBRLChecks
/// A JSON document read into values that remember where they stand (line and column), for
/// readers that report each problem at its place: the xBRL-JSON report and the xBRL-CSV
/// metadata.
///
/// The reader is strict and safe for untrusted input: the document must be UTF-8 (a byte
/// order mark is skipped), nesting is limited to ``maximumDepth``, a key twice in one object is
/// an error (in a report it would be two facts with one id), and numbers are kept as their text,
/// never converted to floating point.
struct JSONDocument {
    indirect enum Value {
        case null
        case bool(Bool)
        /// The number as written, validated against JSON's number syntax.
        case number(String)
        case string(String)
        case array([Node])
        /// Members in document order; keys are unique.
        case object([Member])
    }

    struct Node {
        var value: Value
        var line: Int
        var column: Int

        var string: String? { if case .string(let s) = value { s } else { nil } }
        var members: [Member]? { if case .object(let m) = value { m } else { nil } }
        var elements: [Node]? { if case .array(let e) = value { e } else { nil } }
        var isNull: Bool { if case .null = value { true } else { false } }

        /// The member named `key` of an object.
        subscript(key: String) -> Node? {
            guard case .object(let members) = value else { return nil }
            return members.first { $0.key == key }?.node
        }

        /// What kind of value this is, for messages.
        var kind: String {
            switch value {
            case .null: "null"
            case .bool: "a boolean"
            case .number: "a number"
            case .string: "a string"
            case .array: "an array"
            case .object: "an object"
            }
        }
    }

    struct Member {
        var key: String
        var node: Node
    }

    struct SyntaxError: Error, CustomStringConvertible {
        var line: Int
        var column: Int
        var message: String
        var description: String { "line \(line), column \(column): \(message)" }
    }

    static let maximumDepth = 64

    /// Parses `bytes` as one JSON value.
    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> Node {
        try bytes.withUnsafeBufferPointer { buffer throws(SyntaxError) -> Node in
            var parser = Parser(bytes: buffer)
            if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
                parser.position = 3
                parser.lineStart = 3
            }
            if let bad = UTF8Check.firstInvalid(buffer, from: parser.position) {
                let (line, column) = parser.place(of: bad)
                throw SyntaxError(line: line, column: column, message: "the document is not UTF-8 (byte 0x\(String(buffer[bad], radix: 16, uppercase: true)))")
            }
            parser.skipSpace()
            let node = try parser.value(depth: 0)
            parser.skipSpace()
            if parser.position < buffer.count {
                throw parser.error("unexpected \(parser.describeCurrent()) after the document's value")
            }
            return node
        }
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var line = 1
        var lineStart = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        var column: Int { position - lineStart + 1 }

        /// Line and column of byte `offset` (counted from the start; used once, for an error).
        func place(of offset: Int) -> (Int, Int) {
            var line = 1, start = 0
            for i in 0..<offset where bytes[i] == 0x0A {
                line += 1
                start = i + 1
            }
            return (line, offset - start + 1)
        }

        func error(_ message: String) -> SyntaxError {
            SyntaxError(line: line, column: column, message: message)
        }

        func describeCurrent() -> String {
            guard position < bytes.count else { return "end of document" }
            let b = bytes[position]
            if b >= 0x21, b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
            return "byte 0x\(String(b, radix: 16, uppercase: true))"
        }

        mutating func skipSpace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x09, 0x0D: position += 1
                case 0x0A:
                    position += 1
                    line += 1
                    lineStart = position
                default: return
                }
            }
        }

        /// After an object's or array's opening bracket: whether `close` follows at once (and is
        /// read).
        mutating func closesAtOnce(_ close: UInt8) -> Bool {
            skipSpace()
            guard position < bytes.count, bytes[position] == close else { return false }
            position += 1
            return true
        }

        /// After a member of an object or an element of an array (`container`): whether another
        /// follows (the comma is read) or the container ends (`close` is read).
        mutating func continues(_ container: StaticString, _ close: UInt8) throws(SyntaxError) -> Bool {
            skipSpace()
            guard position < bytes.count else { throw error("the document ends inside an \(container)") }
            if bytes[position] == 0x2C { position += 1; return true }
            if bytes[position] == close { position += 1; return false }
            throw error("expected ',' or '\(Character(Unicode.Scalar(close)))' in an \(container), found \(describeCurrent())")
        }

        mutating func value(depth: Int) throws(SyntaxError) -> Node {
            guard depth < JSONDocument.maximumDepth else { throw error("nesting deeper than \(JSONDocument.maximumDepth) levels") }
            guard position < bytes.count else { throw error("the document ends where a value was expected") }
            let startLine = line, startColumn = column
            switch bytes[position] {
            case 0x7B: // {
                position += 1
                var members: [Member] = []
                var keys: Set<String> = []
                if closesAtOnce(0x7D) { return Node(value: .object([]), line: startLine, column: startColumn) }
                repeat {
                    skipSpace()
                    guard position < bytes.count, bytes[position] == 0x22 else { throw error("expected a member name in quotes, found \(describeCurrent())") }
                    let keyLine = line, keyColumn = column
                    let key = try string()
                    guard keys.insert(key).inserted else {
                        throw SyntaxError(line: keyLine, column: keyColumn, message: "the name \"\(key.prefix(80))\" occurs twice in one object")
                    }
                    skipSpace()
                    guard position < bytes.count, bytes[position] == 0x3A else { throw error("expected ':' after a member name, found \(describeCurrent())") }
                    position += 1
                    skipSpace()
                    let node = try value(depth: depth + 1)
                    members.append(Member(key: key, node: node))
                } while try continues("object", 0x7D)
                return Node(value: .object(members), line: startLine, column: startColumn)
            case 0x5B: // [
                position += 1
                var elements: [Node] = []
                if closesAtOnce(0x5D) { return Node(value: .array([]), line: startLine, column: startColumn) }
                repeat {
                    skipSpace()
                    elements.append(try value(depth: depth + 1))
                } while try continues("array", 0x5D)
                return Node(value: .array(elements), line: startLine, column: startColumn)
            case 0x22:
                return Node(value: .string(try string()), line: startLine, column: startColumn)
            case 0x74: // true
                try literal("true")
                return Node(value: .bool(true), line: startLine, column: startColumn)
            case 0x66:
                try literal("false")
                return Node(value: .bool(false), line: startLine, column: startColumn)
            case 0x6E:
                try literal("null")
                return Node(value: .null, line: startLine, column: startColumn)
            case 0x2D, 0x30...0x39:
                return Node(value: .number(try number()), line: startLine, column: startColumn)
            default:
                throw error("unexpected \(describeCurrent()) where a value was expected")
            }
        }

        mutating func literal(_ word: String) throws(SyntaxError) {
            let utf8 = Array(word.utf8)
            guard position + utf8.count <= bytes.count, bytes[position..<(position + utf8.count)].elementsEqual(utf8) else {
                throw error("unexpected \(describeCurrent()) where a value was expected")
            }
            position += utf8.count
        }

        mutating func number() throws(SyntaxError) -> String {
            let start = position
            if bytes[position] == 0x2D { position += 1 }
            func digits(_ p: inout Int) -> Int {
                let s = p
                while p < bytes.count, bytes[p] >= 0x30, bytes[p] <= 0x39 { p += 1 }
                return p - s
            }
            guard position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 else { throw error("a number must have digits") }
            if bytes[position] == 0x30 {
                position += 1
                if position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 { throw error("a number must not start with 0") }
            } else {
                _ = digits(&position)
            }
            if position < bytes.count, bytes[position] == 0x2E {
                position += 1
                guard digits(&position) > 0 else { throw error("a number must have digits after its point") }
            }
            if position < bytes.count, bytes[position] == 0x65 || bytes[position] == 0x45 {
                position += 1
                if position < bytes.count, bytes[position] == 0x2B || bytes[position] == 0x2D { position += 1 }
                guard digits(&position) > 0 else { throw error("a number must have digits in its exponent") }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        }

        /// A string at `position` (its opening quote): the text, escapes resolved.
        mutating func string() throws(SyntaxError) -> String {
            position += 1
            let start = position
            // The common case: no escapes.
            while position < bytes.count {
                let b = bytes[position]
                if b == 0x22 {
                    let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                    position += 1
                    return s
                }
                if b == 0x5C { break }
                if b < 0x20 { throw error("a control character (0x\(String(b, radix: 16, uppercase: true))) in a string must be escaped") }
                position += 1
            }
            var out = [UInt8](UnsafeBufferPointer(rebasing: bytes[start..<position]))
            while position < bytes.count {
                let b = bytes[position]
                if b == 0x22 {
                    position += 1
                    return String(decoding: out, as: UTF8.self)
                }
                if b < 0x20 { throw error("a control character (0x\(String(b, radix: 16, uppercase: true))) in a string must be escaped") }
                guard b == 0x5C else {
                    out.append(b)
                    position += 1
                    continue
                }
                position += 1
                guard position < bytes.count else { break }
                let e = bytes[position]
                position += 1
                switch e {
                case 0x22: out.append(0x22)
                case 0x5C: out.append(0x5C)
                case 0x2F: out.append(0x2F)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x75:
                    var scalar = try hex4()
                    if scalar >= 0xD800, scalar < 0xDC00 {
                        guard position + 1 < bytes.count, bytes[position] == 0x5C, bytes[position + 1] == 0x75 else {
                            throw error("a high surrogate escape must be followed by a low surrogate escape")
                        }
                        position += 2
                        let low = try hex4()
                        guard low >= 0xDC00, low < 0xE000 else { throw error("a high surrogate escape must be followed by a low surrogate escape") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if scalar >= 0xDC00, scalar < 0xE000 {
                        throw error("a low surrogate escape without a high one")
                    }
                    out.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
                default:
                    position -= 1
                    throw error("unknown escape \\\(describeCurrent())")
                }
            }
            throw error("the document ends inside a string")
        }

        mutating func hex4() throws(SyntaxError) -> UInt32 {
            guard position + 4 <= bytes.count else { throw error("\\u needs four hexadecimal digits") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let b = bytes[position]
                let digit: UInt32
                switch b {
                case 0x30...0x39: digit = UInt32(b - 0x30)
                case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
                default: throw error("\\u needs four hexadecimal digits")
                }
                value = value << 4 | digit
                position += 1
            }
            return value
        }
    }
}

/// Where UTF-8 is broken.
enum UTF8Check {
    /// The offset of the first byte of `bytes` (from `start`) that does not begin a well-formed
    /// UTF-8 sequence (no overlong forms, no surrogates, nothing above U+10FFFF).
    static func firstInvalid(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        var i = start
        let n = bytes.count
        guard let base = bytes.baseAddress else { return nil }
        while i < n {
            // Eight ASCII bytes at a time, most of a report being ASCII.
            while i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            guard i < n else { break }
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            var need = 0
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; high = 0x9F
            case 0xF0: need = 3; low = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; high = 0x8F
            default: return i
            }
            guard i + need < n else { return i }
            let second = bytes[i + 1]
            guard second >= low, second <= high else { return i }
            for k in 2..<(need + 1) where bytes[i + k] < 0x80 || bytes[i + k] > 0xBF { return i }
            i += need + 1
        }
        return nil
    }
}
