import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPTypes
import Hummingbird
import NIOEmbedded
import ServiceLifecycle

/// What the service answered: its status, headers and body.
struct Answer {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: ByteBuffer
}

/// Sends requests to the service: over HTTP on loopback (``live(_:_:)``), or straight to its
/// router (``routed(_:_:)``).
struct TestClient: Sendable {
    /// The server's port; nil for a client of the router.
    var port: Int?
    private let send: @Sendable (String, HTTPRequest.Method, HTTPFields, ByteBuffer?) async throws -> Answer

    init(port: Int?, send: @escaping @Sendable (String, HTTPRequest.Method, HTTPFields, ByteBuffer?) async throws -> Answer) {
        self.port = port
        self.send = send
    }

    /// Sends a request and hands its answer to `check`.
    @discardableResult
    func execute<T>(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil,
                    _ check: (Answer) throws -> T) async throws -> T {
        try check(try await send(uri, method, headers, body))
    }

    /// A client of the server on `port`, over a connection of its own: requests go one after
    /// another on it, and a request waits up to ten minutes for its answer.
    static func http(port: Int) -> TestClient {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 600
        configuration.httpMaximumConnectionsPerHost = 1
        let session = URLSession(configuration: configuration)
        return TestClient(port: port) { uri, method, headers, body in
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(uri)")!)
            request.httpMethod = method.rawValue
            for field in headers { request.setValue(field.value, forHTTPHeaderField: field.name.rawName) }
            if let body { request.httpBody = Data(buffer: body) }
            let (data, response) = try await session.data(for: request)
            guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
            var fields = HTTPFields()
            for (name, value) in http.allHeaderFields {
                if let text = name as? String, let name = HTTPField.Name(text), let value = value as? String { fields[name] = value }
            }
            let status = HTTPResponse.Status(code: http.statusCode, reasonPhrase: "")
            return Answer(status: status, headers: fields, body: ByteBuffer(bytes: [UInt8](data)))
        }
    }
}

/// Runs the application on an ephemeral loopback port while `test` runs with a client of it,
/// then shuts it down.
func live<App: ApplicationProtocol>(_ makeApp: (@escaping @Sendable (Int) async -> Void) -> App,
                                    _ test: (TestClient) async throws -> Void) async throws {
    let (ports, port) = AsyncStream.makeStream(of: Int.self)
    let app = makeApp { port.yield($0) }
    let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: app.logger))
    try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask { try await group.run() }
        do {
            guard let number = await ports.first(where: { _ in true }) else { throw CancellationError() }
            try await test(.http(port: number))
        } catch {
            await group.triggerGracefulShutdown()
            throw error
        }
        await group.triggerGracefulShutdown()
        try await tasks.waitForAll()
    }
}

/// Runs `test` with a client that hands each request to the application's router in the test's
/// own task (no server, no connection): what a handler sees of the task, such as whether a
/// graceful shutdown has begun, is the test's.
func routed<App: ApplicationProtocol>(_ app: App, _ test: (TestClient) async throws -> Void) async throws
where App.Responder.Context: InitializableFromSource, App.Responder.Context.Source == ApplicationRequestContextSource {
    let responder = try await app.responder
    let logger = app.logger
    try await test(TestClient(port: nil) { uri, method, headers, body in
        let head = HTTPRequest(method: method, scheme: "http", authority: "localhost", path: uri, headerFields: headers)
        let request = Request(head: head, body: RequestBody(buffer: body ?? ByteBuffer()))
        let context = App.Responder.Context(source: ApplicationRequestContextSource(channel: EmbeddedChannel(), logger: logger))
        let response = try await responder.respond(to: request, context: context)
        let writer = CollectingWriter()
        try await response.body.write(writer)
        return Answer(status: response.status, headers: response.headers, body: writer.collected.value)
    })
}

/// A response body written into one buffer.
private struct CollectingWriter: ResponseBodyWriter {
    final class Box: @unchecked Sendable { var value = ByteBuffer() }
    let collected = Box()

    mutating func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        collected.value.writeBuffer(&buffer)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
