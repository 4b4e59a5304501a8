import CLibXML2
import Foundation

/// An element start as the streaming parser reports it, for the checks done in Swift while
/// libxml2 validates. Pointers are valid during the call only.
struct StreamedElement {
    /// 0 for the root.
    let depth: Int
    let line: Int
    let localName: UnsafePointer<xmlChar>?
    let namespaceURI: UnsafePointer<xmlChar>?
    /// The base URI in force at the element (`xml:base`, else the document's name).
    let base: String?
    private let attributeCount: Int
    private let attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

    init(depth: Int, line: Int, localName: UnsafePointer<xmlChar>?, namespaceURI: UnsafePointer<xmlChar>?, base: String?,
         attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        self.depth = depth
        self.line = line
        self.localName = localName
        self.namespaceURI = namespaceURI
        self.base = base
        self.attributeCount = attributeCount
        self.attributes = attributes
    }

    /// Whether the element is in `namespace` and, unless `localName` is nil, has that name.
    func hasName(_ namespace: String, _ localName: String?) -> Bool {
        guard let uri = namespaceURI, xmlStrEqual(uri, namespace) != 0 else { return false }
        guard let localName else { return true }
        return self.localName.map { xmlStrEqual($0, localName) != 0 } ?? false
    }

    var expandedName: ExpandedName {
        ExpandedName(namespaceURI.map { String(cString: $0) } ?? "", localName.map { String(cString: $0) } ?? "")
    }

    /// The value of attribute `{namespace}name` (no namespace when `namespace` is nil).
    func attribute(_ name: String, namespace: String? = nil) -> String? {
        guard let attributes else { return nil }
        for i in 0..<attributeCount {
            let entry = attributes + 5 * i   // localname, prefix, URI, value, end of value
            guard let local = entry[0], xmlStrEqual(local, name) != 0 else { continue }
            if let namespace {
                guard let uri = entry[2], xmlStrEqual(uri, namespace) != 0 else { continue }
            } else if entry[2] != nil {
                continue
            }
            return Self.value(entry)
        }
        return nil
    }

    /// The value of the unqualified `id` attribute, compared without making strings.
    var id: String? {
        guard let attributes else { return nil }
        for i in 0..<attributeCount {
            let entry = attributes + 5 * i
            guard entry[2] == nil, let local = entry[0], local[0] == 0x69, local[1] == 0x64, local[2] == 0 else { continue }
            return Self.value(entry)
        }
        return nil
    }

    /// Every attribute in `namespace`: local name and value.
    func attributes(in namespace: String) -> [(name: String, value: String)] {
        guard let attributes else { return [] }
        var found: [(String, String)] = []
        for i in 0..<attributeCount {
            let entry = attributes + 5 * i
            guard let uri = entry[2], xmlStrEqual(uri, namespace) != 0, let local = entry[0] else { continue }
            found.append((String(cString: local), Self.value(entry)))
        }
        return found
    }

    /// Whether any attribute is in `namespace`; compared in place.
    func hasAttribute(in namespace: StaticString) -> Bool {
        guard let attributes else { return false }
        for i in 0..<attributeCount {
            if let uri = attributes[5 * i + 2], xmlStrEqual(uri, namespace.utf8Start) != 0 { return true }
        }
        return false
    }

    private static func value(_ entry: UnsafeMutablePointer<UnsafePointer<xmlChar>?>) -> String {
        guard let start = entry[3], let end = entry[4], end >= start else { return "" }
        return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
    }
}

/// Validates a document with libxml2's streaming validator: the parser's SAX events drive the
/// schema validation directly, and no tree of the document is built. Memory stays flat however
/// large the document is, and a large instance validates about twice as fast as parsing it into a
/// tree first.
///
/// Parsing is as narrow as for a tree (``XMLDocumentTree``): no entity is expanded (only the five
/// predefined ones are known, since there is no DTD), a DOCTYPE stops the parser the moment it
/// starts, and the process-wide loader serves nothing outside the registry.
///
/// A document that turns out not to be well-formed gets the parser's findings only, as with a
/// tree: what the validator said about its first part is dropped.
final class StreamingValidation {
    let validity: XMLOperation
    /// Returns true when the root's children of this name need no look again (unless they
    /// have a notable attribute).
    let onElement: (StreamedElement, XMLOperation) -> Bool
    var context: xmlSchemaValidCtxtPtr?
    /// The parser `xmlSchemaValidateStream` made, found at the first element.
    private var parser: xmlParserCtxtPtr?
    var refusedDoctype = false
    private var depth = 0
    /// `xml:base` values in force, by the depth they were set at.
    private var bases: [(depth: Int, base: String?)]

    private init(documentName: String, validity: XMLOperation, onElement: @escaping (StreamedElement, XMLOperation) -> Bool) {
        self.validity = validity
        self.onElement = onElement
        self.bases = [(-1, documentName)]
    }

