import Foundation
import HTTPTypes
import KeelRuntime
import Testing

/// The column options on a custom endpoint's path and query parameters and on its body's `types:` fields hold at
/// run time: a value outside them is 422 with one entry per bad input at its path, checked before the handler runs,
/// and a value at the bound passes.
struct InputBoundsTests {
    /// One 422's entries as `field: message`.
    static func problems(_ reply: ShopHarness.Client.Reply) -> [String] {
        (reply.object["errors"] as? [[String: Any]] ?? []).map { "\($0["field"] as? String ?? ""): \($0["message"] as? String ?? "")" }
    }

    @Test func boundsOfEveryInputAreEnforced() async throws {
        let environment = try await ShopHarness.environment(.sqlite, name: "shop_input_bounds")
        try await ShopHarness.run(environment) { client in
            let admin = try await client.login()

            // Query: every bad parameter at once, an unknown one among them, in name order.
            let longQuery = String(repeating: "q", count: 101)
            let search = try await client.send(.get, "/api/v1/catalog/search?q=\(longQuery)&limit=0&category_id=0&colour=red")
            #expect(search.status == .unprocessableContent)
            #expect(Self.problems(search) == [
                "category_id: must be at least 1", "colour: is not a query parameter of this endpoint",
                "limit: must be at least 1", "q: must be at most 100 characters long",
            ])
            #expect(Self.problems(try await client.send(.get, "/api/v1/catalog/search?q=&limit=201")) == [
                "limit: must be at most 200", "q: must be at least 1 character long",
            ])
            #expect((try await client.send(.get, "/api/v1/catalog/search?q=\(String(longQuery.dropFirst()))&limit=200&category_id=1")).status == .ok)

            // Path and query together: the path parameter first.
            let report = try await client.send(.get, "/api/v1/reports/revenue/1999?from=someday", token: admin)
            #expect(report.status == .unprocessableContent)
            #expect(Self.problems(report) == ["year: must be at least 2000", "from: must be a date written YYYY-MM-DD"])
            #expect(Self.problems(try await client.send(.get, "/api/v1/reports/revenue/2101?from=2026-01-01", token: admin)) == ["year: must be at most 2100"])
            #expect((try await client.send(.get, "/api/v1/reports/revenue/2100?from=2026-01-01", token: admin)).status == .ok)
            // JSON Schema counts 2026.0 as an integer, so a client following the document may send it (schemathesis did).
            #expect((try await client.send(.get, "/api/v1/reports/revenue/2026.0?from=2026-01-01", token: admin)).status == .ok)
            #expect((try await client.send(.get, "/api/v1/catalog/search?q=x&limit=20.00")).status == .ok)
            #expect(Self.problems(try await client.send(.get, "/api/v1/reports/revenue/2026.5?from=2026-01-01", token: admin)) == ["year: must be a whole number"])

            // Body: an inline body's fields, and nested `types:` fields at their JSON paths.
            let product = try await client.send(.post, "/api/v1/products", json: ["sku": "B-1", "name": "Bounded", "price_cents": 100, "title": "B"], token: admin)
            let productID = try #require(product.object["id"] as? Int)
            let price = try await client.send(.patch, "/api/v1/products/\(productID)/price", json: ["price_cents": -1, "reason": String(repeating: "r", count: 501)], token: admin)
            #expect(price.status == .unprocessableContent)
            #expect(Self.problems(price) == ["price_cents: must be at least 0", "reason: must be at most 500 characters long"])
            #expect((try await client.send(.patch, "/api/v1/products/\(productID)/price", json: ["price_cents": 0, "reason": String(repeating: "r", count: 500)], token: admin)).status == .ok)

            let customer = try await client.send(.post, "/api/v1/customers", json: ["email": "b@shop.example", "full_name": "B"], token: admin)
            let customerID = try #require(customer.object["id"] as? Int)
            let order = try await client.send(.post, "/api/v1/customers/\(customerID)/orders", json: [
                "lines": [["product_id": productID, "quantity": 1], ["product_id": 0, "quantity": 1001]], "payment_method": "card",
                "shipping": ["line1": "", "city": "Springfield", "postal_code": "12345", "country": "usa"], "coupon_code": String(repeating: "c", count: 41),
            ], token: admin)
            #expect(order.status == .unprocessableContent)
            #expect(Self.problems(order) == [
                "lines[1].product_id: must be at least 1", "lines[1].quantity: must be at most 1000",
                "shipping.line1: must be at least 1 character long", "shipping.country: must match the pattern ^[A-Z]{2}$",
                "coupon_code: must be at most 40 characters long",
            ])
        }
    }
}
