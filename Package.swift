// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "naicxbrl",
    platforms: [.macOS(.v13)],
    products: [
        // The library's public API (README, "Library API"): what an embedding program depends on.
        .library(name: "NAICXBRL", targets: ["NAICXBRL"]),
        // The implementation modules, for the project's own benchmarks, fuzzers and service,
        // which measure or drive single stages. No stability is promised: any change inside the
        // library may change them.
        .library(name: "NAICXBRLStages", targets: ["NAICXBRLStages"]),
        .executable(name: "naicxbrl", targets: ["naicxbrl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `swift package generate-documentation --target NAICXBRL` (README, "Library API").
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The allocator setting a batch process makes (glibc's mallopt).
        .target(name: "CMemory"),
        // CRC-32 by carry-less multiplication, for report packages (x86-64; a table elsewhere).
        .target(name: "CChecksum"),
        // The library's modules, each depending only on those listed before it (README, "Layout").
        .target(
            name: "NAICXBRLCore",
            dependencies: ["CChecksum"],
            // The blank catalog and its data files, embedded by the plugin.
            exclude: ["Blank/Data"],
            plugins: ["EmbedBlankData"]
        ),
        .target(name: "NAICXBRLXML", dependencies: ["NAICXBRLCore", "CLibXML2"]),
        .target(name: "NAICXBRLReading", dependencies: ["NAICXBRLCore", "CMemory"]),
        .target(name: "NAICXBRLTaxonomy", dependencies: ["NAICXBRLCore", "NAICXBRLXML"]),
        .target(
            name: "NAICXBRLChecks",
            dependencies: ["NAICXBRLCore", "NAICXBRLXML", "NAICXBRLReading", "NAICXBRLTaxonomy"]
        ),
        .target(
            name: "NAICXBRLInstance",
            dependencies: ["NAICXBRLCore", "NAICXBRLXML", "NAICXBRLTaxonomy", "NAICXBRLChecks"]
        ),
        .target(
            name: "NAICXBRLConversion",
            dependencies: [
                "NAICXBRLCore", "NAICXBRLXML", "NAICXBRLReading", "NAICXBRLTaxonomy", "NAICXBRLChecks",
                "NAICXBRLInstance", "CMemory",
            ]
        ),
        // The public face of the library: what an embedding program imports. It re-exports a few
        // dozen declarations of the modules above by name (Sources/NAICXBRL/NAICXBRL.swift).
        .target(
            name: "NAICXBRL",
            dependencies: [
                "NAICXBRLCore", "NAICXBRLXML", "NAICXBRLReading", "NAICXBRLTaxonomy", "NAICXBRLChecks",
                "NAICXBRLInstance", "NAICXBRLConversion",
            ]
        ),
        // The implementation modules and their stage entry points in one import, for the
        // benchmarks and fuzzers (`@_spi(Stages) import NAICXBRLStages`).
        .target(
            name: "NAICXBRLStages",
            dependencies: [
                "NAICXBRLCore", "NAICXBRLXML", "NAICXBRLReading", "NAICXBRLTaxonomy", "NAICXBRLChecks",
                "NAICXBRLInstance", "NAICXBRLConversion",
            ]
        ),
        .plugin(name: "EmbedBlankData", capability: .buildTool()),
        .executableTarget(
            name: "naicxbrl",
            dependencies: [
                "NAICXBRL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "NAICXBRLTests",
            dependencies: [
                "NAICXBRL", "NAICXBRLCore", "NAICXBRLXML", "NAICXBRLReading", "NAICXBRLTaxonomy",
                "NAICXBRLChecks", "NAICXBRLInstance", "NAICXBRLConversion",
            ],
            // Hostile XML documents the tests read by path.
            exclude: ["Hostile"]
        ),
    ]
)
