import CLibXML2
import Foundation
import NAICXBRLCore

/// An instance document read into plain values: contexts, units, facts and footnotes.
///
/// Nothing is resolved against the taxonomy yet; ``FactImporter`` does that.
public struct RawInstance: Sendable {
    // Public to the stages (not `package`) so that its initializer is inlined where facts are
    // made: as a call, each fact made was copied once more.
    @_spi(Stages) public struct RawFact: Sendable {
        @_spi(Stages) public var namespace: String
        @_spi(Stages) public var concept: String
        @_spi(Stages) public var contextRef: String?
        @_spi(Stages) public var unitRef: String?
        @_spi(Stages) public var decimals: String?
        /// XBRL 2.1's other way to state a numeric fact's accuracy, instead of `decimals`.
        @_spi(Stages) public var precision: String? = nil
        @_spi(Stages) public var isNil: Bool
        @_spi(Stages) public var id: String?
        @_spi(Stages) public var value: String
        @_spi(Stages) public var line: Int

        @inlinable
        @_spi(Stages) public init(namespace: String, concept: String, contextRef: String? = nil, unitRef: String? = nil, decimals: String? = nil, precision: String? = nil, isNil: Bool, id: String? = nil, value: String, line: Int) {
            self.namespace = namespace
            self.concept = concept
            self.contextRef = contextRef
            self.unitRef = unitRef
            self.decimals = decimals
            self.precision = precision
            self.isNil = isNil
            self.id = id
            self.value = value
            self.line = line
        }
    }

    package var schemaRefs: [String] = []
    package var contexts: [String: FactContext] = [:]
    package var contextLines: [String: Int] = [:]
    /// The entity identifier of each context, to check that one entity reports.
    package var entities: [String: String] = [:]
    package var units: [String: [String]] = [:]
    package var facts = RawFacts()
    /// Footnote text of the printed-form role, by the id of the fact it annotates.
    package var printedForms: [String: String] = [:]
    /// Footnote text of the standard footnote role, by fact id. Processors that rewrite an
    /// instance (Arelle through xBRL-JSON) keep footnotes but not their custom roles.
    package var footnotes: [String: String] = [:]
    package var issues: [Diagnostic] = []

    package init(schemaRefs: [String] = [], contexts: [String: FactContext] = [:], contextLines: [String: Int] = [:], entities: [String: String] = [:], units: [String: [String]] = [:], facts: [RawFact] = [], printedForms: [String: String] = [:], footnotes: [String: String] = [:], issues: [Diagnostic] = []) {
        self.schemaRefs = schemaRefs
        self.contexts = contexts
        self.contextLines = contextLines
        self.entities = entities
        self.units = units
        self.facts = RawFacts(facts)
        self.printedForms = printedForms
        self.footnotes = footnotes
        self.issues = issues
    }
}

/// Reads an XBRL instance with libxml2's SAX2 parser: callbacks as elements start and end, no
/// tree, so memory grows with the facts kept, not with the document.
///
/// Parsing is safe for untrusted input: a DOCTYPE stops the parser the moment it starts (no DTD is
/// read, so no entity but the five predefined ones exists), no network or file is touched (the
/// process-wide loader refuses every URL it does not serve from memory), and libxml2's default
/// limits on depth stay on; an element's text is limited to 10,000,000 bytes, as libxml2 limits a
/// text node.
public enum InstanceReader {
    /// libxml2's limit on a text node without `XML_PARSE_HUGE`.
    static let maximumTextLength = 10_000_000

