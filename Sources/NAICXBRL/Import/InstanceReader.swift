import CLibXML2
import Foundation

/// An instance document read into plain values: contexts, units, facts and footnotes.
///
/// Nothing is resolved against the taxonomy yet; ``FactImporter`` does that.
public struct RawInstance: Sendable {
    public struct RawFact: Sendable {
        public var namespace: String
        public var concept: String
        public var contextRef: String?
        public var unitRef: String?
        public var decimals: String?
        public var isNil: Bool
        public var id: String?
        public var value: String
        public var line: Int
    }

    public var schemaRefs: [String] = []
    public var contexts: [String: FactContext] = [:]
    public var contextLines: [String: Int] = [:]
    /// The entity identifier of each context, to check that one entity reports.
    public var entities: [String: String] = [:]
    public var units: [String: [String]] = [:]
    public var facts: [RawFact] = []
    /// Footnote text of the printed-form role, by the id of the fact it annotates.
    public var printedForms: [String: String] = [:]
    /// Footnote text of the standard footnote role, by fact id. Processors that rewrite an
    /// instance (Arelle through xBRL-JSON) keep footnotes but not their custom roles.
    public var footnotes: [String: String] = [:]
    public var issues: [Diagnostic] = []
}

/// Reads an XBRL instance with libxml2's streaming reader (`xmlTextReader`): memory grows with
/// the facts kept, not with a tree of the whole document.
///
/// Parsing is safe for untrusted input: no DTD is loaded or accepted, no entity is expanded, no
/// network or file is touched (the process-wide loader refuses every URL it does not serve from
/// memory), and libxml2's default limits on depth and text size stay on.
public enum InstanceReader {
    static let xbrli = "http://www.xbrl.org/2003/instance"
    static let link = "http://www.xbrl.org/2003/linkbase"
    static let xlink = "http://www.w3.org/1999/xlink"
    static let xbrldi = "http://xbrl.org/2006/xbrldi"
    static let xsi = "http://www.w3.org/2001/XMLSchema-instance"

    /// Reads `bytes`; `name` names the document in diagnostics and is never opened.
    public static func read(_ bytes: [UInt8], name: String, taxonomyNamespace: String, printedFormRole: String) -> RawInstance {
        XMLEnvironment.prepare()
        var instance = RawInstance()
        let collector = ErrorCollector(file: name)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_BIG_LINES.rawValue)
        let reader: xmlTextReaderPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlReaderForMemory($0, Int32(clamping: buffer.count), nil, nil, options)
                }
            }
        }
        guard let reader else {
            instance.issues.append(Diagnostic(.error, .invalidXML, file: name, line: nil, "the document is empty or cannot be read as XML"))
            return instance
        }
        defer { xmlFreeTextReader(reader) }
        xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
            guard let context, let error else { return }
            Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue().record(error)
        }, Unmanaged.passUnretained(collector).toOpaque())

        var state = ReaderState(reader: reader, taxonomyNamespace: taxonomyNamespace, printedFormRole: printedFormRole, file: name)
        state.run(into: &instance)
        instance.issues += collector.issues
        return instance
    }

    final class ErrorCollector {
        let file: String
        var issues: [Diagnostic] = []
        init(file: String) { self.file = file }

        func record(_ pointer: UnsafeMutablePointer<xmlError>) {
            let error = pointer.pointee
            guard issues.count < 100 else { return }
            var message = error.message.map { String(cString: $0) } ?? "XML error"
            while message.hasSuffix("\n") { message.removeLast() }
            issues.append(Diagnostic(.error, .invalidXML, file: file, line: error.line > 0 ? Int(error.line) : nil, message))
        }
    }
}

/// The reader's walk through the document, depth by depth.
private struct ReaderState {
    let reader: xmlTextReaderPtr
    let taxonomyNamespace: String
    let printedFormRole: String
    let file: String
    /// Interned names: libxml2 hands out the same pointer for the same name, so each name is
    /// turned into a Swift string once.
    var names: [UnsafePointer<xmlChar>: String] = [:]
    var footnoteLocs: [String: [String]] = [:]
    var footnoteTexts: [String: (text: String, printedForm: Bool)] = [:]
    var footnoteArcs: [(String, String)] = []

