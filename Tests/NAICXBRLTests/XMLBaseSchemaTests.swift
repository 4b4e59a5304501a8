import CLibXML2
import Foundation
@testable import NAICXBRL
@_spi(Stages) @testable import NAICXBRLCore
@_spi(Stages) @testable import NAICXBRLXML
@testable import NAICXBRLReading
@testable import NAICXBRLTaxonomy
@testable import NAICXBRLChecks
@testable import NAICXBRLInstance
@testable import NAICXBRLConversion
import XCTest

/// The bundled XBRL base schemas against the official files, component by component.
///
/// The official files come from the `arelle-release` package (see `Scripts/arelle-env.sh`);
/// set `NAICXBRL_OFFICIAL_SCHEMAS` to its `resources/cache/http` directory. Without it the
/// comparisons are skipped, visibly; the compile checks run everywhere.
final class XMLBaseSchemaTests: XCTestCase {
    // MARK: Compared with the official files

    func testBundledSchemasMatchOfficialStructure() throws {
        let officialRoot = try officialDirectory()
        for url in BundledSchemas.files.keys.sorted() {
            let officialPath = officialRoot.appendingPathComponent(String(url.dropFirst("http://".count)))
            let officialData = try Data(contentsOf: officialPath)
            let bundled = try SchemaOutline(data: Data(BundledSchemas.files[url, default: ""].utf8), url: url)
            let official = try SchemaOutline(data: officialData, url: url)
            let differences = bundled.differences(from: official)
            XCTAssertTrue(differences.isEmpty, "\(url) differs from \(officialPath.path):\n" + differences.joined(separator: "\n"))
        }
    }

    /// The official set has exactly the files bundled, no more: every import of an official
    /// file is bundled too.
    func testOfficialImportsAreAllBundled() throws {
        let officialRoot = try officialDirectory()
        for url in BundledSchemas.files.keys.sorted() {
            let data = try Data(contentsOf: officialRoot.appendingPathComponent(String(url.dropFirst("http://".count))))
            let official = try SchemaOutline(data: data, url: url)
            for imported in official.importedLocations {
                XCTAssertNotNil(BundledSchemas.files[imported], "\(url) imports \(imported), which is not bundled")
            }
        }
    }

    // MARK: Without the official files

    func testEveryBundledSchemaCompilesWithoutWarnings() throws {
        for url in BundledSchemas.files.keys.sorted() {
            do {
                let validator = try SchemaValidator(entryURL: url)
                XCTAssertEqual(validator.compileWarnings, [], url)
                XCTAssertEqual(validator.schemaURLs.first, url)
            } catch {
                XCTFail("\(error)")
            }
        }
    }

    func testBundledImportsResolveToBundledSchemas() throws {
        for (url, text) in BundledSchemas.files {
            let outline = try SchemaOutline(data: Data(text.utf8), url: url)
            for imported in outline.importedLocations {
                XCTAssertNotNil(BundledSchemas.files[imported], "\(url) imports \(imported), which is not bundled")
            }
        }
    }

    /// The validation variant changes the `xbrl` element's fact particles and how it repeats
    /// them (a repeated sequence of one choice for a repeated choice: the same language), and
    /// imports `xbrldi`, and nothing else.
    func testValidationVariantDiffersOnlyInTheRootElement() throws {
        let namespaces = ["http://example.com/b", "http://example.com/a&b"]
        let variantText = try BundledSchemas.instanceValidationVariant(factNamespaces: namespaces)
        let variant = try SchemaOutline(data: Data(variantText.utf8), url: BundledSchemas.instanceURL)
        let official = try SchemaOutline(data: Data(BundledSchemas.instance.utf8), url: BundledSchemas.instanceURL)
        let xbrldiImport = "import \(XBRLNamespace.xbrldi)"
        XCTAssertEqual(variant.differences(from: official).count, 2)
        XCTAssertEqual(variant.schemaAttributes, official.schemaAttributes)
        XCTAssertEqual(Set(variant.components.keys), Set(official.components.keys).union([xbrldiImport]))
        for key in official.components.keys where key != "element xbrl" {
            XCTAssertEqual(variant.components[key], official.components[key], key)
        }
        XCTAssertEqual(variant.importedLocations.last, BundledSchemas.dimensionInstanceURL)
        let root = try XCTUnwrap(variant.components["element xbrl"])
        let officialRoot = try XCTUnwrap(official.components["element xbrl"])
        let officialParticles = #"xs:element[ref={http://www.xbrl.org/2003/instance}item]() xs:element[ref={http://www.xbrl.org/2003/instance}tuple]()"#
        let variantParticle = #"xs:any[namespace=http://example.com/a&b http://example.com/b]()"#
        let officialRepetition = "xs:choice[maxOccurs=unbounded,minOccurs=0]("
        let variantRepetition = "xs:sequence[maxOccurs=unbounded,minOccurs=0](xs:choice[]("
        let lastParticle = "xs:element[ref={http://www.xbrl.org/2003/linkbase}footnoteLink]()"
        for part in [officialParticles, officialRepetition, lastParticle] {
            XCTAssertEqual(officialRoot.components(separatedBy: part).count, 2, part)
        }
        XCTAssertEqual(root, officialRoot.replacingOccurrences(of: officialParticles, with: variantParticle)
            .replacingOccurrences(of: officialRepetition, with: variantRepetition)
            .replacingOccurrences(of: lastParticle, with: lastParticle + ")"))
        XCTAssertThrowsError(try BundledSchemas.instanceValidationVariant(factNamespaces: ["http://example.com/a b"]))
    }