    /// Validates `bytes` against `schema`, reporting to the running operation (call inside
    /// `XMLOperation.perform`); `onElement` runs at the start of the root, of its children, and
    /// of any element with an `id`, `xsi:` or `xml:` attribute. When it returns true for a child
    /// of the root, later children of that name are not shown to it unless they have one of
    /// those attributes (the facts of an instance, thousands of one name, cost a hash each).
    static func validate(
        _ source: StreamSource, documentName: String, schema: xmlSchemaPtr, operation: XMLOperation,
        onElement: @escaping (StreamedElement, XMLOperation) -> Bool
    ) {
        let validity = XMLOperation(defaultFile: documentName)
        let state = StreamingValidation(documentName: documentName, validity: validity, onElement: onElement)
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            operation.record(ValidationIssue(.error, .invalid, file: documentName, line: nil, "libxml2 could not allocate a validation context"))
            return
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        state.context = context
        xmlSchemaSetValidStructuredErrors(context, collectStructuredError, validity.callbackContext)
        xmlSchemaValidateSetFilename(context, documentName)

        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.internalSubset = refuseStreamedDoctype
        handler.startElementNs = streamedElementStart
        handler.endElementNs = streamedElementEnd
        let result: Int32 = withExtendedLifetime((state, source)) {
            withUnsafeMutablePointer(to: &handler) { handlerPointer in
                // The parser reads through callbacks, so the document is neither copied nor
                // needs a NUL after it; the parser takes the input over and closes it.
                guard let input = xmlParserInputBufferCreateIO(readStreamSource, closeStreamSource,
                                                               Unmanaged.passUnretained(source).toOpaque(), XML_CHAR_ENCODING_NONE)
                else { return -1 }
                return xmlSchemaValidateStream(context, input, XML_CHAR_ENCODING_NONE, handlerPointer,
                                               Unmanaged.passUnretained(state).toOpaque())
            }
        }
        let malformed = state.refusedDoctype || operation.issues.contains { $0.severity == .error && $0.kind == .malformed }
        if malformed {
            if !operation.issues.contains(where: { $0.severity == .error }) {
                operation.record(ValidationIssue(.error, .malformed, file: documentName, line: nil, "the document could not be parsed"))
            }
            return
        }
        for issue in validity.issues { operation.record(issue) }
        if result != 0 && !operation.issues.hasErrors {
            operation.record(ValidationIssue(.error, .invalid, file: documentName, line: nil,
                                             "libxml2 found the document invalid (code \(result)) without saying why"))
        }
    }

    fileprivate func start(_ localName: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?,
                           _ attributeCount: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        // Below the root's children, only an `id`, an `xsi:` or an `xml:` attribute calls for
        // a look (most elements of an instance have none of them).
        let notable = hasNotableAttribute(attributeCount, attributes)
        let name = NamePair(localName: localName.map(UnsafeRawPointer.init), namespace: uri.map(UnsafeRawPointer.init))
        guard notable || depth == 0 || (depth == 1 && !quietNames.contains(name)) else {
            depth += 1
            return
        }
        if parser == nil { parser = context.flatMap { xmlSchemaValidCtxtGetParserCtxt($0) } }
        let line = parser?.pointee.input.map { Int($0.pointee.line) } ?? 0
        var element = StreamedElement(depth: depth, line: line, localName: localName, namespaceURI: uri, base: bases.last?.base,
                                      attributeCount: attributeCount, attributes: attributes)
        if attributeCount > 0, element.hasAttribute(in: xmlNamespace), let base = element.attribute("base", namespace: "\(xmlNamespace)") {
            let resolved = Self.build(base, against: bases.last?.base)
            bases.append((depth, resolved))
            element = StreamedElement(depth: depth, line: line, localName: localName, namespaceURI: uri, base: resolved,
                                      attributeCount: attributeCount, attributes: attributes)
        }
        if onElement(element, validity), depth == 1 { quietNames.insert(name) }
        depth += 1
    }

    /// An element's name as libxml2's interned pointers: the same name is the same pointers for
    /// the length of a parse.
    private struct NamePair: Hashable {
        var localName: UnsafeRawPointer?
        var namespace: UnsafeRawPointer?
    }

    /// Names of the root's children `onElement` needs to see no more.
    private var quietNames: Set<NamePair> = []

    /// Verdicts on attribute namespaces by their (interned) pointers: whether the namespace is
    /// `xsi:` or `xml:`.
    private var notableNamespaces: [UnsafeRawPointer: Bool] = [:]