    init(reader: xmlTextReaderPtr, taxonomyNamespace: String, printedFormRole: String, file: String) {
        self.reader = reader
        self.taxonomyNamespace = taxonomyNamespace
        self.printedFormRole = printedFormRole
        self.file = file
    }

    mutating func name(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        if let known = names[pointer] { return known }
        let s = String(cString: pointer)
        names[pointer] = s
        return s
    }

    var localName: String { mutating get { name(xmlTextReaderConstLocalName(reader)) } }
    var namespace: String { mutating get { name(xmlTextReaderConstNamespaceUri(reader)) } }
    /// The line of the current node (not the parser's read-ahead position).
    var line: Int {
        if let node = xmlTextReaderCurrentNode(reader) {
            let n = xmlGetLineNo(node)
            if n > 0 { return Int(n) }
        }
        return Int(xmlTextReaderGetParserLineNumber(reader))
    }

    func attribute(_ local: String, _ ns: String? = nil) -> String? {
        let value = ns.map { xmlTextReaderGetAttributeNs(reader, local, $0) } ?? xmlTextReaderGetAttribute(reader, local)
        guard let value else { return nil }
        defer { naicxbrl_xmlFree(value) }
        return String(cString: value)
    }

    /// A fact: its attributes in one pass over them (no copies of names), then its text.
    mutating func readFact(namespace: String, concept: String) -> RawInstance.RawFact {
        let factLine = line
        var fact = RawInstance.RawFact(namespace: namespace, concept: concept, contextRef: nil, unitRef: nil, decimals: nil,
                                       isNil: false, id: nil, value: "", line: factLine)
        let isEmpty = xmlTextReaderIsEmptyElement(reader) != 0
        if xmlTextReaderMoveToFirstAttribute(reader) == 1 {
            repeat {
                let attributeNamespace = xmlTextReaderConstNamespaceUri(reader)
                let local = name(xmlTextReaderConstLocalName(reader))
                guard let value = xmlTextReaderConstValue(reader) else { continue }
                if attributeNamespace == nil {
                    switch local {
                    case "contextRef": fact.contextRef = String(cString: value)
                    case "unitRef": fact.unitRef = String(cString: value)
                    case "decimals": fact.decimals = String(cString: value)
                    case "id": fact.id = String(cString: value)
                    default: break
                    }
                } else if local == "nil", name(attributeNamespace) == InstanceReader.xsi {
                    let text = String(cString: value).trimmingCharacters(in: .whitespaces)
                    fact.isNil = text == "true" || text == "1"
                }
            } while xmlTextReaderMoveToNextAttribute(reader) == 1
            xmlTextReaderMoveToElement(reader)
        }
        if !isEmpty { fact.value = elementText() }
        return fact
    }

    /// The text of the current element, read node by node up to its end tag (which is
    /// consumed). Child elements' text is included, as for `xmlTextReaderReadString`.
    func elementText() -> String {
        let depth = xmlTextReaderDepth(reader)
        var text = ""
        while xmlTextReaderRead(reader) == 1 {
            let type = xmlTextReaderNodeType(reader)
            if type == 15, xmlTextReaderDepth(reader) == depth { break } // the end tag
            if type == 3 || type == 4 || type == 13 || type == 14, let value = xmlTextReaderConstValue(reader) {
                // text, CDATA, whitespace, significant whitespace
                if text.isEmpty { text = String(cString: value) } else { text += String(cString: value) }
            }
        }
        return text
    }

    /// The text content of the current element (its descendants' text, joined).
    func text() -> String {
        guard xmlTextReaderIsEmptyElement(reader) == 0, let value = xmlTextReaderReadString(reader) else { return "" }
        defer { naicxbrl_xmlFree(value) }
        return String(cString: value)
    }

    /// Resolves `prefix:local` against the namespaces in scope at the current node.
    func resolve(_ qname: String) -> (namespace: String, local: String)? {
        let parts = qname.split(separator: ":", maxSplits: 1)
        let prefix: String? = parts.count == 2 ? String(parts[0]) : nil
        let local = String(parts.last ?? "")
        guard let uri = xmlTextReaderLookupNamespace(reader, prefix) else { return nil }
        defer { naicxbrl_xmlFree(uri) }
        return (String(cString: uri), local)
    }

