import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KeelClient
import KeelRuntime
import KeelTestSupport
import Logging
import Synchronization
import Testing

/// What the runtime binds per request for a handler's calls to other services: the caller's bearer token, which a
/// client with `.forwardCaller` sends on, and the caller's deadline from `X-Keel-Deadline-Ms`.
struct CallScopeTests {
    /// Where `/relay` calls: this service itself over HTTP, as it would call another.
    static let origin = Mutex("")

    struct Me: Decodable {
        var email: String
    }

    static let server = KeelServer(
        description: ServiceDescription(identity: ServiceIdentity(name: "relay", version: "1.0.0", basePath: "/api", corsOrigins: []),
                                        auth: .local, licensing: LicensingModel(tiers: [])),
        migrations: { _ in [] },
        routes: { api, _ in
            // Public itself: only the endpoint it calls needs the token, which it must forward.
            api.get("/relay") { _, _ -> String in
                let callee = ServiceClient(baseURL: origin.withLock { $0 }, credentials: .forwardCaller)
                return try await callee.call(.get, "/api/auth/me", authenticated: true, as: Me.self).email
            }
            api.get("/deadline") { _, _ -> String in
                CallDeadline.current.map { String(ContinuousClock.now.duration(to: $0).components.seconds) } ?? "none"
            }
        }
    )

    static func environment() -> [String: String] {
        ["DB_TYPE": "sqlite", "DB_PATH": NSTemporaryDirectory() + "keel-call-scope-\(UUID().uuidString).sqlite", "PORT": "0",
         "BCRYPT_COST": "4", "SECRET_KEY": TestSecrets.signingKey, "ADMIN_EMAIL": "admin@relay.example", "ADMIN_PASSWORD": TestSecrets.password]
    }

    static func get(_ client: any TestClientProtocol, _ uri: String, headers: HTTPFields = [:]) async throws -> (status: HTTPResponse.Status, body: String) {
        try await client.execute(uri: uri, method: .get, headers: headers) { ($0.status, String(buffer: $0.body)) }
    }

    @Test func aHandlersCallForwardsTheCallersToken() async throws {
        let started = try await Self.server.start(environment: Self.environment(), logger: Logger(label: "test"))
        defer { Task { await started.database.close() } }
        try await started.application.test(.live) { client in
            Self.origin.withLock { $0 = "http://127.0.0.1:\(client.port ?? 0)" }
            let login = try await client.execute(uri: "/api/auth/login", method: .post, headers: [.contentType: "application/json"],
                                                 body: ByteBuffer(string: #"{"email":"admin@relay.example","password":"\#(TestSecrets.password)"}"#)) {
                (try JSONSerialization.jsonObject(with: Data(buffer: $0.body)) as? [String: Any])?["access_token"] as? String
            }
            let token = try #require(login)
            let relayed = try await Self.get(client, "/api/relay", headers: [.authorization: "Bearer \(token)"])
            #expect(relayed.status == .ok && relayed.body == "admin@relay.example")
            // Without a token to forward the callee's 401 is passed on as the caller's own.
            let refused = try await Self.get(client, "/api/relay")
            #expect(refused.status == .unauthorized && refused.body.contains("\"UNAUTHORIZED\""))
        }
    }

    @Test func theCallersDeadlineBindsCallDeadline() async throws {
        let started = try await Self.server.start(environment: Self.environment(), logger: Logger(label: "test"))
        defer { Task { await started.database.close() } }
        try await started.application.test(.live) { client in
            // 9.5 s from arrival: a loaded machine may take a few seconds to get the handler running.
            let left = try await Self.get(client, "/api/deadline", headers: [CallDeadline.header: "9500"]).body
            #expect((5...9).contains(Int(left) ?? -1), "seconds left: \(left)")
            #expect(try await Self.get(client, "/api/deadline").body == "none")
            #expect(try await Self.get(client, "/api/deadline", headers: [CallDeadline.header: "soon"]).body == "none")
        }
    }
}
