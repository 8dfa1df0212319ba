import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import KeelRuntime
import KeelTestSupport
import Logging
import Testing

/// Rate limits on real databases: two service instances on one database share each caller's count; a user is
/// counted by id, a caller without a token by address; an endpoint's own limit has its own count; the answers
/// carry the `RateLimit-*` headers, and a refusal is 429 `RATE_LIMITED` with `Retry-After`.
@Suite(.serialized)
struct RateLimitTests {
    static let key = "PENG-RATE-LIMI-TTES-TKEY-0001"
    static let server = KeelServer(
        description: ServiceDescription(
            identity: ServiceIdentity(name: "desk", version: "1.0.0", basePath: "/api", corsOrigins: []),
            auth: .local, roles: ["admin", "viewer"],
            licensing: LicensingModel(tiers: [.init(name: "community", rateLimit: RateLimit(4, per: .hour)), .init(name: "enterprise")])
        ),
        migrations: { _ in [] },
        routes: { api, service in
            api.get("/things/{id}") { request, _ -> String in
                try await service.access.check(request, AccessRule(authenticated: true))
                return "thing"
            }
            api.get("/public") { request, _ -> String in
                try await service.access.check(request, .anyone())
                return "public"
            }
            api.get("/report") { request, _ -> String in
                try await service.access.check(request, AccessRule(authenticated: true, rateLimit: EndpointRateLimit("GET /report", 2, per: .hour)))
                return "report"
            }
        }
    )

    struct Reply {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: [String: Any]

        func header(_ name: String) -> String? { HTTPField.Name(name).flatMap { headers[$0] } }
        var remaining: Int? { header("RateLimit-Remaining").flatMap(Int.init) }
    }

