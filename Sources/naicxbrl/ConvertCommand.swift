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

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert statements to XBRL 2.1 instances, then validate them.",
        discussion: """
        One statement: the instance goes to -o FILE, or to standard output. Many statements or \
        folders: --output-dir DIR gets one instance per statement and summary.jsonl (one JSON \
        line per statement: input, output, facts, validation, checks, duration), converted \
        --jobs at a time; a bad input is reported and the batch goes on. A failed conversion \
        writes no file and leaves an existing one untouched.
        """
    )

    @Argument(help: "Statements or folders of statements; - reads one statement from standard input.")
    var statements: [String]

    @Option(name: [.short, .customLong("output")], help: "Where to write the instance of a single statement (default: standard output).")
    var output: String?

    @Option(help: "Folder for the instances of a batch, and its summary.jsonl.")
    var outputDir: String?

    @Option(help: "Statements converted at once in a batch (default: one per core).")
    var jobs: Int = min(ProcessInfo.processInfo.activeProcessorCount, Limits.current.jobs)

    @Flag(help: "Skip schema validation of the written instances.")
    var noValidate = false

    @Option(help: "xml: the XBRL 2.1 instance (.xbrl); json: an xBRL-JSON report (.json); csv: an xBRL-CSV report package (.xbr); ixbrl: one Inline XBRL document (XHTML) laid out like the printed blank. Each holds the same facts; the XML instance is validated.")
    var format: OutputFormat = .xml

    @OptionGroup var entity: EntityOptions

    @Option(help: "A batch's NAIC codes for statements that do not print them: CSV lines file,companyCode[,groupCode], a file matched by its path or name.")
    var codes: String?

    @Option(help: "Write every finding (reading, mapping, validation, crosschecks with their cells) as JSON: for one statement, this file; for a batch, this folder gets NAME.findings.json per statement, and summary.jsonl carries the findings.")
    var findings: String?

    func validate() throws {
        if statements.isEmpty { throw ValidationError("name a statement, a folder, or - for standard input") }
        if outputDir == nil, statements.count > 1 { throw ValidationError("several statements need --output-dir") }
        if outputDir != nil, output != nil { throw ValidationError("-o names one instance; with --output-dir the names come from the statements") }
        if outputDir != nil, statements.contains("-") { throw ValidationError("standard input converts one statement; drop --output-dir") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if outputDir != nil, !(try entity.codes()).isEmpty { throw ValidationError("--company-code and --group-code name one statement's company; a batch takes --codes FILE") }
        if outputDir == nil, codes != nil { throw ValidationError("--codes is for a batch (--output-dir); one statement takes --company-code") }
        if format == .ixbrl, outputDir != nil { throw ValidationError("--format ixbrl converts one statement; drop --output-dir") }
        if jobs > Limits.current.jobs { throw ValidationError("--jobs is at most \(Limits.current.jobs) (NAICXBRL_MAX_JOBS sets the limit)") }
    }

    func run() throws {
        if let outputDir {
            try batch(outputDir)
        } else {
            try single(statements[0])
        }
    }

    /// One statement to `-o FILE` or standard output, in any format; with `--findings`, its
    /// findings are written whatever the outcome, once the statement has been read.
    private func single(_ statement: String) throws {
        var found: [Diagnostic]?
        do {
            try single(statement, found: &found)
        } catch {
            try writeFindings(found, of: statement)
            throw error
        }
        try writeFindings(found, of: statement)
    }

    private func writeFindings(_ found: [Diagnostic]?, of statement: String) throws {
        guard let findings, let found else { return }
        try refuseOverwritingInput(statement, findings)
        do {
            try AtomicFile.write(Findings(file: InputFile.displayName(statement), findings: found).json, to: findings)
        } catch {
            Output.report(.error, .io, file: findings, "cannot write the findings: \(error.localizedDescription)")
            throw ToolExit.unusable.code
        }
    }

    private func single(_ statement: String, found: inout [Diagnostic]?) throws {
        try refuseOverwritingInput(statement, output)
        if let output { AtomicFile.removeStaleTemporaryFiles(in: (output as NSString).deletingLastPathComponent.isEmpty ? "." : (output as NSString).deletingLastPathComponent) }
        let parsed = try readStatement(statement, entity: entity)
        Output.diagnostics(parsed.diagnostics, minimum: .warning)
        if findings != nil { found = parsed.diagnostics }
        guard parsed.isUsable else { throw ToolExit.unusable.code }
        let what = format == .ixbrl ? "Inline XBRL document" : "instance"
        let bytes: [UInt8], diagnostics: [Diagnostic], validation: [Diagnostic]
        do {
            if format == .ixbrl {
                let conversion = try Converter.convertInline(parsed.statement, file: output ?? "<stdout>", validate: !noValidate)
                (bytes, diagnostics, validation) = (conversion.document, conversion.diagnostics, conversion.validation)
            } else {
                let conversion = try Converter.convert(parsed.statement, file: output ?? "<stdout>", validate: !noValidate)
                (diagnostics, validation) = (conversion.diagnostics, conversion.validation)
                bytes = validation.contains(where: { $0.severity == .error }) ? [] : try (format.report ?? .xml).bytes(
                    of: conversion, statement: parsed.statement,
                    name: output.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension } ?? "report")
            }
        } catch {
            Output.report(.error, .convert, file: statement, "\(error)")
            throw ToolExit.unusable.code
        }
        Output.diagnostics(diagnostics + validation, minimum: .warning)
        if findings != nil {
            found?.append(contentsOf: diagnostics + validation)
            if let blank = Blank.named(parsed.statement.blank, year: parsed.statement.edition), let checker = Checker.shared(for: blank) {
                found?.append(contentsOf: checker.check(parsed.statement, origins: parsed.origins, file: InputFile.displayName(statement)).diagnostics)
            }
        }
        if validation.contains(where: { $0.severity == .error }) {
            Output.report(.error, .schemaInvalid, file: output ?? "<stdout>", "the \(what) is not valid; it was not written")
            throw ToolExit.invalid.code
        }
        if let output {
            do {
                try AtomicFile.write(bytes, to: output)
            } catch {
                Output.report(.error, .io, file: output, "cannot write the \(format == .ixbrl ? "document" : "instance"): \(error.localizedDescription)")
                throw ToolExit.unusable.code
            }
        } else {
            Output.write(bytes, to: .standardOutput)
        }
        if parsed.hasErrors || diagnostics.contains(where: { $0.severity == .error }) { throw ToolExit.invalid.code }
    }

    private func batch(_ directory: String) throws {
        let (files, missing) = BatchConverter.expand(statements)
        for path in missing { Output.report(.error, .io, file: path, "no such file or folder") }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            Output.report(.error, .io, file: directory, "cannot create the output folder: \(error.localizedDescription)")
            throw ToolExit.unusable.code
        }
        // Every output name is planned before anything is written; an output that would
        // overwrite an input stops the batch before it starts.
        let outputs = BatchConverter.outputNames(for: files, in: directory, extension: (format.report ?? .xml).fileExtension)
        var overwritten = BatchConverter.overwrittenInputs(files, outputs: outputs, in: directory)
        if let findings {
            let findingsPaths = outputs.map { (findings as NSString).appendingPathComponent((($0 as NSString).lastPathComponent as NSString).deletingPathExtension + ".findings.json") }
            overwritten += BatchConverter.overwrittenInputs(files, outputs: findingsPaths, in: findings)
        }
        if !overwritten.isEmpty {
            for (input, output) in overwritten { Output.report(.error, .batch, file: input, "the output \(output) would overwrite this input; choose another --output-dir") }
            Output.report(.error, .batch, file: nil, "nothing was converted")
            throw ToolExit.unusable.code
        }
        // Temporary files a killed run left, and the summary of an earlier run, which would
        // otherwise stand beside this run's instances if it is interrupted.
        AtomicFile.removeStaleTemporaryFiles(in: directory)
        let summaryPath = (directory as NSString).appendingPathComponent(BatchConverter.summaryName)
        if unlink(summaryPath) != 0, errno != ENOENT {
            Output.report(.error, .io, file: summaryPath, "cannot remove the previous summary: \(String(cString: strerror(errno)))")
            throw ToolExit.unusable.code
        }
        let interactive = isatty(STDERR_FILENO) == 1
        BatchConverter.keepFreedMemory()
        var converter = BatchConverter(outputDirectory: directory, jobs: jobs, validate: !noValidate, check: BatchChecks.run)
        if let findings {
            do {
                try FileManager.default.createDirectory(atPath: findings, withIntermediateDirectories: true)
            } catch {
                Output.report(.error, .io, file: findings, "cannot create the findings folder: \(error.localizedDescription)")
                throw ToolExit.unusable.code
            }
            converter.findingsDirectory = findings
        }
        converter.format = format.report ?? .xml
        try entity.checkOCRTools()
        converter.ocr = entity.ocr
        if let codes {
            do {
                let text = String(decoding: try InputFile.read(codes), as: UTF8.self)
                converter.entityCodes = try EntityCodes.table(csv: text, file: InputFile.displayName(codes))
            } catch {
                Output.report(.error, .arguments, file: InputFile.displayName(codes), "\(error)")
                throw ToolExit.unusable.code
            }
        }
        let started = Date()
        let outcomes = converter.run(files, outputs: outputs) { done, total in
            guard interactive else { return }
            Output.write(Array("\r\(done)/\(total) converted".utf8), to: .standardError)
        }
        if interactive { Output.write([0x0A], to: .standardError) }
        var lines = ""
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for outcome in outcomes {
            if let data = try? encoder.encode(outcome) { lines += String(decoding: data, as: UTF8.self) + "\n" }
            if !outcome.succeeded {
                Output.report(.error, .batch, file: outcome.input, "\(outcome.failure ?? "\(outcome.errors) errors, validation \(outcome.validation), \(outcome.checkErrors ?? 0) failed checks")")
            }
        }
        do {
            try AtomicFile.write(Array(lines.utf8), to: summaryPath)
        } catch {
            Output.report(.error, .io, file: directory, "cannot write summary.jsonl: \(error.localizedDescription)")
            throw ToolExit.unusable.code
        }
        let failed = outcomes.filter { !$0.succeeded }.count + missing.count
        let seconds = Date().timeIntervalSince(started)
        Output.error("\(outcomes.count - outcomes.filter { !$0.succeeded }.count) of \(outcomes.count + missing.count) statements converted in \(String(format: "%.2f", seconds)) s")
        if failed > 0 { throw ToolExit.invalid.code }
    }
}

