import CMemory
import Foundation
@_spi(Stages) import NAICXBRLCore
import NAICXBRLXML
import NAICXBRLReading
import NAICXBRLTaxonomy
import NAICXBRLChecks
import NAICXBRLInstance

/// Converts many statements at once, one worker per job, for pipelines.
///
/// Each statement is read, converted, validated and written on its own: a bad input is reported
/// in its summary line and the batch goes on. Outputs are written atomically.
public struct BatchConverter: Sendable {
    /// One line of the batch summary (written as JSON lines).
    public struct Outcome: Codable, Sendable {
        public var input: String
        public var output: String?
        public var facts: Int
        /// `valid`, `invalid`, or `not-validated`.
        public var validation: String
        public var validationErrors: Int
        /// Errors and warnings the statement itself raised while it was read and mapped.
        public var errors: Int
        public var warnings: Int
        /// Crosscheck results, when checks run: rules failed as errors and as warnings.
        public var checkErrors: Int?
        public var checkWarnings: Int?
        /// Set when the statement could not be converted at all.
        public var failure: String?
        /// Pages of a PDF whose text layer cannot be read (``ParseResult/unreadablePages``).
        public var unreadablePages: [Int]?
        /// Pages read by OCR (`--ocr`): their text layer is not text.
        public var pagesReadByOCR: [Int]?
        /// For a statement laid out by position: its printed pages, those read, and those of
        /// schedules the blank's description does not read (``ParseResult/pages``).
        public var pages: Int?
        public var pagesRead: Int?
        public var pagesNotRead: Int?
        public var durationMilliseconds: Double
        /// With ``BatchConverter/findingsDirectory``: the statement's findings file, and its findings.
        public var findingsFile: String?
        public var findings: [Diagnostic]?

        public var succeeded: Bool { failure == nil && validation != "invalid" && errors == 0 && (checkErrors ?? 0) == 0 }
    }

    public var outputDirectory: String
    public var jobs: Int
    public var validate: Bool
    /// The form each statement is written in (the XML instance is what is validated).
    public var format: ReportFormat = .xml
    /// Runs after each conversion with the parsed statement, e.g. the crosschecks; returns
    /// (errors, warnings).
    public var check: (@Sendable (Statement) -> (errors: Int, warnings: Int))?
    /// NAIC codes for statements that do not print them, by file name or path (``EntityCodes``).
    public var entityCodes: [String: EntityCodes] = [:]
    /// Read PDF pages whose text layer is not text by OCR (``StatementParser/parse(fileAt:blank:pdfParts:ocr:)``).
    public var ocr = false
    /// Where each statement's ``Findings`` are written as `NAME.findings.json` (NAME: its output's
    /// name without extension); the findings also go in its ``Outcome``. Nil: none written.
    /// With findings, the crosschecks run are the blank's bundled ones, not ``check``.
    public var findingsDirectory: String?

    public init(outputDirectory: String, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, validate: Bool = true,
                check: (@Sendable (Statement) -> (errors: Int, warnings: Int))? = nil) {
        self.outputDirectory = outputDirectory
        self.jobs = min(max(1, jobs), Limits.current.jobs)
        self.validate = validate
        self.check = check
    }

    /// The statement files named by `paths`: files as given, folders' regular files (not hidden),
    /// in name order.
    package static func expand(_ paths: [String]) -> (files: [String], problems: [String]) {
        var files: [String] = []
        var problems: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(path)
                continue
            }
            if isDirectory.boolValue {
                let names = ((try? fm.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
                for name in names {
                    let full = (path as NSString).appendingPathComponent(name)
                    var sub: ObjCBool = false
                    if fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue { files.append(full) }
                }
            } else {
                files.append(path)
            }
        }
        return (files, problems)
    }

