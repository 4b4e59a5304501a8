import CLibXML2
import Foundation
import NAICXBRLCore

/// A schema set could not be compiled; `issues` say which document and line.
public struct SchemaCompileError: Error, CustomStringConvertible, Sendable {
    public var entryURL: String
    public var issues: [Diagnostic]

    public var description: String {
        (["could not compile the schema set at \(entryURL):"] + issues.map { "  \($0)" })
            .joined(separator: "\n")
    }
}

/// An XML Schema set compiled once by libxml2, validating any number of documents.
///
/// The schema set is loaded from the in-memory registry only (see `XMLEnvironment`), starting
/// at `entryURL`. The compiled `xmlSchema` is read-only while validating and each validation
/// gets its own validation context, so one validator may be used from many threads at once.
///
/// Documents are parsed with the safe options of `XMLDocumentTree` (no DOCTYPE, no entity
/// expansion, no network). `xsi:schemaLocation` hints in a document never load anything: the
/// compiled set is what the document is validated against, and a hint naming a document
/// outside that set is reported, not followed.
///
///     let validator = try SchemaValidator(entryURL: BundledSchemas.linkbaseURL)
///     for issue in validator.validate(Array(linkbaseText.utf8), documentName: "naic-lab.xml") {
///         print(issue)   // naic-lab.xml:12: error: Element '{...}label': ...
///     }
package final class SchemaValidator: Sendable {
    /// Where compilation started.
    package let entryURL: String
    /// Every document libxml2 loaded to compile the set, the entry first.
    package let schemaURLs: [String]
    /// What libxml2 warned about while compiling; errors make `init` throw instead.
    package let compileWarnings: [Diagnostic]
    private let schema: CompiledSchema
    private let schemaURLSet: Set<String>

    /// Compiles the schema set whose entry document is registered (or bundled) at `entryURL`.
    package convenience init(entryURL: String) throws(SchemaCompileError) {
        try self.init(entryURL: entryURL, overlay: [:])
    }

    /// Compiles with `overlay` documents served ahead of the registry, for this compilation
    /// only.
    init(entryURL: String, overlay: [String: [UInt8]]) throws(SchemaCompileError) {
        let operation = XMLOperation(overlay: overlay, defaultFile: entryURL, fixedKind: .schema)
        let compiled: xmlSchemaPtr? = operation.perform {
            guard let parser = xmlSchemaNewParserCtxt(entryURL) else { return nil }
            defer { xmlSchemaFreeParserCtxt(parser) }
            xmlSchemaSetParserStructuredErrors(parser, collectStructuredError, operation.callbackContext)
            return xmlSchemaParse(parser)
        }
        var issues = operation.issues
        guard let compiled, operation.refused.isEmpty, !issues.hasErrors else {
            if let compiled { xmlSchemaFree(compiled) }
            if !issues.hasErrors {
                issues.append(Diagnostic(.error, .schema, file: entryURL, line: nil, "libxml2 could not compile the schema set"))
            }
            throw SchemaCompileError(entryURL: entryURL, issues: issues)
        }
        self.entryURL = entryURL
        self.schema = CompiledSchema(compiled)
        self.schemaURLs = operation.loaded
        self.schemaURLSet = Set(operation.loaded)
        self.compileWarnings = issues
    }

    /// Validates the XML document in `bytes`; `documentName` (a path or URL) names it in
    /// issues and is the base for relative references in it, and is never opened.
    /// An empty result means the document is valid.
    package func validate(_ bytes: [UInt8], documentName: String) -> [Diagnostic] {
        bytes.withUnsafeBytes { validate($0, documentName: documentName, extraChecks: { _, _ in }) }
    }

    /// Reads the file at `path` and validates it. Throws only if the file cannot be read.
    package func validate(fileAt path: String) throws -> [Diagnostic] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return validate([UInt8](data), documentName: path)
    }

    /// Parses, checks schema-location hints, validates, then runs `extraChecks` on the
    /// schema-valid or invalid tree (not on a document that failed to parse).
    func validate(
        _ bytes: UnsafeRawBufferPointer, documentName: String,
        extraChecks: (XMLDocumentTree, XMLOperation) -> Void
    ) -> [Diagnostic] {
        let operation = XMLOperation(defaultFile: documentName)
        operation.perform {
            guard let document = XMLDocumentTree.parse(bytes, name: documentName, refusingDoctype: true, operation: operation) else {
                return
            }
            checkSchemaLocationHints(in: document, operation: operation)
            guard let context = xmlSchemaNewValidCtxt(schema.pointer) else {
                operation.record(Diagnostic(.error, .schemaInvalid, file: documentName, line: nil, "libxml2 could not allocate a validation context"))
                return
            }
            defer { xmlSchemaFreeValidCtxt(context) }
            xmlSchemaSetValidStructuredErrors(context, collectStructuredError, operation.callbackContext)
            let result = xmlSchemaValidateDoc(context, document.pointer)
            if result != 0 && !operation.issues.hasErrors {
                operation.record(Diagnostic(.error, .schemaInvalid, file: documentName, line: nil, "libxml2 found the document invalid (code \(result)) without saying why"))
            }
            extraChecks(document, operation)
        }
        return Self.inDocumentOrder(operation.issues)
    }

    /// Validates without building a tree (see ``StreamingValidation``): hints are checked at
    /// each element as it starts, then `elementChecks` runs on it; it returns true when the
    /// root's children of that name need no look again.
    func validateStreaming(
        _ source: StreamSource, documentName: String,
        elementChecks: @escaping (StreamedElement, XMLOperation) -> Bool
    ) -> [Diagnostic] {
        let operation = XMLOperation(defaultFile: documentName)
        operation.perform {
            StreamingValidation.validate(source, documentName: documentName, schema: schema.pointer, operation: operation) { element, validity in
                if element.hasSchemaLocationHint { self.checkSchemaLocationHints(at: element, operation: validity) }
                return elementChecks(element, validity)
            }
        }
        return Self.inDocumentOrder(operation.issues)
    }

    /// Whether `location`, met at `node`, names a document of the compiled set. A relative
    /// location is also tried against the entry URL: an instance written next to its taxonomy
    /// refers to it relatively, wherever the instance file is now.
    func isInSchemaSet(_ location: String, at node: xmlNodePtr, in document: XMLDocumentTree) -> Bool {
        if schemaURLSet.contains(location) { return true }
        if schemaURLSet.contains(resolve(location, at: node, in: document.pointer)) { return true }
        return schemaURLSet.contains(resolve(location, against: entryURL))
    }

    /// Whether `location`, met where `base` is the base URI, names a document of the compiled set.
    func isInSchemaSet(_ location: String, base: String?) -> Bool {
        if schemaURLSet.contains(location) { return true }
        if schemaURLSet.contains(resolve(location, against: base)) { return true }
        return schemaURLSet.contains(resolve(location, against: entryURL))
    }

    /// `checkSchemaLocationHints(in:operation:)` for one element met while streaming.
    private func checkSchemaLocationHints(at element: StreamedElement, operation: XMLOperation) {
        for (name, text) in element.attributes(in: xsiNamespace) where name == "schemaLocation" || name == "noNamespaceSchemaLocation" {
            let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
            let locations = name == "schemaLocation"
                ? stride(from: 1, to: tokens.count, by: 2).map { tokens[$0] }
                : tokens
            for location in locations where !isInSchemaSet(location, base: element.base) {
                operation.record(Diagnostic(.error, .refused, file: operation.defaultFile, line: element.line,
                    "xsi:\(name) names '\(location)', which is not part of the compiled schema set (entry \(entryURL)); it was not loaded, and the document was validated against the compiled set only"))
            }
        }
    }

    /// `xsi:schemaLocation` and `xsi:noNamespaceSchemaLocation` are hints a validator may
    /// follow. This one never does (libxml2 ignores them when given a compiled schema, and the
    /// loader would refuse them anyway), and says so when a hint names something else than the
    /// compiled set, since the document then expects a validation it is not getting.
    private func checkSchemaLocationHints(in document: XMLDocumentTree, operation: XMLOperation) {
        guard let root = document.root else { return }
        var pending = [root]
        while let node = pending.popLast() {
            var property = node.pointee.properties
            while let attribute = property {
                property = attribute.pointee.next
                guard attribute.pointee.ns.flatMap({ $0.pointee.href }).map({ String(cString: $0) }) == xsiNamespace,
                      let name = attribute.pointee.name.map({ String(cString: $0) }),
                      name == "schemaLocation" || name == "noNamespaceSchemaLocation",
                      let value = xmlNodeGetContent(UnsafeMutableRawPointer(attribute).assumingMemoryBound(to: xmlNode.self))
                else { continue }
                let text = String(cString: value)
                naicxbrl_xmlFree(value)
                let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
                // schemaLocation is namespace/location pairs; the other holds one location.
                let locations = name == "schemaLocation"
                    ? stride(from: 1, to: tokens.count, by: 2).map { tokens[$0] }
                    : tokens
                for location in locations where !isInSchemaSet(location, at: node, in: document) {
                    operation.record(Diagnostic(.error, .refused, file: operation.defaultFile, line: Int(xmlGetLineNo(node)),
                        "xsi:\(name) names '\(location)', which is not part of the compiled schema set (entry \(entryURL)); it was not loaded, and the document was validated against the compiled set only"))
                }
            }
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { pending.append(current) }
                child = current.pointee.next
            }
        }
    }

    /// libxml2 reports in the order it walks; checks done in Swift come after. Sorting by line
    /// (keeping the order within a line) reads better and is deterministic.
    static func inDocumentOrder(_ issues: [Diagnostic]) -> [Diagnostic] {
        issues.enumerated()
            .sorted { a, b in
                let la = a.element.line ?? 0, lb = b.element.line ?? 0
                return la != lb ? la < lb : a.offset < b.offset
            }
            .map(\.element)
    }
}

let xsiNamespace = "http://www.w3.org/2001/XMLSchema-instance"
let xsiStaticNamespace: StaticString = "http://www.w3.org/2001/XMLSchema-instance"

/// Owns the compiled schema. libxml2 does not change a compiled schema while validating with
/// it (each validation has its own context), so sharing it across threads is safe.
private final class CompiledSchema: @unchecked Sendable {
    let pointer: xmlSchemaPtr

    init(_ pointer: xmlSchemaPtr) {
        self.pointer = pointer
    }

    deinit {
        xmlSchemaFree(pointer)
    }
}