    mutating func issue(_ message: String, line: Int? = nil) -> Diagnostic {
        Diagnostic(.error, .importError, file: file, line: line ?? self.line, message)
    }

    mutating func run(into instance: inout RawInstance) {
        var sawRoot = false
        while true {
            let status = xmlTextReaderRead(reader)
            if status != 1 { if status < 0 { markFailed(&instance) }; break }
            let type = xmlTextReaderNodeType(reader)
            if type == 10 { // XML_READER_TYPE_DOCUMENT_TYPE
                instance.issues.append(issue("a DOCTYPE is not accepted in an XBRL instance; nothing it declares was loaded"))
                return
            }
            guard type == 1 else { continue } // elements
            let depth = xmlTextReaderDepth(reader)
            if depth == 0 {
                sawRoot = true
                if localName != "xbrl" || namespace != InstanceReader.xbrli {
                    instance.issues.append(issue("the root element is not xbrli:xbrl; this is not an XBRL instance"))
                    return
                }
                continue
            }
            guard depth == 1 else { continue }
            let ns = namespace, local = localName
            switch (ns, local) {
            case (InstanceReader.link, "schemaRef"):
                if let href = attribute("href", InstanceReader.xlink) { instance.schemaRefs.append(href) }
            case (InstanceReader.xbrli, "context"):
                readContext(into: &instance)
            case (InstanceReader.xbrli, "unit"):
                readUnit(into: &instance)
            case (InstanceReader.link, "footnoteLink"):
                readFootnotes()
            case (InstanceReader.link, _):
                continue
            default:
                instance.facts.append(readFact(namespace: ns, concept: local))
            }
        }
        if !sawRoot && instance.issues.isEmpty {
            instance.issues.append(Diagnostic(.error, .invalidXML, file: file, line: nil, "the document has no root element"))
        }
        for (from, to) in footnoteArcs {
            guard let footnote = footnoteTexts[to] else { continue }
            for id in footnoteLocs[from] ?? [] {
                if footnote.printedForm { instance.printedForms[id] = footnote.text } else { instance.footnotes[id] = footnote.text }
            }
        }
    }

    private func markFailed(_ instance: inout RawInstance) {
        if instance.issues.isEmpty {
            instance.issues.append(Diagnostic(.error, .invalidXML, file: file, line: Int(xmlTextReaderGetParserLineNumber(reader)), "the document is not well-formed XML"))
        }
    }

    /// Reads elements below the current one until its end, calling `body` at each element.
    private mutating func children(_ body: (inout ReaderState, Int32) -> Void) {
        guard xmlTextReaderIsEmptyElement(reader) == 0 else { return }
        let depth = xmlTextReaderDepth(reader)
        while xmlTextReaderRead(reader) == 1 {
            let type = xmlTextReaderNodeType(reader)
            let d = xmlTextReaderDepth(reader)
            if type == 15, d == depth { return } // end of the element
            if type == 1 { body(&self, d) }
        }
    }

    private mutating func readContext(into instance: inout RawInstance) {
        let contextLine = line
        guard let id = attribute("id") else {
            instance.issues.append(issue("a context has no id"))
            return
        }
        var explicit: [String: String] = [:]
        var typed: [String: String] = [:]
        var instant: String?, start: String?, end: String?
        var entity = ""
        var problems: [Diagnostic] = []
        let taxonomy = taxonomyNamespace
        children { state, depth in
            let local = state.localName
            switch local {
            case "identifier": entity = state.text().trimmingCharacters(in: .whitespacesAndNewlines)
            case "instant": instant = state.text()
            case "startDate": start = state.text()
            case "endDate": end = state.text()
            case "explicitMember":
                guard let dimension = state.attribute("dimension").flatMap(state.resolve) else {
                    problems.append(state.issue("an explicit member's dimension does not resolve")); return
                }
                let memberText = state.text().trimmingCharacters(in: .whitespacesAndNewlines)
                guard let member = state.resolve(memberText), dimension.namespace == taxonomy, member.namespace == taxonomy else {
                    problems.append(state.issue("dimension \(dimension.local) or member \(memberText) is not in the taxonomy's namespace")); return
                }
                explicit[dimension.local] = member.local
            case "typedMember":
                guard let dimension = state.attribute("dimension").flatMap(state.resolve), dimension.namespace == taxonomy else {
                    problems.append(state.issue("a typed member's dimension is not in the taxonomy's namespace")); return
                }
                typed[dimension.local] = state.text().trimmingCharacters(in: .whitespacesAndNewlines)
            default: break
            }
        }
        instance.issues += problems
        guard let period = Self.period(instant: instant, start: start, end: end) else {
            instance.issues.append(issue("context \(id) has no period or a period that is not a date", line: contextLine))
            return
        }
        instance.contexts[id] = FactContext(period: period, explicit: explicit, typed: typed)
        instance.contextLines[id] = contextLine
        instance.entities[id] = entity
    }

