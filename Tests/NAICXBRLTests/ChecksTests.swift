import Foundation
import XCTest
@testable import NAICXBRL

final class ChecksTests: XCTestCase {
    func testDebugWriteFormula() throws {
        guard let path = ProcessInfo.processInfo.environment["NAICXBRL_DEBUG_FORMULA"] else { return }
        let rules = try XCTUnwrap(try CheckRuleSet.bundled(for: .lifeQuarterly))
        let writer = FormulaLinkbaseWriter(taxonomy: TaxonomyModel(blank: .lifeQuarterly), rules: rules)
        for rule in rules.rules { _ = try writer.assertion(rule) }
        try Data(writer.linkbase()).write(to: URL(fileURLWithPath: path))
    }
}
