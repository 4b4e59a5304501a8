import CLibXML2
import Foundation
import NAICXBRLCore

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
        guard let uri = namespaceURI, Self.equal(uri, namespace) else { return false }
        guard let localName else { return true }
        return self.localName.map { Self.equal($0, localName) } ?? false
    }

    /// Compares in place: a native string is stored with a NUL after it, so no C string is made.
    private static func equal(_ bytes: UnsafePointer<xmlChar>, _ string: String) -> Bool {
        string.withCString { strcmp(UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self), $0) == 0 }
    }

    /// The `id` attribute's value packed into an integer when it has at most 7 bytes (`c123`,
    /// `f42`, `USD`), for comparing ids without making strings; nil otherwise.
    var packedID: UInt64? {
        guard let entry = idEntry, let start = entry[3], let end = entry[4], end - start <= 7 else { return nil }
        var packed = UInt64(end - start) << 56
        for (k, byte) in UnsafeBufferPointer(start: start, count: end - start).enumerated() {
            packed |= UInt64(byte) << (8 * k)
        }
        return packed
    }

    /// The unqualified `id` attribute's entry in `attributes`, found without making strings.
    private var idEntry: UnsafeMutablePointer<UnsafePointer<xmlChar>?>? {
        guard let attributes else { return nil }
        for i in 0..<attributeCount {
            let entry = attributes + 5 * i
            if entry[2] == nil, let local = entry[0], local[0] == 0x69, local[1] == 0x64, local[2] == 0 { return entry }
        }
        return nil
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
        idEntry.map(Self.value)
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

    /// Whether the element has an `xsi:schemaLocation` or `xsi:noNamespaceSchemaLocation`
    /// attribute; compared in place (`xsi:nil` and `xsi:type` are far more common).
    var hasSchemaLocationHint: Bool {
        guard let attributes else { return false }
        for i in 0..<attributeCount {
            let entry = attributes + 5 * i
            guard let uri = entry[2], xmlStrEqual(uri, xsiStaticNamespace.utf8Start) != 0, let local = entry[0] else { continue }
            if xmlStrEqual(local, Self.schemaLocation.utf8Start) != 0 || xmlStrEqual(local, Self.noNamespaceSchemaLocation.utf8Start) != 0 {
                return true
            }
        }
        return false
    }

    private static let schemaLocation: StaticString = "schemaLocation"
    private static let noNamespaceSchemaLocation: StaticString = "noNamespaceSchemaLocation"

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
            operation.record(Diagnostic(.error, .schemaInvalid, file: documentName, line: nil, "libxml2 could not allocate a validation context"))
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
        if let refusal = source.refusal {
            operation.record(Diagnostic(.error, .refused, file: documentName, line: nil, "the document was not read: \(refusal)"))
            return
        }
        let malformed = state.refusedDoctype || operation.issues.contains { $0.severity == .error && $0.code == .invalidXML }
        if malformed {
            if !operation.issues.contains(where: { $0.severity == .error }) {
                operation.record(Diagnostic(.error, .invalidXML, file: documentName, line: nil, "the document could not be parsed"))
            }
            return
        }
        for issue in validity.issues { operation.record(issue) }
        if result != 0 && !operation.issues.hasErrors {
            operation.record(Diagnostic(.error, .schemaInvalid, file: documentName, line: nil,
                                             "libxml2 found the document invalid (code \(result)) without saying why"))
        }
    }

    fileprivate func start(_ localName: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?,
                           _ attributeCount: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        // Below the root's children, only an `id`, an `xsi:` or an `xml:` attribute calls for
        // a look (most elements of an instance have none of them). This runs for every element
        // of the document, so it makes no strings and hashes nothing.
        let notable = attributeCount > 0 && hasNotableAttribute(attributeCount, attributes)
        if depth > 1 && !notable {
            depth += 1
            return
        }
        let name = (UnsafeRawPointer(localName), UnsafeRawPointer(uri))
        guard notable || depth == 0 || !quietNames.contains(name) else {
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
            lastBaseDepth = depth
            element = StreamedElement(depth: depth, line: line, localName: localName, namespaceURI: uri, base: resolved,
                                      attributeCount: attributeCount, attributes: attributes)
        }
        if onElement(element, validity), depth == 1 { quietNames.insert(name) }
        depth += 1
    }

    /// Names of the root's children `onElement` needs to see no more, as libxml2's interned
    /// pointers: the same name is the same pointers for the length of a parse.
    private var quietNames = PointerPairSet()

    /// Verdicts on attribute namespaces by their (interned) pointers: whether the namespace is
    /// `xsi:` or `xml:`. A document uses a handful of namespaces, so a list is quickest.
    private var notableNamespaces: [(namespace: UnsafeRawPointer, notable: Bool)] = []

    private func hasNotableAttribute(_ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> Bool {
        guard let attributes else { return false }
        for i in 0..<count {
            let entry = attributes + 5 * i
            if let uri = entry[2] {
                if isNotableNamespace(UnsafeRawPointer(uri)) { return true }
            } else if let local = entry[0], local[0] == 0x69, local[1] == 0x64, local[2] == 0 {
                return true
            }
        }
        return false
    }

    private func isNotableNamespace(_ uri: UnsafeRawPointer) -> Bool {
        for known in notableNamespaces where known.namespace == uri { return known.notable }
        let bytes = uri.assumingMemoryBound(to: xmlChar.self)
        let notable = xmlStrEqual(bytes, xsiStaticNamespace.utf8Start) != 0 || xmlStrEqual(bytes, xmlNamespace.utf8Start) != 0
        notableNamespaces.append((uri, notable))
        return notable
    }

    /// The depth of the innermost `xml:base`, -1 for the document's name.
    private var lastBaseDepth = -1

    fileprivate func end() {
        depth -= 1
        if lastBaseDepth == depth {
            bases.removeLast()
            lastBaseDepth = bases.last?.depth ?? -1
        }
    }

    /// `reference` against `base`, as `xml:base` values combine (RFC 3986).
    private static func build(_ reference: String, against base: String?) -> String? {
        resolve(reference, against: base)
    }
}

