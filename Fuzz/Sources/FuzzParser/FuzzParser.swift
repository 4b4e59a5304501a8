import Foundation
import FuzzSupport
@_spi(Stages) import NAICXBRLStages

/// libFuzzer entry point for the statement parser.
///
/// Any byte string must come back as a `ParseResult` (usable or not, with diagnostics), never a
/// trap, a hang or unbounded memory: statements arrive from filers and pipelines we do not
/// control.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let result = StatementParser.parse(bytes: bytes, name: "fuzz.txt")
    // Read the result so the optimiser keeps the whole parse.
    if result.isUsable && result.diagnostics.count < 0 { print(result.statement.pages.count) }
    return 0
}

/// libFuzzer's driver over the entry point (see Package.swift for why not libFuzzer's `main`).
@main
enum FuzzParserMain {
    static func main() { runFuzzerDriver(fuzzParser) }
}
