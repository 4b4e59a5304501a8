import NAICXBRLCore
import NAICXBRLTaxonomy
@_spi(Stages) import NAICXBRLInstance

extension ReportFormat {
    /// The bytes of `conversion` of `statement` in this form, and the texts that could not be
    /// written as they are (see ``Converter/unwritable(_:_:)``).
    public func bytes(of conversion: Conversion, statement: Statement, name: String = "report") throws -> [UInt8] {
        switch self {
        case .xml:
            return conversion.instance
        case .json, .csv:
            guard let blank = Blank.named(statement.blank, year: statement.edition) else {
                throw ConversionError("the statement's blank \(statement.blank) is not known")
            }
            guard let entity = statement.cover.companyCode, !entity.isEmpty else {
                throw ConversionError(FactMapping.Failure.noCompanyCode.description)
            }
            let taxonomy = TaxonomyModel.of(blank)
            if self == .json {
                return JSONReportWriter(taxonomy: taxonomy).written(facts: conversion.facts, entity: entity, numbers: conversion.numbers).bytes
            }
            guard let date = statement.cover.statementDate else { throw ConversionError(FactMapping.Failure.noStatementDate.description) }
            return CSVReportWriter(blank: blank, taxonomy: taxonomy).package(facts: conversion.facts, entity: entity, name: name, statementDate: date,
                                                                       numbers: conversion.numbers)
        }
    }
}
