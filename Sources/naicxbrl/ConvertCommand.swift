import ArgumentParser
import Foundation
import NAICXBRL

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a statement to an XBRL 2.1 instance, then validate it.",
        discussion: "Without -o the instance goes to standard output. A failed run writes no file and leaves an existing one untouched."
    )

    @Argument(help: "The statement, or - for standard input.")
    var statement: String

    @Option(name: [.short, .customLong("output")], help: "Where to write the instance (default: standard output).")
    var output: String?

    @Flag(help: "Skip schema validation of the written instance.")
    var noValidate = false

    func run() throws {
        let parsed: ParseResult
        do {
            parsed = try readStatement(statement)
        } catch {
            Output.error("\(statement): error: cannot read the statement: \(error.localizedDescription) [io]")
            throw ToolExit.unusable.code
        }
        Output.diagnostics(parsed.diagnostics, minimum: .warning)
        guard parsed.isUsable else { throw ToolExit.unusable.code }
        let conversion: Conversion
        do {
            conversion = try Converter.convert(parsed.statement, file: output ?? "<stdout>", validate: !noValidate)
        } catch {
            Output.error("\(statement): error: \(error) [convert]")
            throw ToolExit.unusable.code
        }
        Output.diagnostics(conversion.diagnostics, minimum: .warning)
        for issue in conversion.validation { Output.error(issue.description) }
        let invalid = conversion.validation.contains { $0.severity == .error }
        if invalid {
            Output.error("\(output ?? "<stdout>"): error: the instance is not valid; it was not written [schema-invalid]")
            throw ToolExit.invalid.code
        }
        if let output {
            do {
                try AtomicFile.write(conversion.instance, to: output)
            } catch {
                Output.error("\(output): error: cannot write the instance: \(error.localizedDescription) [io]")
                throw ToolExit.unusable.code
            }
        } else {
            FileHandle.standardOutput.write(Data(conversion.instance))
        }
        if parsed.hasErrors || conversion.diagnostics.contains(where: { $0.severity == .error }) { throw ToolExit.invalid.code }
    }
}

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate an XBRL instance against the taxonomy and the XBRL 2.1 schemas, offline."
    )

    @Argument(help: "The instance document.")
    var instance: String

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: instance)))
        } catch {
            Output.error("\(instance): error: cannot read the instance: \(error.localizedDescription) [io]")
            throw ToolExit.unusable.code
        }
        let validator: InstanceValidator
        do {
            validator = try TaxonomyRegistry.validator(for: .lifeQuarterly)
        } catch {
            Output.error("error: the taxonomy does not compile: \(error) [schema]")
            throw ToolExit.unusable.code
        }
        let issues = validator.validate(bytes, documentName: instance)
        for issue in issues { Output.error(issue.description) }
        if issues.contains(where: { $0.severity == .error }) { throw ToolExit.invalid.code }
        print("\(instance): valid")
    }
}

struct TaxonomyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taxonomy",
        abstract: "Write the taxonomy generated from the blank description.",
        discussion: "--output writes the taxonomy package's folder (META-INF and the taxonomy files); --package writes it as a zip."
    )

    @Option(help: "A folder to write the taxonomy package's files into.")
    var output: String?

    @Option(help: "A zip file to write the taxonomy package to.")
    var package: String?

    func validate() throws {
        if output == nil && package == nil { throw ValidationError("give --output DIR, --package FILE.zip, or both") }
    }

    func run() throws {
        let writer = TaxonomyWriter(taxonomy: TaxonomyModel(blank: .lifeQuarterly))
        let files = writer.packageFiles()
        do {
            if let output {
                for file in files {
                    let url = URL(fileURLWithPath: output).appendingPathComponent(file.path)
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try AtomicFile.write(file.contents, to: url.path)
                }
            }
            if let package {
                let root = URL(fileURLWithPath: package).deletingPathExtension().lastPathComponent
                try AtomicFile.write(ZipArchive.stored(files.map { ("\(root)/\($0.path)", $0.contents) }), to: package)
            }
        } catch {
            Output.error("error: cannot write the taxonomy: \(error.localizedDescription) [io]")
            throw ToolExit.unusable.code
        }
    }
}
