import Foundation
import HTTPTypes
import Hummingbird
import NAICXBRL
import Prometheus
import ServiceLifecycle

/// How the service runs: where it listens and its limits.
public struct ServiceConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// The bearer token every request but /healthz must carry; nil admits every request.
    public var token: String?
    /// The largest request body, in bytes; a larger one is answered 413.
    public var maxBodyBytes = 64 << 20
    /// The time a request's work may take; past it the answer is 504.
    public var timeLimitSeconds: Double = 60
    /// Conversions at once (default one per core), and how many more may wait.
    public var slots = ProcessInfo.processInfo.activeProcessorCount
    public var queue = 16

    public init() {}

    /// Whether `host` is a loopback address, where a token is not required.
    public var bindsLoopback: Bool {
        host == "127.0.0.1" || host == "::1" || host == "localhost" || host.hasPrefix("127.")
    }
}

/// The routes the service answers, as the OpenAPI document lists them.
public enum ServiceRoutes {
    public static let all: [(method: String, path: String)] = [
        ("post", "/v1/convert"), ("post", "/v1/validate"), ("post", "/v1/check"), ("post", "/v1/import"),
        ("get", "/v1/taxonomy"), ("get", "/v1/blanks"), ("get", "/healthz"), ("get", "/metrics"),
    ]
}

/// Compares two secrets in time that depends only on their lengths, never on where they differ.
public func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
    let count = max(a.count, b.count)
    for i in 0..<count {
        let x = i < a.count ? a[i] : 0
        let y = i < b.count ? b[i] : 0
        difference |= x ^ y
    }
    return difference == 0
}

/// Requests, durations, statuses and in-flight work in Prometheus' text format.
final class ServiceMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    let inFlight: Gauge

    init() {
        inFlight = registry.makeGauge(name: "naicxbrl_http_requests_in_flight", help: "Requests being answered.")
    }

    func record(route: String, status: Int, duration: Duration) {
        registry.makeCounter(name: "naicxbrl_http_requests_total", labels: [("route", route), ("status", String(status))],
                             help: "Requests answered, by route and status.").increment()
        if status >= 400 {
            registry.makeCounter(name: "naicxbrl_http_failures_total", labels: [("status", String(status))],
                                 help: "Requests answered with a status of 400 or more, by status.").increment()
        }
        registry.makeDurationHistogram(name: "naicxbrl_http_request_duration_seconds", labels: [("route", route)],
                                       buckets: [.milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
                                                 .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10), .seconds(30)],
                                       help: "Time to answer a request, by route.").record(duration)
    }
}

/// Records every request in the metrics, including those refused by a later middleware.
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServiceMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        let route = ServiceRoutes.all.contains { $0.path == path } ? path : "other"
        let start = ContinuousClock.now
        metrics.inFlight.increment()
        defer { metrics.inFlight.decrement() }
        do {
            var response = try await next(request, context)
            metrics.record(route: route, status: response.status.code, duration: ContinuousClock.now - start)
            // Once SIGTERM has come, the server closes each connection after its answer: saying
            // so keeps a client from sending its next request on a connection about to close.
            if Task.isShuttingDownGracefully { response.headers[.connection] = "close" }
            return response
        } catch let error as HTTPResponseError {
            metrics.record(route: route, status: error.status.code, duration: ContinuousClock.now - start)
            throw error
        } catch {
            metrics.record(route: route, status: 500, duration: ContinuousClock.now - start)
            throw error
        }
    }
}

/// Requires `Authorization: Bearer TOKEN` on every route but /healthz.
struct BearerMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: [UInt8]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path == "/healthz" { return try await next(request, context) }
        let header = request.headers[.authorization] ?? ""
        let prefix = "Bearer "
        let given = header.hasPrefix(prefix) ? Array(header.utf8.dropFirst(prefix.utf8.count)) : []
        guard constantTimeEqual(given, token) else {
            return Response(status: .unauthorized, headers: [.wwwAuthenticate: "Bearer", .contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(string: "{\"error\":\"a bearer token is required\",\"status\":401}\n")))
        }
        return try await next(request, context)
    }
}

