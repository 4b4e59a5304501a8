// swift-tools-version:6.1
import PackageDescription

// A program that embeds the library the way a filing pipeline would: through the `NAICXBRL`
// product alone, and only what `import NAICXBRL` offers (README, "Library API"). CI builds it
// and runs it on a fixture, so a change that breaks the public API breaks the build.
let package = Package(
    name: "embedding-pipeline",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "naicxbrl", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "EmbeddingPipeline",
            dependencies: [.product(name: "NAICXBRL", package: "naicxbrl")]
        ),
    ]
)
