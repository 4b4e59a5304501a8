import Benchmark
import Foundation
@_spi(Stages) import NAICXBRLStages
import Synthetic

/// The reference statement's blank: the quarterly Life, Accident and Health blank.
let referenceBlank: Blank = Blank.named("life-ah-quarterly")!

/// The reference statement, read once. Benchmarks run from the package folder (`Benchmarks/`).
let fixtureBytes: [UInt8] = {
    let here = URL(fileURLWithPath: #filePath)
    let path = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/mml-bay-state-life-2011-q2.txt").path
    guard let data = FileManager.default.contents(atPath: path) else { fatalError("missing fixture at \(path)") }
    return [UInt8](data)
}()

let benchmarks: @Sendable () -> Void = {
    let wallClock = Benchmark.Configuration(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(3))
    let fixture = StatementParser.parse(bytes: fixtureBytes, name: "fixture")
    TaxonomyRegistry.register(referenceBlank)
    let instance = (try? Converter.convert(fixture.statement, validate: false).instance) ?? []
    // Built once, as a batch builds it: what is measured below is checking a statement.
    let checker = try? Checker.bundled(for: referenceBlank)

    Benchmark("Parse the reference statement", configuration: wallClock) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(StatementParser.parse(bytes: fixtureBytes, name: "fixture"))
        }
    }

    Benchmark("Convert the reference statement (parse, write, validate)", configuration: wallClock) { benchmark in
        _ = try? TaxonomyRegistry.validator(for: referenceBlank)
        for _ in benchmark.scaledIterations {
            let parsed = StatementParser.parse(bytes: fixtureBytes, name: "fixture")
            blackHole(try Converter.convert(parsed.statement, validate: true))
        }
    }

    Benchmark("Check the reference statement (crosschecks, counts only, as a batch)", configuration: wallClock) { benchmark in
        guard let checker else { return }
        for _ in benchmark.scaledIterations {
            blackHole(checker.check(fixture.statement).summary)
        }
    }

    Benchmark("Write the reference instance (facts and XML, no validation)", configuration: wallClock) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try Converter.convert(fixture.statement, validate: false))
        }
    }

    Benchmark("Write the reference Inline XBRL (facts and XHTML, findings given, no validation)", configuration: wallClock) { benchmark in
        let findings = checker.map { InlineXBRLWriter.findings($0.check(fixture.statement)) } ?? [:]
        for _ in benchmark.scaledIterations {
            blackHole(try Converter.convertInline(fixture.statement, validate: false, findings: findings))
        }
    }

    Benchmark("Compile the taxonomy and base schemas", configuration: wallClock) { benchmark in
        let url = referenceBlank.taxonomyURL + referenceBlank.entryPoint
        for _ in benchmark.scaledIterations {
            blackHole(try InstanceValidator(taxonomyEntryURL: url))
        }
    }

    Benchmark("Validate the reference instance", configuration: wallClock) { benchmark in
        let validator = try TaxonomyRegistry.validator(for: referenceBlank)
        for _ in benchmark.scaledIterations {
            blackHole(validator.validate(instance, documentName: "fixture.xbrl"))
        }
    }

    Benchmark("Compile and validate the reference instance", configuration: wallClock) { benchmark in
        let url = referenceBlank.taxonomyURL + referenceBlank.entryPoint
        for _ in benchmark.scaledIterations {
            let validator = try InstanceValidator(taxonomyEntryURL: url)
            blackHole(validator.validate(instance, documentName: "fixture.xbrl"))
        }
    }

    Benchmark("Compile and validate, taxonomy of 5,000 concepts", configuration: wallClock) { benchmark in
        let blank = Synthetic.blank(lines: 5_000, columns: 1)
        TaxonomyRegistry.register(blank)
        let bytes = try Converter.convert(Synthetic.statement(of: blank), blank: blank, validate: false).instance
        let url = blank.taxonomyURL + blank.entryPoint
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let validator = try InstanceValidator(taxonomyEntryURL: url)
            blackHole(validator.validate(bytes, documentName: "synthetic.xbrl"))
        }
    }

    Benchmark("Import the reference instance", configuration: wallClock) { benchmark in
        let importer = FactImporter(blank: referenceBlank)
        for _ in benchmark.scaledIterations {
            blackHole(importer.importInstance(instance, name: "fixture.xbrl"))
        }
    }

    let large = Array(Synthetic.largeStatementText(basedOn: String(decoding: fixtureBytes, as: UTF8.self), factor: 100).utf8)

    Benchmark("Parse a statement 100 times the reference's size", configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(10))) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(StatementParser.parse(bytes: large, name: "large"))
        }
    }

    Benchmark("Convert a statement 100 times the reference's size (parse, write, validate)",
              configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(10))) { benchmark in
        _ = try? TaxonomyRegistry.validator(for: referenceBlank)
        for _ in benchmark.scaledIterations {
            blackHole(try Converter.convert(StatementParser.parse(bytes: large, name: "large").statement, validate: true))
        }
    }

    Benchmark("Import the instance of a statement 100 times the reference's size",
              configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(10))) { benchmark in
        let bytes = try Converter.convert(StatementParser.parse(bytes: large, name: "large").statement, validate: false).instance
        let importer = FactImporter(blank: referenceBlank)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(importer.importInstance(bytes, name: "large.xbrl"))
        }
    }

    Benchmark("Import a synthetic instance of 1,000,000 facts",
              configuration: .init(metrics: [.wallClock, .peakMemoryResident, .throughput], maxDuration: .seconds(20), maxIterations: 3)) { benchmark in
        let (blank, bytes) = try Synthetic.instance(facts: 1_000_000)
        let importer = FactImporter(blank: blank)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(importer.importInstance(bytes, name: "synthetic.xbrl"))
        }
    }

    // The Open Information Model forms: writing each from the converted statement (the facts
    // mapped once, as `convert` does), and reading each back.
    let conversion = try? Converter.convert(fixture.statement, validate: false)
    let jsonReport = conversion.flatMap { try? ReportFormat.json.bytes(of: $0, statement: fixture.statement) } ?? []
    let csvPackage = conversion.flatMap { try? ReportFormat.csv.bytes(of: $0, statement: fixture.statement, name: "fixture") } ?? []

    Benchmark("Write the reference xBRL-JSON report (from the facts)", configuration: wallClock) { benchmark in
        guard let conversion else { return }
        for _ in benchmark.scaledIterations {
            blackHole(try ReportFormat.json.bytes(of: conversion, statement: fixture.statement))
        }
    }

    Benchmark("Write the reference xBRL-CSV package (from the facts)", configuration: wallClock) { benchmark in
        guard let conversion else { return }
        for _ in benchmark.scaledIterations {
            blackHole(try ReportFormat.csv.bytes(of: conversion, statement: fixture.statement, name: "fixture"))
        }
    }

    Benchmark("Write the reference XML instance (from the facts)", configuration: wallClock) { benchmark in
        guard let conversion else { return }
        let mapping = try FactMapping(blank: referenceBlank).facts(of: fixture.statement)
        let writer = InstanceWriter(taxonomy: TaxonomyModel.of(referenceBlank))
        _ = conversion
        for _ in benchmark.scaledIterations {
            blackHole(writer.write(mapping))
        }
    }

    Benchmark("Import the reference xBRL-JSON report", configuration: wallClock) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(ReportImport.read(jsonReport, name: "fixture.json"))
        }
    }

    Benchmark("Import the reference xBRL-CSV package", configuration: wallClock) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(ReportImport.read(csvPackage, name: "fixture.xbr"))
        }
    }

    Benchmark("Import a synthetic xBRL-CSV package of 1,000,000 facts",
              configuration: .init(metrics: [.wallClock, .peakMemoryResident, .throughput], maxDuration: .seconds(20), maxIterations: 3)) { benchmark in
        // Three of the generated blank's four columns hold facts: 333,334 lines give 1,000,002.
        let blank = Synthetic.blank(lines: 333_334, columns: 4)
        let statement = Synthetic.statement(of: blank)
        let facts = try Converter.convert(statement, blank: blank, validate: false).facts
        let package = CSVReportWriter(blank: blank, taxonomy: TaxonomyModel.of(blank))
            .package(facts: facts, entity: "99999", name: "synthetic", statementDate: statement.cover.statementDate!)
        let importer = FactImporter(blank: blank)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let read = CSVReportReader.read(package, name: "synthetic.xbr", blank: blank)
            blackHole(importer.importRaw(read.raw, name: "synthetic.xbr"))
        }
    }
}