    /// Reads `bytes`; `name` names the document in diagnostics and is never opened.
    public static func read(_ bytes: [UInt8], name: String, taxonomyNamespace: String, printedFormRole: String) -> RawInstance {
        XMLEnvironment.prepare()
        guard !bytes.isEmpty else {
            var instance = RawInstance()
            instance.issues.append(Diagnostic(.error, .invalidXML, file: name, line: nil, "the document is empty or cannot be read as XML"))
            return instance
        }
        let reader = SAXInstanceReader(taxonomyNamespace: taxonomyNamespace, printedFormRole: printedFormRole, file: name)
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = saxStart
        handler.endElementNs = saxEnd
        handler.characters = saxCharacters
        handler.cdataBlock = saxCharacters
        handler.internalSubset = saxDoctype
        handler.serror = saxError
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_BIG_LINES.rawValue)
        bytes.withUnsafeBytes { buffer in
            let source = StreamSource(buffer)
            withExtendedLifetime((reader, source)) {
                let readerPointer = Unmanaged.passUnretained(reader).toOpaque()
                guard let context = xmlCreateIOParserCtxt(&handler, readerPointer, readStreamSource, closeStreamSource,
                                                          Unmanaged.passUnretained(source).toOpaque(), XML_CHAR_ENCODING_NONE)
                else {
                    reader.instance.issues.append(Diagnostic(.error, .invalidXML, file: name, line: nil, "the document is empty or cannot be read as XML"))
                    return
                }
                defer { freeParser(context) }
                xmlCtxtUseOptions(context, options)
                reader.parser = context
                // A fact takes about 80 bytes of an instance; a guess, not a limit.
                reader.instance.facts.reserveCapacity(min(bytes.count / 80, 50_000_000))
                _ = xmlParseDocument(context)
                if let refusal = source.refusal {
                    reader.instance.issues.append(Diagnostic(.error, .limit, file: name, line: nil, "the document was not read: \(refusal)"))
                    return
                }
                reader.finish(wellFormed: context.pointee.wellFormed != 0)
            }
        }
        return reader.instance
    }
}

/// Frees a SAX parser and the document libxml2 may have made behind the handler's back: an
/// entity declared in a DOCTYPE's internal subset is recorded in a document of its own
/// ("SAX compatibility mode") even when the parser was stopped at the DOCTYPE, and
/// `xmlFreeParserCtxt` does not free it.
func freeParser(_ context: xmlParserCtxtPtr) {
    if let document = context.pointee.myDoc {
        context.pointee.myDoc = nil
        xmlFreeDoc(document)
    }
    xmlFreeParserCtxt(context)
}

private let saxStart: startElementNsSAX2Func = { context, localName, _, uri, namespaceCount, namespaces, attributeCount, _, attributes in
    guard let context else { return }
    Unmanaged<SAXInstanceReader>.fromOpaque(context).takeUnretainedValue()
        .start(localName, uri, Int(namespaceCount), namespaces, Int(attributeCount), attributes)
}

private let saxEnd: endElementNsSAX2Func = { context, _, _, _ in
    guard let context else { return }
    Unmanaged<SAXInstanceReader>.fromOpaque(context).takeUnretainedValue().end()
}

private let saxCharacters: charactersSAXFunc = { context, characters, length in
    guard let context, let characters, length > 0 else { return }
    Unmanaged<SAXInstanceReader>.fromOpaque(context).takeUnretainedValue()
        .characters(UnsafeBufferPointer(start: characters, count: Int(length)))
}

private let saxDoctype: internalSubsetSAXFunc = { context, _, _, _ in
    guard let context else { return }
    Unmanaged<SAXInstanceReader>.fromOpaque(context).takeUnretainedValue().refuseDoctype()
}

private let saxError: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    Unmanaged<SAXInstanceReader>.fromOpaque(context).takeUnretainedValue().record(UnsafePointer(error))
}

/// The reader's state as the parser calls back: what element is open at each depth, the text
/// being collected, the namespaces in scope.
private final class SAXInstanceReader {
    let taxonomyNamespace: String
    let printedFormRole: String
    let file: String
    var instance = RawInstance()
    var parser: xmlParserCtxtPtr?

    private var errors: [Diagnostic] = []
    private var depth = 0
    private var sawRoot = false
    /// Set when reading stopped on purpose (a DOCTYPE, a root that is not xbrli:xbrl).
    private var stopped = false
    /// Interned names: libxml2 hands out the same pointer for the same name during a parse, so
    /// each name becomes a Swift string once.
    private var names: [UnsafeRawPointer: String] = [:]
    private var attributeKinds: [UnsafeRawPointer: AttributeKind] = [:]
    private var recentAttributeKinds: [(name: UnsafeRawPointer, kind: AttributeKind)] = []
    /// Namespace declarations in scope, innermost last, and how many each open element added.
    private var namespaceScope: [(prefix: String?, uri: String)] = []
    /// The depths of the open elements that declared namespaces, and how many each declared.
    private var declarations: [(depth: Int, count: Int)] = []

