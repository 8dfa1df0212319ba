import ExampleService
import Foundation
import HTTPTypes
import KeelRuntime
import KeelTestSupport
import Testing

/// The shop's rate limits as generated from its spec: the licensed tier's limit on every endpoint, the revenue
/// report's own `10/minute`, and the categories' own `1200/minute` counted per client address.
@Suite(.serialized)
struct ExampleRateLimitTests {
    static let enterpriseKey = "PENG-ENT1-ENT2-ENT3-ENT4-ENT5"

    static func header(_ reply: ShopHarness.Client.Reply, _ name: String) -> String? {
        HTTPField.Name(name).flatMap { reply.headers[$0] }
    }

    /// Waits for the next window when the current one ends within `seconds`, so a run of requests stays in one window.
    static func awayFromWindowEnd(_ reply: ShopHarness.Client.Reply, seconds: Int = 5) async throws {
        let reset = try #require(header(reply, "RateLimit-Reset").flatMap(Int.init))
        if reset <= seconds { try await Task.sleep(for: .seconds(reset)) }
    }

    @Test func theReportHasItsOwnLimitAndTheTiersLimitIsAnswered() async throws {
        let server = try await FakeLicenseServer.start(licenses: [Self.enterpriseKey: FakeLicense(product: "shop", tier: "enterprise")])
        defer { Task { await server.stop() } }
        try await ShopHarness.run(try await LicensingTests.release(Self.enterpriseKey, server: server)) { client in
            let admin = try await client.login()
            let products = try await client.send(.get, "/api/v1/products", token: admin)
            #expect(products.status == .ok)
            #expect(Self.header(products, "RateLimit-Limit") == "100000")

            let report = "/api/v1/reports/revenue/2026?from=2026-01-01"
            try await Self.awayFromWindowEnd(try await client.send(.get, "/api/v1/categories"))
            var remaining: [String?] = []
            for _ in 1...10 {
                let reply = try await client.send(.get, report, token: admin)
                #expect(reply.status == .ok)
                remaining.append(Self.header(reply, "RateLimit-Remaining"))
            }
            #expect(remaining == (0..<10).reversed().map(String.init))
            let refused = try await client.send(.get, report, token: admin)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.code == "RATE_LIMITED")
            #expect(Self.header(refused, "RateLimit-Limit") == "10")
            #expect(Self.header(refused, "Retry-After").flatMap(Int.init).map { (1...60).contains($0) } == true)
            // The tier's count is apart: the admin still reads products.
            #expect((try await client.send(.get, "/api/v1/products", token: admin)).status == .ok)
        }
    }

    @Test func publicCategoriesCountPerClientAddress() async throws {
        let server = try await FakeLicenseServer.start(licenses: [Self.enterpriseKey: FakeLicense(product: "shop", tier: "enterprise")])
        defer { Task { await server.stop() } }
        try await ShopHarness.run(try await LicensingTests.release(Self.enterpriseKey, server: server)) { client in
            let first = try await client.send(.get, "/api/v1/categories")
            #expect(Self.header(first, "RateLimit-Limit") == "1200")
            let before = try #require(Self.header(first, "RateLimit-Remaining").flatMap(Int.init))
            // A token does not matter on a public endpoint: the address counts, list and get together.
            let admin = try await client.login()
            let withToken = try await client.send(.get, "/api/v1/categories/1", token: admin)
            let after = try #require(Self.header(withToken, "RateLimit-Remaining").flatMap(Int.init))
            #expect(after == before - 1 || Self.header(withToken, "RateLimit-Reset") == "60")
        }
    }
}
