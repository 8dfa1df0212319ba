#if OpenTelemetry
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KeelClient
import KeelTestSupport
@testable import KeelRuntime
import Logging
import NIOConcurrencyHelpers
import NIOPosix
import Testing

/// With `OTEL_EXPORTER_OTLP_ENDPOINT` set, two services export the spans of one request to a local OTLP receiver:
/// the caller's server span (child of the incoming `traceparent`), its statement and its call, and the callee's
/// server span (child of that call) and statement, all in the incoming trace.
struct TraceExportTests {
    static let traceID = "4bf92f3577b34da6a3ce929d0e0e4736"
    static let parentID = "00f067aa0ba902b7"
    static let traceparent = HTTPField.Name("traceparent")!

    static func description(_ name: String) -> ServiceDescription {
        ServiceDescription(identity: ServiceIdentity(name: name, version: "1.0.0", basePath: "/api"), auth: .none, licensing: LicensingModel(tiers: []))
    }

    static let migrations: @Sendable (DatabaseDialect) throws -> [Migration] = { _ in
        [Migration(name: "0001_notes.sql", sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT NOT NULL);")]
    }

    /// Reads a note, then answers with the `traceparent` it received.
    static let callee = KeelServer(description: description("callee"), migrations: migrations) { api, service in
        let database = service.database
        api.get("/notes/{id}") { request, context -> String in
            let id = try context.parameters.require("id", as: Int64.self)
            _ = try await database.query("SELECT title FROM notes WHERE id = ?", [.int(id)])
            return request.headers[traceparent] ?? ""
        }
    }

    /// Counts its notes, then calls the callee and answers with what the callee answered.
    static func caller(of calleeURL: String) -> KeelServer {
        KeelServer(description: description("caller"), migrations: migrations) { api, service in
            let database = service.database
            api.get("/relay") { _, _ -> String in
                _ = try await database.query("SELECT count(*) AS n FROM notes")
                let answer = try await TracePropagatingTransport(HTTPClientTransport()).send(ClientRequest(method: .get, url: calleeURL + "/api/notes/1"))
                return String(decoding: answer.body, as: UTF8.self)
            }
        }
    }

    static func environment(_ receiver: OTLPReceiver) -> [String: String] {
        ["DB_TYPE": "sqlite", "DB_PATH": NSTemporaryDirectory() + "keel-trace-\(UUID().uuidString).sqlite", "PORT": "0",
         "OTEL_EXPORTER_OTLP_ENDPOINT": receiver.url, "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL": "http/json", "OTEL_BSP_SCHEDULE_DELAY": "100"]
    }

    @Test func oneTraceHoldsTheSpansOfBothServices() async throws {
        let receiver = try await OTLPReceiver.start()
        defer { receiver.stop() }
        let callee = try await Self.callee.start(environment: Self.environment(receiver), logger: Logger(label: "callee"))
        let seen = try await callee.application.test(.live) { calleeClient in
            let caller = try await Self.caller(of: "http://127.0.0.1:\(try #require(calleeClient.port))")
                .start(environment: Self.environment(receiver), logger: Logger(label: "caller"))
            let seen = try await caller.application.test(.live) { client in
                try await client.execute(uri: "/api/relay", method: .get, headers: [Self.traceparent: "00-\(Self.traceID)-\(Self.parentID)-01"]) { response in
                    #expect(response.status == .ok)
                    // Logs and the error envelope name the request by the incoming trace.
                    #expect(response.headers[HTTPField.Name("X-Trace-ID")!] == Self.traceID)
                    return String(buffer: response.body)
                }
            }
            await caller.database.close()
            return seen
        }
        await callee.database.close()

        // Generous: a loaded CI machine; the exporters post every 100 ms and flush when their service stops.
        let spans = try await receiver.spans(within: .seconds(20)) { $0.filter { $0.traceID == Self.traceID }.count >= 5 }
        let trace = spans.filter { $0.traceID == Self.traceID }
        let callerServer = try #require(trace.first { $0.service == "caller" && $0.kind == 2 }, "\(spans)")
        #expect(callerServer.parentSpanID == Self.parentID)
        #expect(callerServer.name == "GET /api/relay")
        #expect(callerServer.attributes["http.request.method"] == "GET")
        #expect(callerServer.attributes["http.route"] == "/api/relay")
        #expect(callerServer.attributes["http.response.status_code"] == "200")

        let callerStatement = try #require(trace.first { $0.service == "caller" && $0.attributes["db.system.name"] != nil }, "\(spans)")
        #expect(callerStatement.parentSpanID == callerServer.spanID)
        #expect(callerStatement.kind == 3)
        #expect(callerStatement.name == "SELECT")
        #expect(callerStatement.attributes["db.system.name"] == "sqlite")
        #expect(callerStatement.attributes["db.query.text"] == "SELECT count(*) AS n FROM notes")

        let call = try #require(trace.first { $0.service == "caller" && $0.kind == 3 && $0.attributes["http.request.method"] != nil }, "\(spans)")
        #expect(call.parentSpanID == callerServer.spanID)
        #expect(call.attributes["http.response.status_code"] == "200")
        // The callee received the call's own span as its parent.
        #expect(seen == "00-\(Self.traceID)-\(call.spanID)-01")

        let calleeServer = try #require(trace.first { $0.service == "callee" && $0.kind == 2 }, "\(spans)")
        #expect(calleeServer.parentSpanID == call.spanID)
        #expect(calleeServer.name == "GET /api/notes/{id}")
        let calleeStatement = try #require(trace.first { $0.service == "callee" && $0.attributes["db.system.name"] != nil }, "\(spans)")
        #expect(calleeStatement.parentSpanID == calleeServer.spanID)
        // The text with its placeholder: the bound id never reaches the span.
        #expect(calleeStatement.attributes["db.query.text"] == "SELECT title FROM notes WHERE id = ?")
        // Start-up's migrations ran outside any request: no span of theirs.
        #expect(!spans.contains { $0.attributes["db.query.text"]?.contains("CREATE TABLE") == true })
    }

    /// The exporter's HTTP client shuts itself down in its `deinit` with a call that traps on an event loop thread,
    /// and a stopping server drops its tracer on one (CI, 2026-12-03): the last reference may go there.
    @Test func tracingMayLoseItsLastReferenceOnAnEventLoop() async throws {
        let environment = ["OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:1"]
        let tracing = NIOLockedValueBox(Optional(try ServiceTracing.start(environment: environment, serviceName: "shop", logger: Logger(label: "test"))))
        #expect(tracing.withLockedValue { $0?.exporter } != nil)
        try await MultiThreadedEventLoopGroup.singleton.next().submit { tracing.withLockedValue { $0 = nil } }.get()
    }

    @Test func theSettingsFollowTheOpenTelemetryVariables() throws {
        #expect(try TracingSettings(environment: [:], serviceName: "shop").endpoint == nil)
        let base = try TracingSettings(environment: ["OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318"], serviceName: "shop")
        #expect(base.endpoint == "http://collector:4318/v1/traces")
        #expect(base.usesJSON == false)
        #expect(base.serviceName == "shop")
        let own = try TracingSettings(environment: ["OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318/", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "https://traces.example/in",
                                                    "OTEL_EXPORTER_OTLP_PROTOCOL": "http/json", "OTEL_SERVICE_NAME": "shop-eu"], serviceName: "shop")
        #expect(own.endpoint == "https://traces.example/in")
        #expect(own.usesJSON)
        #expect(own.serviceName == "shop-eu")
        #expect(throws: ConfigurationError.self) {
            try TracingSettings(environment: ["OTEL_EXPORTER_OTLP_ENDPOINT": "collector:4318"], serviceName: "shop")
        }
        do {
            _ = try TracingSettings(environment: ["OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318", "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL": "grpc"], serviceName: "shop")
            Issue.record("grpc was accepted")
        } catch let error as ConfigurationError {
            #expect(error.description == "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=grpc is not valid: use one of http/protobuf, http/json")
        }
    }
}
#endif
