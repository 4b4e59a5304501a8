import CLibXML2
import Foundation
import NAICXBRLCore

/// Validates XBRL 2.1 instances against one taxonomy, compiled once.
///
/// ## Why not just compile the official schemas
/// The official `xbrl` root element allows any member of the `xbrli:item` and `xbrli:tuple`
/// substitution groups. libxml2 2.9 compiles that content model in time roughly cubic in the
/// number of concepts (about 10 s for 1,000, 2 minutes for 2,000), far too slow for a
/// taxonomy of thousands of concepts.
///
/// ## What it does instead
/// It compiles the taxonomy against a variant of the instance schema (see
/// `BundledSchemas.instanceValidationVariant(factNamespaces:)`) in which the root names its
/// facts by a strict wildcard over the namespaces that declare facts. The variant is served
/// under the official URL to this compilation only; other validators and schemas still see the
/// official file. The result is the same verdict as the official schema:
/// - Each fact is validated against its own global declaration, exactly as substitution does:
///   type, attributes (`contextRef`, `unitRef`, `decimals`...), `abstract` (an abstract
///   concept used as a fact is rejected), `nillable`.
/// - Undeclared elements in those namespaces are rejected by the strict wildcard.
/// - Elements of other namespaces are rejected because the wildcard does not name them; the
///   official model rejects them too, since no non-abstract fact is declared there (the
///   namespaces are computed from the taxonomy, not given).
/// - Elements declared in a fact namespace that are not items or tuples (a typed-dimension
///   domain element, say) would pass the wildcard; the validator reports those itself. It
///   knows from the taxonomy whether any exist and only then looks at the facts.
///
/// Both the root and `link:footnoteLink` (through a variant of the linkbase schema) repeat
/// their children as a sequence of one choice rather than a repeated choice: the same language,
/// which libxml2 matches with its compact automaton (see `BundledSchemas.Repetition`).
///
/// It also reports `link:schemaRef` and `xsi:schemaLocation` references that point outside the
/// compiled taxonomy, since the instance then claims a DTS it is not being validated against.
/// Nothing they name is ever loaded.
///
/// Compile once, validate many times, from any thread:
///
///     try XMLEnvironment.register(url: taxonomyURL, contents: schemaBytes)
///     let validator = try InstanceValidator(taxonomyEntryURL: taxonomyURL)
///     let issues = validator.validate(instanceBytes, documentName: "out/2024-q2.xbrl")
///     if issues.hasErrors { issues.forEach { print($0) } }
///
/// Only schema validity (and the checks above) is checked; XBRL 2.1 rules beyond the schemas,
/// such as contexts referenced by `contextRef` existing, are not.
public final class InstanceValidator: Sendable {
    /// The taxonomy schema the validator was compiled from.
    public let taxonomyEntryURL: String
    /// Namespaces whose elements may be facts, as found in the taxonomy.
    public let factNamespaces: [String]
    /// Number of non-abstract item and tuple declarations in the taxonomy.
    public let conceptCount: Int
    /// Every schema document in the compiled set, the entry first.
    public var schemaURLs: [String] { validator.schemaURLs }
    /// What libxml2 warned about while compiling the taxonomy.
    public var compileWarnings: [Diagnostic] { validator.compileWarnings }

    private let validator: SchemaValidator
    /// Global elements in fact namespaces that are neither items nor tuples. Usually empty, and
    /// then facts are not looked at in Swift at all.
    private let nonFactDeclarations: Set<ExpandedName>

    /// Compiles the taxonomy whose entry schema is registered at `taxonomyEntryURL`, with the
    /// bundled XBRL base schemas.
    public init(taxonomyEntryURL: String) throws(SchemaCompileError) {
        let outline = try SchemaSetOutline.read(entryURL: taxonomyEntryURL)
        let excluded: Set<String> = [XBRLNamespace.xbrli, XBRLNamespace.link]
        var namespaces: Set<String> = []
        var concepts = 0
        for (name, declaration) in outline.declarations
        where !declaration.isAbstract && outline.factGroup(of: name) != nil {
            concepts += 1
            if !excluded.contains(name.namespace) { namespaces.insert(name.namespace) }
        }
        let variant: String
        do {
            variant = try BundledSchemas.instanceValidationVariant(factNamespaces: Array(namespaces))
        } catch {
            throw SchemaCompileError(entryURL: taxonomyEntryURL, issues: [
                Diagnostic(.error, .schema, file: taxonomyEntryURL, line: nil, "\(error)"),
            ])
        }
        self.validator = try SchemaValidator(
            entryURL: taxonomyEntryURL, overlay: [BundledSchemas.instanceURL: Array(variant.utf8),
                                                  BundledSchemas.linkbaseURL: Array(BundledSchemas.linkbaseValidationVariant.utf8)])
        self.taxonomyEntryURL = taxonomyEntryURL
        self.factNamespaces = namespaces.sorted()
        self.conceptCount = concepts
        self.nonFactDeclarations = Set(outline.declarations.keys.filter {
            namespaces.contains($0.namespace) && outline.factGroup(of: $0) == nil
        })
    }

    /// Validates the instance in `bytes`; `documentName` (a path or URL) names it in issues
    /// and is never opened. An empty result means the instance is schema-valid.
    ///
    /// The document is validated as it is parsed, without a tree (see ``StreamingValidation``).
    public func validate(_ bytes: [UInt8], documentName: String) -> [Diagnostic] {
        bytes.withUnsafeBytes { validate($0, documentName: documentName) }
    }

