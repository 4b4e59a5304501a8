import Foundation
import FuzzSupport
@_spi(Stages) import NAICXBRLStages

/// libFuzzer entry point for the report importer: xBRL-JSON reports and xBRL-CSV report packages.
///
/// Reports are untrusted JSON, CSV and zip: any byte string must come back as an outcome with
/// diagnostics, never a trap, a hang, a network or file access, or unbounded memory.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReports(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let result = ReportImport.read(bytes, name: "fuzz").result
    // Read the result so the optimiser keeps the whole import.
    if result.hasErrors && result.diagnostics.isEmpty { print(result.statement.pages.count) }
    return 0
}

/// libFuzzer's driver over the entry point (see Package.swift for why not libFuzzer's `main`).
@main
enum FuzzReportsMain {
    static func main() { runFuzzerDriver(fuzzReports) }
}
