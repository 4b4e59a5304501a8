import Foundation
import FuzzSupport
@_spi(Stages) import NAICXBRLStages

/// Built once: the importer's concept tables come from the bundled blank, not from the input,
/// and rebuilding them per input would spend the fuzzer's time on start-up work.
let importer = FactImporter(blank: referenceBlank)

/// libFuzzer entry point for the XBRL instance importer.
///
/// Instances are untrusted XML: any byte string must come back as a `FactImporter.Result` with
/// diagnostics, never a trap, a hang, a network or file access, or unbounded memory.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImporter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let result = importer.importInstance(bytes, name: "fuzz.xbrl")
    // Read the result so the optimiser keeps the whole import.
    if result.hasErrors && result.diagnostics.isEmpty { print(result.statement.pages.count) }
    return 0
}

/// libFuzzer's driver over the entry point (see Package.swift for why not libFuzzer's `main`).
@main
enum FuzzImporterMain {
    static func main() { runFuzzerDriver(fuzzImporter) }
}
