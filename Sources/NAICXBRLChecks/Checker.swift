import Foundation
import NAICXBRLCore
import NAICXBRLXML
import NAICXBRLReading
import NAICXBRLTaxonomy

/// Evaluates a ``CheckRuleSet`` on a statement: its compiled ``CheckPlan``, the plan that
/// ``FormulaLinkbaseWriter`` writes as value assertions.
///
/// What is printed decides what is checked, the way an XBRL formula processor decides it on the
/// statement's instance:
///
/// - an amount counts with its value; a blank cell, a dash, `XXX`, text in an amount column, and a
///   line or page that is not printed count as zero but are not values (they are not facts);
/// - a check is evaluated only where at least one of its cells holds a value, so a block of blank
///   lines is not reported as thousands of passing zeros;
/// - a row-by-row rule is checked on every printed row, a note table rule on every table.
///
/// Amounts are compared exactly, in integer units; a difference within the rule's tolerance is a
/// rounding warning, not a failure.
public struct Checker: Sendable {
    package let rules: CheckRuleSet
    /// The rules with every place they read resolved to an index, worked out once.
    let plan: CheckPlan
    private let generatedCount: Int
    private let listedCount: Int

    package init(rules: CheckRuleSet) {
        self.rules = rules
        plan = rules.plan
        generatedCount = rules.generatedCount
        listedCount = rules.listedCount
    }

    /// The checker for a blank's bundled rules; nil when the blank has none.
    public static func bundled(for blank: Blank) throws(CheckRuleError) -> Checker? {
        try CheckRuleSet.bundled(for: blank).map(Checker.init(rules:))
    }

    /// ``bundled(for:)``, compiled once per edition for the whole process (nil also when the
    /// rules do not compile), for batches and services that check many statements.
    package static func shared(for blank: Blank) -> Checker? {
        sharedLock.withLock {
            if let known = sharedCheckers[blank.editionKey] { return known }
            let checker = try? bundled(for: blank)
            sharedCheckers[blank.editionKey] = checker
            return checker
        }
    }

    private static let sharedLock = NSLock()
    nonisolated(unsafe) private static var sharedCheckers: [String: Checker?] = [:]

    /// Checks a statement. `origins` (``ParseResult/origins``) gives the input line of each
    /// page row, for the report; `file` names the input in it.
    ///
    /// The rules are evaluated on amounts alone; the report's results (messages, the cells read
    /// and where they are printed) are made from the same plan when first read.
    public func check(_ statement: Statement, origins: [String: [String: Int]] = [:], file: String? = nil) -> CheckReport {
        let run = CheckRun(plan: plan, statement: statement)
        var tally = Tally(rules: plan.rules.count,
                          summary: CheckReport.Summary(rules: generatedCount + listedCount, generatedRules: generatedCount,
                                                       listedRules: listedCount, evaluated: 0, passed: 0, rounding: 0, errors: 0,
                                                       warnings: 0, notEvaluated: 0))
        for (index, compiled) in plan.rules.enumerated() {
            tally.start(index, severity: rules.rules[index].severity)
            evaluate(compiled, on: run, into: &tally)
            tally.end()
        }
        return report(of: statement, origins: origins, file: file, tally)
    }

    /// What a check gathers as the rules are evaluated: each result, the counts per rule and the
    /// summary.
    private struct Tally {
        /// Per result: the rule, and where it was evaluated (nil: not evaluated).
        var outcomes: [(rule: Int, binding: CheckRun.Binding?)] = []
        /// Per rule, in rule order.
        var counts: [CheckReport.AssertionCounts] = []
        var summary: CheckReport.Summary
        /// The rule being evaluated, its severity, and its results so far.
        private var rule = 0
        private var severity = CheckSeverity.error
        private var evaluated = 0
        private var ruleCounts = CheckReport.AssertionCounts(satisfied: 0, notSatisfied: 0)

        init(rules: Int, summary: CheckReport.Summary) {
            self.summary = summary
            outcomes.reserveCapacity(rules * 4)
            counts.reserveCapacity(rules)
        }

        /// Begins the results of rule `index`.
        @inline(__always)
        mutating func start(_ index: Int, severity: CheckSeverity) {
            rule = index
            self.severity = severity
            evaluated = 0
            ruleCounts = CheckReport.AssertionCounts(satisfied: 0, notSatisfied: 0)
        }

