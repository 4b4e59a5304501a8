// swift-tools-version:6.1
import Foundation
import PackageDescription

// The benchmarks are a package of their own so that the main package builds and tests without
// the benchmark framework. A path dependency's identity is its folder's name, which is the
// checkout's name: work it out rather than assume it.
let parentIdentity = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "naicxbrl-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Generated blanks, statements and instances of a chosen size.
        .target(
            name: "Synthetic",
            dependencies: [.product(name: "NAICXBRLStages", package: parentIdentity)],
            path: "Sources/Synthetic"
        ),
        .executableTarget(
            name: "synthesize",
            dependencies: ["Synthetic", .product(name: "NAICXBRLStages", package: parentIdentity)],
            path: "Sources/synthesize"
        ),
        .executableTarget(
            name: "NAICXBRLBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                "Synthetic",
                .product(name: "NAICXBRLStages", package: parentIdentity),
            ],
            path: "Benchmarks/NAICXBRLBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
    ]
)