    /// What the element open at depth 1 is, and what is being read inside it.
    /// What is read has its own property (not a payload of the case, which would be copied on
    /// every change of a large footnote link).
    private enum Section {
        case none
        case skip
        /// `contextState` holds it.
        case context
        /// `unitID` and `unitMeasures` hold it.
        case unit
        /// `footnoteState` holds it.
        case footnotes
        /// A fact: `fact` and `factText` hold it.
        case fact
    }
    private var section = Section.none
    private var contextState = ContextState(id: "", line: 0)
    private var unitID = ""
    private var unitMeasures: [String] = []
    private var footnoteState = FootnoteState()

    private struct ContextState {
        var id: String
        var line: Int
        // Collected in dictionaries: a context of a hostile instance may have any number.
        var explicit: [String: String] = [:]
        var typed: [String: String] = [:]
        var instant: String?, start: String?, end: String?
        var entity = ""
        var problems: [Diagnostic] = []
    }

    private struct FootnoteState {
        var locs: [String: [String]] = [:]
        var texts: [String: (String, Bool)] = [:]
        var arcs: [(String, String)] = []
    }

    /// Text being collected for an element, ended at its end tag.
    private struct Capture {
        var depth: Int
        var purpose: Purpose
        var text: [UInt8] = []
        /// Attribute values the purpose needs when the text is complete.
        var first: String?
        var second: String?
    }

    private enum Purpose {
        case identifier, instant, startDate, endDate, explicitMember, typedMember, measure, footnote
    }
    private var captures: [Capture] = []
    /// The fact being read, and its text (all its descendants' text), reused from fact to fact.
    private var fact = RawInstance.RawFact(namespace: "", concept: "", contextRef: nil, unitRef: nil, decimals: nil,
                                           isNil: false, id: nil, value: "", line: 0)
    private var factText: [UInt8] = []
    /// The kind of namespace of the last element, by its (interned) pointer.
    private var lastNamespace: UnsafePointer<xmlChar>?
    private var lastNamespaceKind = NamespaceKind.other

    private enum NamespaceKind {
        case instance, linkbase, other
    }

    private enum AttributeKind {
        case contextRef, unitRef, decimals, precision, id, other
    }

    private var footnoteLocs: [String: [String]] = [:]
    private var footnoteTexts: [String: (text: String, printedForm: Bool)] = [:]
    private var footnoteArcs: [(String, String)] = []

    init(taxonomyNamespace: String, printedFormRole: String, file: String) {
        self.taxonomyNamespace = taxonomyNamespace
        self.printedFormRole = printedFormRole
        self.file = file
    }

    var line: Int { parser?.pointee.input.map { Int($0.pointee.line) } ?? 0 }

    func name(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        let key = UnsafeRawPointer(pointer)
        if let known = names[key] { return known }
        let s = String(cString: pointer)
        names[key] = s
        return s
    }

    private func issue(_ message: String, line: Int? = nil) -> Diagnostic {
        Diagnostic(.error, .importError, file: file, line: line ?? self.line, message)
    }

    private func stop() {
        stopped = true
        if let parser { xmlStopParser(parser) }
    }

    func record(_ pointer: UnsafePointer<xmlError>) {
        let error = pointer.pointee
        guard errors.count < 100, error.level != XML_ERR_NONE else { return }
        // A stop asked for is not an error of the document.
        if stopped && error.code == Int32(XML_ERR_USER_STOP.rawValue) { return }
        var message = error.message.map { String(cString: $0) } ?? "XML error"
        while message.hasSuffix("\n") { message.removeLast() }
        errors.append(Diagnostic(.error, .invalidXML, file: file, line: error.line > 0 ? Int(error.line) : nil, message))
    }

    func refuseDoctype() {
        instance.issues.append(issue("a DOCTYPE is not accepted in an XBRL instance; nothing it declares was loaded"))
        stop()
    }

    // MARK: attributes

    /// The value of attribute `entry` (localname, prefix, URI, value, end of value).
    private static func value(_ entry: UnsafeMutablePointer<UnsafePointer<xmlChar>?>) -> String {
        guard let start = entry[3], let end = entry[4], end >= start else { return "" }
        return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
    }

