import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPTypes
import Hummingbird
import NAICXBRL
import NAICXBRLService
import ServiceLifecycleTestKit
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
private let statement = try! Data(contentsOf: root.appendingPathComponent("Fixtures/mml-bay-state-life-2011-q2.txt"))
private let hostileFolder = root.appendingPathComponent("Tests/NAICXBRLTests/Hostile")

private func configuration(token: String? = nil, maxBody: Int = 1 << 20) -> ServiceConfiguration {
    var configuration = ServiceConfiguration()
    configuration.host = "127.0.0.1"
    configuration.port = 0
    configuration.token = token
    configuration.maxBodyBytes = maxBody
    return configuration
}

private func body(_ data: Data) -> ByteBuffer { ByteBuffer(bytes: [UInt8](data)) }

@Suite(.serialized) struct ServiceTests {
    @Test func healthMetricsBlanksTaxonomy() async throws {
        try await live({ Service.application(configuration(), onServerRunning: $0) }) { client in
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/v1/blanks", method: .get) { response in
                #expect(response.status == .ok)
                let list = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]]
                #expect((list?.count ?? 0) > 0)
            }
            // The taxonomy package of every edition is tens of megabytes: a debug build takes
            // longer to send it than the test client waits (20 s), so it is read with a client of
            // its own.
            let port = try #require(client.port)
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/v1/taxonomy")!)
            request.timeoutInterval = 600
            let (data, answer) = try await URLSession.shared.data(for: request)
            let http = try #require(answer as? HTTPURLResponse)
            #expect(http.statusCode == 200)
            #expect(http.value(forHTTPHeaderField: "Content-Type") == "application/zip")
            #expect(Array(data.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains("naicxbrl_http_requests_total"))
                #expect(text.contains("naicxbrl_http_request_duration_seconds"))
            }
        }
    }

    @Test func convertValidateImportCheck() async throws {
        try await live({ Service.application(configuration(maxBody: 64 << 20), onServerRunning: $0) }) { client in
            var instance = ByteBuffer()
            try await client.execute(uri: "/v1/convert?format=xml", method: .post, body: body(statement)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/xml")
                #expect(Int(response.headers[HTTPField.Name("X-NAICXBRL-Facts")!] ?? "") ?? 0 > 0)
                instance = response.body
            }
            try await client.execute(uri: "/v1/validate", method: .post, body: instance) { #expect($0.status == .ok) }
            for format in ["json", "text", "xml"] {
                try await client.execute(uri: "/v1/import?format=\(format)", method: .post, body: instance) { #expect($0.status == .ok) }
            }
            // The instance imported and written again is the same bytes.
            try await client.execute(uri: "/v1/import?format=xml", method: .post, body: instance) { #expect($0.body == instance) }
            try await client.execute(uri: "/v1/check", method: .post, body: instance) { #expect($0.status == .ok || $0.status == .unprocessableContent) }
            try await client.execute(uri: "/v1/check", method: .post, body: body(statement)) { #expect($0.status == .ok || $0.status == .unprocessableContent) }
            try await client.execute(uri: "/v1/convert?format=nope", method: .post, body: body(statement)) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/v1/import?format=nope", method: .post, body: instance) { #expect($0.status == .badRequest) }
        }
    }

    @Test func unusableAndOversizedBodies() async throws {
        try await live({ Service.application(configuration(maxBody: 1000), onServerRunning: $0) }) { client in
            try await client.execute(uri: "/v1/convert", method: .post, body: ByteBuffer(string: "hello")) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/v1/convert", method: .post, body: ByteBuffer()) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/v1/validate", method: .post, body: ByteBuffer(repeating: 0x41, count: 5000)) { #expect($0.status == .contentTooLarge) }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test func hostileInstancesGetDocumentedStatuses() async throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: hostileFolder.path).filter { $0.hasSuffix(".xml") }.sorted()
        #expect(files.count >= 10)
        try await live({ Service.application(configuration(maxBody: 64 << 20), onServerRunning: $0) }) { client in
            for file in files {
                let bytes = try Data(contentsOf: hostileFolder.appendingPathComponent(file))
                for route in ["/v1/validate", "/v1/import?format=json", "/v1/check", "/v1/convert"] {
                    try await client.execute(uri: route, method: .post, body: body(bytes)) { response in
                        #expect([200, 400, 422].contains(response.status.code), "\(file) \(route): \(response.status.code)")
                        // A hostile instance is never valid.
                        if route == "/v1/validate" { #expect(response.status.code == 422, "\(file)") }
                    }
                }
                try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            }
        }
    }

    @Test func bearerToken() async throws {
        let token = "0123456789abcdef0123"
        try await live({ Service.application(configuration(token: token), onServerRunning: $0) }) { client in
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/v1/blanks", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/v1/blanks", method: .get, headers: [.authorization: "Bearer wrong"]) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/v1/blanks", method: .get, headers: [.authorization: "Bearer \(token)"]) { #expect($0.status == .ok) }
        }
        #expect(constantTimeEqual(Array("abc".utf8), Array("abc".utf8)))
        #expect(!constantTimeEqual(Array("abc".utf8), Array("abd".utf8)))
        #expect(!constantTimeEqual(Array("abc".utf8), Array("abcd".utf8)))
        #expect(!constantTimeEqual([], Array("a".utf8)))
    }

    @Test func busyBeyondTheQueue() async throws {
        var config = configuration(maxBody: 64 << 20)
        config.slots = 1
        config.queue = 0
        try await live({ Service.application(config, onServerRunning: $0) }) { client in
            let port = try #require(client.port)
            // A client each: one client sends its requests one after another.
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        try await TestClient.http(port: port).execute(uri: "/v1/convert", method: .post, body: body(statement)) { $0.status.code }
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.contains(200))
            #expect(statuses.contains(503))
            #expect(statuses.allSatisfy { $0 == 200 || $0 == 503 })
        }
    }

    @Test func timeLimit() async throws {
        var config = configuration(maxBody: 64 << 20)
        config.timeLimitSeconds = 0.001
        try await live({ Service.application(config, onServerRunning: $0) }) { client in
            try await client.execute(uri: "/v1/convert", method: .post, body: body(statement)) { response in
                #expect(response.status == .gatewayTimeout)
            }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
        }
    }

    /// The instance /v1/convert answers is the bytes `naicxbrl convert` writes for the same
    /// statement (the library calls the command makes, validating on two threads where it can).
    @Test func convertAnswersWhatTheCommandLineWrites() async throws {
        let parsed = StatementParser.parse(bytes: [UInt8](statement), name: "<stdin>")
        let conversion = try Converter.convert(parsed.statement, file: "<stdout>", validate: true)
        let expected = try ReportFormat.xml.bytes(of: conversion, statement: parsed.statement, name: "report")
        #expect(conversion.validation.isEmpty)
        try await live({ Service.application(configuration(maxBody: 64 << 20), onServerRunning: $0) }) { client in
            for _ in 0..<3 {
                try await client.execute(uri: "/v1/convert?format=xml", method: .post, body: body(statement)) { response in
                    #expect(response.status == .ok)
                    #expect([UInt8](buffer: response.body) == expected)
                    #expect(response.headers[HTTPField.Name("X-NAICXBRL-Facts")!] == String(conversion.facts.count))
                }
            }
        }
    }

    /// A PDF's pdftotext is stopped when the request's time limit ends, counted from the
    /// request's arrival: a request that waited for a slot gets less time, not the full limit
    /// from the moment its pdftotext starts. A stand-in pdftotext that never finishes records
    /// each start.
    @Test func pdfTimeLimitCountsFromTheRequestsArrival() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("naicxbrl-serve-pdf-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let tool = folder.appendingPathComponent("pdftotext")
        let started = folder.appendingPathComponent("started")
        try "#!/bin/sh\necho $$ >> '\(started.path)'\nexec sleep 30\n".write(to: tool, atomically: true, encoding: .utf8)
        chmod(tool.path, 0o755)
        setenv("NAICXBRL_PDFTOTEXT", tool.path, 1)
        defer { unsetenv("NAICXBRL_PDFTOTEXT") }
        let pdf = ByteBuffer(string: "%PDF-1.4\n% a stand-in: the pdftotext it goes to never finishes\n")

        var config = configuration(maxBody: 64 << 20)
        config.slots = 1
        config.queue = 4
        config.timeLimitSeconds = 2
        try await live({ Service.application(config, onServerRunning: $0) }) { client in
            let clock = ContinuousClock()
            // The first PDF takes the only slot until its limit; the second arrives a second later,
            // waits about a second, and has about a second left when its pdftotext starts. (A
            // client of its own for the first: one client sends its requests one after another.)
            let port = try #require(client.port)
            async let first = TestClient.http(port: port).execute(uri: "/v1/convert", method: .post, body: pdf) { $0.status }
            try await Task.sleep(for: .seconds(1))
            let arrival = clock.now
            let second = try await client.execute(uri: "/v1/convert", method: .post, body: pdf) { $0.status }
            let answered = clock.now - arrival
            #expect(try await first == .gatewayTimeout)
            #expect(second == .gatewayTimeout)
            #expect(answered < .seconds(2.5), "answered \(answered) after the request")
            let pids = try String(contentsOf: started, encoding: .utf8).split(separator: "\n").compactMap { pid_t($0) }
            #expect(pids.count == 2, "pdftotext started \(pids.count) times")
            // The second pdftotext is gone by the end of its request's limit (with time to be
            // reaped), not a full limit after it started.
            var alive = true
            while clock.now - arrival < .seconds(2.7) {
                alive = pids.last.map { kill($0, 0) == 0 } ?? false
                if !alive { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(!alive, "the second pdftotext still ran \(clock.now - arrival) after its request arrived")
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
        }
    }

    /// Every route the server answers is in the OpenAPI document, with its statuses, and no other.
    /// Once shutdown has begun the server closes each connection after its answer; the answer
    /// says so, so that a keep-alive client does not send its next request on it.
    @Test func answersAfterShutdownBeginsCloseTheConnection() async throws {
        try await testGracefulShutdown { trigger in
            try await routed(Service.application(configuration())) { client in
                try await client.execute(uri: "/healthz", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.connection] == nil)
                }
                trigger.triggerGracefulShutdown()
                try await client.execute(uri: "/healthz", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.connection] == "close")
                }
                try await client.execute(uri: "/v1/convert", method: .post, body: body(statement)) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.connection] == "close")
                }
            }
        }
    }

    @Test func openAPIDocumentMatchesTheRoutes() throws {
        let data = try Data(contentsOf: root.appendingPathComponent("Service/openapi.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var documented: Set<String> = []
        for (path, operations) in paths {
            for method in operations.keys { documented.insert("\(method) \(path)") }
        }
        #expect(documented == Set(ServiceRoutes.all.map { "\($0.method) \($0.path)" }))
        for route in ServiceRoutes.all where route.method == "post" {
            let operation = try #require(paths[route.path]?[route.method] as? [String: Any])
            let responses = try #require(operation["responses"] as? [String: Any])
            for status in ["200", "400", "413", "503", "504"] { #expect(responses[status] != nil, "\(route.path) \(status)") }
        }
        let convert = try #require(paths["/v1/convert"]?["post"] as? [String: Any])
        let parameters = try #require(convert["parameters"] as? [[String: Any]])
        let formats = (parameters.first?["schema"] as? [String: Any])?["enum"] as? [String]
        #expect(Set(formats ?? []) == Set(ConvertFormat.all.keys))
    }
}
