// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "naicxbrl",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "NAICXBRL", targets: ["NAICXBRL"]),
        .executable(name: "naicxbrl", targets: ["naicxbrl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "NAICXBRL",
            dependencies: ["CLibXML2"],
            resources: [
                .embedInCode("Blank/Data/life-ah-quarterly.json"),
                .embedInCode("Blank/Data/life-ah-quarterly-checks.json"),
                .embedInCode("Blank/Data/life-ah-annual.json"),
                .embedInCode("Blank/Data/life-ah-annual-checks.json"),
            ]
        ),
        .executableTarget(
            name: "naicxbrl",
            dependencies: [
                "NAICXBRL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "NAICXBRLTests",
            dependencies: ["NAICXBRL"],
            // Hostile XML documents the tests read by path.
            exclude: ["Hostile"]
        ),
    ]
)
