import ExampleService
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KeelRuntime
import KeelTestSupport
import Logging

/// The example shop service started on a fresh database, served over real HTTP on loopback, with helpers
/// to log in and send JSON.
struct ShopHarness {
    static let adminEmail = "admin@shop.example"
    static let adminPassword = "admin-" + TestSecrets.password

    /// The environment of a test service: a fresh database, fast bcrypt, a first admin, and `extra` on top.
    static func environment(_ dialect: DatabaseDialect, name: String, extra: [String: String] = [:]) async throws -> [String: String] {
        let configuration = try await TestDatabases.fresh(dialect, name: name)
        var environment = TestDatabases.environment(for: configuration)
        environment.merge([
            "PORT": "0", "BCRYPT_COST": "4", "SECRET_KEY": TestSecrets.signingKey, "SMTP_PASSWORD": TestSecrets.password,
            "ADMIN_EMAIL": adminEmail, "ADMIN_PASSWORD": adminPassword,
            "LICENSE_CACHE_PATH": NSTemporaryDirectory() + "keel-license-\(UUID().uuidString).json",
        ]) { _, new in new }
        environment.merge(extra) { _, new in new }
        return environment
    }

    /// Starts the service with `environment` and runs `body` against it: over one connection (`.live`, requests
    /// answered one after another), or over a pool of connections (`.ahc()`) for requests at the same time.
    static func run(_ environment: [String: String], testing: TestingSetup = .live, _ body: @Sendable (Client) async throws -> Void) async throws {
        let server = ShopService.server(handlers: ShopHandlers(), migrationsDirectory: ExampleResources.migrationsDirectory)
        let started = try await server.start(environment: environment, logger: Logger(label: "test"))
        do {
            try await started.application.test(testing) { client in
                try await body(Client(client: client, service: started.service))
            }
        } catch {
            await started.database.close()
            throw error
        }
        await started.database.close()
    }

    /// A test client that speaks JSON and remembers nothing between calls.
    struct Client: Sendable {
        let client: any TestClientProtocol
        let service: ServiceContext

        struct Reply: Sendable {
            let status: HTTPResponse.Status
            let headers: HTTPFields
            let body: Data

            var json: Any? { try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) }
            var object: [String: Any] { json as? [String: Any] ?? [:] }
            var items: [[String: Any]] { object["items"] as? [[String: Any]] ?? [] }
            var code: String? { object["code"] as? String }
            /// The fields a 422 names.
            var fieldErrors: [String] { (object["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String } }
        }

        /// Sends `body` (a JSON value, or raw text when it is a `String`) with an optional bearer token.
        func send(_ method: HTTPRequest.Method, _ uri: String, json: Any? = nil, raw: String? = nil, token: String? = nil, headers extra: HTTPFields = [:]) async throws -> Reply {
            var headers = extra
            if let token { headers[.authorization] = "Bearer \(token)" }
            var buffer: ByteBuffer?
            if let raw {
                buffer = ByteBuffer(string: raw)
                headers[.contentType] = headers[.contentType] ?? "application/json"
            } else if let json {
                buffer = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json, options: [.fragmentsAllowed]))
                headers[.contentType] = "application/json"
            }
            return try await client.execute(uri: uri, method: method, headers: headers, body: buffer) { response in
                Reply(status: response.status, headers: response.headers, body: Data(buffer: response.body))
            }
        }

        /// A bearer token for the account.
        func login(_ email: String = ShopHarness.adminEmail, _ password: String = ShopHarness.adminPassword) async throws -> String {
            let reply = try await send(.post, "/api/v1/auth/login", json: ["email": email, "password": password])
            guard reply.status == .ok, let token = reply.object["access_token"] as? String else {
                throw HarnessError("login of \(email) answered \(reply.status): \(String(decoding: reply.body, as: UTF8.self))")
            }
            return token
        }

        /// Creates a user with `roles` (as the admin) and answers its token.
        func user(_ email: String, roles: [String], admin: String) async throws -> String {
            let reply = try await send(.post, "/api/v1/users", json: ["email": email, "password": "password-123", "roles": roles], token: admin)
            guard reply.status == .created else { throw HarnessError("creating \(email) answered \(reply.status): \(String(decoding: reply.body, as: UTF8.self))") }
            return try await login(email, "password-123")
        }
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
