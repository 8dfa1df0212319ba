import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KeelRuntime
import Logging
import Testing

/// The server foundation over real HTTP on loopback: built-in health, the error envelope with trace ids,
/// database conflicts as 409, the body limit and CORS.
struct ServerTests {
    struct NewNote: Decodable {
        var title: String
    }

    static let server = KeelServer(
        description: ServiceDescription(
            identity: ServiceIdentity(name: "notes", version: "1.2.3", basePath: "/api", corsOrigins: ["http://app.example"]),
            auth: .none, licensing: LicensingModel(tiers: [])
        ),
        migrations: { _ in [Migration(name: "0001_notes.sql", sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT NOT NULL UNIQUE);")] },
        routes: { api, service in
            let database = service.database
            api.post("/notes") { request, context -> Response in
                let note = try await request.decode(as: NewNote.self, context: context)
                try await database.execute("INSERT INTO notes (title) VALUES (?)", [.text(note.title)])
                return Response(status: .created)
            }
            api.get("/notes/{id}") { _, context -> String in
                let id = try context.parameters.require("id", as: Int64.self)
                guard let row = try await database.query("SELECT title FROM notes WHERE id = ?", [.int(id)]).first else {
                    throw APIError.notFound("No note \(id)")
                }
                return row["title"]?.text ?? ""
            }
        }
    )

    static func environment() -> [String: String] {
        ["DB_TYPE": "sqlite", "DB_PATH": NSTemporaryDirectory() + "keel-server-\(UUID().uuidString).sqlite", "PORT": "0", "MAX_BODY_SIZE": "2048"]
    }

    func withServer(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let started = try await Self.server.start(environment: Self.environment(), logger: Logger(label: "test"))
        try await started.application.test(.live, body)
        await started.database.close()
    }

    func envelope(_ body: ByteBuffer) throws -> ErrorEnvelope {
        try JSONDecoder().decode(ErrorEnvelope.self, from: Data(buffer: body))
    }

    @Test func healthReportsTheServiceAndItsDatabase() async throws {
        try await withServer { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(json?["status"] as? String == "healthy")
                #expect(json?["service"] as? String == "notes")
                #expect(json?["version"] as? String == "1.2.3")
                #expect((json?["dependencies"] as? [String: String])?["database"] == "healthy")
                #expect(json?["uptime_seconds"] is Int)
            }
        }
    }

    @Test func errorsLeaveAsTheEnvelopeWithTheTraceID() async throws {
        try await withServer { client in
            try await client.execute(uri: "/api/nowhere", method: .get) { response in
                #expect(response.status == .notFound)
                let body = try envelope(response.body)
                #expect(body.code == "NOT_FOUND")
                #expect(body.statusCode == 404)
                #expect(body.traceID.count == 32)
                #expect(response.headers[HTTPField.Name("X-Trace-ID")!] == body.traceID)
            }
            try await client.execute(uri: "/api/notes/7", method: .get, headers: [HTTPField.Name("X-Trace-ID")!: "req-42.a_b"]) { response in
                let body = try envelope(response.body)
                #expect(body == ErrorEnvelope(detail: "No note 7", code: "NOT_FOUND", statusCode: 404, traceID: "req-42.a_b"))
            }
            let parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
            try await client.execute(uri: "/api/notes/7", method: .get, headers: [HTTPField.Name("traceparent")!: parent]) { response in
                let body = try envelope(response.body)
                #expect(body.traceID == "4bf92f3577b34da6a3ce929d0e0e4736")
            }
            // A trace id that could smuggle text into logs is replaced, not echoed.
            try await client.execute(uri: "/api/notes/7", method: .get, headers: [HTTPField.Name("X-Trace-ID")!: "a\"b c"]) { response in
                let body = try envelope(response.body)
                #expect(body.traceID != "a\"b c")
            }
        }
    }

    @Test func conflictsBadJSONAndOversizeBodies() async throws {
        try await withServer { client in
            let note = ByteBuffer(string: #"{"title": "groceries"}"#)
            try await client.execute(uri: "/api/notes", method: .post, headers: [.contentType: "application/json"], body: note) { response in
                #expect(response.status == .created)
            }
            try await client.execute(uri: "/api/notes", method: .post, headers: [.contentType: "application/json"], body: note) { response in
                #expect(response.status == .conflict)
                let body = try envelope(response.body)
                #expect(body.code == "CONFLICT")
            }
            try await client.execute(uri: "/api/notes", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: #"{"title": "#)) { response in
                #expect(response.status == .badRequest)
                let body = try envelope(response.body)
                #expect(body.code == "BAD_REQUEST")
            }
            let huge = ByteBuffer(string: #"{"title": ""# + String(repeating: "x", count: 4096) + #""}"#)
            try await client.execute(uri: "/api/notes", method: .post, headers: [.contentType: "application/json"], body: huge) { response in
                #expect(response.status == .contentTooLarge)
                let body = try envelope(response.body)
                #expect(body.code == "PAYLOAD_TOO_LARGE")
            }
            try await client.execute(uri: "/api/notes/1", method: .get) { response in
                #expect(String(buffer: response.body) == "groceries")
            }
        }
    }

    @Test func corsAnswersOnlyTheConfiguredOrigins() async throws {
        try await withServer { client in
            try await client.execute(uri: "/healthz", method: .get, headers: [.origin: "http://app.example"]) { response in
                #expect(response.headers[.accessControlAllowOrigin] == "http://app.example")
            }
            try await client.execute(uri: "/healthz", method: .get, headers: [.origin: "http://evil.example"]) { response in
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
        }
    }

    @Test func aBadSettingStopsStartUpNamingTheVariable() async throws {
        var environment = Self.environment()
        environment["PORT"] = "eighty"
        do {
            _ = try await Self.server.start(environment: environment, logger: Logger(label: "test"))
            Issue.record("a bad PORT was accepted")
        } catch {
            #expect("\(error)" == "PORT=eighty is not valid: use a whole number from 0 to 65535")
        }
    }
}

/// `GET /metrics` in Prometheus's format, moving with traffic.
struct MetricsTests {
    /// The value of one sample line, e.g. `http_requests_total{method="GET",endpoint="/healthz",status="200"}`.
    func sample(_ exposition: String, _ prefix: String) -> Double? {
        exposition.split(separator: "\n").first { $0.hasPrefix(prefix) }.flatMap { Double($0.split(separator: " ").last ?? "") }
    }

    @Test func countersMoveWithTraffic() async throws {
        let started = try await ServerTests.server.start(environment: ServerTests.environment(), logger: Logger(label: "test"))
        try await started.application.test(.live) { client in
            for _ in 0..<3 {
                try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            }
            try await client.execute(uri: "/api/notes/5", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/no/such/path", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.headers[.contentType] == "text/plain; version=0.0.4")
                let text = String(buffer: response.body)
                #expect(sample(text, #"http_requests_total{method="GET",endpoint="/healthz",status="200"}"#) == 3)
                #expect(sample(text, #"http_requests_total{method="GET",endpoint="/api/notes/{id}",status="404"}"#) == 1)
                #expect(sample(text, #"http_requests_total{method="GET",endpoint="unmatched",status="404"}"#) == 1)
                #expect(sample(text, #"http_request_duration_seconds_count{method="GET",endpoint="/healthz"}"#) == 3)
            }
        }
        await started.database.close()
    }
}
