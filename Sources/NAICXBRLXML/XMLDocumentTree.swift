import CLibXML2
import Foundation
import NAICXBRLCore

/// A parsed libxml2 document, freed with its owner.
///
/// Parsing is deliberately narrow, because instances come from outside:
/// - `XML_PARSE_NONET`, and no `NOENT`, `DTDLOAD`, `DTDATTR` or `HUGE`: no entity is expanded
///   and no external DTD is fetched, and libxml2's size limits stay on.
/// - With `refusingDoctype`, a document that has a DOCTYPE at all is refused the moment the
///   declaration starts, before its internal subset is read: XBRL instances need no DTD, and a
///   DTD is where entity bombs and references to local files live.
/// - `XML_PARSE_BIG_LINES`, so issues past line 65,535 still carry the right line.
final class XMLDocumentTree {
    let pointer: xmlDocPtr

    private init(_ pointer: xmlDocPtr) {
        self.pointer = pointer
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    var root: xmlNodePtr? { xmlDocGetRootElement(pointer) }

    static let parseOptions = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// Parses `bytes`, reporting problems to the running operation (so call it inside
    /// `XMLOperation.perform`). Returns nil when the document is not well-formed or was refused.
    static func parse(
        _ bytes: UnsafeRawBufferPointer, name: String, refusingDoctype: Bool, operation: XMLOperation
    ) -> XMLDocumentTree? {
        guard bytes.count <= Int(Int32.max) else {
            operation.record(Diagnostic(.error, .invalidXML, file: name, line: nil,
                "the document is \(bytes.count) bytes; libxml2 parses at most \(Int32.max)"))
            return nil
        }
        guard let context = xmlNewParserCtxt() else {
            operation.record(Diagnostic(.error, .invalidXML, file: name, line: nil, "libxml2 could not allocate a parser"))
            return nil
        }
        defer { xmlFreeParserCtxt(context) }
        if refusingDoctype {
            context.pointee.sax.pointee.internalSubset = refuseDoctype
        }
        let empty: CChar = 0
        let document: xmlDocPtr? = withUnsafePointer(to: empty) { emptyPointer in
            let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self) ?? emptyPointer
            return xmlCtxtReadMemory(context, base, Int32(bytes.count), name, nil, parseOptions)
        }
        // A parser stopped at a DOCTYPE still hands back the (empty) document it began.
        let stopped = context.pointee.errNo == Int32(XML_ERR_USER_STOP.rawValue) || context.pointee.wellFormed == 0
        if stopped, let document { xmlFreeDoc(document) }
        guard let document, !stopped else {
            if !operation.issues.contains(where: { $0.severity == .error }) {
                operation.record(Diagnostic(.error, .invalidXML, file: name, line: nil, "the document could not be parsed"))
            }
            return nil
        }
        return XMLDocumentTree(document)
    }
}

/// Stops the parser at `<!DOCTYPE`, before any declaration inside it is read. The system
/// identifier is named in the issue, never resolved.
private let refuseDoctype: internalSubsetSAXFunc = { context, name, _, systemID in
    guard let context else { return }
    let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
    if let operation = XMLEnvironment.currentOperation {
        let file = parser.pointee.input?.pointee.filename.map { String(cString: $0) } ?? operation.defaultFile
        let line = parser.pointee.input.map { Int($0.pointee.line) }
        var message = "DOCTYPE \(name.map { String(cString: $0) } ?? "") is not allowed: an XBRL instance needs no DTD, and DTDs can declare entity bombs and pull in outside files"
        if let systemID {
            message += "; '\(String(cString: systemID))' was not read"
        }
        operation.record(Diagnostic(.error, .refused, file: file, line: line, message))
    }
    xmlStopParser(parser)
}

extension xmlNode {
    /// The element's namespace URI, or "" for none.
    var namespaceURI: String {
        ns.flatMap { $0.pointee.href }.map { String(cString: $0) } ?? ""
    }

    /// The element's local name.
    var localName: String {
        name.map { String(cString: $0) } ?? ""
    }
}

/// Whether `node` is in `namespace` and, unless `localName` is nil, has that local name;
/// compared in place, without making strings.
func hasName(_ node: xmlNodePtr, _ namespace: String, _ localName: String?) -> Bool {
    guard let href = node.pointee.ns?.pointee.href, xmlStrEqual(href, namespace) != 0 else { return false }
    guard let localName else { return true }
    return node.pointee.name.map { xmlStrEqual($0, localName) != 0 } ?? false
}

/// Element children of `node`, in document order.
func elementChildren(of node: xmlNodePtr) -> [xmlNodePtr] {
    var result: [xmlNodePtr] = []
    var child = node.pointee.children
    while let current = child {
        if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
        child = current.pointee.next
    }
    return result
}

/// The value of attribute `{namespace}name` on `node` (no namespace when `namespace` is nil).
func attribute(_ name: String, namespace: String? = nil, of node: xmlNodePtr) -> String? {
    let value = namespace == nil ? xmlGetNoNsProp(node, name) : xmlGetNsProp(node, name, namespace)
    guard let value else { return nil }
    defer { naicxbrl_xmlFree(value) }
    return String(cString: value)
}

/// `reference` resolved against the base URI in force at `node` (xml:base, else the document
/// URL), the way libxml2 resolves schema locations. Returns `reference` when it cannot be built.
func resolve(_ reference: String, at node: xmlNodePtr, in document: xmlDocPtr) -> String {
    let base = xmlNodeGetBase(document, node)
    defer { if let base { naicxbrl_xmlFree(base) } }
    return resolve(reference, against: base.map { String(cString: $0) })
}

/// `reference` resolved against `base` (RFC 3986), as libxml2 resolves schema locations before
/// it asks the loader for them.
func resolve(_ reference: String, against base: String?) -> String {
    guard let base, let baseURL = URL(string: base),
          let resolved = URL(string: reference, relativeTo: baseURL)
    else { return reference }
    return resolved.absoluteString
}