    /// The output path for each input: its name with `.xbrl` in the output folder. All names
    /// are planned before anything is written. An input keeps its own name when it is the first
    /// with that name; later inputs of the same name get the first free numbered name (`a-2`,
    /// `a-3`, …) that no input claims for itself, so no output is written twice.
    package static func outputNames(for inputs: [String], in directory: String, extension: String = "xbrl") -> [String] {
        let stems = inputs.map { ((($0 as NSString).lastPathComponent as NSString).deletingPathExtension) }
        var used: Set<String> = []
        var names: [String?] = Array(repeating: nil, count: inputs.count)
        for (index, stem) in stems.enumerated() where !used.contains(stem) {
            used.insert(stem)
            names[index] = stem
        }
        for index in names.indices where names[index] == nil {
            var number = 2
            while used.contains("\(stems[index])-\(number)") { number += 1 }
            let name = "\(stems[index])-\(number)"
            used.insert(name)
            names[index] = name
        }
        return names.map { (directory as NSString).appendingPathComponent($0! + "." + `extension`) }
    }

    /// The name of the batch's summary in its output folder.
    package static let summaryName = "summary.jsonl"

    /// Outputs that would overwrite an input: (input, output) pairs, where an instance planned
    /// by ``outputNames(for:in:)`` or the summary is the input's own file.
    package static func overwrittenInputs(_ inputs: [String], outputs: [String], in directory: String) -> [(input: String, output: String)] {
        let summary = (directory as NSString).appendingPathComponent(summaryName)
        var found: [(String, String)] = []
        for input in inputs {
            for output in outputs + [summary] where AtomicFile.sameFile(input, output) { found.append((input, output)) }
        }
        return found
    }

    /// Tells the process's allocator to keep memory it frees for later allocations rather than
    /// give it back to the kernel at once: each statement of a batch allocates and frees buffers
    /// of about a megabyte, and taking them from the kernel again faults in every page (about
    /// 3 % of a batch's CPU time). Process-wide, for a process that runs batches; the
    /// `naicxbrl` command calls it before a batch.
    package static func keepFreedMemory() {
        naicxbrl_keepFreedMemory()
    }

    /// Converts every input; `progress` is called after each with the number done.
    ///
    /// The jobs convert; a thread of its own writes the instances they hand it. Writing a file
    /// durably waits for the disk (`fsync`), and a job that waited would leave its core idle.
    /// At most two instances per job wait to be written, so memory stays bounded when the disk
    /// is slower than the jobs.
    public func run(_ inputs: [String], progress: (@Sendable (Int, Int) -> Void)? = nil) -> [Outcome] {
        run(inputs, outputs: Self.outputNames(for: inputs, in: outputDirectory), progress: progress)
    }

