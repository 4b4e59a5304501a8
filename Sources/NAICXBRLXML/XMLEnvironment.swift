import CLibXML2
import Foundation
import NAICXBRLCore

/// The process-wide libxml2 set-up: initialisation, and the only place documents come from.
///
/// libxml2 2.9 follows `http://` and `file://` references in schemas and DTDs by itself, and
/// `XML_PARSE_NONET` does not stop `xmlSchemaParse` from going to the network. So the library
/// installs one external entity loader for the whole process that serves documents from memory
/// only: the XBRL base schemas in `BundledSchemas`, plus documents registered at run time
/// (a generated taxonomy, say). Every other URL is refused by name and never opened. The
/// loader is global because libxml2 2.9 has no per-context resource loader.
///
/// Registration is thread-safe. Lookups go: documents of the running operation (see
/// `XMLOperation`), then the bundled schemas, then registered documents.
///
///     try XMLEnvironment.register(url: "http://xbrl.naic.org/taxonomy/2024/naic.xsd",
///                                 contents: Array(schemaText.utf8))
///     let validator = try InstanceValidator(taxonomyEntryURL: "http://xbrl.naic.org/taxonomy/2024/naic.xsd")
package enum XMLEnvironment {
    /// Why a document could not be registered.
    package enum RegistrationError: Error, CustomStringConvertible, Sendable {
        /// The URL has no scheme; libxml2 resolves references to absolute URLs, so a relative
        /// key could never be asked for.
        case notAbsolute(String)
        /// `file:` URLs name the file system, which the loader never uses; register the
        /// document under the URL the taxonomy is published at instead.
        case fileURL(String)
        /// The XBRL base schemas are fixed; replacing them would change every validation in
        /// the process.
        case bundled(String)

        package var description: String {
            switch self {
            case .notAbsolute(let url):
                return "cannot register '\(url)': documents are registered under absolute URLs (scheme:...), the form libxml2 asks for"
            case .fileURL(let url):
                return "cannot register '\(url)': file: URLs are never served; register the document under its published http(s) URL"
            case .bundled(let url):
                return "cannot register '\(url)': it is a bundled XBRL base schema and cannot be replaced"
            }
        }
    }

    /// Makes `contents` loadable by libxml2 at `url` for the rest of the process (or until
    /// `unregister(url:)`). Registering a URL again replaces its contents; validators already
    /// compiled keep what they compiled.
    package static func register(url: String, contents: [UInt8]) throws(RegistrationError) {
        prepare()
        guard hasScheme(url) else { throw .notAbsolute(url) }
        guard !url.lowercased().hasPrefix("file:") else { throw .fileURL(url) }
        guard BundledSchemas.files[url] == nil else { throw .bundled(url) }
        registry.set(url, contents)
    }

    /// `register(url:contents:)` for text, stored as UTF-8.
    package static func register(url: String, text: String) throws(RegistrationError) {
        try register(url: url, contents: Array(text.utf8))
    }

    /// Forgets a registered document; bundled schemas cannot be removed.
    package static func unregister(url: String) {
        registry.set(url, nil)
    }

    /// Whether libxml2 would be given a document for `url` outside any operation.
    package static func isLoadable(url: String) -> Bool {
        BundledSchemas.files[url] != nil || registry.contains(url)
    }

    /// URLs registered at run time (not the bundled ones), sorted.
    package static var registeredURLs: [String] { registry.urls.sorted() }

    /// Runs `xmlInitParser()` and installs the loader, once per process. Every entry point of
    /// the XML layer calls it before touching libxml2.
    static func prepare() {
        _ = setUp
    }

    private static let setUp: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader(registryEntityLoader)
    }()

    /// The operation running on this thread or task, whose issues libxml2's callbacks record
    /// and whose private documents the loader serves first.
    @TaskLocal static var currentOperation: XMLOperation?

    /// Calls `body` with the bytes of the document at `url`, if there is one for the given
    /// operation, without copying them.
    static func withDocument<R>(
        at url: String, operation: XMLOperation?, _ body: (UnsafeRawBufferPointer) -> R
    ) -> R? {
        if let bytes = operation?.overlay[url] {
            return bytes.withUnsafeBytes(body)
        }
        if let text = BundledSchemas.files[url] {
            var text = text
            return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
        }
        if let bytes = registry.get(url) {
            return bytes.withUnsafeBytes(body)
        }
        return nil
    }

    private static let registry = DocumentRegistry()

    private static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":"), colon != url.startIndex else { return false }
        let scheme = url[..<colon]
        guard let first = scheme.unicodeScalars.first, first.isASCII, CharacterSet.letters.contains(first) else {
            return false
        }
        return scheme.unicodeScalars.allSatisfy {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "+-.".unicodeScalars.contains($0))
        }
    }
}

/// Registered documents; a lock guards them because any thread may validate while another
/// registers.
private final class DocumentRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var documents: [String: [UInt8]] = [:]

    func set(_ url: String, _ contents: [UInt8]?) {
        lock.withLock { documents[url] = contents }
    }

    func get(_ url: String) -> [UInt8]? {
        lock.withLock { documents[url] }
    }

    func contains(_ url: String) -> Bool {
        lock.withLock { documents[url] != nil }
    }

    var urls: [String] {
        lock.withLock { Array(documents.keys) }
    }
}

/// The external entity loader for the whole process: memory only, refusals by name.
///
/// libxml2 hands it absolute URLs (it resolves relative references against the referencing
/// document's URL first). Anything that is not an in-memory document is refused here and
/// recorded on the running operation; the URL is never opened, whatever its scheme.
private let registryEntityLoader: xmlExternalEntityLoader = { url, _, context in
    guard let url else { return nil }
    let name = String(cString: url)
    let operation = XMLEnvironment.currentOperation
    let input: xmlParserInputPtr?? = XMLEnvironment.withDocument(at: name, operation: operation) { bytes in
        makeMemoryInput(bytes, url: url, context: context)
    }
    if let input {
        if input != nil { operation?.noteLoaded(name) }
        return input
    }
    operation?.noteRefused(name)
    return nil
}

/// A parser input over a copy of `bytes`, named `url` so that relative references inside it
/// resolve against it and errors name it.
private func makeMemoryInput(
    _ bytes: UnsafeRawBufferPointer, url: UnsafePointer<CChar>, context: xmlParserCtxtPtr?
) -> xmlParserInputPtr? {
    guard bytes.count <= Int(Int32.max) else { return nil }
    // An empty document still needs a non-null pointer; libxml2 then reports it as empty.
    let empty: CChar = 0
    let buffer: xmlParserInputBufferPtr? = withUnsafePointer(to: empty) { emptyPointer in
        let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self) ?? emptyPointer
        // CreateMem copies the bytes, so the buffer outlives this call safely.
        return xmlParserInputBufferCreateMem(base, Int32(bytes.count), XML_CHAR_ENCODING_NONE)
    }
    guard let buffer else { return nil }
    guard let input = xmlNewIOInputStream(context, buffer, XML_CHAR_ENCODING_NONE) else {
        xmlFreeParserInputBuffer(buffer)
        return nil
    }
    // Freed by xmlFreeInputStream with xmlFree, so it must come from libxml2's allocator.
    let filename = xmlStrdup(UnsafeRawPointer(url).assumingMemoryBound(to: xmlChar.self))
    input.pointee.filename = UnsafeRawPointer(filename).map { $0.assumingMemoryBound(to: CChar.self) }
    return input
}