        /// The rule's result where `binding` puts it; a nil status is no result.
        @inline(__always)
        mutating func record(_ status: CheckResult.Status?, _ binding: CheckRun.Binding) {
            guard let status else { return }
            evaluated += 1
            switch status {
            case .passed: summary.passed += 1
            case .rounding: summary.rounding += 1
            case .failed: if severity == .error { summary.errors += 1 } else { summary.warnings += 1 }
            case .notEvaluated: break
            }
            if status == .failed { ruleCounts.notSatisfied += 1 } else { ruleCounts.satisfied += 1 }
            outcomes.append((rule, binding))
        }

        /// Ends the rule's results: its counts, and a result saying it was not evaluated where it
        /// had none.
        @inline(__always)
        mutating func end() {
            summary.evaluated += evaluated
            counts.append(ruleCounts)
            if evaluated == 0 {
                summary.notEvaluated += 1
                outcomes.append((rule, nil))
            }
        }
    }

    /// Evaluates a rule wherever its scope puts it: once, on every row its page's row-by-row
    /// rules go over, or on every table of its note (every row or column of each, or the table).
    @inline(__always)
    private func evaluate(_ compiled: CheckPlan.Rule, on run: CheckRun, into tally: inout Tally) {
        switch compiled.scope {
        case .single:
            let binding = CheckRun.Binding()
            tally.record(run.status(compiled, binding), binding)
        case .rows(let page):
            for row in run.rowBindings[page] {
                let binding = CheckRun.Binding(row: row)
                tally.record(run.status(compiled, binding, page: page), binding)
            }
        case .note(let number, let eachRow, let eachColumn):
            guard let note = run.notes[number] else { break }
            for (t, table) in note.tables.enumerated() {
                if eachRow {
                    for r in table.rows.indices {
                        let binding = CheckRun.Binding(table: t, tableRow: r)
                        tally.record(run.status(compiled, binding, note: note), binding)
                    }
                } else if eachColumn {
                    var width = 0
                    for row in table.rows { width = max(width, row.cells.count) }
                    for c in 0..<width {
                        let binding = CheckRun.Binding(table: t, column: c + 1)
                        tally.record(run.status(compiled, binding, note: note), binding)
                    }
                } else {
                    let binding = CheckRun.Binding(table: t)
                    tally.record(run.status(compiled, binding, note: note), binding)
                }
            }
        }
    }

    /// The report of a check: its summary, with the results and the counts per rule made when
    /// first read.
    private func report(of statement: Statement, origins: [String: [String: Int]], file: String?, _ tally: Tally) -> CheckReport {
        let rules = self.rules, plan = self.plan, evaluated = tally.outcomes, tallies = tally.counts
        let assertions: @Sendable () -> [String: CheckReport.AssertionCounts] = {
            var byRule: [String: CheckReport.AssertionCounts] = [:]
            for (rule, tally) in zip(rules.rules, tallies) { byRule[rule.id] = tally }
            return byRule
        }
        return CheckReport(file: file, blank: rules.blank.id, summary: tally.summary, makeAssertions: assertions) {
            let run = CheckRun(plan: plan, statement: statement)
            return evaluated.map { outcome in
                let rule = rules.rules[outcome.rule], compiled = plan.rules[outcome.rule]
                if let binding = outcome.binding, let evaluation = run.evaluation(compiled, binding, origins: origins) {
                    let status = evaluation.status
                    let level: CheckSeverity? = status == .passed ? nil : status == .rounding ? .warning : rule.severity
                    return CheckResult(rule: rule.id, source: rule.source, severity: rule.severity, status: status, level: level,
                                       message: rule.message, instance: run.instance(compiled, binding), expected: evaluation.right.description,
                                       actual: evaluation.left.description, difference: evaluation.difference.description,
                                       tolerance: compiled.tolerance.description, cells: evaluation.cells, reason: nil)
                }
                return CheckResult(rule: rule.id, source: rule.source, severity: rule.severity, status: .notEvaluated, level: nil,
                                   message: rule.message, instance: nil, expected: nil, actual: nil, difference: nil,
                                   tolerance: compiled.tolerance.description, cells: [],
                                   reason: run.notEvaluatedReason(compiled))
            }
        }
    }
}
