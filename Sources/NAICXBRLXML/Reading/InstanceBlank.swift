import CLibXML2
import Foundation
import NAICXBRLCore

/// The blank an instance reports on, read from the document by an XML parse of its start: the
/// `link:schemaRef` that names the taxonomy's entry point, and failing that the namespaces the
/// root element declares.
///
/// Comments, processing instructions and any encoding libxml2 reads (UTF-16 with a byte order
/// mark, a declared encoding) are read as XML, so a comment that names another blank's namespace
/// changes nothing. Parsing stops at the first child of the root that is not a `link:schemaRef`.
public enum InstanceBlank {
    /// What a known blank is recognized by: its entry point's file name and its namespace.
    package struct Key: Hashable {
        package enum Kind: Hashable { case entryPoint, namespace }
        var kind: Kind
        var value: String

        package init(kind: Kind, value: String) {
            self.kind = kind
            self.value = value
        }
    }

    /// The one lookup from what an instance names to the blank's edition, built from the
    /// catalog: each edition's entry point (its URL, and its file name), and each blank's
    /// namespace, which names its latest edition (the namespace is the same in every edition).
    package static let known: [Key: Blank] = {
        var table: [Key: Blank] = [:]
        for blank in BlankCatalog.bundledEditions {
            table[Key(kind: .entryPoint, value: blank.taxonomyURL + blank.entryPoint)] = blank
            table[Key(kind: .entryPoint, value: blank.entryPoint)] = blank
            // Editions come oldest first, so the latest is the one kept.
            table[Key(kind: .namespace, value: blank.namespace)] = blank
        }
        return table
    }()

    /// An entry point URL to name in messages.
    public static var example: String {
        BlankCatalog.bundledEditions.last.map { $0.taxonomyURL + $0.entryPoint } ?? ""
    }

    /// The blank edition of the instance in `bytes`, or nil when it names no known taxonomy (or
    /// is not XML at all).
    public static func of(_ bytes: [UInt8]) -> Blank? {
        recognize(bytes).blank
    }

    /// The blank of the instance in `bytes`, or why its start could not be read: a limit of
    /// ``Limits`` it passed.
    public static func recognize(_ bytes: [UInt8]) -> (blank: Blank?, refusal: String?) {
        let found = names(in: bytes)
        return (blank(found), found.refusal)
    }

    private static func blank(_ found: (schemaRefs: [String], namespaces: [String], refusal: String?)) -> Blank? {
        for href in found.schemaRefs {
            if let blank = known[Key(kind: .entryPoint, value: href)] { return blank }
            let file = String(href.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
            if let blank = known[Key(kind: .entryPoint, value: file)] { return blank }
        }
        for namespace in found.namespaces {
            if let blank = known[Key(kind: .namespace, value: namespace)] { return blank }
        }
        return nil
    }

    /// The `link:schemaRef` hrefs and the root's namespace declarations, in document order.
    static func names(in bytes: [UInt8]) -> (schemaRefs: [String], namespaces: [String], refusal: String?) {
        XMLEnvironment.prepare()
        guard !bytes.isEmpty else { return ([], [], nil) }
        var refusal: String?
        let state = State()
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = recognitionStart
        handler.internalSubset = recognitionDoctype
        handler.serror = recognitionError
        bytes.withUnsafeBytes { buffer in
            let source = StreamSource(buffer)
            withExtendedLifetime((state, source)) {
                guard let context = xmlCreateIOParserCtxt(&handler, Unmanaged.passUnretained(state).toOpaque(), readStreamSource,
                                                          closeStreamSource, Unmanaged.passUnretained(source).toOpaque(),
                                                          XML_CHAR_ENCODING_NONE)
                else { return }
                defer { freeParser(context) }
                xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue))
                state.parser = context
                _ = xmlParseDocument(context)
            }
            refusal = source.refusal
        }
        return (state.schemaRefs, state.namespaces, refusal)
    }

    final class State {
        var parser: xmlParserCtxtPtr?
        var depth = 0
        var schemaRefs: [String] = []
        var namespaces: [String] = []

        func stop() {
            if let parser { xmlStopParser(parser) }
        }
    }
}

private func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
    pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
}

private let recognitionStart: startElementNsSAX2Func = { context, localName, _, uri, namespaceCount, namespaces, attributeCount, _, attributes in
    guard let context else { return }
    let state = Unmanaged<InstanceBlank.State>.fromOpaque(context).takeUnretainedValue()
    state.depth += 1
    if state.depth == 1 {
        // The root: its namespace declarations, as (prefix, URI) pairs.
        if let namespaces {
            for i in 0..<Int(namespaceCount) {
                if let uri = string(namespaces[2 * i + 1]) { state.namespaces.append(uri) }
            }
        }
        return
    }
    guard string(localName) == "schemaRef", string(uri) == XBRLNamespace.link, let attributes else {
        state.stop()
        return
    }
    for i in 0..<Int(attributeCount) {
        let entry = attributes + 5 * i
        guard string(entry[0]) == "href", string(entry[2]) == XBRLNamespace.xlink, let start = entry[3], let end = entry[4] else { continue }
        state.schemaRefs.append(String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self))
    }
    // A schemaRef's own children, if any, are not looked at; the next sibling is.
    state.depth -= 1
}

private let recognitionDoctype: internalSubsetSAXFunc = { context, _, _, _ in
    guard let context else { return }
    Unmanaged<InstanceBlank.State>.fromOpaque(context).takeUnretainedValue().stop()
}

private let recognitionError: xmlStructuredErrorFunc = { _, _ in }
