import CLibXML2
import NAICXBRLCore

/// The global element declarations of a schema set and their substitution groups, read from
/// the schema documents themselves before libxml2 compiles them.
///
/// `InstanceValidator` needs to know which elements are facts (members of the `xbrli:item` or
/// `xbrli:tuple` substitution groups) before compiling, to build its instance-schema variant;
/// libxml2 offers no way to ask a compiled schema. The walk follows `import`, `include` and
/// `redefine` from the entry, through the same in-memory registry libxml2 will use.
struct SchemaSetOutline {
    struct Declaration {
        var substitutionGroup: ExpandedName?
        var isAbstract: Bool
    }

    static let item = ExpandedName(XBRLNamespace.xbrli, "item")
    static let tuple = ExpandedName(XBRLNamespace.xbrli, "tuple")

    /// Every global element declaration in the set.
    private(set) var declarations: [ExpandedName: Declaration] = [:]
    /// The documents read, entry first.
    private(set) var documents: [String] = []

    /// Reads the set that starts at `entryURL`, with `overlay` documents ahead of the registry.
    static func read(entryURL: String, overlay: [String: [UInt8]] = [:]) throws(SchemaCompileError) -> SchemaSetOutline {
        var outline = SchemaSetOutline()
        let operation = XMLOperation(overlay: overlay, defaultFile: entryURL, fixedKind: .schema)
        operation.perform {
            // Each document with the namespace an included chameleon schema takes on, and where
            // it was referred to from.
            var queue: [(url: String, inheritedNamespace: String?, referrer: String?, line: Int?)] = [(entryURL, nil, nil, nil)]
            var seen: Set<String> = [entryURL]
            while !queue.isEmpty {
                let (url, inherited, referrer, referringLine) = queue.removeFirst()
                outline.documents.append(url)
                let tree: XMLDocumentTree?? = XMLEnvironment.withDocument(at: url, operation: operation) { bytes in
                    XMLDocumentTree.parse(bytes, name: url, refusingDoctype: false, operation: operation)
                }
                guard let tree else {
                    operation.noteRefused(url, file: referrer, line: referringLine)
                    continue
                }
                guard let tree, let root = tree.root else { continue }
                guard root.pointee.namespaceURI == xsdNamespace, root.pointee.localName == "schema" else {
                    operation.record(Diagnostic(.error, .schema, file: url, line: Int(xmlGetLineNo(root)), "the document is not an XML Schema (its root is {\(root.pointee.namespaceURI)}\(root.pointee.localName))"))
                    continue
                }
                let targetNamespace = attribute("targetNamespace", of: root) ?? inherited ?? ""
                // Top-level declarations almost always share the root's namespace scope, so a
                // substitution group spelled the same resolves the same; cache it per document.
                var resolvedGroups: [String: ExpandedName?] = [:]
                for child in elementChildren(of: root) where child.pointee.namespaceURI == xsdNamespace {
                    switch child.pointee.localName {
                    case "import", "include", "redefine", "override":
                        guard let location = attribute("schemaLocation", of: child) else { continue }
                        let resolved = resolve(location, at: child, in: tree.pointer)
                        if seen.insert(resolved).inserted {
                            queue.append((resolved, child.pointee.localName == "import" ? nil : targetNamespace,
                                          url, Int(xmlGetLineNo(child))))
                        }
                    case "element":
                        let attributes = declarationAttributes(of: child)
                        guard let name = attributes.name else { continue }
                        var group: ExpandedName?
                        if let qname = attributes.substitutionGroup {
                            if child.pointee.nsDef == nil, let cached = resolvedGroups[qname] {
                                group = cached
                            } else {
                                group = expandedName(qname, at: child, in: tree)
                                if child.pointee.nsDef == nil { resolvedGroups[qname] = group }
                            }
                        }
                        outline.declarations[ExpandedName(targetNamespace, name)] =
                            Declaration(substitutionGroup: group, isAbstract: attributes.isAbstract)
                    default:
                        continue
                    }
                }
            }
        }
        if !operation.refused.isEmpty || operation.issues.hasErrors {
            throw SchemaCompileError(entryURL: entryURL, issues: operation.issues)
        }
        return outline
    }

    /// The head of the fact substitution group `name` belongs to, `item` or `tuple`, or nil.
    /// Follows the substitution-group chain (a concept may substitute for an abstract item that
    /// itself substitutes for `xbrli:item`, as `xbrldt:hypercubeItem` does).
    func factGroup(of name: ExpandedName) -> ExpandedName? {
        var current = name
        var visited: Set<ExpandedName> = []
        while let head = declarations[current]?.substitutionGroup, visited.insert(current).inserted {
            if head == Self.item || head == Self.tuple { return head }
            current = head
        }
        return nil
    }

    /// `name`, `substitutionGroup` and `abstract` of an element declaration in one pass over
    /// its attributes, reading values in place: this runs once per concept, thousands of times.
    private static func declarationAttributes(of node: xmlNodePtr) -> (name: String?, substitutionGroup: String?, isAbstract: Bool) {
        var name: String?, group: String?, isAbstract = false
        var property = node.pointee.properties
        while let attribute = property {
            property = attribute.pointee.next
            guard attribute.pointee.ns == nil, let attributeName = attribute.pointee.name else { continue }
            switch String(cString: attributeName) {
            case "name": name = value(of: attribute)
            case "substitutionGroup": group = value(of: attribute)
            case "abstract": isAbstract = value(of: attribute).map { $0 == "true" || $0 == "1" } ?? false
            default: continue
            }
        }
        return (name?.trimmingXMLWhitespace, group?.trimmingXMLWhitespace, isAbstract)
    }

    /// An attribute's value; a single text child is read without copying through libxml2.
    private static func value(of attribute: xmlAttrPtr) -> String? {
        if let text = attribute.pointee.children, text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE,
           let content = text.pointee.content {
            return String(cString: content)
        }
        guard let content = xmlNodeGetContent(UnsafeMutableRawPointer(attribute).assumingMemoryBound(to: xmlNode.self)) else {
            return nil
        }
        defer { naicxbrl_xmlFree(content) }
        return String(cString: content)
    }

    /// `QName` read at `node`: its prefix resolved with the namespaces in scope there.
    private static func expandedName(_ qname: String, at node: xmlNodePtr, in tree: XMLDocumentTree) -> ExpandedName? {
        let parts = qname.split(separator: ":", maxSplits: 1).map(String.init)
        let prefix = parts.count == 2 ? parts[0] : nil
        let local = parts.count == 2 ? parts[1] : qname
        let namespace = prefix.map { xmlSearchNs(tree.pointer, node, $0) } ?? xmlSearchNs(tree.pointer, node, nil)
        guard let href = namespace?.pointee.href else {
            return prefix == nil ? ExpandedName("", local) : nil
        }
        return ExpandedName(String(cString: href), local)
    }
}

let xsdNamespace = "http://www.w3.org/2001/XMLSchema"

extension String {
    /// The value with XML whitespace trimmed, as XML Schema collapses NCName and QName values.
    fileprivate var trimmingXMLWhitespace: String {
        let isXMLWhitespace = { (c: Character) in c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\r\n" }
        guard let first = firstIndex(where: { !isXMLWhitespace($0) }),
              let last = lastIndex(where: { !isXMLWhitespace($0) }) else { return "" }
        if first == startIndex && last == index(before: endIndex) { return self }
        return String(self[first...last])
    }
}
