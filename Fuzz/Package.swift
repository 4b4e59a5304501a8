// swift-tools-version:6.0
import Foundation
import PackageDescription

// The fuzzers are a package of their own: they need `-sanitize=fuzzer`, which only a local
// build asks for, and unsafe flags, which a root package may use but a dependency may not. A
// path dependency's identity is its folder's name, which is the checkout's name: work it out
// rather than assume it.
let parentIdentity = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

// On Linux SwiftPM links an executable with `--defsym main=<Module>_main` and names the
// module's entry point `<Module>_main`, so libFuzzer's own `main` is never the one that runs
// (swiftlang/swift-package-manager#8731). Each fuzzer therefore has an `@main` that hands its
// command line to `LLVMFuzzerRunDriver`, libFuzzer's driver; `-parse-as-library` lets a file
// that is not `main.swift` hold `@main`.
let fuzzerSettings: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

/// A fuzzer: the executable of `Sources/NAME`.
func fuzzer(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzSupport", .product(name: "NAICXBRLStages", package: parentIdentity)],
        path: "Sources/\(name)",
        swiftSettings: fuzzerSettings
    )
}

let package = Package(
    name: "naicxbrl-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        .target(name: "CFuzzerDriver", path: "Sources/CFuzzerDriver"),
        // What every fuzzer shares: libFuzzer's driver, its input as bytes, the reference blank.
        .target(
            name: "FuzzSupport",
            dependencies: ["CFuzzerDriver", .product(name: "NAICXBRLStages", package: parentIdentity)],
            path: "Sources/FuzzSupport"
        ),
        fuzzer("FuzzParser"),
        fuzzer("FuzzImporter"),
        fuzzer("FuzzInput"),
        fuzzer("FuzzReports"),
    ]
)