    /// XBRL periods are dates or date-times: `2011-07-01T00:00:00` as an instant or an end date
    /// is the end of 2011-06-30; as a start date it is the start of 2011-07-01.
    static func period(instant: String?, start: String?, end: String?) -> Period? {
        func date(_ text: String, isEnd: Bool) -> CalendarDate? {
            let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard t.count >= 10, let d = CalendarDate(iso: t.prefix(10)) else { return nil }
            let rest = t.dropFirst(10)
            if rest.isEmpty || rest == "Z" { return d }
            guard rest.hasPrefix("T") else { return nil }
            var time = rest.dropFirst()
            if time.hasSuffix("Z") { time = time.dropLast() }
            if isEnd, time == "00:00:00" || time == "00:00" || time == "00:00:00.0" { return d.adding(days: -1) }
            return d
        }
        if let instant { return date(instant, isEnd: true).map { Period.instant($0) } }
        guard let start, let end, let s = date(start, isEnd: false), let e = date(end, isEnd: true) else { return nil }
        return .duration(start: s, end: e)
    }

    private mutating func readUnit(into instance: inout RawInstance) {
        guard let id = attribute("id") else { return }
        var measures: [String] = []
        children { state, _ in
            if state.localName == "measure" {
                let text = state.text().trimmingCharacters(in: .whitespacesAndNewlines)
                if let resolved = state.resolve(text) { measures.append("{\(resolved.namespace)}\(resolved.local)") } else { measures.append(text) }
            }
        }
        instance.units[id] = measures
    }

    private mutating func readFootnotes() {
        let role = printedFormRole
        var locs: [String: [String]] = [:]
        var texts: [String: (String, Bool)] = [:]
        var arcs: [(String, String)] = []
        children { state, _ in
            switch state.localName {
            case "loc":
                if let label = state.attribute("label", InstanceReader.xlink), let href = state.attribute("href", InstanceReader.xlink),
                   let hash = href.firstIndex(of: "#") {
                    locs[label, default: []].append(String(href[href.index(after: hash)...]))
                }
            case "footnote":
                if let label = state.attribute("label", InstanceReader.xlink) {
                    texts[label] = (state.text(), state.attribute("role", InstanceReader.xlink) == role)
                }
            case "footnoteArc":
                if let from = state.attribute("from", InstanceReader.xlink), let to = state.attribute("to", InstanceReader.xlink) {
                    arcs.append((from, to))
                }
            default: break
            }
        }
        // Labels are local to one extended link. Every arc from a label gives its footnote to
        // all the facts the label locates, each arc overwriting the one before, so only the last
        // arc from a label (per kind of footnote) decides anything. Keeping the others would make
        // the work arcs × locators, the square of the document's size (3 MB of one label's arcs
        // and locators took 20 s).
        var lastArc: [String: Int] = [:]
        for (index, (from, to)) in arcs.enumerated() {
            guard let text = texts[to] else { continue }
            lastArc[(text.1 ? "p:" : "f:") + from] = index
        }
        for (index, (from, to)) in arcs.enumerated() {
            guard let text = texts[to], lastArc[(text.1 ? "p:" : "f:") + from] == index else { continue }
            let key = "\(footnoteArcs.count)"
            footnoteTexts[key] = (text.0, text.1)
            footnoteLocs[key] = locs[from] ?? []
            footnoteArcs.append((key, key))
        }
    }
}
