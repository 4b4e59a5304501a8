import Foundation
import NAICXBRL

/// `convert --format ixbrl` of one statement.
extension ConvertCommand {
    func singleInline(_ statement: String) throws {
        try refuseOverwritingInput(statement, output)
        if let output { AtomicFile.removeStaleTemporaryFiles(in: (output as NSString).deletingLastPathComponent.isEmpty ? "." : (output as NSString).deletingLastPathComponent) }
        let parsed = try readStatement(statement, entity: entity)
        Output.diagnostics(parsed.diagnostics, minimum: .warning)
        guard parsed.isUsable else { throw ToolExit.unusable.code }
        let conversion: InlineConversion
        do {
            conversion = try Converter.convertInline(parsed.statement, file: output ?? "<stdout>", validate: !noValidate)
        } catch {
            Output.error("\(statement): error: \(error) [convert]")
            throw ToolExit.unusable.code
        }
        Output.diagnostics(conversion.diagnostics, minimum: .warning)
        for issue in conversion.validation { Output.error(issue.description) }
        if conversion.validation.contains(where: { $0.severity == .error }) {
            Output.error("\(output ?? "<stdout>"): error: the Inline XBRL document is not valid; it was not written [schema-invalid]")
            throw ToolExit.invalid.code
        }
        if let output {
            do {
                try AtomicFile.write(conversion.document, to: output)
            } catch {
                Output.error("\(output): error: cannot write the document: \(error.localizedDescription) [io]")
                throw ToolExit.unusable.code
            }
        } else {
            Output.write(conversion.document, to: .standardOutput)
        }
        if parsed.hasErrors || conversion.diagnostics.contains(where: { $0.severity == .error }) { throw ToolExit.invalid.code }
    }
}

/// Inline XBRL input for `validate`, `import` and `check`: the instance the document stands for.
enum InlineInput {
    /// `bytes` as an XBRL instance: itself, or the instance extracted from an Inline XBRL
    /// document. A document that cannot be read is reported and ends the command (exit 1).
    static func instance(_ bytes: [UInt8], name: String) throws -> [UInt8] {
        guard InlineXBRLReader.isInline(bytes) else { return bytes }
        let extraction = InlineXBRLReader.extract(bytes, name: name)
        for issue in extraction.issues { Output.error(issue.description) }
        guard let instance = extraction.instance, !extraction.issues.contains(where: { $0.severity == .error }) else {
            Output.error("\(name): error: the Inline XBRL document cannot be read [schema-invalid]")
            throw ToolExit.invalid.code
        }
        return instance
    }
}
