// swift-tools-version:6.1
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
            // The blank catalog and its data files, embedded by the plugin.
            exclude: ["Blank/Data"],
            plugins: ["EmbedBlankData"]
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
            dependencies: ["NAICXBRL"],
            // Hostile XML documents the tests read by path.
            exclude: ["Hostile"]
        ),
    ]
)
