/// The forms a converted statement is written in: the XBRL 2.1 instance, or the Open
/// Information Model's xBRL-JSON report, or its xBRL-CSV report in a report package.
///
/// Every form holds the same facts: the JSON and CSV reports are written from the facts of the
/// XML instance, which is what `convert` validates.
public enum ReportFormat: String, Sendable, CaseIterable {
    case xml
    case json
    case csv

    /// The extension of a file of this form: `.xbrl`, `.json`, `.xbr` (a report package).
    public var fileExtension: String {
        switch self {
        case .xml: "xbrl"
        case .json: "json"
        case .csv: "xbr"
        }
    }

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

    /// What the first bytes of a document say it is: a zip (a report package), JSON (an object
    /// or an array, after white space and a byte order mark), or else XML.
    public static func detect(_ bytes: [UInt8]) -> ReportFormat {
        if bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B, bytes[2] == 0x03, bytes[3] == 0x04 { return .csv }
        var i = 0
        // A UTF-8 byte order mark, then white space.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        if i < bytes.count, bytes[i] == 0x7B || bytes[i] == 0x5B { return .json }
        return .xml
    }
}
