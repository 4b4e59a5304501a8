import Foundation
import NAICXBRLCore
import NAICXBRLXML
import NAICXBRLReading
import NAICXBRLTaxonomy

/// Everything a check run found.
public struct CheckReport: Codable, Equatable, Sendable {
    /// An XBRL formula processor's count for one value assertion: evaluations that held (within
    /// tolerance) and that did not.
    public struct AssertionCounts: Codable, Equatable, Sendable {
        public var satisfied: Int
        public var notSatisfied: Int
    }

    public struct Summary: Codable, Equatable, Sendable {
        public var rules: Int
        public var generatedRules: Int
        public var listedRules: Int
        /// Rule instances evaluated (rows, tables, columns).
        public var evaluated: Int
        public var passed: Int
        /// Within tolerance, reported as warnings.
        public var rounding: Int
        public var errors: Int
        public var warnings: Int
        /// Rules with nothing printed to compare.
        public var notEvaluated: Int
    }

    public var file: String?
    public var blank: String
    public var summary: Summary
    /// In rule order; every rule appears at least once.
    ///
    /// Built when first read: the counts in ``summary`` need only the amounts, while each
    /// result's message, cells and places are strings that a batch which only counts never reads.
    public var results: [CheckResult] {
        get { storage.value }
        set { storage = Lazy(newValue) }
    }
    /// By rule id, for comparison with an XBRL formula processor's assertion counts.
    ///
    /// Built when first read, like ``results``: a dictionary keyed by every rule's id is work a
    /// batch that only counts does not need.
    public var assertions: [String: AssertionCounts] {
        get { assertionStorage.value }
        set { assertionStorage = Lazy(newValue) }
    }
    private var storage: Lazy<[CheckResult]>
    private var assertionStorage: Lazy<[String: AssertionCounts]>

    init(file: String?, blank: String, results: [CheckResult], assertions: [String: AssertionCounts], generatedRules: Int, listedRules: Int) {
        self.file = file
        self.blank = blank
        self.storage = Lazy(results)
        self.assertionStorage = Lazy(assertions)
        let evaluated = results.filter { $0.status != .notEvaluated }
        summary = Summary(rules: generatedRules + listedRules, generatedRules: generatedRules, listedRules: listedRules,
                          evaluated: evaluated.count,
                          passed: evaluated.filter { $0.status == .passed }.count,
                          rounding: evaluated.filter { $0.status == .rounding }.count,
                          errors: evaluated.filter { $0.status == .failed && $0.severity == .error }.count,
                          warnings: evaluated.filter { $0.status == .failed && $0.severity == .warning }.count,
                          notEvaluated: results.filter { $0.status == .notEvaluated }.count)
    }

    /// A report whose assertion counts and results are made by `makeAssertions` and
    /// `makeResults` when first read; `summary` is what they will add up to.
    init(file: String?, blank: String, summary: Summary, makeAssertions: @escaping @Sendable () -> [String: AssertionCounts],
         makeResults: @escaping @Sendable () -> [CheckResult]) {
        self.file = file
        self.blank = blank
        self.summary = summary
        self.assertionStorage = Lazy(makeAssertions)
        self.storage = Lazy(makeResults)
    }

    private enum CodingKeys: String, CodingKey {
        case file, blank, summary, results, assertions
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decodeIfPresent(String.self, forKey: .file)
        blank = try container.decode(String.self, forKey: .blank)
        summary = try container.decode(Summary.self, forKey: .summary)
        storage = Lazy(try container.decode([CheckResult].self, forKey: .results))
        assertionStorage = Lazy(try container.decode([String: AssertionCounts].self, forKey: .assertions))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(file, forKey: .file)
        try container.encode(blank, forKey: .blank)
        try container.encode(summary, forKey: .summary)
        try container.encode(results, forKey: .results)
        try container.encode(assertions, forKey: .assertions)
    }

    public static func == (a: CheckReport, b: CheckReport) -> Bool {
        a.file == b.file && a.blank == b.blank && a.summary == b.summary && a.assertions == b.assertions && a.results == b.results
    }

    /// A value made once on first use, from any thread.
    private final class Lazy<Value: Sendable>: @unchecked Sendable {
        // @unchecked: `made` and `make` are only touched with `lock` held.
        private let lock = NSLock()
        private var made: Value?
        private var make: (@Sendable () -> Value)?

        init(_ value: Value) {
            made = value
        }

        init(_ make: @escaping @Sendable () -> Value) {
            self.make = make
        }

        var value: Value {
            lock.withLock {
                if let made { return made }
                guard let make else { preconditionFailure("a lazy value is made or has a maker") }
                let value = make()
                made = value
                self.make = nil
                return value
            }
        }
    }

    /// Results reported as errors or warnings.
    public var findings: [CheckResult] { results.filter { $0.level != nil } }

    public var hasErrors: Bool { results.contains { $0.level == .error } }

    /// `FILE:LINE: error: [rule-id] message (expected X, actual Y)`, one line per finding, the
    /// way compilers report, then a summary line. Amounts are printed as the statement prints them.
    public func text(includePassed: Bool = false) -> String {
        var out = ""
        let name = file ?? "<input>"
        for result in results where result.level != nil || includePassed {
            let line = result.cells.first(where: { $0.side == "left" && $0.inputLine != nil })?.inputLine
                ?? result.cells.first(where: { $0.inputLine != nil })?.inputLine
            let place = name + (line.map { ":\($0)" } ?? "")
            let level = result.level?.rawValue ?? (result.status == .notEvaluated ? "note" : "ok")
            var message = result.message
            if let instance = result.instance { message = "\(instance): \(message)" }
            var detail: [String] = []
            if let expected = result.expected.flatMap(Amount.init(plain:)), let actual = result.actual.flatMap(Amount.init(plain:)) {
                detail.append("expected \(ValueScanner.format(expected)), actual \(ValueScanner.format(actual))")
            }
            if result.status == .rounding, let difference = result.difference.flatMap(Amount.init(plain:)) {
                detail.append("a difference of \(ValueScanner.format(difference)), within the rounding tolerance of \(result.tolerance)")
            }
            if let reason = result.reason { detail.append(reason) }
            out += "\(place): \(level): [\(result.rule)] \(message)\(detail.isEmpty ? "" : " (\(detail.joined(separator: "; ")))")\n"
        }
        let s = summary
        out += "\(name): checks: \(s.rules) rules (\(s.generatedRules) from the blank, \(s.listedRules) listed); "
            + "\(s.evaluated) evaluated: \(s.passed) passed, \(s.rounding) within rounding tolerance, \(s.errors) errors, \(s.warnings) warnings; "
            + "\(s.notEvaluated) not evaluated (nothing printed to compare)\n"
        return out
    }
}

extension CheckReport {
    /// The results reported as errors or warnings, in the project's findings form: each with its
    /// rule, expected and actual sides, and the cells read.
    public var diagnostics: [Diagnostic] {
        results.compactMap { result in
            guard let level = result.level else { return nil }
            let line = result.cells.first(where: { $0.side == "left" && $0.inputLine != nil })?.inputLine
                ?? result.cells.first(where: { $0.inputLine != nil })?.inputLine
            var message = result.message
            if let instance = result.instance { message = "\(instance): \(message)" }
            var finding = Diagnostic(level == .error ? .error : .warning, result.status == .rounding ? .checkRounding : .checkFailed,
                                     file: file, line: line, message)
            finding.rule = result.rule
            finding.expected = result.expected
            finding.actual = result.actual
            finding.difference = result.difference
            finding.cells = result.cells
            return finding
        }
    }
}
