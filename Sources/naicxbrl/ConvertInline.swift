import Foundation
import NAICXBRL
import NAICXBRLCore
import NAICXBRLXML
import NAICXBRLReading
import NAICXBRLTaxonomy
import NAICXBRLChecks
import NAICXBRLInstance
import NAICXBRLConversion

/// Inline XBRL input for `validate`, `import` and `check`: the instance the document stands for.
enum InlineInput {
    /// `bytes` as an XBRL instance: itself, or the instance extracted from an Inline XBRL
    /// document. A document that cannot be read is reported and ends the command (exit 1).
    static func instance(_ bytes: [UInt8], name: String) throws -> [UInt8] {
        guard InlineXBRLReader.isInline(bytes) else { return bytes }
        let extraction = InlineXBRLReader.extract(bytes, name: name)
        Output.diagnostics(extraction.issues, minimum: .warning)
        guard let instance = extraction.instance, !extraction.issues.contains(where: { $0.severity == .error }) else {
            Output.report(.error, .schemaInvalid, file: name, "the Inline XBRL document cannot be read")
            throw ToolExit.invalid.code
        }
        return instance
    }
}
