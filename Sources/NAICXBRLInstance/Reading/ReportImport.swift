import NAICXBRLCore
import NAICXBRLXML
import NAICXBRLTaxonomy
import NAICXBRLChecks
/// Imports a report in any of the forms `convert` writes: the XML instance, the xBRL-JSON
/// report, or the xBRL-CSV report package, told apart by their first bytes
/// (``ReportFormat/detect(_:)``). Each is read into the same plain values and placed by
/// ``FactImporter``, so the three forms of one statement import to the same statement.
public enum ReportImport {
    public struct Outcome: Sendable {
        public var format: ReportFormat
        /// The edition the report names; nil when it names none the catalog knows (or cannot be
        /// read far enough to tell).
        public var blank: Blank?
        /// The import; when ``blank`` is nil, only the problems that stopped the reading.
        public var result: FactImporter.Result
    }

    /// `beside`, when given, reads a file by its name beside the input: loose xBRL-CSV metadata
    /// (a `.json` file whose document type is xBRL-CSV, as Arelle's saveLoadableOIM writes it)
    /// is then read with the tables it names.
    public static func read(_ bytes: [UInt8], name: String, beside: ((String) -> [UInt8]?)? = nil) -> Outcome {
        let format = ReportFormat.detect(bytes)
        switch format {
        case .xml:
            let recognized = InstanceBlank.recognize(bytes)
            if let refusal = recognized.refusal {
                return Outcome(format: format, blank: nil, result: .init(statement: Statement(blank: ""), diagnostics: [
                    Diagnostic(.error, .limit, file: name, line: nil, "the document was not read: \(refusal)"),
                ]))
            }
            guard let blank = recognized.blank else {
                return Outcome(format: format, blank: nil, result: .init(statement: Statement(blank: ""), diagnostics: []))
            }
            return Outcome(format: format, blank: blank, result: FactImporter(blank: blank).importInstance(bytes, name: name))
        case .json:
            // Parsed once, whichever reader then reads it.
            let root: JSONDocument.Node
            do {
                root = try JSONDocument.parse(bytes)
            } catch {
                let read = JSONReportReader.unparsed(error, name: name)
                return outcome(format, read.blank, read.raw, name)
            }
            if let beside, CSVReportReader.isMetadata(root) {
                let read = CSVReportReader.read(metadata: root, name: name, table: beside)
                return outcome(.csv, read.blank, read.raw, name)
            }
            let read = JSONReportReader.read(root, name: name)
            return outcome(format, read.blank, read.raw, name)
        case .csv:
            let read = CSVReportReader.read(bytes, name: name)
            return outcome(format, read.blank, read.raw, name)
        }
    }

    private static func outcome(_ format: ReportFormat, _ blank: Blank?, _ raw: RawInstance, _ name: String) -> Outcome {
        guard let blank else {
            return Outcome(format: format, blank: nil, result: .init(statement: Statement(blank: ""), diagnostics: raw.issues))
        }
        return Outcome(format: format, blank: blank, result: FactImporter(blank: blank).importRaw(raw, name: name))
    }
}
