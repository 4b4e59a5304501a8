import CFuzzerDriver
import Foundation
import NAICXBRLCore
import NAICXBRLXML
import NAICXBRLReading
import NAICXBRLTaxonomy
import NAICXBRLChecks
import NAICXBRLInstance
import NAICXBRLConversion

/// The reference statement's blank: the quarterly Life, Accident and Health blank.
let referenceBlank: Blank = Blank.named("life-ah-quarterly")!

/// Built once: the importer's concept tables come from the bundled blank, not from the input,
/// and rebuilding them per input would spend the fuzzer's time on start-up work.
let importer = FactImporter(blank: referenceBlank)

/// libFuzzer entry point for the XBRL instance importer.
///
/// Instances are untrusted XML: any byte string must come back as a `FactImporter.Result` with
/// diagnostics, never a trap, a hang, a network or file access, or unbounded memory.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImporter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let result = importer.importInstance(bytes, name: "fuzz.xbrl")
    // Read the result so the optimiser keeps the whole import.
    if result.hasErrors && result.diagnostics.isEmpty { print(result.statement.pages.count) }
    return 0
}

/// Hands the command line to libFuzzer's driver (see Package.swift for why not libFuzzer's `main`).
@main
enum FuzzImporterMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzImporter(data, size) }
        exit(status)
    }
}
