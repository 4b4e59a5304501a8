import NAICXBRLCore
extension BundledSchemas {
    /// Why a validation variant cannot be built for a set of namespaces.
    struct VariantError: Error, CustomStringConvertible {
        var namespace: String
        var description: String {
            "facts in namespace '\(namespace)' cannot be validated: an XML Schema wildcard lists namespaces separated by spaces, so one containing whitespace cannot be named"
        }
    }

    /// The instance schema as `InstanceValidator` compiles it: identical to `instance` except
    /// that the `xbrl` element names its facts with one strict wildcard over `factNamespaces`
    /// instead of the `xbrli:item` and `xbrli:tuple` substitution groups, and repeats its
    /// children as a sequence of one choice (see `Repetition.repeatedSequence`).
    ///
    /// libxml2 2.9 builds the official choice over every member of both groups and checks it
    /// for determinism in time roughly cubic in their count: about 10 s for 1,000 concepts,
    /// 2 minutes for 2,000. A wildcard is one transition. With `processContents="strict"` each
    /// fact is still validated against its own global declaration, as substitution would: its
    /// type, its attributes, `abstract` (an abstract declaration is rejected), `nillable`. What
    /// the wildcard alone would let through, elements of those namespaces that are declared
    /// but are not items or tuples, `InstanceValidator` reports itself.
    ///
    /// The variant also imports the `xbrldi` schema, as an XBRL Dimensions processor always has
    /// it: segments and scenarios hold their content under lax wildcards, which validate
    /// `xbrldi:explicitMember` and `xbrldi:typedMember` only when a declaration is at hand.
    ///
    /// `factNamespaces` must not include the `xbrli` or `link` namespaces: the wildcard would
    /// then overlap `xbrli:context`, `xbrli:unit` and `link:footnoteLink` in the same choice,
    /// which XML Schema forbids (and neither namespace declares a fact).
    static func instanceValidationVariant(factNamespaces: [String]) throws -> String {
        var tokens: [String] = []
        for namespace in factNamespaces.sorted() {
            if namespace.isEmpty {
                tokens.append("##local")
                continue
            }
            guard !namespace.contains(where: \.isWhitespace) else { throw VariantError(namespace: namespace) }
            tokens.append(escapedAttributeValue(namespace))
        }
        let particles = tokens.isEmpty
            ? ""
            : #"            <any namespace="\#(tokens.joined(separator: " "))" processContents="strict"/>"#
        return instanceSchema(rootFactParticles: particles, repetition: .repeatedSequence, additionalImports: dimensionInstanceImport)
    }

    /// The linkbase schema as `InstanceValidator` compiles it: identical to `linkbase` except
    /// that `link:footnoteLink` repeats its children as a sequence of one choice (see
    /// `Repetition.repeatedSequence`).
    static let linkbaseValidationVariant = linkbaseSchema(footnoteRepetition: .repeatedSequence)

    private static let dimensionInstanceImport = """
      <import namespace="\(XBRLNamespace.xbrldi)" schemaLocation="\(dimensionInstanceURL)"/>

    """

    private static func escapedAttributeValue(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
