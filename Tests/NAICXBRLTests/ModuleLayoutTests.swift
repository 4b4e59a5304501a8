import Foundation
import XCTest

/// The library's modules import one way (README, "Layout"): each source file imports only the
/// modules listed for its own, and only the XML module imports libxml2.
final class ModuleLayoutTests: XCTestCase {
    /// Each module, in order, and the library modules and C modules it may import.
    static let allowed: [(module: String, imports: Set<String>)] = [
        ("NAICXBRLCore", []),
        ("NAICXBRLXML", ["NAICXBRLCore", "CLibXML2"]),
        ("NAICXBRLReading", ["NAICXBRLCore", "CMemory"]),
        ("NAICXBRLTaxonomy", ["NAICXBRLCore", "NAICXBRLXML"]),
        ("NAICXBRLChecks", ["NAICXBRLCore", "NAICXBRLXML", "NAICXBRLReading", "NAICXBRLTaxonomy"]),
        ("NAICXBRLInstance", ["NAICXBRLCore", "NAICXBRLXML", "NAICXBRLTaxonomy", "NAICXBRLChecks"]),
        ("NAICXBRLConversion", ["NAICXBRLCore", "NAICXBRLXML", "NAICXBRLReading", "NAICXBRLTaxonomy", "NAICXBRLChecks",
                                "NAICXBRLInstance", "CMemory"]),
        ("NAICXBRL", ["NAICXBRLCore", "NAICXBRLXML", "NAICXBRLReading", "NAICXBRLTaxonomy", "NAICXBRLChecks",
                      "NAICXBRLInstance", "NAICXBRLConversion"]),
        // The stage entry points re-exported for the benchmarks, fuzzers and service; nothing
        // in the library imports it.
        ("NAICXBRLStages", ["NAICXBRLCore", "NAICXBRLXML", "NAICXBRLReading", "NAICXBRLTaxonomy", "NAICXBRLChecks",
                            "NAICXBRLInstance", "NAICXBRLConversion"]),
    ]

    func testEveryModuleImportsOnlyModulesBeforeIt() throws {
        let sources = Fixture.root.appendingPathComponent("Sources")
        let ours = Set(Self.allowed.map(\.module) + ["CLibXML2", "CMemory"])
        var seen: Set<String> = []
        for (module, imports) in Self.allowed {
            // The order is a topological one: nothing may import a module listed after it.
            XCTAssert(imports.subtracting(["CLibXML2", "CMemory"]).isSubset(of: seen), "\(module) imports a module listed after it")
            seen.insert(module)
            let folder = sources.appendingPathComponent(module)
            let files = try XCTUnwrap(FileManager.default.subpathsOfDirectory(atPath: folder.path)).filter { $0.hasSuffix(".swift") }
            XCTAssertFalse(files.isEmpty, module)
            for file in files {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    let words = line.split(separator: " ")
                    guard let i = words.firstIndex(of: "import"), i + 1 < words.count, words[..<i].allSatisfy({ $0.hasPrefix("@") }) else { continue }
                    // A scoped import (`import struct Module.Name`) names its module before the dot.
                    let kinds: Set<Substring> = ["struct", "class", "enum", "protocol", "typealias", "func", "var", "let"]
                    let j = kinds.contains(words[i + 1]) ? i + 2 : i + 1
                    guard j < words.count else { continue }
                    let name = String(words[j].split(separator: ".")[0])
                    guard ours.contains(name) else { continue }
                    XCTAssert(imports.contains(name), "\(module)/\(file) imports \(name), which \(module) may not import")
                }
            }
        }
        // Every library folder under Sources is listed (a new module must say what it imports).
        let folders = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { $0.hasPrefix("NAICXBRL") }
        XCTAssertEqual(Set(folders), Set(Self.allowed.map(\.module)))
    }
}
