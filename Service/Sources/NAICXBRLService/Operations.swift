import Foundation
import NAICXBRL

/// What an operation answers: an HTTP status, a content type, the body, and extra headers.
public struct Outcome: Sendable {
    public var status: Int
    public var contentType: String
    public var body: [UInt8]
    public var headers: [(String, String)] = []

    static func json<T: Encodable>(_ status: Int, _ value: T, headers: [(String, String)] = []) -> Outcome {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Outcome(status: status, contentType: "application/json", body: [UInt8](data) + [0x0A], headers: headers)
    }
}

/// The JSON body of every answer that is not the requested document: what was wrong.
struct Problem: Encodable {
    var status: Int
    var error: String
    var diagnostics: [Diagnostic] = []
    var validation: [Diagnostic] = []
}

/// A document a statement converts to. Each format is one entry of ``ConvertFormat/all``.
public struct ConvertFormat: Sendable {
    public var name: String
    public var contentType: String
    /// The document, with the conversion's diagnostics and validation.
    public var render: @Sendable (Statement) throws -> Conversion

    /// The formats /v1/convert answers, by the name its `format` parameter takes. Each converts
    /// on the request's thread alone: the other cores are answering other requests.
    public static let all: [String: ConvertFormat] = [
        "xml": ConvertFormat(name: "xml", contentType: "application/xml") { statement in
            guard let blank = Blank.named(statement.blank, year: statement.edition) else {
                throw ConversionError("the statement's blank \(statement.blank) is not known")
            }
            return try Converter.convert(statement, blank: blank, file: "<response>", validate: true, concurrently: false)
        },
    ]
}

/// The service's operations on bytes in memory: nothing is read from or written to a file.
///
/// Statuses follow the command line's exit codes: 0 is 200, 1 (findings: an invalid instance,
/// failed checks, errors in the statement) is 422, 2 (input that is not a statement or an
/// instance at all) is 400.
public enum Operations {
    /// Each edition's checker, compiled once on first use.
    private static let lock = NSLock()
    nonisolated(unsafe) private static var checkers: [String: Checker?] = [:]

    static func checker(for blank: Blank) -> Checker? {
        lock.withLock {
            if let checker = checkers[blank.editionKey] { return checker }
            let checker = try? Checker.bundled(for: blank)
            checkers[blank.editionKey] = checker
            return checker
        }
    }

    static let name = "<request>"

    /// A PDF is read by one `pdftotext`, stopped at `deadline`.
    public static func convert(_ bytes: [UInt8], format: ConvertFormat, deadline: DispatchTime? = nil) -> Outcome {
        let parsed = StatementParser.parse(bytes: bytes, name: name, pdfParts: 1, pdfDeadline: deadline)
        guard parsed.isUsable else {
            return .json(400, Problem(status: 400, error: "the body is not a statement", diagnostics: parsed.diagnostics))
        }
        let conversion: Conversion
        do {
            conversion = try format.render(parsed.statement)
        } catch {
            return .json(400, Problem(status: 400, error: "\(error)", diagnostics: parsed.diagnostics))
        }
        let diagnostics = parsed.diagnostics + conversion.diagnostics
        if conversion.validation.contains(where: { $0.severity == .error }) {
            return .json(422, Problem(status: 422, error: "the instance is not valid", diagnostics: diagnostics, validation: conversion.validation))
        }
        if diagnostics.contains(where: { $0.severity == .error }) {
            return .json(422, Problem(status: 422, error: "the statement has errors", diagnostics: diagnostics, validation: conversion.validation))
        }
        var headers: [(String, String)] = [
            ("X-NAICXBRL-Facts", String(conversion.facts.count)),
            ("X-NAICXBRL-Warnings", String(diagnostics.filter { $0.severity == .warning }.count)),
        ]
        if let blank = Blank.named(parsed.statement.blank, year: parsed.statement.edition), let checker = checker(for: blank) {
            let summary = checker.check(parsed.statement).summary
            headers.append(("X-NAICXBRL-Check-Errors", String(summary.errors)))
            headers.append(("X-NAICXBRL-Check-Warnings", String(summary.warnings + summary.rounding)))
        }
        return Outcome(status: 200, contentType: format.contentType, body: conversion.instance, headers: headers)
    }

