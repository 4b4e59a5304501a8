import Foundation
import NAICXBRLCore

/// Counts, as an XML document's bytes are read, what libxml2 would otherwise take in without
/// bound and at a cost that grows faster than the input: attributes and namespace declarations
/// on one element (libxml2 2.9 checks each against all the others), and the bytes of one text
/// node or attribute value. The document is refused at the first byte past a limit, before the
/// parser has it.
///
/// A lexical scan, not a parser: it knows comments, CDATA sections, processing instructions,
/// declarations and quoted attribute values, which is all it takes to find where a start tag's
/// attributes are. It reads UTF-8 and the ASCII-compatible encodings, and UTF-16 in either byte
/// order (told by the byte order mark or by the first `<`).
struct MarkupLimits {
    let limits: Limits
    private(set) var refusal: String?

    private enum State {
        case content, tagStart, tag, value(UInt16), endTag, bang, comment, cdata, declaration, instruction
    }

    private var state = State.content
    /// 1 for byte-wide encodings, 2 for UTF-16; 0 until the first bytes tell.
    private var unitWidth = 0
    private var bigEndian = false
    private var pendingByte: UInt8?
    private var head: [UInt8] = []
    private var attributes = 0
    private var namespaces = 0
    private var run = 0
    /// The first characters of the attribute name being read (to see `xmlns`), and whether a
    /// name has started since the last value.
    private var name: [UInt16] = []
    private var inName = false
    /// The last few characters, for `-->`, `]]>`, `?>` and `<!--`, `<![CDATA[`.
    private var recent: [UInt16] = []

    init(limits: Limits = .current) {
        self.limits = limits
    }

    /// Reads the next bytes of the document; false once a limit is passed (``refusal`` says which).
    mutating func read(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard refusal == nil else { return false }
        var index = 0
        while index < bytes.count {
            // Text and attribute values, most of a document, are passed over to their end.
            if unitWidth == 1, let base = bytes.baseAddress {
                var stop: UInt8?
                switch state {
                case .content: stop = 0x3C
                case .value(let quote): stop = UInt8(quote)
                default: break
                }
                if let stop {
                    let found = memchr(base + index, Int32(stop), bytes.count - index)
                    let end = found.map { base.distance(to: UnsafeRawPointer($0)) } ?? bytes.count
                    run += end - index
                    if run > limits.xmlTextBytes {
                        if case .content = state { return refuse("a text node is too long", limits.xmlTextBytes, "NAICXBRL_MAX_XML_TEXT_BYTES") }
                        return refuse("an attribute value is too long", limits.xmlTextBytes, "NAICXBRL_MAX_XML_TEXT_BYTES")
                    }
                    index = end
                    // The `<` or the quote itself is read as markup below.
                    guard index < bytes.count else { break }
                }
            }
            let byte = bytes[index]
            index += 1
            if unitWidth == 0 {
                head.append(byte)
                guard head.count >= 2 else { continue }
                switch (head[0], head[1]) {
                case (0xFE, 0xFF), (0x00, 0x3C): (unitWidth, bigEndian) = (2, true)
                case (0xFF, 0xFE), (0x3C, 0x00): (unitWidth, bigEndian) = (2, false)
                default: unitWidth = 1
                }
                let buffered = head
                head = []
                for b in buffered where !step(byte: b) { return false }
                continue
            }
            if !step(byte: byte) { return false }
        }
        return true
    }

    /// One byte; whole UTF-16 code units are handed to ``step(_:)``.
    private mutating func step(byte: UInt8) -> Bool {
        if unitWidth == 1 { return step(UInt16(byte)) }
        guard let first = pendingByte else {
            pendingByte = byte
            return true
        }
        pendingByte = nil
        return step(bigEndian ? UInt16(first) << 8 | UInt16(byte) : UInt16(byte) << 8 | UInt16(first))
    }

    private mutating func remember(_ unit: UInt16) {
        recent.append(unit)
        if recent.count > 9 { recent.removeFirst() }
    }