    static func send(_ client: any TestClientProtocol, _ uri: String, method: HTTPRequest.Method = .get, token: String? = nil,
                     forwardedFor: String? = nil, json: String? = nil) async throws -> Reply {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let forwardedFor { headers[HTTPField.Name("X-Forwarded-For")!] = forwardedFor }
        return try await client.execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) }) { response in
            Reply(status: response.status, headers: response.headers,
                  body: (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:])
        }
    }

    static func login(_ client: any TestClientProtocol, _ email: String, _ password: String) async throws -> String {
        let reply = try await send(client, "/api/auth/login", method: .post, json: #"{"email":"\#(email)","password":"\#(password)"}"#)
        return try #require(reply.body["access_token"] as? String)
    }

    static func environment(_ dialect: DatabaseDialect, license: FakeLicenseServer?, name: String) async throws -> [String: String] {
        var environment = TestDatabases.environment(for: try await TestDatabases.fresh(dialect, name: name))
        environment.merge([
            "PORT": "0", "BCRYPT_COST": "4", "SECRET_KEY": TestSecrets.signingKey, "ADMIN_EMAIL": "admin@desk.example",
            "ADMIN_PASSWORD": TestSecrets.password, "TRUST_FORWARDED_FOR": "true",
            "LICENSE_CACHE_PATH": NSTemporaryDirectory() + "keel-license-\(UUID().uuidString).json",
        ]) { _, new in new }
        if let license { environment.merge(["RELEASE_MODE": "true", "LICENSE_KEY": key, "LICENSE_SERVER_URL": license.url]) { _, new in new } }
        return environment
    }

    /// Runs `body` with a client of each of two instances of the service on one database.
    static func withTwoInstances(_ environment: [String: String], _ body: @Sendable (any TestClientProtocol, any TestClientProtocol) async throws -> Void) async throws {
        let first = try await server.start(environment: environment, logger: Logger(label: "test"))
        defer { Task { await first.database.close() } }
        let second = try await server.start(environment: environment, logger: Logger(label: "test"))
        defer { Task { await second.database.close() } }
        try await first.application.test(.live) { one in
            try await second.application.test(.live) { two in try await body(one, two) }
        }
    }

    /// Windows are fixed hours of the clock: a test that an hour's end cuts would count in two windows. In the last
    /// two minutes of an hour it waits for the next one (a loaded machine can take a minute over a test).
    static func awayFromHourEnd() async throws {
        let left = 3600 - Date().timeIntervalSince1970.truncatingRemainder(dividingBy: 3600)
        if left < 120 { try await Task.sleep(for: .seconds(left + 1)) }
    }

    @Test(arguments: DatabaseDialect.allCases)
    func twoInstancesShareEachCallersCount(_ dialect: DatabaseDialect) async throws {
        try await Self.awayFromHourEnd()
        let license = try await FakeLicenseServer.start(licenses: [Self.key: FakeLicense(product: "desk", tier: "community")])
        defer { Task { await license.stop() } }
        try await Self.withTwoInstances(try await Self.environment(dialect, license: license, name: "keel_rate_limits")) { one, two in
            let admin = try await Self.login(one, "admin@desk.example", TestSecrets.password)
            // Creating the viewer passes access control, so it is the admin's first request of four.
            let created = try await Self.send(one, "/api/users", method: .post, token: admin, json: #"{"email":"viewer@desk.example","password":"viewer-password","roles":["viewer"]}"#)
            #expect(created.status == .created)
            #expect(created.header("RateLimit-Limit") == "4")
            #expect(created.remaining == 3)
            var remaining: [Int?] = []
            for client in [two, one, two] {
                let reply = try await Self.send(client, "/api/things/1", token: admin)
                #expect(reply.status == .ok)
                remaining.append(reply.remaining)
                let reset = try #require(reply.header("RateLimit-Reset").flatMap(Int.init))
                #expect((1...3600).contains(reset))
            }
            #expect(remaining == [2, 1, 0])
            for client in [one, two] {
                let refused = try await Self.send(client, "/api/things/1", token: admin)
                #expect(refused.status == .tooManyRequests)
                #expect(refused.body["code"] as? String == "RATE_LIMITED")
                #expect(refused.body["detail"] as? String == "Rate limit of 4 requests per hour reached; retry in \(refused.header("Retry-After") ?? "?") s")
                #expect(refused.header("Retry-After").flatMap(Int.init).map { (1...3600).contains($0) } == true)
                #expect(refused.header("RateLimit-Limit") == "4")
                #expect(refused.remaining == 0)
            }

            // Another user has a count of their own.
            let viewer = try await Self.login(two, "viewer@desk.example", "viewer-password")
            #expect(try await Self.send(one, "/api/things/1", token: viewer).remaining == 3)

            // The endpoint's own limit counts apart from the tier's, on both instances.
            #expect(try await Self.send(two, "/api/report", token: viewer).remaining == 1)
            #expect(try await Self.send(one, "/api/report", token: viewer).remaining == 0)
            let report = try await Self.send(two, "/api/report", token: viewer)
            #expect(report.status == .tooManyRequests)
            #expect(report.header("RateLimit-Limit") == "2")
            #expect(try await Self.send(two, "/api/things/1", token: viewer).remaining == 2)

            // Without a token the client address counts (here the last X-Forwarded-For entry, which the instances trust).
            for (index, client) in [one, two, one, two].enumerated() {
                #expect(try await Self.send(client, "/api/public", forwardedFor: "192.0.2.1, 10.0.0.1").remaining == 3 - index)
            }
            #expect(try await Self.send(one, "/api/public", forwardedFor: "10.0.0.1").status == .tooManyRequests)
            #expect(try await Self.send(two, "/api/public", forwardedFor: "10.0.0.2").remaining == 3)
        }
    }

    /// In development mode, as with row limits, no rate limit applies and no header speaks of one.
    @Test func developmentModeHasNoRateLimit() async throws {
        try await Self.withTwoInstances(try await Self.environment(.sqlite, license: nil, name: "keel_rate_limits_dev")) { one, _ in
            let admin = try await Self.login(one, "admin@desk.example", TestSecrets.password)
            for _ in 1...6 {
                let reply = try await Self.send(one, "/api/things/1", token: admin)
                #expect(reply.status == .ok)
                #expect(reply.header("RateLimit-Limit") == nil)
            }
        }
    }

    /// Replicas that reserve slices of a count at the same time never admit more than the limit between them, and
    /// a burst waits for one reservation rather than scattering the limit; two that take turns admit exactly the limit.
    @Test(arguments: DatabaseDialect.allCases)
    func reservationsOfTwoReplicasStayWithinTheLimit(_ dialect: DatabaseDialect) async throws {
        try await Self.awayFromHourEnd()
        let configuration = try await TestDatabases.fresh(dialect, name: "keel_rate_slices")
        let first = try await DatabaseConnector.open(configuration)
        defer { Task { await first.close() } }
        try await Migrator(database: first, migrations: RuntimeTables.migrations(for: dialect)).migrate()
        let second = try await DatabaseConnector.open(configuration)
        defer { Task { await second.close() } }
        let limiters = [RateLimiter(database: first), RateLimiter(database: second)]
        let limit = RateLimit(200, per: .hour)
        #expect(limit.largestReservation == 12)
        let together = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<300 {
                group.addTask { try await limiters[index % 2].admit("tier 3600s user:7", limit: limit).admitted }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(together <= 200)
        // A replica whose own requests ran out may still hold part of a slice.
        #expect(together >= 200 - (limit.largestReservation - 1))
        var inTurn = 0
        for index in 0..<300 where try await limiters[index % 2].admit("tier 3600s user:8", limit: limit).admitted {
            inTurn += 1
        }
        #expect(inTurn == 200)
    }
}