    /// Validates the instance in `bytes` without copying them.
    public func validate(_ bytes: UnsafeRawBufferPointer, documentName: String) -> [Diagnostic] {
        validate(StreamSource(bytes), documentName: documentName)
    }

    /// Validates the instance `source` delivers, as it arrives.
    package func validate(_ source: StreamSource, documentName: String) -> [Diagnostic] {
        validateCollectingIDs(source, documentName: documentName).issues
    }

    /// The ids of one validated document, for checking that two parts of an instance validated
    /// apart have none in common.
    package struct DocumentIDs {
        var packed: Set<UInt64>
        var strings: Set<String>

        package func isDisjoint(with other: DocumentIDs) -> Bool {
            packed.isDisjoint(with: other.packed) && strings.isDisjoint(with: other.strings)
        }

        package init(packed: Set<UInt64>, strings: Set<String>) {
            self.packed = packed
            self.strings = strings
        }
    }

    /// ``validate(_:documentName:)``, also returning the ids met.
    package func validateCollectingIDs(_ source: StreamSource, documentName: String) -> (issues: [Diagnostic], ids: DocumentIDs) {
        let checks = RootChecks(validator: self)
        let issues = validator.validateStreaming(source, documentName: documentName) { element, operation in
            checks.check(element, operation: operation)
        }
        return (issues, DocumentIDs(packed: checks.packedIDs, strings: checks.ids))
    }

    /// The checks of `checkRoot(of:operation:)`, on elements as they stream by, plus the
    /// uniqueness of `id` values: every `id` attribute of an XBRL instance is an `xs:ID`, and
    /// libxml2 checks ID uniqueness only when it validates a tree.
    private final class RootChecks {
        let validator: InstanceValidator
        var rootIsXBRL = false
        /// Past the leading `link:` references, when the taxonomy has nothing else to look for.
        var done = false
        /// Ids met so far: short ones packed into integers, the rest as strings.
        var packedIDs: Set<UInt64> = []
        var ids: Set<String> = []
        /// Names already looked up in `nonFactDeclarations`, by their interned pointers.
        var factNames = PointerPairSet()
        var nonFactNames = PointerPairSet()

        init(validator: InstanceValidator) {
            self.validator = validator
        }

        func reportDuplicate(_ id: String, _ element: StreamedElement, _ operation: XMLOperation) {
            operation.record(Diagnostic(.error, .schemaInvalid, file: operation.defaultFile, line: element.line,
                "Element '\(element.expandedName)', attribute 'id': '\(id)' is not a valid value of the atomic type 'xs:ID'."))
        }

        /// Returns true when later root children of the element's name need no look (see
        /// ``StreamingValidation``): a fact of a name already found to be one.
        func check(_ element: StreamedElement, operation: XMLOperation) -> Bool {
            if let packed = element.packedID {
                if !packedIDs.insert(packed).inserted, let id = element.id { reportDuplicate(id, element, operation) }
            } else if let id = element.id, !ids.insert(id).inserted {
                reportDuplicate(id, element, operation)
            }
            if element.depth == 0 {
                rootIsXBRL = element.hasName(XBRLNamespace.xbrli, "xbrl")
                return false
            }
            guard element.depth == 1 else { return false }
            guard rootIsXBRL, !done else { return done }
            if element.hasName(XBRLNamespace.link, "schemaRef") {
                if let href = element.attribute("href", namespace: XBRLNamespace.xlink),
                   !validator.validator.isInSchemaSet(href, base: element.base) {
                    operation.record(Diagnostic(.error, .refused, file: operation.defaultFile, line: element.line,
                        "link:schemaRef names '\(href)', which is not part of the taxonomy this validator compiled (\(validator.taxonomyEntryURL)); it was not loaded"))
                }
                return false
            }
            if validator.nonFactDeclarations.isEmpty {
                if element.hasName(XBRLNamespace.link, nil) { return false }
                done = true
                return true
            }
            // libxml2 interns names for the length of a parse: the same name is the same pointer,
            // so each element name is looked up once.
            let key = (element.localName.map(UnsafeRawPointer.init), element.namespaceURI.map(UnsafeRawPointer.init))
            let isNonFact: Bool
            if factNames.contains(key) {
                isNonFact = false
            } else if nonFactNames.contains(key) {
                isNonFact = true
            } else {
                isNonFact = validator.nonFactDeclarations.contains(element.expandedName)
                if isNonFact { nonFactNames.insert(key) } else { factNames.insert(key) }
            }
            if isNonFact {
                let name = element.expandedName
                operation.record(Diagnostic(.error, .schemaInvalid, file: operation.defaultFile, line: element.line,
                    "Element '\(name)': declared in the taxonomy, but not in the substitution group of xbrli:item or xbrli:tuple, so it cannot be a fact (XBRL 2.1 section 4.6)"))
            }
            // A declared non-fact is reported at each occurrence; links are looked at each time.
            return !isNonFact && !element.hasName(XBRLNamespace.link, nil)
        }
    }

    /// Reads the instance at `path` and validates it. Throws only if it cannot be read.
    public func validate(fileAt path: String) throws -> [Diagnostic] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return validate([UInt8](data), documentName: path)
    }
}