/// The service: its routes, limits and metrics, as a Hummingbird application.
public enum Service {
    public static func application(_ configuration: ServiceConfiguration, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol
    {
        let metrics = ServiceMetrics()
        let admission = Admission(slots: configuration.slots, queue: configuration.queue)
        let router = Router()
        router.add(middleware: MetricsMiddleware(metrics: metrics))
        if let token = configuration.token { router.add(middleware: BearerMiddleware(token: Array(token.utf8))) }

        @Sendable func busy() -> Response {
            var answer = response(.json(503, Problem(status: 503, error: "busy: every slot and the queue are taken; retry later")))
            answer.headers[.retryAfter] = "1"
            return answer
        }

        /// The body (413 beyond the limit), then the work under the admission and time limits.
        /// The time limit counts from the request's arrival: reading the body and waiting for a
        /// slot take from it, and the operation is handed the instant it ends (for pdftotext).
        @Sendable func work(_ request: Request, _ operation: @escaping @Sendable ([UInt8], DispatchTime) -> Outcome) async throws -> Response {
            let deadline = DispatchTime.now() + configuration.timeLimitSeconds
            let tooLarge = response(.json(413, Problem(status: 413, error: "the body is larger than \(configuration.maxBodyBytes) bytes")))
            // Refusals that need no body come before it is read (the server discards it after
            // the answer): a declared length over the limit, and no room for more work.
            if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > configuration.maxBodyBytes { return tooLarge }
            if admission.isFull { return busy() }
            var request = request
            let buffer: ByteBuffer
            do {
                buffer = try await request.collectBody(upTo: configuration.maxBodyBytes)
            } catch let error as HTTPResponseError where error.status == .contentTooLarge {
                return tooLarge
            }
            let bytes = [UInt8](buffer: buffer)
            if bytes.isEmpty { return response(.json(400, Problem(status: 400, error: "the body is empty"))) }
            switch await admission.run(until: deadline, { operation(bytes, deadline) }) {
            case .success(let outcome):
                return response(outcome)
            case .failure(.busy):
                return busy()
            case .failure(.timedOut):
                return response(.json(504, Problem(status: 504, error: "the request took longer than \(configuration.timeLimitSeconds) s")))
            }
        }

        router.post("/v1/convert") { request, _ in
            let name = request.uri.queryParameters.get("format") ?? "xml"
            guard let format = ConvertFormat.all[name] else {
                return response(.json(400, Problem(status: 400, error: "format must be one of \(ConvertFormat.all.keys.sorted().joined(separator: ", "))")))
            }
            return try await work(request) { Operations.convert($0, format: format, deadline: $1) }
        }
        router.post("/v1/validate") { request, _ in try await work(request) { bytes, _ in Operations.validate(bytes) } }
        router.post("/v1/check") { request, _ in try await work(request) { Operations.check($0, deadline: $1) } }
        router.post("/v1/import") { request, _ in
            let name = request.uri.queryParameters.get("format") ?? "json"
            guard let format = Operations.ImportFormat(rawValue: name) else {
                return response(.json(400, Problem(status: 400, error: "format must be one of json, text, xml")))
            }
            return try await work(request) { bytes, _ in Operations.importInstance(bytes, format: format) }
        }
        router.get("/v1/taxonomy") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/zip", .contentDisposition: "attachment; filename=\"naicxbrl-taxonomy.zip\""],
                     body: .init(byteBuffer: ByteBuffer(bytes: Operations.taxonomyPackage)))
        }
        router.get("/v1/blanks") { _, _ in response(Operations.blanks) }
        router.get("/healthz") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: "{\"status\":\"ok\"}\n")))
        }
        router.get("/metrics") { _, _ in
            let load = admission.load
            metrics.registry.makeGauge(name: "naicxbrl_work_running", help: "Conversions and checks running.").set(Double(load.running))
            metrics.registry.makeGauge(name: "naicxbrl_work_waiting", help: "Conversions and checks waiting for a slot.").set(Double(load.waiting))
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: metrics.registry.emitToBuffer())))
        }

        return Application(
            router: router,
            // A backlog of connections not yet accepted as long as the system allows (Linux caps
            // it at net.core.somaxconn, 4096 by default): with Hummingbird's 256, a burst of a
            // thousand connections overflows it, and connecting (even to /healthz) then waits
            // for TCP to send its SYN again, a second or more later.
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "naicxbrl-serve", backlog: 4096),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) }
        )
    }
}

func response(_ outcome: Outcome) -> Response {
    var headers: HTTPFields = [.contentType: outcome.contentType]
    for (name, value) in outcome.headers {
        if let field = HTTPField.Name(name) { headers[field] = value }
    }
    return Response(status: .init(code: outcome.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: outcome.body)))
}
