import NAICXBRLCore
import NAICXBRLXML
import NAICXBRLReading
import NAICXBRLTaxonomy
import NAICXBRLChecks
@_spi(Stages) import NAICXBRLInstance
/// A statement converted to Inline XBRL (``Converter/convertInline(_:file:validate:findings:)``).
public struct InlineConversion: Sendable {
    /// The XHTML document.
    public var document: [UInt8]
    /// The XBRL instance the document stands for, as an XBRL processor extracts it.
    public var extracted: [UInt8]?
    public var facts: [Fact]
    /// Findings from mapping the model to facts, and from reading the document back.
    public var diagnostics: [Diagnostic]
    /// Well-formedness of the document and schema validation of the extracted instance; empty
    /// when valid or not validated.
    public var validation: [Diagnostic]
    /// Crosscheck findings marked in the document: failed rules and rounding differences.
    public var marked: Int
}

extension Converter {
    /// Maps `statement` to facts as for the XML instance and writes them as one Inline XBRL
    /// document laid out like the printed blank. With `findings`, the cells a crosscheck failed
    /// or warned about are marked (the blank's own crosschecks are run when `findings` is nil).
    /// With `validate`, the document is read back as an XBRL processor would and the instance
    /// it stands for is validated against the taxonomy and the XBRL 2.1 schemas.
    public static func convertInline(_ statement: Statement, file: String? = nil, validate: Bool = true,
                                     findings: [InlineXBRLWriter.Place: [InlineXBRLWriter.Finding]]? = nil) throws -> InlineConversion {
        guard let blank = Blank.named(statement.blank, year: statement.edition) else {
            throw ConversionError("the statement's blank \(statement.blank) is not known")
        }
        let (_, result) = try facts(of: statement, blank: blank, file: file)
        let marks: [InlineXBRLWriter.Place: [InlineXBRLWriter.Finding]]
        if let findings {
            marks = findings
        } else if let checker = try? Checker.bundled(for: blank) {
            marks = InlineXBRLWriter.findings(checker.check(statement, file: file))
        } else {
            marks = [:]
        }
        let written = InlineXBRLWriter(blank: blank).write(statement, result, findings: marks)
        var diagnostics = result.diagnostics + unwritable(written.unwritable, file)
        let marked = marks.values.reduce(0) { $0 + $1.count }
        guard validate else {
            return InlineConversion(document: written.bytes, extracted: nil, facts: result.facts, diagnostics: diagnostics,
                                    validation: [], marked: marked)
        }
        let documentName = file ?? "<document>"
        let extraction = InlineXBRLReader.extract(written.bytes, name: documentName)
        var issues = extraction.issues
        if let instance = extraction.instance {
            do {
                issues += try TaxonomyRegistry.validator(for: blank).validate(instance, documentName: documentName + " (extracted instance)")
            } catch {
                issues += error.issues
            }
            if extraction.factCount != result.facts.count {
                diagnostics.append(Diagnostic(.error, .importError, file: file, line: nil,
                                              "the document holds \(extraction.factCount) facts, the mapping made \(result.facts.count)"))
            }
        }
        return InlineConversion(document: written.bytes, extracted: extraction.instance, facts: result.facts, diagnostics: diagnostics,
                                validation: issues, marked: marked)
    }
}