    /// The linkbase variant repeats `link:footnoteLink`'s children as a sequence of one choice,
    /// and changes nothing else.
    func testLinkbaseVariantDiffersOnlyInTheFootnoteLink() throws {
        let variant = try SchemaOutline(data: Data(BundledSchemas.linkbaseValidationVariant.utf8), url: BundledSchemas.linkbaseURL)
        let official = try SchemaOutline(data: Data(BundledSchemas.linkbase.utf8), url: BundledSchemas.linkbaseURL)
        XCTAssertEqual(variant.differences(from: official).count, 1)
        XCTAssertEqual(variant.schemaAttributes, official.schemaAttributes)
        XCTAssertEqual(Set(variant.components.keys), Set(official.components.keys))
        for key in official.components.keys where key != "element footnoteLink" {
            XCTAssertEqual(variant.components[key], official.components[key], key)
        }
        let link = try XCTUnwrap(variant.components["element footnoteLink"])
        let officialLink = try XCTUnwrap(official.components["element footnoteLink"])
        let officialRepetition = "xs:choice[maxOccurs=unbounded,minOccurs=0]("
        let lastParticle = "xs:element[ref={http://www.xbrl.org/2003/linkbase}footnote]()"
        for part in [officialRepetition, lastParticle] {
            XCTAssertEqual(officialLink.components(separatedBy: part).count, 2, part)
        }
        XCTAssertEqual(link, officialLink.replacingOccurrences(of: officialRepetition, with: "xs:sequence[maxOccurs=unbounded,minOccurs=0](xs:choice[](")
            .replacingOccurrences(of: lastParticle, with: lastParticle + ")"))
    }

