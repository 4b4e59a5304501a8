// swift-tools-version:6.1
import PackageDescription

// The HTTP service: a separate package so the command line's build, start and size stay as they are.
let package = Package(
    name: "naicxbrl-serve",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "naicxbrl-serve", targets: ["naicxbrl-serve"]),
    ],
    dependencies: [
        .package(name: "naicxbrl", path: ".."),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Hummingbird's own dependency: whether the server is shutting down (`Connection: close`).
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
    ],
    targets: [
        .target(
            name: "NAICXBRLService",
            dependencies: [
                .product(name: "NAICXBRL", package: "naicxbrl"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "naicxbrl-serve",
            dependencies: ["NAICXBRLService"]
        ),
        .testTarget(
            name: "ServeTests",
            dependencies: [
                "NAICXBRLService",
                .product(name: "NAICXBRL", package: "naicxbrl"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            ]
        ),
    ]
)
