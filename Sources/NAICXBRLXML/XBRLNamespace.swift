/// The namespaces of the XBRL 2.1 and XBRL Dimensions specifications that the instance, the
/// taxonomy, the readers and the bundled schemas (``BundledSchemas``) name.
package enum XBRLNamespace {
    package static let xbrli = "http://www.xbrl.org/2003/instance"
    package static let link = "http://www.xbrl.org/2003/linkbase"
    package static let xlink = "http://www.w3.org/1999/xlink"
    /// XBRL 2.1's abstract XLink building blocks (`xl:`).
    package static let xl = "http://www.xbrl.org/2003/XLink"
    package static let xbrldt = "http://xbrl.org/2005/xbrldt"
    package static let xbrldi = "http://xbrl.org/2006/xbrldi"
    package static let iso4217 = "http://www.xbrl.org/2003/iso4217"
    /// The Data Type Registry's numeric types (`num:percentItemType`).
    package static let num = "http://www.xbrl.org/dtr/type/numeric"
    package static let xsi = "http://www.w3.org/2001/XMLSchema-instance"
}