    /// The comparison would be worthless if it could not see a difference.
    func testOutlineComparisonSeesChanges() throws {
        let url = BundledSchemas.xlURL
        let text = try XCTUnwrap(BundledSchemas.files[url])
        let original = try SchemaOutline(data: Data(text.utf8), url: url)
        let changes = [
            (#"<element name="arc" type="xl:arcType" abstract="true"/>"#, #"<element name="arc" type="xl:arcType"/>"#),
            (#"<attribute name="priority" type="integer" use="optional"/>"#, #"<attribute name="priority" type="decimal" use="optional"/>"#),
            (#"<enumeration value="prohibited"/>"#, ""),
            (#"schemaLocation="xlink-2003-12-31.xsd""#, #"schemaLocation="http://www.w3.org/1999/xlink.xsd""#),
        ]
        for (old, new) in changes {
            XCTAssertTrue(text.contains(old), old)
            let changed = try SchemaOutline(data: Data(text.replacingOccurrences(of: old, with: new).utf8), url: url)
            XCTAssertFalse(changed.differences(from: original).isEmpty, "not seen: \(old) -> \(new)")
        }
        // Prefixes, annotations and explicit defaults are not differences.
        let respelled = text
            .replacingOccurrences(of: #"<element ref="xl:title"/>"#, with: #"<element ref="xl:title" minOccurs="1"><annotation><documentation>x</documentation></annotation></element>"#)
            .replacingOccurrences(of: "xmlns:xl=", with: "xmlns:other=\"http://www.xbrl.org/2003/XLink\" xmlns:xl=")
        XCTAssertEqual(try SchemaOutline(data: Data(respelled.utf8), url: url).differences(from: original), [])
    }

    private func officialDirectory() throws -> URL {
        guard let path = ProcessInfo.processInfo.environment["NAICXBRL_OFFICIAL_SCHEMAS"], !path.isEmpty else {
            throw XCTSkip("NAICXBRL_OFFICIAL_SCHEMAS is not set; run `export NAICXBRL_OFFICIAL_SCHEMAS=$(Scripts/arelle-env.sh | tail -1)` to compare with the official XBRL schemas")
        }
        return URL(fileURLWithPath: path, isDirectory: true)
    }
}

/// A schema document reduced to what it means: its top-level components, each as a canonical
/// string in which QNames are expanded, annotations dropped and attributes that state the
/// XML Schema default left out. Two schemas with equal outlines declare the same components
/// with the same types, substitution groups, flags, attributes and content models.
///
/// Read with libxml2 directly: FoundationXML on Linux crashes on some attribute nodes.
struct SchemaOutline {
    /// `schema` element attributes, e.g. `targetNamespace=...`.
    var schemaAttributes: [String: String] = [:]
    /// `kind name` (imports: `import namespace`) to canonical form.
    var components: [String: String] = [:]
    /// Absolute schema locations of imports and includes.
    var importedLocations: [String] = []

    private static let xsd = "http://www.w3.org/2001/XMLSchema"
    private static let qnameAttributes: Set<String> = ["type", "base", "ref", "substitutionGroup", "itemType", "refer"]
    private static let defaults: [String: String] = [
        "minOccurs": "1", "maxOccurs": "1", "use": "optional", "abstract": "false", "nillable": "false",
        "processContents": "strict", "namespace": "##any", "mixed": "false",
    ]

    struct NotASchema: Error {}

    init(data: Data, url: String) throws {
        let document = data.withUnsafeBytes { bytes in
            xmlReadMemory(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), url, nil,
                          Int32(bitPattern: XML_PARSE_NONET.rawValue))
        }
        guard let document else { throw NotASchema() }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document), Self.name(root) == "schema", Self.namespace(root) == Self.xsd else {
            throw NotASchema()
        }
        for (name, value) in Self.attributes(root) where !name.hasPrefix("{") {
            schemaAttributes[name] = value
        }
        for element in elementChildren(of: root) where Self.namespace(element) == Self.xsd && Self.name(element) != "annotation" {
            let kind = Self.name(element)
            let attributes = Dictionary(Self.attributes(element), uniquingKeysWith: { a, _ in a })
            var text = Self.canonical(element, document)
            let key: String
            switch kind {
            case "import", "include", "redefine":
                let location = attributes["schemaLocation"] ?? ""
                let absolute = URL(string: location, relativeTo: URL(string: url))?.absoluteString ?? location
                importedLocations.append(absolute)
                text = "\(kind) namespace=\(attributes["namespace"] ?? "") location=\(absolute)"
                key = "\(kind) \(attributes["namespace"] ?? absolute)"
            default:
                key = "\(kind) \(attributes["name"] ?? "")"
            }
            XCTAssertNil(components[key], "\(url): \(key) declared twice")
            components[key] = text
        }
    }

    /// Human-readable differences, empty when the outlines match.
    func differences(from official: SchemaOutline) -> [String] {
        var result: [String] = []
        if schemaAttributes != official.schemaAttributes {
            result.append("schema attributes: bundled \(schemaAttributes.sorted { $0.key < $1.key }), official \(official.schemaAttributes.sorted { $0.key < $1.key })")
        }
        for key in Set(components.keys).union(official.components.keys).sorted() {
            switch (components[key], official.components[key]) {
            case (nil, _?): result.append("missing \(key)")
            case (_?, nil): result.append("extra \(key)")
            case let (mine?, theirs?) where mine != theirs:
                result.append("\(key) differs:\n  bundled:  \(mine)\n  official: \(theirs)")
            default: break
            }
        }
        return result
    }

    private static func canonical(_ element: xmlNodePtr, _ document: xmlDocPtr) -> String {
        let isSchemaElement = namespace(element) == xsd
        var rendered: [String] = []
        for (name, rawValue) in attributes(element) {
            var value = rawValue
            if isSchemaElement {
                if defaults[name] == value { continue }
                if qnameAttributes.contains(name) { value = expanded(value, at: element, document) }
                if name == "memberTypes" {
                    value = value.split(separator: " ").map { expanded(String($0), at: element, document) }.joined(separator: " ")
                }
            }
            rendered.append("\(name)=\(value)")
        }
        let children = elementChildren(of: element)
            .filter { !(namespace($0) == xsd && name($0) == "annotation") }
            .map { canonical($0, document) }
        let label = isSchemaElement ? "xs:\(name(element))" : "{\(namespace(element))}\(name(element))"
        return "\(label)[\(rendered.sorted().joined(separator: ","))](\(children.joined(separator: " ")))"
    }

    private static func expanded(_ qname: String, at element: xmlNodePtr, _ document: xmlDocPtr) -> String {
        let parts = qname.split(separator: ":", maxSplits: 1).map(String.init)
        let prefix = parts.count == 2 ? parts[0] : nil
        let local = parts.last ?? qname
        let ns = prefix.map { xmlSearchNs(document, element, $0) } ?? xmlSearchNs(document, element, nil)
        let uri = ns?.pointee.href.map { String(cString: $0) } ?? "?\(prefix ?? "")"
        return "{\(uri)}\(local)"
    }

    private static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    private static func namespace(_ node: xmlNodePtr) -> String {
        node.pointee.ns?.pointee.href.map { String(cString: $0) } ?? ""
    }

    /// Attributes as (name, value); namespaced ones named `{uri}local`.
    private static func attributes(_ node: xmlNodePtr) -> [(String, String)] {
        var result: [(String, String)] = []
        var property = node.pointee.properties
        while let attribute = property {
            property = attribute.pointee.next
            let local = attribute.pointee.name.map { String(cString: $0) } ?? ""
            let name = attribute.pointee.ns?.pointee.href.map { "{\(String(cString: $0))}\(local)" } ?? local
            let value = xmlNodeGetContent(UnsafeMutableRawPointer(attribute).assumingMemoryBound(to: xmlNode.self))
            result.append((name, value.map { String(cString: $0) } ?? ""))
            if let value { naicxbrl_xmlFree(value) }
        }
        return result
    }
}
