import Foundation
@testable import NAICXBRL
@_spi(Stages) @testable import NAICXBRLCore
@_spi(Stages) @testable import NAICXBRLXML
@testable import NAICXBRLReading
@testable import NAICXBRLTaxonomy
@testable import NAICXBRLChecks
@testable import NAICXBRLInstance
@testable import NAICXBRLConversion
import XCTest

/// How long compiling a taxonomy and validating an instance take. Timings are printed, never
/// asserted: they depend on the machine and the build. For the real numbers build in release:
///
///     swift test -c release -Xswiftc -enable-testing --scratch-path .build-xml --filter XMLPerformance
///
/// Set `NAICXBRL_TIMINGS=1` to also time the official content model, which libxml2 2.9
/// compiles in time cubic in the concept count (seconds at 500 concepts).
final class XMLPerformanceTests: XCTestCase {
    func testInstanceValidatorTimings() throws {
        for (concepts, facts) in [(1_000, 2_000), (5_000, 2_000), (5_000, 10_000)] {
            let taxonomy = SyntheticTaxonomy(concepts: concepts, name: "timing-\(concepts)-\(facts)")
            let instance = Array(taxonomy.instance(facts: facts).utf8)
            var compileTimes: [Double] = []
            var validateTimes: [Double] = []
            for _ in 0..<5 {
                // Registering is part of the cost: the taxonomy is generated in memory each run.
                var start = DispatchTime.now()
                try taxonomy.register()
                let validator = try InstanceValidator(taxonomyEntryURL: taxonomy.entryURL)
                compileTimes.append(milliseconds(since: start))
                start = DispatchTime.now()
                let issues = validator.validate(instance, documentName: "timing.xbrl")
                validateTimes.append(milliseconds(since: start))
                XCTAssertEqual(issues, [])
            }
            let compile = median(compileTimes), validate = median(validateTimes)
            print(String(format: "XMLPerformance: variant  concepts=%5d facts=%5d compile=%7.1f ms validate=%7.1f ms total=%7.1f ms (median of 5)",
                         concepts, facts, compile, validate, compile + validate))
            XMLEnvironment.unregister(url: taxonomy.entryURL)
        }
    }

    /// Where the time goes inside compilation, for whoever tunes it next.
    func testCompilationBreakdown() throws {
        let taxonomy = SyntheticTaxonomy(concepts: 5_000, name: "breakdown")
        try taxonomy.register()
        defer { XMLEnvironment.unregister(url: taxonomy.entryURL) }
        var outlineTimes: [Double] = [], schemaTimes: [Double] = []
        for _ in 0..<5 {
            var start = DispatchTime.now()
            let outline = try SchemaSetOutline.read(entryURL: taxonomy.entryURL)
            outlineTimes.append(milliseconds(since: start))
            XCTAssertGreaterThan(outline.declarations.count, 5_000)
            let variant = try BundledSchemas.instanceValidationVariant(factNamespaces: [taxonomy.namespace])
            start = DispatchTime.now()
            _ = try SchemaValidator(entryURL: taxonomy.entryURL, overlay: [BundledSchemas.instanceURL: Array(variant.utf8)])
            schemaTimes.append(milliseconds(since: start))
        }
        print(String(format: "XMLPerformance: breakdown concepts=5000 outline=%.1f ms libxml2-compile=%.1f ms (median of 5)",
                     median(outlineTimes), median(schemaTimes)))
    }

    func testOfficialContentModelTrap() throws {
        guard ProcessInfo.processInfo.environment["NAICXBRL_TIMINGS"] != nil else {
            throw XCTSkip("set NAICXBRL_TIMINGS=1 to time the official content model (takes seconds)")
        }
        for concepts in [250, 500] {
            let taxonomy = SyntheticTaxonomy(concepts: concepts, name: "official-\(concepts)")
            try taxonomy.register()
            defer { XMLEnvironment.unregister(url: taxonomy.entryURL) }
            let instance = Array(taxonomy.instance(facts: 2_000).utf8)
            var start = DispatchTime.now()
            let official = try SchemaValidator(entryURL: taxonomy.entryURL)
            let compile = milliseconds(since: start)
            start = DispatchTime.now()
            XCTAssertEqual(official.validate(instance, documentName: "official.xbrl"), [])
            let validate = milliseconds(since: start)
            start = DispatchTime.now()
            _ = try InstanceValidator(taxonomyEntryURL: taxonomy.entryURL)
            let variant = milliseconds(since: start)
            print(String(format: "XMLPerformance: official concepts=%5d facts=2000 compile=%8.1f ms validate=%6.1f ms (variant compile %.1f ms)",
                         concepts, compile, validate, variant))
        }
    }

    private func milliseconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}
