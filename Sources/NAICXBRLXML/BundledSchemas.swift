import NAICXBRLCore
/// The XBRL 2.1 and XBRL Dimensions 1.0 base schemas, carried inside the library.
///
/// Validation must never fetch anything (the official locations are `http://` URLs, and libxml2
/// 2.9 follows those over the network), so every schema a generated taxonomy imports from
/// XBRL International is here, keyed by its official URL. `XMLEnvironment` serves these to
/// libxml2 in place of the network.
///
/// The texts were written for this project from the XBRL 2.1 specification (2003-12-31 with
/// errata, 2013-02-20), XBRL Dimensions 1.0 (2006-09-18, errata 2012-01-25) and the numeric
/// types of the XBRL Data Type Registry (2009-12-16): the same components, types, substitution
/// groups and attributes as the official files, without their annotations. `XMLBaseSchemaTests`
/// compares them structurally with the official files that the `arelle-release` package ships.
package enum BundledSchemas {
    /// `xlink:` attributes (XBRL 2.1 section 3.5.1), namespace `http://www.w3.org/1999/xlink`.
    package static let xlinkURL = official("2003/xlink-2003-12-31.xsd")
    /// `xl:` abstract XLink building blocks, namespace `http://www.xbrl.org/2003/XLink`.
    package static let xlURL = official("2003/xl-2003-12-31.xsd")
    /// `link:` linkbases, namespace `http://www.xbrl.org/2003/linkbase`.
    package static let linkbaseURL = official("2003/xbrl-linkbase-2003-12-31.xsd")
    /// `xbrli:` instances and item types, namespace `http://www.xbrl.org/2003/instance`.
    package static let instanceURL = official("2003/xbrl-instance-2003-12-31.xsd")
    /// `xbrldt:` hypercubes and dimensions, namespace `http://xbrl.org/2005/xbrldt`.
    package static let dimensionTaxonomyURL = official("2005/xbrldt-2005.xsd")
    /// `xbrldi:` dimension members in contexts, namespace `http://xbrl.org/2006/xbrldi`.
    package static let dimensionInstanceURL = official("2006/xbrldi-2006.xsd")
    /// `num:` the Data Type Registry's numeric types (`percentItemType`), namespace
    /// `http://www.xbrl.org/dtr/type/numeric`.
    package static let dtrNumericURL = official("dtr/type/numeric-2009-12-16.xsd")

    /// A schema's official location: XBRL International's site, `http://www.xbrl.org/`.
    private static func official(_ path: String) -> String { "http://www.xbrl.org/" + path }

    /// Every bundled schema, keyed by its official URL.
    package static let files: [String: String] = [
        xlinkURL: xlink,
        xlURL: xl,
        linkbaseURL: linkbase,
        instanceURL: instance,
        dimensionTaxonomyURL: dimensionTaxonomy,
        dimensionInstanceURL: dimensionInstance,
        dtrNumericURL: dtrNumeric,
    ]
}
