/// Writes facts as an xBRL-CSV 1.0 report in a report package.
public struct CSVReportWriter: Sendable {
    public let blank: Blank
    public let taxonomy: TaxonomyModel

    public init(blank: Blank, taxonomy: TaxonomyModel) {
        self.blank = blank
        self.taxonomy = taxonomy
    }

    public func package(facts: [Fact], entity: String, name: String) throws -> [UInt8] {
        throw ConversionError("xBRL-CSV is not written yet")
    }
}
