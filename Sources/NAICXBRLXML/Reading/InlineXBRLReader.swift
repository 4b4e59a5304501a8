import CLibXML2
import Foundation
@_spi(Stages) import NAICXBRLCore

/// Reads an Inline XBRL 1.1 document into the XBRL 2.1 instance it stands for (the "target
/// document" of the Inline XBRL specification): the header's schemaRef, role references,
/// contexts and units, every `ix:nonFraction` and `ix:nonNumeric` fact (shown or hidden) with
/// its value worked out from the printed text by its format, scale and sign, and the
/// `ix:footnote`s with their `ix:relationship`s as a footnote link.
///
/// `import`, `validate` and `check` then read that instance as they read any other, so an
/// Inline XBRL document is validated against the same schemas and imported to the same model.
/// The document is parsed as XML (XHTML), with no DTD and nothing loaded.
package enum InlineXBRLReader {
    static let ix = "http://www.xbrl.org/2013/inlineXBRL"
    static let xhtml = "http://www.w3.org/1999/xhtml"

    /// Whether `bytes` looks like an Inline XBRL document: its start declares the Inline XBRL
    /// namespace (an XBRL instance does not).
    package static func isInline(_ bytes: [UInt8]) -> Bool {
        let start = String(decoding: bytes.prefix(8192), as: UTF8.self)
        return start.contains(ix) && (start.contains("<html") || start.contains(":html"))
    }

    package struct Extraction: Sendable {
        /// The XBRL instance, or nil when the document is not well-formed or holds no header.
        package var instance: [UInt8]?
        /// What is wrong with the document: not well-formed, an unknown transformation, a
        /// continuation that leads nowhere.
        package var issues: [Diagnostic]
        package var factCount: Int
    }

    package static func extract(_ bytes: [UInt8], name: String) -> Extraction {
        let operation = XMLOperation(defaultFile: name)
        return operation.perform {
            let tree = bytes.withUnsafeBytes { XMLDocumentTree.parse($0, name: name, refusingDoctype: true, operation: operation) }
            guard let tree, let root = tree.root else {
                return Extraction(instance: nil, issues: operation.issues, factCount: 0)
            }
            var reader = Reader(name: name, document: tree.pointer)
            reader.read(root)
            let instance = reader.instance(root)
            return Extraction(instance: instance, issues: operation.issues + reader.issues, factCount: reader.facts.count)
        }
    }

    /// `digits` (a decimal without sign) times 10^exponent, as a decimal string.
    /// The largest scale read (either way): more than any amount a statement prints needs.
    static let maximumScale = 64

    static func shifted(_ digits: String, by exponent: Int) -> String {
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        var whole = String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        if exponent > 0 {
            let moved = min(exponent, fraction.count)
            whole += fraction.prefix(moved)
            fraction = String(fraction.dropFirst(moved))
            whole += String(repeating: "0", count: exponent - moved)
        } else {
            let moved = min(-exponent, whole.count)
            fraction = String(whole.suffix(moved)) + fraction
            whole = String(whole.dropLast(moved))
            fraction = String(repeating: "0", count: -exponent - moved) + fraction
        }
        while whole.count > 1, whole.first == "0" { whole.removeFirst() }
        if whole.isEmpty { whole = "0" }
        return fraction.isEmpty ? whole : whole + "." + fraction
    }

    private struct Reader {
        let name: String
        let document: xmlDocPtr
        var issues: [Diagnostic] = []
        var schemaRefs: [xmlNodePtr] = []
        var resources: [xmlNodePtr] = []
        var relationships: [xmlNodePtr] = []
        var facts: [xmlNodePtr] = []
        var footnotes: [String: xmlNodePtr] = [:]
        var continuations: [String: xmlNodePtr] = [:]
        var sawHeader = false

        init(name: String, document: xmlDocPtr) {
            self.name = name
            self.document = document
        }

        mutating func issue(_ node: xmlNodePtr?, _ message: String) {
            issues.append(Diagnostic(.error, .schemaInvalid, file: name, line: node.map { Int(xmlGetLineNo($0)) }, message))
        }

        /// Collects the Inline XBRL elements, in document order.
        mutating func read(_ root: xmlNodePtr) {
            var stack: [xmlNodePtr] = [root]
            while let node = stack.popLast() {
                if hasName(node, ix, nil) {
                    switch node.pointee.localName {
                    case "header": sawHeader = true
                    case "nonFraction", "nonNumeric": facts.append(node)
                    case "fraction", "tuple": issue(node, "ix:\(node.pointee.localName) is not read: the taxonomy has no fractions or tuples")
                    case "footnote": if let id = attribute("id", of: node) { footnotes[id] = node }
                    case "continuation": if let id = attribute("id", of: node) { continuations[id] = node }
                    case "relationship": relationships.append(node)
                    case "references":
                        for child in elementChildren(of: node) where hasName(child, XBRLNamespace.link, "schemaRef") { schemaRefs.append(child) }
                    case "resources":
                        for child in elementChildren(of: node) where !hasName(child, ix, "relationship") { resources.append(child) }
                    default: break
                    }
                }
                // Children in reverse, so that they come off the stack in document order.
                var children = elementChildren(of: node)
                children.reverse()
                stack.append(contentsOf: children)
            }
        }

        /// The text of `node` as a fact's value: its descendants' text, without `ix:exclude`d
        /// content, then the text of the continuations it is continued at.
        mutating func text(of node: xmlNodePtr) -> String {
            var out = ""
            func collect(_ node: xmlNodePtr) {
                var child = node.pointee.children
                while let current = child {
                    if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE {
                        if let content = current.pointee.content { out += String(cString: content) }
                    } else if current.pointee.type == XML_ELEMENT_NODE, !hasName(current, ix, "exclude") {
                        collect(current)
                    }
                    child = current.pointee.next
                }
            }
            collect(node)
            var seen: Set<String> = []
            var next = attribute("continuedAt", of: node)
            while let id = next {
                guard !seen.contains(id), let continuation = continuations[id] else {
                    issue(node, "continuedAt=\"\(id)\" names no ix:continuation (or a chain that loops)")
                    break
                }
                seen.insert(id)
                collect(continuation)
                next = attribute("continuedAt", of: continuation)
            }
            return out
        }

        /// The namespace URI of `qname`'s prefix at `node`.
        func namespace(of qname: String, at node: xmlNodePtr) -> (prefix: String, uri: String, local: String)? {
            let parts = qname.split(separator: ":", maxSplits: 1).map(String.init)
            let prefix = parts.count == 2 ? parts[0] : ""
            let local = parts.count == 2 ? parts[1] : parts[0]
            guard let ns = xmlSearchNs(document, node, prefix.isEmpty ? nil : prefix), let href = ns.pointee.href else { return nil }
            return (prefix, String(cString: href), local)
        }

        /// The instance: a root declaring the document root's namespaces, then the schemaRef,
        /// role references, contexts and units as written, the facts, and the footnote link.
        mutating func instance(_ root: xmlNodePtr) -> [UInt8]? {
            guard sawHeader else {
                issue(root, "the document has no ix:header: it is not an Inline XBRL document")
                return nil
            }
            var xml = XMLBytes(capacity: 1 << 20)
            let declared = writeRoot(root, into: &xml)
            for node in schemaRefs + resources.filter({ hasName($0, XBRLNamespace.link, nil) }) + resources.filter({ !hasName($0, XBRLNamespace.link, nil) }) {
                xml.raw("  ")
                xml.raw(serialized(node))
                xml.raw("\n")
            }
            let factIDs = writeFacts(declared: declared, into: &xml)
            writeFootnoteLinks(factIDs: factIDs, into: &xml)
            xml.raw("</xbrli:xbrl>\n")
            for text in xml.unwritable { issue(nil, "the text \"\(text.prefix(60))\" holds a character XML cannot hold") }
            return xml.bytes
        }

        /// Opens the instance's root, declaring the document root's namespaces and those the
        /// instance needs; returns the prefixes declared.
        func writeRoot(_ root: xmlNodePtr, into xml: inout XMLBytes) -> Set<String> {
            xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xbrli:xbrl")
            var declared: Set<String> = []
            var ns = root.pointee.nsDef
            while let current = ns {
                if let prefix = current.pointee.prefix, let href = current.pointee.href {
                    let p = String(cString: prefix)
                    declared.insert(p)
                    xml.raw(" xmlns:")
                    xml.raw(p)
                    xml.raw("=\"")
                    xml.raw(XMLBytes.escapedAttributeValue(String(cString: href)))
                    xml.raw("\"")
                }
                ns = current.pointee.next
            }
            for (prefix, uri) in [("xbrli", XBRLNamespace.xbrli), ("link", XBRLNamespace.link), ("xlink", XBRLNamespace.xlink),
                                  ("xsi", XBRLNamespace.xsi)] where !declared.contains(prefix) {
                xml.raw(" xmlns:")
                xml.raw(prefix)
                xml.raw("=\"")
                xml.raw(uri)
                xml.raw("\"")
                declared.insert(prefix)
            }
            xml.raw(">\n")
            return declared
        }

        /// The facts, each as an instance's element; returns the ids of the facts written.
        mutating func writeFacts(declared: Set<String>, into xml: inout XMLBytes) -> Set<String> {
            var factIDs: Set<String> = []
            var contextIDs: Set<String> = [], unitIDs: Set<String> = []
            for node in resources {
                guard let id = attribute("id", of: node) else { continue }
                if hasName(node, XBRLNamespace.xbrli, "context") { contextIDs.insert(id) }
                if hasName(node, XBRLNamespace.xbrli, "unit") { unitIDs.insert(id) }
            }
            for node in facts {
                // Inline XBRL 1.1: a fact's context and unit are in the header's resources.
                if let context = attribute("contextRef", of: node), !contextIDs.contains(context) {
                    issue(node, "contextRef=\"\(context)\" names no xbrli:context of the ix:resources")
                }
                if node.pointee.localName == "nonFraction", let unit = attribute("unitRef", of: node), !unitIDs.contains(unit) {
                    issue(node, "unitRef=\"\(unit)\" names no xbrli:unit of the ix:resources")
                }
                writeFact(node, declared: declared, factIDs: &factIDs, into: &xml)
            }
            return factIDs
        }

        /// A fact as an instance's element: its name, id, context, unit, decimals and value (the
        /// printed value transformed by its format and scale).
        @inline(__always)
        mutating func writeFact(_ node: xmlNodePtr, declared: Set<String>, factIDs: inout Set<String>, into xml: inout XMLBytes) {
            guard let qname = attribute("name", of: node), let (prefix, uri, local) = namespace(of: qname, at: node) else {
                issue(node, "a fact's name is missing or its prefix is not declared")
                return
            }
            let numeric = node.pointee.localName == "nonFraction"
            let isNil = attribute("nil", namespace: XBRLNamespace.xsi, of: node) == "true"
            let tag = prefix.isEmpty ? local : prefix + ":" + local
            xml.raw("  <")
            xml.raw(tag)
            if !declared.contains(prefix) {
                xml.raw(prefix.isEmpty ? " xmlns=\"" : " xmlns:\(prefix)=\"")
                xml.raw(XMLBytes.escapedAttributeValue(uri))
                xml.raw("\"")
            }
            if let id = attribute("id", of: node) {
                factIDs.insert(id)
                xml.attribute("id", id)
            }
            if let context = attribute("contextRef", of: node) { xml.attribute("contextRef", context) }
            if numeric, let unit = attribute("unitRef", of: node) { xml.attribute("unitRef", unit) }
            if isNil {
                xml.raw(" xsi:nil=\"true\"/>\n")
                return
            }
            if numeric {
                if let decimals = attribute("decimals", of: node) { xml.attribute("decimals", decimals) }
                if let precision = attribute("precision", of: node) { xml.attribute("precision", precision) }
            }
            let printed = text(of: node)
            let value: String?
            if numeric {
                value = numericValue(printed, format: attribute("format", of: node), scale: attribute("scale", of: node),
                                     negative: attribute("sign", of: node) == "-", at: node)
            } else {
                value = nonNumericValue(printed, format: attribute("format", of: node), at: node)
            }
            xml.raw(">")
            xml.text(value ?? printed)
            xml.raw("</")
            xml.raw(tag)
            xml.raw(">\n")
        }

        /// A relationship between facts and footnotes: the ids it links from and to, and its arcrole.
        typealias FootnoteRelationship = (from: [String], to: [String], arcrole: String)

        /// Footnotes and their relationships, as one footnote link per link role.
        mutating func writeFootnoteLinks(factIDs: Set<String>, into xml: inout XMLBytes) {
            var links: [String: [FootnoteRelationship]] = [:]
            var linkOrder: [String] = []
            for node in relationships {
                let role = attribute("linkRole", of: node) ?? "http://www.xbrl.org/2003/role/link"
                let arcrole = attribute("arcrole", of: node) ?? "http://www.xbrl.org/2003/arcrole/fact-footnote"
                let from = (attribute("fromRefs", of: node) ?? "").split(separator: " ").map(String.init)
                let to = (attribute("toRefs", of: node) ?? "").split(separator: " ").map(String.init)
                if links[role] == nil { linkOrder.append(role) }
                links[role, default: []].append((from, to, arcrole))
            }
            for role in linkOrder {
                xml.raw("  <link:footnoteLink xlink:type=\"extended\"")
                xml.attribute("xlink:role", role)
                xml.raw(">\n")
                var located: Set<String> = []
                var resources: Set<String> = []
                for relationship in links[role] ?? [] {
                    for id in relationship.from + relationship.to where !located.contains(id) && !resources.contains(id) {
                        writeFootnoteOrLocator(id, factIDs: factIDs, located: &located, resources: &resources, into: &xml)
                    }
                    for from in relationship.from {
                        for to in relationship.to where (located.contains(from) || resources.contains(from)) && (located.contains(to) || resources.contains(to)) {
                            xml.raw("    <link:footnoteArc xlink:type=\"arc\"")
                            xml.attribute("xlink:arcrole", relationship.arcrole)
                            xml.attribute("xlink:from", from)
                            xml.attribute("xlink:to", to)
                            xml.raw("/>\n")
                        }
                    }
                }
                xml.raw("  </link:footnoteLink>\n")
            }
        }

        /// What a relationship's id names in a footnote link: a footnote (its resource, with its
        /// role, language and text) or a fact (a locator to it); an issue where it names neither.
        mutating func writeFootnoteOrLocator(_ id: String, factIDs: Set<String>, located: inout Set<String>, resources: inout Set<String>,
                                             into xml: inout XMLBytes) {
            if let footnote = footnotes[id] {
                resources.insert(id)
                xml.raw("    <link:footnote xlink:type=\"resource\"")
                xml.attribute("xlink:label", id)
                xml.attribute("xlink:role", attribute("footnoteRole", of: footnote) ?? "http://www.xbrl.org/2003/role/footnote")
                let lang = xmlNodeGetLang(footnote).map { p -> String in
                    defer { naicxbrl_xmlFree(p) }
                    return String(cString: p)
                } ?? "en"
                xml.attribute("xml:lang", lang)
                xml.raw(">")
                xml.text(text(of: footnote))
                xml.raw("</link:footnote>\n")
            } else if factIDs.contains(id) {
                located.insert(id)
                xml.raw("    <link:loc xlink:type=\"locator\"")
                xml.attribute("xlink:href", "#" + id)
                xml.attribute("xlink:label", id)
                xml.raw("/>\n")
            } else {
                issue(nil, "ix:relationship names \(id), which is no fact or footnote of the document")
            }
        }

        /// `node` as XML, its prefixes as they are (declared on the instance's root).
        func serialized(_ node: xmlNodePtr) -> [UInt8] {
            guard let buffer = xmlBufferCreate() else { return [] }
            defer { xmlBufferFree(buffer) }
            xmlNodeDump(buffer, document, node, 0, 0)
            guard let content = xmlBufferContent(buffer) else { return [] }
            return [UInt8](UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
        }

        /// The value of an `ix:nonFraction`: the printed number read by its format, times
        /// 10^scale, negated by `sign="-"`. Exact: digits are moved, never multiplied in floating point.
        mutating func numericValue(_ printed: String, format: String?, scale: String?, negative: Bool, at node: xmlNodePtr) -> String? {
            let trimmed = printed.trimmingCharacters(in: .whitespacesAndNewlines)
            let local = format.map { $0.split(separator: ":").last.map(String.init) ?? $0 }
            var digits: String
            switch local {
            case nil:
                digits = trimmed
            case "num-dot-decimal", "numdotdecimal", "num-comma-decimal", "numcommadecimal":
                let decimalMark: Character = local!.contains("comma") ? "," : "."
                var whole = "", fraction = "", inFraction = false
                for ch in trimmed {
                    if ch.isASCII, ch.isNumber { if inFraction { fraction.append(ch) } else { whole.append(ch) } } else if ch == decimalMark { inFraction = true }
                }
                digits = fraction.isEmpty ? whole : whole + "." + fraction
            case "fixed-zero", "zerodash", "fixed-empty":
                digits = "0"
            default:
                issue(node, "the format \(format ?? "") is not a transformation this reader knows")
                return nil
            }
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) else {
                issue(node, "'\(printed)' is not a number in the format \(format ?? "(none)")")
                return nil
            }
            if let scale {
                // A scale moves the point; one far beyond any amount would only make a string of
                // that many zeros (a hostile document's way to exhaust memory).
                let bound = InlineXBRLReader.maximumScale
                guard let exponent = Int(scale), exponent >= -bound, exponent <= bound else {
                    issue(node, "the scale \"\(scale.prefix(24))\" is not a whole number from -\(bound) to \(bound)")
                    return nil
                }
                if exponent != 0 { digits = InlineXBRLReader.shifted(digits, by: exponent) }
            }
            return negative && digits.contains(where: { $0 != "0" && $0 != "." }) ? "-" + digits : digits
        }

        mutating func nonNumericValue(_ printed: String, format: String?, at node: xmlNodePtr) -> String? {
            guard let format else { return printed }
            let local = format.split(separator: ":").last.map(String.init) ?? format
            switch local {
            case "fixed-true", "booleantrue": return "true"
            case "fixed-false", "booleanfalse": return "false"
            case "fixed-empty": return ""
            case "date-month-day-year", "datemonthdayyear":
                let numbers = printed.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
                guard numbers.count == 3, let date = Optional(CalendarDate(year: numbers[2] < 100 ? 2000 + numbers[2] : numbers[2], month: numbers[0], day: numbers[1])),
                      date.isValid else {
                    issue(node, "'\(printed)' is not a date in the format \(format)")
                    return nil
                }
                return date.description
            default:
                issue(node, "the format \(format) is not a transformation this reader knows")
                return nil
            }
        }
    }
}
