import ArgumentParser
import Foundation
import NAICXBRL

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read an XBRL instance of the taxonomy back into the statement.",
        discussion: "Facts are matched by concept and context, so instances written by other XBRL processors import too. What cannot be placed is an error with its line."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, xbrl
    }

    @Argument(help: "The instance document.")
    var instance: String

    @Option(help: "text: the tabular pages in the statement's layout; json: the model; xbrl: the instance written again.")
    var format: Format = .json

    @Option(name: [.short, .customLong("output")], help: "Where to write the result (default: standard output).")
    var output: String?

    func run() throws {
        try refuseOverwritingInput(instance, output)
        let bytes = try InlineInput.instance(try readInstance(instance), name: InputFile.displayName(instance))
        guard let blank = InstanceBlank.of(bytes) else {
            Output.error("\(InputFile.displayName(instance)): error: the instance names no taxonomy of a known blank edition (expected a schemaRef such as \(InstanceBlank.example)) [schema]")
            throw ToolExit.invalid.code
        }
        let result = FactImporter(blank: blank).importInstance(bytes, name: InputFile.displayName(instance))
        Output.diagnostics(result.diagnostics, minimum: .warning)
        if result.hasErrors { throw ToolExit.invalid.code }
        let out: [UInt8]
        switch format {
        case .json:
            out = [UInt8](try Output.json(result.statement)) + [0x0A]
        case .text:
            out = Array(TextRenderer.render(result.statement, blank: blank).utf8)
        case .xbrl:
            do {
                out = try Converter.convert(result.statement, file: output, validate: false).instance
            } catch {
                Output.error("\(instance): error: \(error) [convert]")
                throw ToolExit.unusable.code
            }
        }
        if let output {
            do { try AtomicFile.write(out, to: output) } catch {
                Output.error("\(output): error: cannot write: \(error.localizedDescription) [io]")
                throw ToolExit.unusable.code
            }
        } else {
            Output.write(out, to: .standardOutput)
        }
    }
}
