import CFuzzerDriver
import Foundation
@_spi(Stages) import NAICXBRLStages

/// The reference statement's blank: the quarterly Life, Accident and Health blank.
public let referenceBlank: Blank = Blank.named("life-ah-quarterly")!

/// The bytes libFuzzer hands an entry point (`LLVMFuzzerTestOneInput`), as an array.
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
}

/// Hands the command line to libFuzzer's driver, which runs `testOneInput` on each input (see
/// Package.swift for why not libFuzzer's `main`), and exits with its status.
public func runFuzzerDriver(_ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
}
