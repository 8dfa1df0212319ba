import ExampleService
import Foundation
import HTTPTypes
import KeelRuntime
import KeelTestSupport
import Testing

/// The shop service against a fake license server that follows INTEGRATIONS.md: features and tier limits
/// follow the licensed tier; a bad key stops start-up in release mode; an unreachable server means the cache,
/// within its grace period only.
@Suite(.serialized)
struct LicensingTests {
    static let professionalKey = "PENG-PRO1-PRO2-PRO3-PRO4-PRO5"
    static let communityKey = "PENG-COM1-COM2-COM3-COM4-COM5"

    static func release(_ key: String, server: FakeLicenseServer, cache: String? = nil, on dialect: DatabaseDialect = .sqlite) async throws -> [String: String] {
        var extra = ["RELEASE_MODE": "true", "LICENSE_KEY": key, "LICENSE_SERVER_URL": server.url]
        if let cache { extra["LICENSE_CACHE_PATH"] = cache }
        return try await ShopHarness.environment(dialect, name: "shop_license", extra: extra)
    }

    static func fake() async throws -> FakeLicenseServer {
        try await FakeLicenseServer.start(licenses: [
            professionalKey: FakeLicense(product: "shop", tier: "professional"),
            communityKey: FakeLicense(product: "shop", tier: "community"),
        ])
    }

    @Test func featuresFollowTheLicensedTier() async throws {
        let server = try await Self.fake()
        defer { Task { await server.stop() } }
        try await ShopHarness.run(try await Self.release(Self.professionalKey, server: server)) { client in
            let admin = try await client.login()
            let license = try await client.send(.get, "/api/v1/license")
            #expect(license.object["tier"] as? String == "professional")
            #expect(license.object["valid"] as? Bool == true)
            #expect(license.object["source"] as? String == "server")
            #expect(Set(license.object["features"] as? [String] ?? []) == ["audit_logs", "staff_directory"])
            let report = try await client.send(.get, "/api/v1/reports/revenue/2026?from=2026-01-01", token: admin)
            #expect(report.status == .forbidden)
            #expect(report.code == "FEATURE_NOT_LICENSED")
            #expect(report.object["feature"] as? String == "advanced_analytics")
            #expect((try await client.send(.get, "/api/v1/audit-events", token: admin)).status == .ok)
        }
    }

    @Test func tierLimitsStopCreatesAtTheLimit() async throws {
        let server = try await Self.fake()
        defer { Task { await server.stop() } }
        try await ShopHarness.run(try await Self.release(Self.communityKey, server: server)) { client in
            let admin = try await client.login()
            #expect((try await client.send(.get, "/api/v1/audit-events", token: admin)).code == "FEATURE_NOT_LICENSED")
            #expect((try await client.send(.post, "/api/v1/teams", json: ["name": "Blue"], token: admin)).status == .created)
            let second = try await client.send(.post, "/api/v1/teams", json: ["name": "Green"], token: admin)
            #expect(second.status == .forbidden)
            #expect(second.code == "TIER_LIMIT_REACHED")
            // The community tier allows 5 users; the admin is the first.
            for index in 1...4 {
                let reply = try await client.send(.post, "/api/v1/users", json: ["email": "u\(index)@shop.example", "password": "password-123"], token: admin)
                #expect(reply.status == .created)
            }
            #expect((try await client.send(.post, "/api/v1/users", json: ["email": "u5@shop.example", "password": "password-123"], token: admin)).code == "TIER_LIMIT_REACHED")
            let teams = try await client.send(.get, "/api/v1/teams", token: admin)
            #expect(teams.object["total"] as? Int == 1)
        }
    }

    /// Creates sent at the same time cannot pass a limit together: the count and the insert share a transaction.
    @Test(arguments: DatabaseDialect.allCases)
    func concurrentCreatesStopAtTheLimit(_ dialect: DatabaseDialect) async throws {
        let server = try await Self.fake()
        defer { Task { await server.stop() } }
        try await ShopHarness.run(try await Self.release(Self.communityKey, server: server, on: dialect), testing: .ahc()) { client in
            let admin = try await client.login()
            // The community tier allows 1 team, and 5 users of which the admin is one.
            let teams = try await Self.statuses(of: 8) { try await client.send(.post, "/api/v1/teams", json: ["name": "Team \($0)"], token: admin) }
            #expect(teams == [.created: 1, .forbidden: 7])
            let users = try await Self.statuses(of: 8) {
                try await client.send(.post, "/api/v1/users", json: ["email": "racer\($0)@shop.example", "password": "password-123"], token: admin)
            }
            #expect(users == [.created: 4, .forbidden: 4])
            #expect((try await client.send(.get, "/api/v1/teams", token: admin)).object["total"] as? Int == 1)
            #expect((try await client.send(.get, "/api/v1/users", token: admin)).object["total"] as? Int == 5)
        }
    }

    /// Sends `count` requests at once and counts the answers by status.
    static func statuses(of count: Int, _ send: @escaping @Sendable (Int) async throws -> ShopHarness.Client.Reply) async throws -> [HTTPResponse.Status: Int] {
        try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
            for index in 0..<count { group.addTask { try await send(index).status } }
            return try await group.reduce(into: [:]) { $0[$1, default: 0] += 1 }
        }
    }

    @Test func releaseModeRefusesToStartWithAnUnknownKey() async throws {
        let server = try await Self.fake()
        defer { Task { await server.stop() } }
        let environment = try await Self.release("PENG-NOPE-NOPE-NOPE-NOPE-NOPE", server: server)
        await #expect(throws: LicenseError.self) {
            try await ShopHarness.run(environment) { _ in }
        }
    }

    @Test func anUnreachableServerMeansTheCacheWithinItsGrace() async throws {
        let server = try await Self.fake()
        let cache = NSTemporaryDirectory() + "keel-license-\(UUID().uuidString).json"
        try await ShopHarness.run(try await Self.release(Self.professionalKey, server: server, cache: cache)) { _ in }
        await server.stop()

        let offline = try await Self.release(Self.professionalKey, server: server, cache: cache)
        try await ShopHarness.run(offline) { client in
            let license = try await client.send(.get, "/api/v1/license")
            #expect(license.object["source"] as? String == "cache")
            #expect(license.object["tier"] as? String == "professional")
        }

        let file = LicenseCacheFile(path: cache)
        var stale = try #require(try file.load())
        stale.fetchedAt = Date(timeIntervalSinceNow: -25 * 3600)
        try file.save(stale)
        await #expect(throws: LicenseError.self) {
            try await ShopHarness.run(offline) { _ in }
        }
    }
}