    public static func validate(_ bytes: [UInt8]) -> Outcome {
        guard let blank = InstanceBlank.of(bytes) else {
            return .json(422, Problem(status: 422, error: "the instance names no taxonomy of a known blank (expected a schemaRef such as \(InstanceBlank.example))"))
        }
        let validator: InstanceValidator
        do {
            validator = try TaxonomyRegistry.validator(for: blank)
        } catch {
            return .json(500, Problem(status: 500, error: "the taxonomy does not compile: \(error)"))
        }
        let issues = validator.validate(bytes, documentName: name)
        struct Valid: Encodable { var valid: Bool; var validation: [Diagnostic] }
        let invalid = issues.contains { $0.severity == .error }
        return .json(invalid ? 422 : 200, Valid(valid: !invalid, validation: issues))
    }

    public static func check(_ bytes: [UInt8], deadline: DispatchTime? = nil) -> Outcome {
        let statement: Statement
        var origins: [String: [String: Int]] = [:]
        if let blank = InstanceBlank.of(bytes) {
            let imported = FactImporter(blank: blank).importInstance(bytes, name: name)
            if imported.hasErrors {
                return .json(422, Problem(status: 422, error: "the instance's facts cannot all be placed", diagnostics: imported.diagnostics))
            }
            statement = imported.statement
        } else {
            let parsed = StatementParser.parse(bytes: bytes, name: name, pdfParts: 1, pdfDeadline: deadline)
            guard parsed.isUsable else {
                return .json(400, Problem(status: 400, error: "the body is neither an instance of a known blank nor a statement", diagnostics: parsed.diagnostics))
            }
            statement = parsed.statement
            origins = parsed.origins
        }
        guard let blank = Blank.named(statement.blank, year: statement.edition), let checker = checker(for: blank) else {
            return .json(400, Problem(status: 400, error: "the statement's blank \(statement.blank) has no check rules"))
        }
        let report = checker.check(statement, origins: origins, file: name)
        return .json(report.hasErrors ? 422 : 200, report)
    }

    public enum ImportFormat: String, CaseIterable, Sendable { case json, text, xml }

    public static func importInstance(_ bytes: [UInt8], format: ImportFormat) -> Outcome {
        guard let blank = InstanceBlank.of(bytes) else {
            return .json(422, Problem(status: 422, error: "the instance names no taxonomy of a known blank edition (expected a schemaRef such as \(InstanceBlank.example))"))
        }
        let result = FactImporter(blank: blank).importInstance(bytes, name: name)
        if result.hasErrors {
            return .json(422, Problem(status: 422, error: "the instance's facts cannot all be placed", diagnostics: result.diagnostics))
        }
        switch format {
        case .json:
            return .json(200, result.statement)
        case .text:
            return Outcome(status: 200, contentType: "text/plain; charset=utf-8", body: Array(TextRenderer.render(result.statement, blank: blank).utf8))
        case .xml:
            do {
                let instance = try Converter.convert(result.statement, file: nil, validate: false).instance
                return Outcome(status: 200, contentType: "application/xml", body: instance)
            } catch {
                return .json(422, Problem(status: 422, error: "\(error)", diagnostics: result.diagnostics))
            }
        }
    }

    /// The taxonomy package of every bundled blank edition, as a zip; built once.
    public static let taxonomyPackage: [UInt8] = {
        let files = TaxonomyPackage.files(of: TaxonomyPackage.bundledBlanks)
        return ZipArchive.stored(files.map { ("naicxbrl-taxonomy/\($0.path)", $0.contents) })
    }()

    /// The blanks and editions of the catalog, as `naicxbrl blanks --format json` lists them.
    public static let blanks: Outcome = .json(200, BlankCatalog.bundledListing)
}