    private func attribute(_ local: String, _ namespace: String?, _ count: Int,
                           _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> String? {
        guard let attributes else { return nil }
        for i in 0..<count {
            let entry = attributes + 5 * i
            guard name(entry[0]) == local else { continue }
            if let namespace {
                guard entry[2] != nil, name(entry[2]) == namespace else { continue }
            } else if entry[2] != nil {
                continue
            }
            return Self.value(entry)
        }
        return nil
    }

    /// Resolves `prefix:local` against the namespaces in scope.
    private func resolve(_ qname: String) -> (namespace: String, local: String)? {
        let parts = qname.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let prefix: String? = parts.count == 2 ? String(parts[0]) : nil
        let local = String(parts.last ?? "")
        if prefix == "xml" { return ("http://www.w3.org/XML/1998/namespace", local) }
        for binding in namespaceScope.reversed() where binding.prefix == prefix {
            // An undeclaration (xmlns="") leaves the name in no namespace, which does not resolve.
            return binding.uri.isEmpty ? nil : (binding.uri, local)
        }
        return nil
    }

    // MARK: events

    func start(_ localName: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?, _ namespaceCount: Int,
               _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ attributeCount: Int,
               _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard !stopped else { return }
        if namespaceCount > 0, let namespaces {
            for i in 0..<namespaceCount {
                let prefix = namespaces[2 * i].map { name($0) }
                namespaceScope.append((prefix, name(namespaces[2 * i + 1])))
            }
            declarations.append((depth, namespaceCount))
        }
        let elementDepth = depth
        depth += 1
        if elementDepth == 1 {
            // Most elements of an instance are facts: only names in the instance and linkbase
            // namespaces need looking at.
            if uri != lastNamespace || lastNamespace == nil {
                lastNamespace = uri
                switch name(uri) {
                case XBRLNamespace.xbrli: lastNamespaceKind = .instance
                case XBRLNamespace.link: lastNamespaceKind = .linkbase
                default: lastNamespaceKind = .other
                }
            }
            if lastNamespaceKind == .other {
                readFact(namespace: name(uri), concept: name(localName), attributeCount, attributes)
                section = .fact
                return
            }
        }
        let local = name(localName)
        let namespace = name(uri)

        if elementDepth == 0 {
            sawRoot = true
            if local != "xbrl" || namespace != XBRLNamespace.xbrli {
                instance.issues.append(issue("the root element is not xbrli:xbrl; this is not an XBRL instance"))
                stop()
            }
            return
        }
        if elementDepth == 1 {
            startSection(local, namespace, attributeCount, attributes)
            return
        }
        startInside(local, elementDepth, attributeCount, attributes)
    }

    private func startSection(_ local: String, _ namespace: String, _ attributeCount: Int,
                              _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        switch (namespace, local) {
        case (XBRLNamespace.link, "schemaRef"):
            if let href = attribute("href", XBRLNamespace.xlink, attributeCount, attributes) { instance.schemaRefs.append(href) }
            section = .skip
        case (XBRLNamespace.xbrli, "context"):
            let contextLine = line
            guard let id = attribute("id", nil, attributeCount, attributes) else {
                instance.issues.append(issue("a context has no id"))
                section = .skip
                return
            }
            contextState = ContextState(id: id, line: contextLine)
            section = .context
        case (XBRLNamespace.xbrli, "unit"):
            guard let id = attribute("id", nil, attributeCount, attributes) else {
                section = .skip
                return
            }
            unitID = id
            unitMeasures = []
            section = .unit
        case (XBRLNamespace.link, "footnoteLink"):
            footnoteState = FootnoteState()
            section = .footnotes
        case (XBRLNamespace.link, _):
            section = .skip
        default:
            readFact(namespace: namespace, concept: local, attributeCount, attributes)
            section = .fact
        }
    }

    /// A fact's attributes, in one pass.
    private func readFact(namespace: String, concept: String, _ count: Int,
                          _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        fact = RawInstance.RawFact(namespace: namespace, concept: concept, contextRef: nil, unitRef: nil, decimals: nil,
                                   isNil: false, id: nil, value: "", line: line)
        guard let attributes else { return }
        for i in 0..<count {
            let entry = attributes + 5 * i
            guard let localPointer = entry[0] else { continue }
            if let attributeNamespace = entry[2] {
                if name(localPointer) == "nil", name(attributeNamespace) == XBRLNamespace.xsi {
                    let text = Self.value(entry).trimmingCharacters(in: .whitespaces)
                    fact.isNil = text == "true" || text == "1"
                }
                continue
            }
            let key = UnsafeRawPointer(localPointer)
            let kind: AttributeKind
            if let known = recentAttributeKinds.first(where: { $0.name == key }) {
                kind = known.kind
            } else if let known = attributeKinds[key] {
                kind = known
            } else {
                switch name(localPointer) {
                case "contextRef": kind = .contextRef
                case "unitRef": kind = .unitRef
                case "decimals": kind = .decimals
                case "precision": kind = .precision
                case "id": kind = .id
                default: kind = .other
                }
                attributeKinds[key] = kind
                // A fact's few attribute names, found again without hashing.
                if recentAttributeKinds.count < 6 { recentAttributeKinds.append((key, kind)) }
            }
            switch kind {
            case .contextRef: fact.contextRef = Self.value(entry)
            case .unitRef: fact.unitRef = Self.value(entry)
            case .decimals: fact.decimals = Self.value(entry)
            case .precision: fact.precision = Self.value(entry)
            case .id: fact.id = Self.value(entry)
            case .other: break
            }
        }
    }

    /// An element below a section: what contexts, units and footnote links hold, by local name
    /// at any depth (as the blank's writer and other processors nest them).
    private func startInside(_ local: String, _ elementDepth: Int, _ attributeCount: Int,
                             _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        switch section {
        case .context:
            switch local {
            case "identifier": captures.append(Capture(depth: elementDepth, purpose: .identifier))
            case "instant": captures.append(Capture(depth: elementDepth, purpose: .instant))
            case "startDate": captures.append(Capture(depth: elementDepth, purpose: .startDate))
            case "endDate": captures.append(Capture(depth: elementDepth, purpose: .endDate))
            case "explicitMember":
                captures.append(Capture(depth: elementDepth, purpose: .explicitMember,
                                        first: attribute("dimension", nil, attributeCount, attributes), second: String(line)))
            case "typedMember":
                guard let dimension = attribute("dimension", nil, attributeCount, attributes).flatMap(resolve),
                      dimension.namespace == taxonomyNamespace else {
                    contextState.problems.append(issue("a typed member's dimension is not in the taxonomy's namespace"))
                    return
                }
                captures.append(Capture(depth: elementDepth, purpose: .typedMember, first: dimension.local))
            default: break
            }
        case .unit:
            if local == "measure" { captures.append(Capture(depth: elementDepth, purpose: .measure)) }
        case .footnotes:
            switch local {
            case "loc":
                if let label = attribute("label", XBRLNamespace.xlink, attributeCount, attributes),
                   let href = attribute("href", XBRLNamespace.xlink, attributeCount, attributes),
                   let hash = href.firstIndex(of: "#") {
                    footnoteState.locs[label, default: []].append(String(href[href.index(after: hash)...]))
                }
            case "footnote":
                if let label = attribute("label", XBRLNamespace.xlink, attributeCount, attributes) {
                    let role = attribute("role", XBRLNamespace.xlink, attributeCount, attributes)
                    captures.append(Capture(depth: elementDepth, purpose: .footnote, first: label, second: role))
                }
            case "footnoteArc":
                if let from = attribute("from", XBRLNamespace.xlink, attributeCount, attributes),
                   let to = attribute("to", XBRLNamespace.xlink, attributeCount, attributes) {
                    footnoteState.arcs.append((from, to))
                }
            default: break
            }
        default:
            break
        }
    }

    func characters(_ text: UnsafeBufferPointer<xmlChar>) {
        guard !stopped else { return }
        if case .fact = section {
            guard factText.count + text.count <= InstanceReader.maximumTextLength else {
                instance.issues.append(issue("an element's text is longer than \(InstanceReader.maximumTextLength) bytes"))
                stop()
                return
            }
            factText.append(contentsOf: text)
            return
        }
        guard !captures.isEmpty else { return }
        for i in captures.indices {
            guard captures[i].text.count + text.count <= InstanceReader.maximumTextLength else {
                instance.issues.append(issue("an element's text is longer than \(InstanceReader.maximumTextLength) bytes"))
                stop()
                return
            }
            captures[i].text.append(contentsOf: text)
        }
    }

    func end() {
        depth -= 1
        // The element's own namespace declarations are in scope until its end is handled.
        defer {
            if let last = declarations.last, last.depth == depth {
                declarations.removeLast()
                namespaceScope.removeLast(last.count)
            }
        }
        guard !stopped else { return }
        if depth == 1, case .fact = section {
            // The common case, kept short: the end of a fact.
            fact.value = String(decoding: factText, as: UTF8.self)
            factText.removeAll(keepingCapacity: true)
            instance.facts.append(fact)
            section = .none
            return
        }
        if let capture = captures.last, capture.depth == depth {
            captures.removeLast()
            finishCapture(capture)
        }
        if depth == 1 { endSection() }
    }

    private func finishCapture(_ capture: Capture) {
        let text = String(decoding: capture.text, as: UTF8.self)
        switch (section, capture.purpose) {
        case (.context, .identifier): contextState.entity = text.trimmingCharacters(in: .whitespacesAndNewlines)
        case (.context, .instant): contextState.instant = text
        case (.context, .startDate): contextState.start = text
        case (.context, .endDate): contextState.end = text
        case (.context, .explicitMember):
            let memberLine = capture.second.flatMap { Int($0) }
            guard let dimension = capture.first.flatMap(resolve) else {
                contextState.problems.append(issue("an explicit member's dimension does not resolve", line: memberLine))
                return
            }
            let memberText = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let member = resolve(memberText), dimension.namespace == taxonomyNamespace, member.namespace == taxonomyNamespace else {
                contextState.problems.append(issue("dimension \(dimension.local) or member \(memberText) is not in the taxonomy's namespace", line: memberLine))
                return
            }
            contextState.explicit[dimension.local] = member.local
        case (.context, .typedMember):
            if let axis = capture.first { contextState.typed[axis] = text.trimmingCharacters(in: .whitespacesAndNewlines) }
        case (.unit, .measure):
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if let resolved = resolve(trimmed) { unitMeasures.append("{\(resolved.namespace)}\(resolved.local)") } else { unitMeasures.append(trimmed) }
        case (.footnotes, .footnote):
            if let label = capture.first { footnoteState.texts[label] = (text, capture.second == printedFormRole) }
        default:
            break
        }
    }

    private func endSection() {
        switch section {
        case .fact, .none, .skip:
            break
        case .context:
            let state = contextState
            instance.issues += state.problems
            if let period = ReaderPeriods.period(instant: state.instant, start: state.start, end: state.end) {
                instance.contexts[state.id] = FactContext(period: period, explicit: DimensionMembers(state.explicit), typed: DimensionMembers(state.typed))
                instance.contextLines[state.id] = state.line
                instance.entities[state.id] = state.entity
            } else {
                instance.issues.append(issue("context \(state.id) has no period or a period that is not a date", line: state.line))
            }
            contextState = ContextState(id: "", line: 0)
        case .unit:
            instance.units[unitID] = unitMeasures
            unitMeasures = []
        case .footnotes:
            collectFootnotes(footnoteState)
            footnoteState = FootnoteState()
        }
        section = .none
        captures.removeAll(keepingCapacity: true)
    }

    /// Labels are local to one extended link. Every arc from a label gives its footnote to all the
    /// facts the label locates, each arc overwriting the one before, so only the last arc from a
    /// label (per kind of footnote) decides anything. Keeping the others would make the work arcs
    /// × locators, the square of the document's size (3 MB of one label's arcs and locators took
    /// 20 s).
    private func collectFootnotes(_ state: FootnoteState) {
        var lastArc: [String: Int] = [:]
        for (index, (from, to)) in state.arcs.enumerated() {
            guard let text = state.texts[to] else { continue }
            lastArc[(text.1 ? "p:" : "f:") + from] = index
        }
        for (index, (from, to)) in state.arcs.enumerated() {
            guard let text = state.texts[to], lastArc[(text.1 ? "p:" : "f:") + from] == index else { continue }
            let key = "\(footnoteArcs.count)"
            footnoteTexts[key] = (text.0, text.1)
            footnoteLocs[key] = state.locs[from] ?? []
            footnoteArcs.append((key, key))
        }
    }

    func finish(wellFormed: Bool) {
        if stopped {
            // Only what stopped the reading, and what the parser said before.
            instance.facts = RawFacts()
            instance.issues += errors
            return
        }
        if !wellFormed && instance.issues.isEmpty {
            instance.issues.append(Diagnostic(.error, .invalidXML, file: file, line: line, "the document is not well-formed XML"))
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
        instance.issues += errors
    }
}

/// XBRL periods are dates or date-times: `2011-07-01T00:00:00` as an instant or an end date is
/// the end of 2011-06-30; as a start date it is the start of 2011-07-01.
package enum ReaderPeriods {
    package static func period(instant: String?, start: String?, end: String?) -> Period? {
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
}