    private func recentEnds(_ text: StaticString) -> Bool {
        let length = text.utf8CodeUnitCount
        guard recent.count >= length else { return false }
        let pointer = text.utf8Start
        for k in 0..<length where recent[recent.count - length + k] != UInt16(pointer[k]) { return false }
        return true
    }

    private mutating func refuse(_ what: String, _ limit: Int, _ variable: String) -> Bool {
        refusal = "\(what) (more than \(limit); \(variable) sets the limit)"
        return false
    }

    /// One more unit of a text node, CDATA section or attribute value (`what`): false, with the
    /// refusal, past the text limit.
    @inline(__always)
    private mutating func lengthen(_ what: StaticString) -> Bool {
        run += 1
        if run > limits.xmlTextBytes { return refuse("\(what) is too long", limits.xmlTextBytes, "NAICXBRL_MAX_XML_TEXT_BYTES") }
        return true
    }

    private mutating func step(_ unit: UInt16) -> Bool {
        remember(unit)
        switch state {
        case .content:
            if unit == 0x3C {
                state = .tagStart
                run = 0
            } else if !lengthen("a text node") {
                return false
            }
        case .tagStart:
            switch unit {
            case 0x21: state = .bang                       // !
            case 0x3F: state = .instruction                // ?
            case 0x2F: state = .endTag                     // /
            default:
                state = .tag
                attributes = 0
                namespaces = 0
                name = []
                inName = false
                // The element's own name is read as a name too; it is not followed by `=`.
                inName = true
                name = [unit]
            }
        case .tag:
            switch unit {
            case 0x3E:                                     // >
                state = .content
                run = 0
            case 0x22, 0x27:                               // " '
                state = .value(unit)
                run = 0
            case 0x3D:                                     // =
                attributes += 1
                if attributes > limits.xmlAttributes {
                    return refuse("an element has too many attributes", limits.xmlAttributes, "NAICXBRL_MAX_XML_ATTRIBUTES")
                }
                if name.count >= 5, name[0] == 0x78, name[1] == 0x6D, name[2] == 0x6C, name[3] == 0x6E, name[4] == 0x73,
                   name.count == 5 || name[5] == 0x3A {
                    namespaces += 1
                    if namespaces > limits.xmlNamespaces {
                        return refuse("an element declares too many namespaces", limits.xmlNamespaces, "NAICXBRL_MAX_XML_NAMESPACES")
                    }
                }
                inName = false
                name = []
            case 0x20, 0x09, 0x0A, 0x0D:
                inName = false
            default:
                if !inName {
                    inName = true
                    name = []
                }
                if name.count < 6 { name.append(unit) }
            }
        case .value(let quote):
            if unit == quote {
                state = .tag
                inName = false
                name = []
            } else if !lengthen("an attribute value") {
                return false
            }
        case .endTag:
            if unit == 0x3E { state = .content; run = 0 }
        case .bang:
            // After `<!`: `--` opens a comment, `[CDATA[` a CDATA section, anything else is a
            // declaration (a DOCTYPE, which the readers refuse).
            if recentEnds("<!--") {
                state = .comment
                recent = []
            } else if recentEnds("<![CDATA[") {
                state = .cdata
                recent = []
                run = 0
            } else if recentEnds("<!-") || recentEnds("<![") || recentEnds("<![C") || recentEnds("<![CD") || recentEnds("<![CDA")
                        || recentEnds("<![CDAT") || recentEnds("<![CDATA") {
                break
            } else if unit == 0x3E {
                state = .content
            } else if recent.count >= 3, recent[recent.count - 2] == 0x21 || recent[recent.count - 2] == 0x2D || recent[recent.count - 2] == 0x5B {
                state = .declaration
            }
        case .comment:
            if recentEnds("-->") { state = .content; run = 0 }
        case .cdata:
            if recentEnds("]]>") {
                state = .content
                run = 0
            } else if !lengthen("a text node") {
                return false
            }
        case .declaration:
            if unit == 0x3E { state = .content; run = 0 }
        case .instruction:
            if recentEnds("?>") { state = .content; run = 0 }
        }
        return true
    }
}