private let xmlNamespace: StaticString = "http://www.w3.org/XML/1998/namespace"

// The state outlives the parse (`validate` keeps it alive), so the callbacks borrow it without
// retaining it: they run once per element.
private let streamedElementStart: startElementNsSAX2Func = { context, localName, _, uri, _, _, attributeCount, _, attributes in
    guard let context else { return }
    Unmanaged<StreamingValidation>.fromOpaque(context)._withUnsafeGuaranteedRef {
        $0.start(localName, uri, Int(attributeCount), attributes)
    }
}

private let streamedElementEnd: endElementNsSAX2Func = { context, _, _, _ in
    guard let context else { return }
    Unmanaged<StreamingValidation>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.end() }
}

/// A set of pointer pairs (interned names) that hashes by the pointers' bits: open addressing,
/// linear probing, a power-of-two table at most half full.
struct PointerPairSet {
    private var keys: [(UnsafeRawPointer?, UnsafeRawPointer?)] = Array(repeating: (nil, nil), count: 64)
    private var used: [Bool] = Array(repeating: false, count: 64)
    private var count = 0

    private static func slot(_ key: (UnsafeRawPointer?, UnsafeRawPointer?), mask: Int) -> Int {
        let a = UInt(bitPattern: key.0), b = UInt(bitPattern: key.1)
        let mixed = (a &* 0x9E37_79B9_7F4A_7C15) ^ (b &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: mixed >> 17) & mask
    }

    func contains(_ key: (UnsafeRawPointer?, UnsafeRawPointer?)) -> Bool {
        let mask = keys.count - 1
        var i = Self.slot(key, mask: mask)
        while used[i] {
            if keys[i] == key { return true }
            i = (i + 1) & mask
        }
        return false
    }

    mutating func insert(_ key: (UnsafeRawPointer?, UnsafeRawPointer?)) {
        guard !contains(key) else { return }
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var i = Self.slot(key, mask: mask)
        while used[i] { i = (i + 1) & mask }
        keys[i] = key
        used[i] = true
        count += 1
    }

    private mutating func grow() {
        let old = zip(keys, used).filter { $0.1 }.map { $0.0 }
        keys = Array(repeating: (nil, nil), count: keys.count * 2)
        used = Array(repeating: false, count: keys.count)
        count = 0
        for key in old { insert(key) }
    }
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
        operation.record(Diagnostic(.error, .refused, file: operation.defaultFile, line: line, message))
    }
    xmlStopParser(parser)
}

/// The bytes a streaming validation reads: a buffer the caller keeps alive, or a pipe that a
/// writer on another thread fills while the document is validated.
package final class StreamSource: @unchecked Sendable {
    // @unchecked: the pipe's state is only touched with `condition` locked.
    private let fixed: UnsafeRawBufferPointer?
    private var offset = 0
    private let condition = NSCondition()
    private var chunks: [[UInt8]] = []
    private var chunkOffset = 0
    private var finished = false
    /// Counts what the document holds as it is read, for a document from outside.
    private var limits: MarkupLimits?

    /// Reads `bytes`, which must stay valid while the validation runs. A document from outside
    /// (`limited`) is held to ``Limits``' XML limits as it is read (see ``MarkupLimits``); one
    /// this library wrote need not be.
    package init(_ bytes: UnsafeRawBufferPointer, limited: Bool = true) {
        fixed = bytes
        limits = limited ? MarkupLimits() : nil
    }

    /// Why the document was refused while it was read: the limit it passed.
    var refusal: String? { limits?.refusal }

    /// A pipe: ``append(_:)`` chunks, then ``finish()``.
    package init() {
        fixed = nil
    }

    package func append(_ chunk: [UInt8]) {
        guard !chunk.isEmpty else { return }
        condition.lock()
        chunks.append(chunk)
        condition.signal()
        condition.unlock()
    }

    package func finish() {
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
            if limits != nil, !limits!.read(UnsafeRawBufferPointer(start: base + offset, count: n)) { return -1 }
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
