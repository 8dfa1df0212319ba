import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KeelRuntime
import KeelTestSupport
import Logging
import Testing

/// A spec whose superuser is `owner`, not `admin`: the first account gets it, and it alone manages users and
/// settings, while `agent` keeps to what its role admits.
struct SuperuserTests {
    static let server = KeelServer(
        description: ServiceDescription(
            identity: ServiceIdentity(name: "helpdesk", version: "1.0.0", basePath: "/api", corsOrigins: []),
            auth: .local, roles: ["owner", "agent", "reader"], superuser: "owner", licensing: LicensingModel(tiers: [])
        ),
        migrations: { _ in [] },
        routes: { api, service in
            api.get("/queues") { request, _ -> String in
                try await service.access.check(request, AccessRule(authenticated: true, roles: ["agent"]))
                return "queues"
            }
        }
    )

    static func send(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, token: String? = nil,
                     json: String? = nil) async throws -> (status: HTTPResponse.Status, body: [String: Any]) {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) }) { response in
            (response.status, (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:])
        }
    }

    static func login(_ client: any TestClientProtocol, _ email: String, _ password: String) async throws -> String {
        let reply = try await send(client, .post, "/api/auth/login", json: #"{"email":"\#(email)","password":"\#(password)"}"#)
        return try #require(reply.body["access_token"] as? String)
    }

    @Test func theNamedSuperuserMayDoEverythingAndNoOneElseManagesUsers() async throws {
        let environment = [
            "DB_TYPE": "sqlite", "DB_PATH": NSTemporaryDirectory() + "keel-superuser-\(UUID().uuidString).sqlite", "PORT": "0",
            "BCRYPT_COST": "4", "SECRET_KEY": TestSecrets.signingKey, "ADMIN_EMAIL": "owner@desk.example", "ADMIN_PASSWORD": TestSecrets.password,
        ]
        let started = try await Self.server.start(environment: environment, logger: Logger(label: "test"))
        defer { Task { await started.database.close() } }
        try await started.application.test(.live) { client in
            let owner = try await Self.login(client, "owner@desk.example", TestSecrets.password)
            let me = try await Self.send(client, .get, "/api/auth/me", token: owner)
            #expect(me.body["roles"] as? [String] == ["owner"])
            // The superuser passes a rule that names only agent, and manages users.
            #expect(try await Self.send(client, .get, "/api/queues", token: owner).status == .ok)
            let created = try await Self.send(client, .post, "/api/users", token: owner, json: #"{"email":"agent@desk.example","password":"agent-password","roles":["agent"]}"#)
            #expect(created.status == .created)
            let reader = try await Self.send(client, .post, "/api/users", token: owner, json: #"{"email":"reader@desk.example","password":"reader-password"}"#)
            // Without roles, a new account takes the last, least privileged role.
            #expect(reader.body["roles"] as? [String] == ["reader"])

            let agent = try await Self.login(client, "agent@desk.example", "agent-password")
            #expect(try await Self.send(client, .get, "/api/queues", token: agent).status == .ok)
            let refused = try await Self.send(client, .get, "/api/users", token: agent)
            #expect(refused.status == .forbidden)
            #expect(refused.body["detail"] as? String == "This operation needs one of the roles: owner")
            #expect(try await Self.send(client, .get, "/api/config", token: agent).status == .forbidden)
            #expect(try await Self.send(client, .get, "/api/config", token: owner).status == .ok)
            // `admin` means nothing special here: it is not even a role of this spec.
            let bogus = try await Self.send(client, .post, "/api/users", token: owner, json: #"{"email":"x@desk.example","password":"x-password","roles":["admin"]}"#)
            #expect(bogus.status == .unprocessableContent)
        }
    }
}