/// The crosschecks a batch runs on each statement: failed rules, as errors and as warnings.
enum BatchChecks {
    static let run: (@Sendable (Statement) -> (errors: Int, warnings: Int))? = { statement in
        guard let blank = Blank.named(statement.blank, year: statement.edition), let checker = Checker.shared(for: blank) else { return (0, 0) }
        let summary = checker.check(statement).summary
        return (summary.errors, summary.warnings + summary.rounding)
    }
}

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate an XBRL instance against the taxonomy and the XBRL 2.1 schemas, offline."
    )

    @Argument(help: "The instance document.")
    var instance: String

    @OptionGroup var findingsOption: FindingsOption

    func run() throws {
        findingsOption.record(about: instance)
        let bytes = try InlineInput.instance(try readInstance(instance), name: InputFile.displayName(instance))
        if ReportFormat.detect(bytes) != .xml { return try validateReport(bytes, instance) }
        let recognized = InstanceBlank.recognize(bytes)
        if let refusal = recognized.refusal {
            Output.report(.error, .limit, file: InputFile.displayName(instance), "the document was not read: \(refusal)")
            throw ToolExit.invalid.code
        }
        guard let blank = recognized.blank else {
            Output.report(.error, .schema, file: instance, "the instance names no taxonomy of a known blank (expected a schemaRef such as \(InstanceBlank.example))")
            throw ToolExit.invalid.code
        }
        let validator: InstanceValidator
        do {
            validator = try TaxonomyRegistry.validator(for: blank)
        } catch {
            Output.report(.error, .schema, file: nil, "the taxonomy does not compile: \(error)")
            throw ToolExit.unusable.code
        }
        let issues = validator.validate(bytes, documentName: InputFile.displayName(instance))
        Output.diagnostics(issues, minimum: .warning)
        if issues.contains(where: { $0.severity == .error }) { throw ToolExit.invalid.code }
        Output.standardOutput("\(InputFile.displayName(instance)): valid\n")
    }
}

struct TaxonomyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taxonomy",
        abstract: "Write the taxonomies generated from the blank descriptions.",
        discussion: "One taxonomy package holds an entry point per blank. --output writes the package's folder (META-INF and a folder per blank); --package writes it as a zip."
    )

    @Option(help: "A folder to write the taxonomy package's files into.")
    var output: String?

    @Option(help: "A zip file to write the taxonomy package to.")
    var package: String?

    func validate() throws {
        if output == nil && package == nil { throw ValidationError("give --output DIR, --package FILE.zip, or both") }
    }

    func run() throws {
        let files = TaxonomyPackage.files(of: TaxonomyPackage.bundledBlanks)
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
            Output.report(.error, .io, file: nil, "cannot write the taxonomy: \(error.localizedDescription)")
            throw ToolExit.unusable.code
        }
    }
}