    private func hasNotableAttribute(_ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> Bool {
        guard count > 0, let attributes else { return false }
        for i in 0..<count {
            let entry = attributes + 5 * i
            if let uri = entry[2] {
                let key = UnsafeRawPointer(uri)
                if let notable = notableNamespaces[key] {
                    if notable { return true }
                    continue
                }
                let notable = xmlStrEqual(uri, xsiStaticNamespace.utf8Start) != 0 || xmlStrEqual(uri, xmlNamespace.utf8Start) != 0
                notableNamespaces[key] = notable
                if notable { return true }
            } else if let local = entry[0], local[0] == 0x69, local[1] == 0x64, local[2] == 0 {
                return true
            }
        }
        return false
    }

    fileprivate func end() {
        depth -= 1
        if let last = bases.last, last.depth == depth { bases.removeLast() }
    }

    /// `reference` against `base`, as `xml:base` values combine (RFC 3986).
    private static func build(_ reference: String, against base: String?) -> String? {
        resolve(reference, against: base)
    }
}

private let xmlNamespace: StaticString = "http://www.w3.org/XML/1998/namespace"

private let streamedElementStart: startElementNsSAX2Func = { context, localName, _, uri, _, _, attributeCount, _, attributes in
    guard let context else { return }
    Unmanaged<StreamingValidation>.fromOpaque(context).takeUnretainedValue()
        .start(localName, uri, Int(attributeCount), attributes)
}

private let streamedElementEnd: endElementNsSAX2Func = { context, _, _, _ in
    guard let context else { return }
    Unmanaged<StreamingValidation>.fromOpaque(context).takeUnretainedValue().end()
}

/// Stops the parser at `<!DOCTYPE`, before any declaration inside it is read (see
/// `XMLDocumentTree`, whose refusal this is, for a parser that builds a tree).
private let refuseStreamedDoctype: internalSubsetSAXFunc = { context, name, _, systemID in
    guard let context else { return }
    let state = Unmanaged<StreamingValidation>.fromOpaque(context).takeUnretainedValue()
    state.refusedDoctype = true
    guard let parser = state.context.flatMap({ xmlSchemaValidCtxtGetParserCtxt($0) }) else { return }
    if let operation = XMLEnvironment.currentOperation {
        let line = parser.pointee.input.map { Int($0.pointee.line) }
        var message = "DOCTYPE \(name.map { String(cString: $0) } ?? "") is not allowed: an XBRL instance needs no DTD, and DTDs can declare entity bombs and pull in outside files"
        if let systemID {
            message += "; '\(String(cString: systemID))' was not read"
        }
        operation.record(ValidationIssue(.error, .refused, file: operation.defaultFile, line: line, message))
    }
    xmlStopParser(parser)
}

/// The bytes a streaming validation reads: a buffer the caller keeps alive, or a pipe that a
/// writer on another thread fills while the document is validated.
final class StreamSource: @unchecked Sendable {
    // @unchecked: the pipe's state is only touched with `condition` locked.
    private let fixed: UnsafeRawBufferPointer?
    private var offset = 0
    private let condition = NSCondition()
    private var chunks: [[UInt8]] = []
    private var chunkOffset = 0
    private var finished = false

    /// Reads `bytes`, which must stay valid while the validation runs.
    init(_ bytes: UnsafeRawBufferPointer) {
        fixed = bytes
    }

    /// A pipe: ``append(_:)`` chunks, then ``finish()``.
    init() {
        fixed = nil
    }

    func append(_ chunk: [UInt8]) {
        guard !chunk.isEmpty else { return }
        condition.lock()
        chunks.append(chunk)
        condition.signal()
        condition.unlock()
    }

    func finish() {
        condition.lock()
        finished = true
        condition.signal()
        condition.unlock()
    }

    /// Copies up to `count` bytes to `buffer`; 0 at the end.
    func read(into buffer: UnsafeMutablePointer<CChar>, count: Int) -> Int {
        if let fixed {
            let n = min(count, fixed.count - offset)
            guard n > 0, let base = fixed.baseAddress else { return 0 }
            UnsafeMutableRawPointer(buffer).copyMemory(from: base + offset, byteCount: n)
            offset += n
            return n
        }
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && !finished { condition.wait() }
        guard let chunk = chunks.first else { return 0 }
        let n = min(count, chunk.count - chunkOffset)
        chunk.withUnsafeBytes { source in
            if let base = source.baseAddress { UnsafeMutableRawPointer(buffer).copyMemory(from: base + chunkOffset, byteCount: n) }
        }
        chunkOffset += n
        if chunkOffset == chunk.count {
            chunks.removeFirst()
            chunkOffset = 0
        }
        return n
    }
}

let readStreamSource: xmlInputReadCallback = { context, buffer, length in
    guard let context, let buffer, length > 0 else { return 0 }
    return Int32(Unmanaged<StreamSource>.fromOpaque(context).takeUnretainedValue().read(into: buffer, count: Int(length)))
}

let closeStreamSource: xmlInputCloseCallback = { _ in 0 }