    /// Converts `inputs[i]` to `outputs[i]`.
    public func run(_ inputs: [String], outputs: [String], progress: (@Sendable (Int, Int) -> Void)? = nil) -> [Outcome] {
        precondition(inputs.count == outputs.count, "one output per input")
        let results = Results(count: inputs.count)
        let next = Counter()
        let workers = min(jobs, max(1, inputs.count))
        let writing = DispatchQueue(label: "naicxbrl.batch.writing")
        let pendingWrites = DispatchSemaphore(value: 2 * workers)
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            Thread.detachNewThread {
                while let index = next.take(below: inputs.count) {
                    let (converted, instance) = convertOne(inputs[index], to: outputs[index])
                    guard let instance else {
                        progress?(results.set(index, converted), inputs.count)
                        continue
                    }
                    pendingWrites.wait()
                    group.enter()
                    writing.async {
                        var outcome = converted
                        let start = DispatchTime.now()
                        do {
                            try AtomicFile.write(instance, to: outputs[index])
                            outcome.output = outputs[index]
                        } catch {
                            outcome.failure = "\(error)"
                            outcome.validation = "not-validated"
                        }
                        outcome.durationMilliseconds += Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
                        pendingWrites.signal()
                        progress?(results.set(index, outcome), inputs.count)
                        group.leave()
                    }
                }
                group.leave()
            }
        }
        group.wait()
        return results.all
    }

    /// Converts one input: its outcome, and the instance to write when it is to be written.
    func convertOne(_ input: String, to output: String) -> (Outcome, [UInt8]?) {
        let start = DispatchTime.now()
        var findings: [Diagnostic] = []
        var (outcome, instance) = convertTimed(input, to: output, findings: &findings)
        if let findingsDirectory {
            let name = ((output as NSString).lastPathComponent as NSString).deletingPathExtension + ".findings.json"
            let path = (findingsDirectory as NSString).appendingPathComponent(name)
            do {
                try AtomicFile.write(Findings(file: input, findings: findings).json, to: path)
                outcome.findingsFile = path
            } catch {
                outcome.failure = outcome.failure ?? "cannot write \(path): \(error)"
            }
            outcome.findings = findings
        }
        outcome.durationMilliseconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        return (outcome, instance)
    }

    private func convertTimed(_ input: String, to output: String, findings: inout [Diagnostic]) -> (Outcome, [UInt8]?) {
        var outcome = Outcome(input: input, output: nil, facts: 0, validation: validate ? "invalid" : "not-validated", validationErrors: 0,
                              errors: 0, warnings: 0, checkErrors: nil, checkWarnings: nil, failure: nil, durationMilliseconds: 0)
        do {
            // Jobs that keep the cores busy read each PDF in one part.
            let cores = ProcessInfo.processInfo.activeProcessorCount
            var parsed = try StatementParser.parse(fileAt: input, pdfParts: jobs >= cores ? 1 : max(1, cores / jobs), ocr: ocr)
            EntityCodes.lookup(input, in: entityCodes)?.apply(to: &parsed, file: input)
            OCRReview.review(&parsed, file: input)
            if !parsed.unreadablePages.isEmpty { outcome.unreadablePages = parsed.unreadablePages }
            let recognized = parsed.pages.filter { $0.readByOCR == true }.map(\.page)
            if !recognized.isEmpty { outcome.pagesReadByOCR = recognized }
            if !parsed.pages.isEmpty {
                outcome.pages = parsed.pages.count
                outcome.pagesRead = parsed.pages.filter { $0.status == .read }.count
                outcome.pagesNotRead = parsed.pages.filter { $0.status == .other }.count
            }
            outcome.errors = parsed.diagnostics.filter { $0.severity == .error }.count
            outcome.warnings = parsed.diagnostics.filter { $0.severity == .warning }.count
            findings = parsed.diagnostics
            guard parsed.isUsable else {
                outcome.failure = parsed.diagnostics.first { $0.severity == .error }?.message ?? "not a statement"
                outcome.validation = "not-validated"
                return (outcome, nil)
            }
            // Each job converts on one thread: the jobs keep the cores busy already.
            guard let blank = Blank.named(parsed.statement.blank, year: parsed.statement.edition) else {
                throw ConversionError("the statement's blank \(parsed.statement.blank) is not known")
            }
            let conversion = try Converter.convert(parsed.statement, blank: blank, file: output, validate: validate,
                                                   concurrently: jobs < ProcessInfo.processInfo.activeProcessorCount)
            outcome.facts = conversion.facts.count
            outcome.errors += conversion.diagnostics.filter { $0.severity == .error }.count
            outcome.validationErrors = conversion.validation.filter { $0.severity == .error }.count
            if validate { outcome.validation = outcome.validationErrors == 0 ? "valid" : "invalid" }
            if findingsDirectory != nil {
                findings += conversion.diagnostics + conversion.validation
                if let checker = Checker.shared(for: blank) {
                    let report = checker.check(parsed.statement, origins: parsed.origins, file: input)
                    outcome.checkErrors = report.summary.errors
                    outcome.checkWarnings = report.summary.warnings + report.summary.rounding
                    findings += report.diagnostics
                }
            } else if let check {
                let (errors, warnings) = check(parsed.statement)
                outcome.checkErrors = errors
                outcome.checkWarnings = warnings
            }
            guard outcome.validation != "invalid" else { return (outcome, nil) }
            let name = ((output as NSString).lastPathComponent as NSString).deletingPathExtension
            return (outcome, try format.bytes(of: conversion, statement: parsed.statement, name: name))
        } catch {
            outcome.failure = "\(error)"
            outcome.validation = "not-validated"
            findings.append(Diagnostic(.error, .io, file: input, line: nil, "\(error)"))
        }
        return (outcome, nil)
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func take(below limit: Int) -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard value < limit else { return nil }
            value += 1
            return value - 1
        }
    }

    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [Outcome?]
        private var done = 0
        init(count: Int) { items = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ outcome: Outcome) -> Int {
            lock.lock()
            defer { lock.unlock() }
            items[index] = outcome
            done += 1
            return done
        }
        var all: [Outcome] {
            lock.lock()
            defer { lock.unlock() }
            return items.compactMap { $0 }
        }
    }
}
