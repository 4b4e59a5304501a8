import Foundation
@_spi(Stages) import NAICXBRLStages
import Synthetic

/// The reference statement's blank: the quarterly Life, Accident and Health blank.
let referenceBlank: Blank = Blank.named("life-ah-quarterly")!

// Writes generated inputs for benchmarks and load tests:
//   synthesize instance FACTS OUT.xbrl     an instance of about FACTS facts (a generated blank)
//   synthesize statements COUNT DIR        COUNT statements of the reference blank, each another company
let arguments = CommandLine.arguments
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}
/// The reference statement's text, `Fixtures/mml-bay-state-life-2011-q2.txt` of the checkout.
func referenceStatement() -> Data {
    let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/mml-bay-state-life-2011-q2.txt")
    guard let data = FileManager.default.contents(atPath: fixture.path) else { fail("missing \(fixture.path)") }
    return data
}
/// The instance of a statement `factor` times the reference's size (``Synthetic/largeStatementText(basedOn:factor:)``).
func largeInstance(_ factor: Int) throws -> [UInt8] {
    let text = Synthetic.largeStatementText(basedOn: String(decoding: referenceStatement(), as: UTF8.self), factor: factor)
    return try Converter.convert(StatementParser.parse(bytes: Array(text.utf8), name: "large").statement, validate: false).instance
}
/// The XML instance of `statement`, not validated (`synthesize time-inline`).
@inline(never)
func writeInstance(_ statement: Statement) throws -> [UInt8] {
    try Converter.convert(statement, validate: false).instance
}
/// The Inline XBRL of `statement`, not validated, with `findings` marked (`synthesize time-inline`).
@inline(never)
func writeInline(_ statement: Statement, _ findings: [InlineXBRLWriter.Place: [InlineXBRLWriter.Finding]]) throws -> [UInt8] {
    try Converter.convertInline(statement, validate: false, findings: findings).document
}
guard arguments.count == 4 || arguments.count == 5 && arguments[1] == "time-csv-import" else { fail("usage: synthesize instance FACTS OUT.xbrl | synthesize statements COUNT DIR") }
switch arguments[1] {
case "instance":
    guard let facts = Int(arguments[2]) else { fail("FACTS must be a number") }
    do {
        let (_, bytes) = try Synthetic.instance(facts: facts)
        try AtomicFile.write(bytes, to: arguments[3])
    } catch { fail("\(error)") }
case "statements":
    guard let count = Int(arguments[2]) else { fail("COUNT must be a number") }
    let data = referenceStatement()
    let text = String(decoding: data, as: UTF8.self)
    do {
        try FileManager.default.createDirectory(atPath: arguments[3], withIntermediateDirectories: true)
        for i in 0..<count {
            let path = URL(fileURLWithPath: arguments[3]).appendingPathComponent(String(format: "statement-%05d.txt", i)).path
            try AtomicFile.write(Array(Synthetic.statementText(basedOn: text, copy: i).utf8), to: path)
        }
    } catch { fail("\(error)") }
case "time-import":
    // Generates an instance of FACTS facts and times importing it: `synthesize time-import FACTS -`.
    guard let facts = Int(arguments[2]) else { fail("FACTS must be a number") }
    do {
        let (blank, bytes) = try Synthetic.instance(facts: facts)
        let importer = FactImporter(blank: blank)
        let start = Date()
        let result = importer.importInstance(bytes, name: "synthetic.xbrl")
        let seconds = Date().timeIntervalSince(start)
        let readStart = Date()
        let raw = InstanceReader.read(bytes, name: "synthetic.xbrl", taxonomyNamespace: importer.taxonomy.namespace,
                                      printedFormRole: TaxonomyWriter.printedFormRole(importer.taxonomy))
        let reading = Date().timeIntervalSince(readStart)
        let placeStart = Date()
        _ = importer.importRaw(raw, name: "synthetic.xbrl")
        print(String(format: "(again: reading %.3f s, placing %.3f s)", reading, Date().timeIntervalSince(placeStart)))
        print("imported \(facts) facts (\(bytes.count) bytes) in \(String(format: "%.3f", seconds)) s: \(Int(Double(facts) / seconds)) facts/s; \(result.diagnostics.count) diagnostics")
    } catch { fail("\(error)") }
case "time-convert":
    // Times each stage of converting the reference statement, ROUNDS times: `synthesize time-convert ROUNDS -`.
    guard let rounds = Int(arguments[2]), rounds > 0 else { fail("ROUNDS must be a positive number") }
    let data = referenceStatement()
    let bytes = [UInt8](data)
    do {
        let validator = try TaxonomyRegistry.validator(for: referenceBlank)
        let checker = try Checker.bundled(for: referenceBlank)
        var parse = 0.0, write = 0.0, validate = 0.0, check = 0.0, endToEnd = 0.0, writeAndValidate = 0.0, size = 0, evaluated = 0
        func seconds(_ body: () throws -> Void) rethrows -> Double {
            let start = DispatchTime.now()
            try body()
            return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        }
        for _ in 0..<rounds {
            var parsed: ParseResult?
            parse += seconds { parsed = StatementParser.parse(bytes: bytes, name: "fixture") }
            guard let statement = parsed?.statement else { fail("the fixture does not parse") }
            var instance: [UInt8] = []
            write += try seconds { instance = try Converter.convert(statement, validate: false).instance }
            size = instance.count
            var issues: [Diagnostic] = []
            validate += seconds { issues = validator.validate(instance, documentName: "fixture.xbrl") }
            if !issues.isEmpty { fail("invalid: \(issues.prefix(3))") }
            check += seconds { evaluated += checker?.check(statement).summary.evaluated ?? 0 }
            writeAndValidate += try seconds { _ = try Converter.convert(statement, validate: true) }
            endToEnd += try seconds {
                let conversion = try Converter.convert(StatementParser.parse(bytes: bytes, name: "fixture").statement, validate: true)
                if !conversion.validation.isEmpty { fail("invalid: \(conversion.validation.prefix(3))") }
            }
        }
        let n = Double(rounds)
        print(String(format: "per statement (mean of %d): parse %.2f ms, write %.2f ms, validate %.2f ms (%d bytes), checks %.2f ms (%d evaluated); write and validate together %.2f ms; convert end to end (parse, write, validate) %.2f ms", rounds,
                     parse / n * 1e3, write / n * 1e3, validate / n * 1e3, size, check / n * 1e3, evaluated / rounds, writeAndValidate / n * 1e3, endToEnd / n * 1e3))
    } catch { fail("\(error)") }
case "time-oim":
    // Writes the reference statement's XML instance, xBRL-JSON report and xBRL-CSV package
    // ROUNDS times each, from the facts as `convert` has them: `synthesize time-oim ROUNDS -`.
    // Each writer runs inside a function of its own (`oimWriteXML`, `oimWriteJSON`,
    // `oimWriteCSV`) that callgrind's --toggle-collect can name.
    guard let rounds = Int(arguments[2]), rounds > 0 else { fail("ROUNDS must be a positive number") }
    do {
        let statement = StatementParser.parse(bytes: [UInt8](referenceStatement()), name: "fixture").statement
        let conversion = try Converter.convert(statement, validate: false)
        let mapping = try FactMapping(blank: referenceBlank).facts(of: statement)
        let writer = InstanceWriter(taxonomy: TaxonomyModel.of(referenceBlank))
        var xml = 0.0, json = 0.0, csv = 0.0, sizes = (0, 0, 0)
        for _ in 0..<rounds {
            var start = DispatchTime.now()
            sizes.0 = oimWriteXML(writer, mapping).count
            xml += Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds)
            start = DispatchTime.now()
            sizes.1 = try oimWriteJSON(conversion, statement).count
            json += Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds)
            start = DispatchTime.now()
            sizes.2 = try oimWriteCSV(conversion, statement).count
            csv += Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds)
        }
        let n = Double(rounds) * 1e6
        print(String(format: "per write (mean of %d): XML %.3f ms (%d bytes), JSON %.3f ms (%d bytes), CSV %.3f ms (%d bytes); JSON/XML %.2f, CSV/XML %.2f",
                     rounds, xml / n, sizes.0, json / n, sizes.1, csv / n, sizes.2, json / xml, csv / xml))
    } catch { fail("\(error)") }
