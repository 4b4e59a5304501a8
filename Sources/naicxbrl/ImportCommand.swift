import ArgumentParser
import Foundation
import NAICXBRL
@_spi(Stages) import NAICXBRLCore
import NAICXBRLXML
import NAICXBRLReading
import NAICXBRLTaxonomy
import NAICXBRLChecks
import NAICXBRLInstance
import NAICXBRLConversion

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read an XBRL instance of the taxonomy back into the statement.",
        discussion: "Facts are matched by concept and context, so instances written by other XBRL processors import too. What cannot be placed is an error with its line."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, xbrl
        case xbrlJSON = "xbrl-json"
        case xbrlCSV = "xbrl-csv"
    }

    @Argument(help: "The instance document, xBRL-JSON report or xBRL-CSV report package (told apart by their first bytes).")
    var instance: String

    @Option(help: "text: the tabular pages in the statement's layout; json: the model; xbrl: the instance written again; xbrl-json, xbrl-csv: the xBRL-JSON report or xBRL-CSV report package written again.")
    var format: Format = .json

    @Option(name: [.short, .customLong("output")], help: "Where to write the result (default: standard output).")
    var output: String?

    @OptionGroup var findingsOption: FindingsOption

    func run() throws {
        findingsOption.record(about: instance)
        try refuseOverwritingInput(instance, output)
        let bytes = try InlineInput.instance(try readInstance(instance), name: InputFile.displayName(instance))
        let report = ReportImport.read(bytes, name: InputFile.displayName(instance), beside: InputFile.beside(instance))
        guard let blank = report.blank else {
            Output.diagnostics(report.result.diagnostics, minimum: .warning)
            if report.result.diagnostics.isEmpty {
                Output.report(.error, .schema, file: InputFile.displayName(instance), "the \(report.format == .xml ? "instance" : "report") names no taxonomy of a known blank edition (expected \(report.format == .xml ? "a schemaRef" : "a taxonomy") such as \(InstanceBlank.example))")
            }
            throw ToolExit.invalid.code
        }
        let result = report.result
        Output.diagnostics(result.diagnostics, minimum: .warning)
        if result.hasErrors { throw ToolExit.invalid.code }
        let out: [UInt8]
        switch format {
        case .json:
            out = [UInt8](try Output.json(result.statement)) + [0x0A]
        case .text:
            out = Array(TextRenderer.render(result.statement, blank: blank).utf8)
        case .xbrl, .xbrlJSON, .xbrlCSV:
            do {
                let conversion = try Converter.convert(result.statement, file: output, validate: false)
                let form: ReportFormat = format == .xbrl ? .xml : format == .xbrlJSON ? .json : .csv
                out = try form.bytes(of: conversion, statement: result.statement,
                                     name: output.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension } ?? "report")
            } catch {
                Output.report(.error, .convert, file: instance, "\(error)")
                throw ToolExit.unusable.code
            }
        }
        if let output {
            do { try AtomicFile.write(out, to: output) } catch {
                Output.report(.error, .io, file: output, "cannot write: \(error.localizedDescription)")
                throw ToolExit.unusable.code
            }
        } else {
            Output.write(out, to: .standardOutput)
        }
    }
}
