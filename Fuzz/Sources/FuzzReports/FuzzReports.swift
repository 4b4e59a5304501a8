import CFuzzerDriver
import Foundation
import NAICXBRLCore
import NAICXBRLXML
import NAICXBRLReading
import NAICXBRLTaxonomy
import NAICXBRLChecks
import NAICXBRLInstance
import NAICXBRLConversion

/// libFuzzer entry point for the report importer: xBRL-JSON reports and xBRL-CSV report packages.
///
/// Reports are untrusted JSON, CSV and zip: any byte string must come back as an outcome with
/// diagnostics, never a trap, a hang, a network or file access, or unbounded memory.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReports(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let result = ReportImport.read(bytes, name: "fuzz").result
    // Read the result so the optimiser keeps the whole import.
    if result.hasErrors && result.diagnostics.isEmpty { print(result.statement.pages.count) }
    return 0
}

/// Hands the command line to libFuzzer's driver (see Package.swift for why not libFuzzer's `main`).
@main
enum FuzzReportsMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzReports(data, size) }
        exit(status)
    }
}