case "time-csv-import":
    // Writes a CSV package of a generated blank of FACTS/4 lines of 4 columns, 3 of which hold
    // facts (FACTS×3/4 facts: 1333336 gives 1,000,005), and times reading and placing it ROUNDS
    // times: `synthesize time-csv-import FACTS ROUNDS`. The reading runs in
    // `oimImportCSV`, for callgrind's --toggle-collect.
    guard let facts = Int(arguments[2]), let rounds = Int(arguments[3]), rounds > 0 else { fail("usage: synthesize time-csv-import FACTS ROUNDS") }
    do {
        let blank = Synthetic.blank(lines: max(1, facts / 4), columns: 4)
        let statement = Synthetic.statement(of: blank)
        let written = try Converter.convert(statement, blank: blank, validate: false).facts
        let package = CSVReportWriter(blank: blank, taxonomy: TaxonomyModel.of(blank))
            .package(facts: written, entity: "99999", name: "synthetic", statementDate: statement.cover.statementDate!)
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325   // FNV-1a of the package, to compare packages
        for byte in package { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        print(String(format: "package: %d bytes, FNV-1a %016llx", package.count, hash))
        if arguments.count > 4 { FileManager.default.createFile(atPath: arguments[4], contents: Data(package)) }
        let importer = FactImporter(blank: blank)
        for _ in 0..<rounds {
            let start = DispatchTime.now()
            let imported = oimImportCSV(package, blank, importer)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            print(String(format: "imported %d facts (%d bytes) in %.3f s: %.0f facts/s; %d diagnostics",
                         written.count, package.count, seconds, Double(written.count) / seconds, imported))
        }
        // The two stages apart, once: reading the package into raw facts, and placing them.
        let start = DispatchTime.now()
        let read = CSVReportReader.read(package, name: "synthetic.xbr", blank: blank)
        let middle = DispatchTime.now()
        _ = importer.importRaw(read.raw, name: "synthetic.xbr")
        let end = DispatchTime.now()
        print(String(format: "stages: reading %.3f s, placing %.3f s", Double(middle.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9,
                     Double(end.uptimeNanoseconds - middle.uptimeNanoseconds) / 1e9))
    } catch { fail("\(error)") }
case "time-inline":
    // Writes the reference statement ROUNDS times as the XML instance and ROUNDS times as Inline
    // XBRL, neither validated, the crosschecks' findings worked out beforehand (as the
    // Benchmarks package's "Write the reference ..." pair does): `synthesize time-inline ROUNDS -`;
    // or the statement in FILE (text or PDF): `synthesize time-inline ROUNDS FILE`.
    // Each writing is one call of `writeInstance` or `writeInline`, for counting the
    // instructions of either with callgrind's --toggle-collect (see BENCHMARKS.md, Inline XBRL).
    guard let rounds = Int(arguments[2]), rounds > 0 else { fail("ROUNDS must be a positive number") }
    do {
        let bytes = arguments[3] == "-" ? [UInt8](referenceStatement()) : try [UInt8](Data(contentsOf: URL(fileURLWithPath: arguments[3])))
        let statement = StatementParser.parse(bytes: bytes, name: arguments[3] == "-" ? "fixture" : arguments[3]).statement
        guard let blank = Blank.named(statement.blank, year: statement.edition) else { fail("the statement's blank \(statement.blank) is not known") }
        let checker = try Checker.bundled(for: blank)
        let findings = checker.map { InlineXBRLWriter.findings($0.check(statement)) } ?? [:]
        var instance = 0.0, inline = 0.0, instanceBytes = 0, inlineBytes = 0
        for _ in 0..<rounds {
            var start = DispatchTime.now()
            instanceBytes = try writeInstance(statement).count
            instance += Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
            start = DispatchTime.now()
            inlineBytes = try writeInline(statement, findings).count
            inline += Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        }
        let n = Double(rounds)
        print(String(format: "per statement (mean of %d): XML instance %.2f ms (%d bytes), Inline XBRL %.2f ms (%d bytes), ratio %.2f",
                     rounds, instance / n, instanceBytes, inline / n, inlineBytes, inline / instance))
    } catch { fail("\(error)") }
case "time-import-large":
    // Imports the instance of a statement FACTOR times the reference's size: `synthesize time-import-large FACTOR -`.
    guard let factor = Int(arguments[2]), factor > 0 else { fail("FACTOR must be a positive number") }
    do {
        let instance = try largeInstance(factor)
        let importer = FactImporter(blank: referenceBlank)
        let start = Date()
        let result = importer.importInstance(instance, name: "large.xbrl")
        print(String(format: "imported %d bytes in %.3f s; %d diagnostics", instance.count, Date().timeIntervalSince(start), result.diagnostics.count))
    } catch { fail("\(error)") }
case "large-instance":
    // Writes the instance of a statement FACTOR times the reference's size: `synthesize large-instance FACTOR OUT`,
    // for measuring `naicxbrl import` of it as a process of its own.
    guard arguments.count > 3, let factor = Int(arguments[2]), factor > 0 else { fail("usage: synthesize large-instance FACTOR OUT") }
    do {
        let instance = try largeInstance(factor)
        try Data(instance).write(to: URL(fileURLWithPath: arguments[3]))
        print("wrote \(instance.count) bytes")
    } catch { fail("\(error)") }
case "time-map":
    // Maps the reference statement to facts ROUNDS times: `synthesize time-map ROUNDS -`.
    guard let rounds = Int(arguments[2]), rounds > 0 else { fail("ROUNDS must be a positive number") }
    let data = referenceStatement()
    do {
        let statement = StatementParser.parse(bytes: [UInt8](data), name: "fixture").statement
        let mapping = FactMapping(blank: referenceBlank)
        let start = DispatchTime.now()
        for _ in 0..<rounds { _ = try mapping.facts(of: statement) }
        print(String(format: "facts: %.2f ms", Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6 / Double(rounds)))
    } catch { fail("\(error)") }
case "time-validate":
    // Validates the reference statement's instance ROUNDS times: `synthesize time-validate ROUNDS -`;
    // or the instance in FILE, against the quarterly taxonomy: `synthesize time-validate ROUNDS FILE`.
    guard let rounds = Int(arguments[2]), rounds > 0 else { fail("ROUNDS must be a positive number") }
    do {
        let instance: [UInt8]
        if arguments.count > 3, arguments[3] != "-" {
            instance = try [UInt8](Data(contentsOf: URL(fileURLWithPath: arguments[3])))
        } else {
            instance = try Converter.convert(StatementParser.parse(bytes: [UInt8](referenceStatement()), name: "fixture").statement, validate: false).instance
        }
        let validator = try TaxonomyRegistry.validator(for: referenceBlank)
        let start = DispatchTime.now()
        for _ in 0..<rounds { _ = validator.validate(instance, documentName: "fixture.xbrl") }
        print(String(format: "validate: %.2f ms", Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6 / Double(rounds)))
    } catch { fail("\(error)") }
default:
    fail("unknown kind \(arguments[1])")
}

@inline(never) func oimWriteXML(_ writer: InstanceWriter, _ mapping: FactMapping.Result) -> [UInt8] {
    writer.write(mapping)
}

@inline(never) func oimWriteJSON(_ conversion: Conversion, _ statement: Statement) throws -> [UInt8] {
    try ReportFormat.json.bytes(of: conversion, statement: statement)
}

@inline(never) func oimWriteCSV(_ conversion: Conversion, _ statement: Statement) throws -> [UInt8] {
    try ReportFormat.csv.bytes(of: conversion, statement: statement, name: "fixture")
}

/// Reads and places a CSV package; the number of diagnostics.
@inline(never) func oimImportCSV(_ package: [UInt8], _ blank: Blank, _ importer: FactImporter) -> Int {
    let read = CSVReportReader.read(package, name: "synthetic.xbr", blank: blank)
    return importer.importRaw(read.raw, name: "synthetic.xbr").diagnostics.count
}
