import ArgumentParser
import NAICXBRL
@_spi(Stages) import NAICXBRLCore
import NAICXBRLXML
import NAICXBRLReading
import NAICXBRLTaxonomy
import NAICXBRLChecks
import NAICXBRLInstance
import NAICXBRLConversion

/// What `convert` writes: the XBRL 2.1 instance (`xml`), an xBRL-JSON report (`json`), an
/// xBRL-CSV report package (`csv`), or one Inline XBRL 1.1 document (XHTML) laid out like the
/// printed blank (`ixbrl`).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case xml, json, csv, ixbrl

    /// The report format of the OIM and XML forms; nil for Inline XBRL, written on its own.
    var report: ReportFormat? {
        switch self {
        case .xml: .xml
        case .json: .json
        case .csv: .csv
        case .ixbrl: nil
        }
    }
}

/// `validate` of an xBRL-JSON report or an xBRL-CSV report package: the report is read into the
/// fact model (every OIM problem is an error with its place), the XML instance of the same facts
/// is written and validated against the taxonomy and the XBRL 2.1 schemas.
func validateReport(_ bytes: [UInt8], _ path: String) throws {
    let name = InputFile.displayName(path)
    let report = ReportImport.read(bytes, name: name, beside: InputFile.beside(path))
    Output.diagnostics(report.result.diagnostics, minimum: .warning)
    guard report.blank != nil else {
        if report.result.diagnostics.isEmpty {
            Output.report(.error, .schema, file: name, "the report names no taxonomy of a known blank edition (expected a taxonomy such as \(InstanceBlank.example))")
        }
        throw ToolExit.invalid.code
    }
    if report.result.hasErrors { throw ToolExit.invalid.code }
    let conversion: Conversion
    do {
        conversion = try Converter.convert(report.result.statement, file: name, validate: true)
    } catch {
        Output.report(.error, .convert, file: name, "\(error)")
        throw ToolExit.unusable.code
    }
    Output.diagnostics(conversion.diagnostics, minimum: .warning)
    Output.diagnostics(conversion.validation, minimum: .warning)
    if conversion.validation.contains(where: { $0.severity == .error }) || conversion.diagnostics.contains(where: { $0.severity == .error }) {
        throw ToolExit.invalid.code
    }
    Output.standardOutput("\(name): valid\n")
}
