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

    static func reset(_ reply: ShopHarness.Client.Reply) throws -> Int {
        try #require(header(reply, "RateLimit-Reset").flatMap(Int.init))
    }

    /// Sends `count` requests within one fixed window. A run that a window's end cuts in two (a loaded machine can
    /// be slow) is sent again from the start of the next window, so the counts read are of one window.
    static func inOneWindow(_ count: Int, attempts: Int = 3, _ send: () async throws -> ShopHarness.Client.Reply) async throws -> [ShopHarness.Client.Reply] {
        for _ in 1...attempts {
            var replies: [ShopHarness.Client.Reply] = []
            for _ in 1...count { replies.append(try await send()) }
            let resets = try replies.map(reset)
            // Within a window the reset only falls; it rises where a new window began.
            if zip(resets, resets.dropFirst()).allSatisfy({ $0 >= $1 }) { return replies }
            try await Task.sleep(for: .seconds(resets.last!))
        }
        Issue.record("every run of \(count) requests crossed a window's end")
        return []
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
            let replies = try await Self.inOneWindow(11) { try await client.send(.get, report, token: admin) }
            try #require(replies.count == 11)
            #expect(replies.prefix(10).map(\.status) == Array(repeating: .ok, count: 10))
            #expect(replies.prefix(10).map { Self.header($0, "RateLimit-Remaining") } == (0..<10).reversed().map(String.init))
            let refused = replies[10]
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
