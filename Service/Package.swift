// swift-tools-version:6.1
import PackageDescription

// The HTTP service: a separate package so the command line's build, start and size stay as they are.

/// Products of the packages below, by product and package name.
func products(_ names: [(product: String, package: String)]) -> [Target.Dependency] {
    names.map { .product(name: $0.product, package: $0.package) }
}

let package = Package(
    name: "naicxbrl-serve",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "naicxbrl-serve", targets: ["naicxbrl-serve"]),
    ],
    dependencies: [
        .package(name: "naicxbrl", path: ".."),
        // Without its default trait ConfigurationSupport: the service reads its own configuration, and
        // the swift-configuration package would only lengthen the build.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Hummingbird's own dependency: whether the server is shutting down (`Connection: close`).
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
        // Hummingbird's own dependency: a channel for a request handed to the router in tests.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
    ],
    targets: [
        .target(
            name: "NAICXBRLService",
            dependencies: products([
                ("NAICXBRL", "naicxbrl"), ("Hummingbird", "hummingbird"), ("Prometheus", "swift-prometheus"),
                ("HTTPTypes", "swift-http-types"), ("ServiceLifecycle", "swift-service-lifecycle"),
            ])
        ),
        .executableTarget(
            name: "naicxbrl-serve",
            dependencies: ["NAICXBRLService"]
        ),
        // The tests run the server on a loopback port with Foundation's URLSession as the client,
        // or call its router directly (NIOEmbedded's channel for the request context), rather
        // than through HummingbirdTesting, whose AsyncHTTPClient brings TLS (BoringSSL), HTTP/2
        // and SOCKS to the build: about half of its modules.
        .testTarget(
            name: "ServeTests",
            dependencies: ["NAICXBRLService"] + products([
                ("NAICXBRL", "naicxbrl"), ("Hummingbird", "hummingbird"), ("HTTPTypes", "swift-http-types"),
                ("ServiceLifecycle", "swift-service-lifecycle"), ("ServiceLifecycleTestKit", "swift-service-lifecycle"),
                ("NIOEmbedded", "swift-nio"),
            ])
        ),
    ]
)
