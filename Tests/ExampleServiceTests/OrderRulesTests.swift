import Foundation
import HTTPTypes
import KeelRuntime
import Testing

/// The example's order endpoints keep the rules of the rows they write (schemathesis found quantities the
/// order_items column refuses stored, negative totals, and a total past 64 bits trapping the process): a
/// quantity outside 1...1000 or an address part past its bound is 422 (the spec's `types:` bounds, which the
/// runtime checks), a total that does not fit at the stored prices or a line naming no product or one named
/// before is 409, and a refused request stores nothing.
struct OrderRulesTests {
    static let address = ["line1": "1 Main St", "city": "X", "postal_code": "1", "country": "US"]

    static func order(_ lines: [[String: Any]]) -> [String: Any] {
        ["lines": lines, "payment_method": "card", "shipping": address]
    }

    @Test func ordersKeepTheRulesOfTheirRows() async throws {
        let environment = try await ShopHarness.environment(.sqlite, name: "shop_order_rules")
        try await ShopHarness.run(environment) { client in
            let admin = try await client.login()
            let customer = try await client.send(.post, "/api/v1/customers", json: ["email": "c@shop.example", "full_name": "C"], token: admin)
            let customerID = try #require(customer.object["id"] as? Int)
            let cheap = try await client.send(.post, "/api/v1/products", json: ["sku": "C-1", "name": "Cheap", "price_cents": 100, "title": "C"], token: admin)
            let cheapID = try #require(cheap.object["id"] as? Int)
            let other = try await client.send(.post, "/api/v1/products", json: ["sku": "C-2", "name": "Other", "price_cents": 5, "title": "O"], token: admin)
            let otherID = try #require(other.object["id"] as? Int)
            let pricey = try await client.send(.post, "/api/v1/products", json: ["sku": "P-1", "name": "Pricey", "price_cents": Int64.max, "title": "P"], token: admin)
            let priceyID = try #require(pricey.object["id"] as? Int)
            let placed = try await client.send(.post, "/api/v1/customers/\(customerID)/orders", json: Self.order([["product_id": cheapID, "quantity": 2]]), token: admin)
            #expect(placed.status == .ok)
            #expect(placed.object["total_cents"] as? Int == 200)
            let orderID = try #require(placed.object["id"] as? Int)

            let before = try await DatabaseSnapshot.take(client.service.database)
            for quantity in [0, -5, 1001, Int(Int32.max), Int(Int32.min)] {
                let lines: [[String: Any]] = [["product_id": cheapID, "quantity": 1], ["product_id": otherID, "quantity": quantity]]
                let place = try await client.send(.post, "/api/v1/customers/\(customerID)/orders", json: Self.order(lines), token: admin)
                #expect(place.status == .unprocessableContent, "quantity \(quantity)")
                #expect(place.fieldErrors == ["lines[1].quantity"], "quantity \(quantity)")
                let replace = try await client.send(.put, "/api/v1/orders/\(orderID)/items", json: ["lines": lines], token: admin)
                #expect(replace.status == .unprocessableContent, "quantity \(quantity)")
                #expect(replace.fieldErrors == ["lines[1].quantity"], "quantity \(quantity)")
            }
            let overflow = try await client.send(.post, "/api/v1/customers/\(customerID)/orders", json: Self.order([["product_id": priceyID, "quantity": 2]]), token: admin)
            #expect(overflow.status == .conflict)
            #expect(overflow.code == "CONFLICT")
            // The same product twice would break order_items' unique (order_id, product_id) after the order was written.
            let twice: [[String: Any]] = [["product_id": cheapID, "quantity": 1], ["product_id": cheapID, "quantity": 2]]
            #expect(try await client.send(.post, "/api/v1/customers/\(customerID)/orders", json: Self.order(twice), token: admin).status == .conflict)
            #expect(try await client.send(.put, "/api/v1/orders/\(orderID)/items", json: ["lines": twice], token: admin).status == .conflict)
            let noProduct: [[String: Any]] = [["product_id": cheapID, "quantity": 1], ["product_id": 999_999, "quantity": 1]]
            let placeMissing = try await client.send(.post, "/api/v1/customers/\(customerID)/orders", json: Self.order(noProduct), token: admin)
            #expect(placeMissing.status == .conflict)
            #expect(placeMissing.code == "CONFLICT")
            let replaceMissing = try await client.send(.put, "/api/v1/orders/\(orderID)/items", json: ["lines": noProduct], token: admin)
            #expect(replaceMissing.status == .conflict)
            #expect(replaceMissing.code == "CONFLICT")
            // orders.shipping_address holds at most 2000 characters: the address fields' own bounds keep them within it.
            let long = String(repeating: "0", count: 1_500)
            var farAway = Self.order([["product_id": cheapID, "quantity": 1]])
            farAway["shipping"] = ["line1": long, "city": "X", "postal_code": "1", "country": long]
            let tooLong = try await client.send(.post, "/api/v1/customers/\(customerID)/orders", json: farAway, token: admin)
            #expect(tooLong.status == .unprocessableContent)
            #expect(tooLong.fieldErrors == ["shipping.line1", "shipping.country"])
            #expect(try await DatabaseSnapshot.take(client.service.database) == before)
        }
    }
}
