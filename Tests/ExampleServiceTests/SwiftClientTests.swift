import ExampleClient
import Foundation
import KeelClient
import KeelRuntime
import KeelTestSupport
import Testing

/// The generated Swift client (`ShopClient`, outputs.swift_client) against the running shop over real HTTP:
/// typed calls succeed, and refusals arrive as `KeelClientError` with the envelope's fields.
struct SwiftClientTests {
    /// The dependency `shop`'s settings here: a call may take long on a loaded CI machine (the default timeout is 5 s).
    static let patient = ["KEEL_DEP_SHOP_TIMEOUT_MS": "30000"]

    @Test func typedCallsAndTypedErrors() async throws {
        // Professional: everything but `advanced_analytics`, which the revenue report needs.
        let licenseKey = "PENG-SWCL-PRO2-PRO3-PRO4-PRO5"
        let license = try await FakeLicenseServer.start(licenses: [licenseKey: FakeLicense(product: "shop", tier: "professional")])
        defer { Task { await license.stop() } }
        let environment = try await ShopHarness.environment(.sqlite, name: "shop_swift_client", extra: [
            "RELEASE_MODE": "true", "LICENSE_KEY": licenseKey, "LICENSE_SERVER_URL": license.url,
        ])
        try await ShopHarness.run(environment) { client in
            let port = try #require(client.client.port)
            let admin = try await client.login()
            let shop = try ShopClient(baseURL: "http://127.0.0.1:\(port)/", credentials: .service(token: admin), environment: Self.patient)

            let created = try await shop.createProduct(.init(sku: "swift-mug", name: "Swift mug", priceCents: 1250, notes: "glazed", title: "Mug"))
            #expect(created.priceCents == 1250 && created.status == .draft && created.inStock && created.notes == "glazed")
            #expect(try await shop.getProduct(id: created.id) == created)

            // A patch leaves out what it does not name; `.some(nil)` sets a nullable field to null.
            let patched = try await shop.updateProduct(id: created.id, .init(notes: .some(nil), weightKg: 0.4))
            #expect(patched.notes == nil && patched.weightKg == 0.4 && patched.name == "Swift mug")

            let page = try await shop.listProducts(.init(limit: 5, inStock: true, sort: [.priceCentsDescending]))
            #expect(page.limit == 5 && page.items.contains { $0.id == created.id })
            let found = try await shop.searchCatalog(q: "swift m")
            #expect(found.map(\.id) == [created.id])
            let repriced = try await shop.changePrice(id: created.id, body: .init(priceCents: 1999, reason: "new glaze"))
            #expect(repriced.priceCents == 1999)

            // 422: the envelope's field errors, typed.
            let invalid = await #expect(throws: KeelClientError.self) {
                try await shop.createProduct(.init(sku: "bad", name: "Bad", priceCents: -1, title: "Bad"))
            }
            #expect(invalid?.status == 422 && invalid?.code == "VALIDATION_FAILED")
            #expect(invalid?.fieldErrors.map(\.field) == ["price_cents"])
            #expect(invalid?.traceID?.isEmpty == false)

            // 403: the unlicensed feature (the professional tier has no `advanced_analytics`).
            let unlicensed = await #expect(throws: KeelClientError.self) {
                try await shop.revenueReport(year: 2026, from: try #require(KeelDate("2026-01-01")))
            }
            #expect(unlicensed?.status == 403 && unlicensed?.code == "FEATURE_NOT_LICENSED" && unlicensed?.feature == "advanced_analytics")

            // 404 after a delete.
            try await shop.deleteProduct(id: created.id)
            let gone = await #expect(throws: KeelClientError.self) { try await shop.getProduct(id: created.id) }
            #expect(gone?.status == 404 && gone?.code == "NOT_FOUND")
        }
    }

    /// `.forwardCaller` sends the token of the request being served, and nothing outside one.
    @Test func forwardsTheCallersToken() async throws {
        let environment = try await ShopHarness.environment(.sqlite, name: "shop_swift_client_forward")
        try await ShopHarness.run(environment) { client in
            let port = try #require(client.client.port)
            let admin = try await client.login()
            let shop = try ShopClient(baseURL: "http://127.0.0.1:\(port)", credentials: .forwardCaller, environment: Self.patient)
            let page = try await CallerToken.$current.withValue(admin) { try await shop.listCustomers() }
            #expect(page.total == 0)
            let refused = await #expect(throws: KeelClientError.self) { try await shop.listCustomers() }
            #expect(refused?.status == 401 && refused?.code == "UNAUTHORIZED")
            // Public endpoints need no token at all.
            #expect(try await shop.listCategories().items.isEmpty)
        }
    }
}
