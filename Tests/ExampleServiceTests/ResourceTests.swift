import ExampleService
import Foundation
import KeelRuntime
import Testing

/// The generated shop service over real HTTP on each database: every resource operation, filters, sort and
/// paging, validation, conflicts, auth and roles, and the custom endpoints reaching `ShopHandlers`.
@Suite(.serialized)
struct ResourceTests {
    @Test(arguments: [DatabaseDialect.sqlite, .postgres, .mysql])
    func resourcesBehaveAsTheSpecSays(_ dialect: DatabaseDialect) async throws {
        let environment = try await ShopHarness.environment(dialect, name: "shop_resources")
        try await ShopHarness.run(environment) { client in
            let admin = try await client.login()
            let maintainer = try await client.user("maint@shop.example", roles: ["maintainer"], admin: admin)
            let viewer = try await client.user("viewer@shop.example", roles: ["viewer"], admin: admin)
            let category = try await CategoryRepository(database: client.service.database).create(CategoryCreate(name: "Tools"))

            // Create: 201, Location, defaults filled in.
            let created = try await client.send(.post, "/api/v1/products", json: [
                "sku": "HAM-1", "name": "Hammer", "price_cents": 1299, "title": "A hammer", "category_id": category.id, "weight_kg": 0.8,
            ], token: maintainer)
            #expect(created.status == .created)
            let id = try #require(created.object["id"] as? Int)
            #expect(created.headers[.location] == "/api/v1/products/\(id)")
            #expect(created.object["status"] as? String == "draft")
            #expect(created.object["in_stock"] as? Bool == true)
            #expect(created.object["notes"] is NSNull)
            #expect((created.object["created_at"] as? String)?.hasSuffix("Z") == true)

            for (index, name) in ["Saw", "Drill", "Axe"].enumerated() {
                let reply = try await client.send(.post, "/api/v1/products", json: [
                    "sku": "SKU-\(index)", "name": name, "price_cents": 500 * (index + 1), "title": name, "in_stock": index != 1, "status": "active",
                ], token: maintainer)
                #expect(reply.status == .created)
            }

            // Get, 404, and an id that is not a number.
            let fetched = try await client.send(.get, "/api/v1/products/\(id)", token: viewer)
            #expect(fetched.status == .ok)
            #expect(fetched.object["sku"] as? String == "HAM-1")
            #expect((try await client.send(.get, "/api/v1/products/999999", token: viewer)).code == "NOT_FOUND")
            #expect((try await client.send(.get, "/api/v1/products/abc", token: viewer)).status == .notFound)

            // List: filters, sort, pagination and its bounds.
            let page = try await client.send(.get, "/api/v1/products?sort=-price_cents&limit=2", token: viewer)
            #expect(page.status == .ok)
            #expect(page.object["total"] as? Int == 4)
            #expect(page.object["limit"] as? Int == 2)
            #expect(page.items.compactMap { $0["name"] as? String } == ["Axe", "Hammer"])
            let second = try await client.send(.get, "/api/v1/products?sort=-price_cents&limit=2&offset=2", token: viewer)
            #expect(second.items.compactMap { $0["name"] as? String } == ["Drill", "Saw"])
            let inStock = try await client.send(.get, "/api/v1/products?in_stock=false", token: viewer)
            #expect(inStock.items.compactMap { $0["name"] as? String } == ["Drill"])
            let byCategory = try await client.send(.get, "/api/v1/products?category_id=\(category.id)&status=draft", token: viewer)
            #expect(byCategory.items.count == 1)
            #expect(byCategory.object["total"] as? Int == 1)
            // The total counts the filtered rows, also on a later page and on a page past the end.
            let active = try await client.send(.get, "/api/v1/products?status=active&in_stock=true&limit=1&offset=1", token: viewer)
            #expect(active.items.compactMap { $0["name"] as? String } == ["Axe"])
            #expect(active.object["total"] as? Int == 2)
            let pastTheEnd = try await client.send(.get, "/api/v1/products?status=active&limit=5&offset=10", token: viewer)
            #expect(pastTheEnd.items.isEmpty)
            #expect(pastTheEnd.object["total"] as? Int == 3)
            let none = try await client.send(.get, "/api/v1/products?status=retired", token: viewer)
            #expect(none.items.isEmpty)
            #expect(none.object["total"] as? Int == 0)
            let byName = try await client.send(.get, "/api/v1/products?sort=name", token: viewer)
            #expect(byName.items.compactMap { $0["name"] as? String } == ["Axe", "Drill", "Hammer", "Saw"])
            // The id filters and sorts as any column does (it once trapped the process on every dialect).
            let newest = try await client.send(.get, "/api/v1/products?sort=-id&limit=1", token: viewer)
            #expect(newest.items.compactMap { $0["name"] as? String } == ["Axe"])
            let byID = try await client.send(.get, "/api/v1/products?id=\(id)", token: viewer)
            #expect(byID.items.compactMap { $0["name"] as? String } == ["Hammer"])
            #expect(byID.object["total"] as? Int == 1)
            for bad in ["limit=0", "limit=201", "offset=-1", "sort=sku", "in_stock=maybe", "status=gone", "colour=red"] {
                let reply = try await client.send(.get, "/api/v1/products?\(bad)", token: viewer)
                #expect(reply.status == .unprocessableContent, "\(bad)")
            }
            #expect((try await client.send(.get, "/api/v1/products?limit=200", token: viewer)).status == .ok)

            // 422 with one entry per bad field, unknown fields included.
            let invalid = try await client.send(.post, "/api/v1/products", json: [
                "sku": 12, "price_cents": -5, "status": "sold", "weight_kg": 2000, "colour": "red", "title": String(repeating: "x", count: 256),
            ], token: maintainer)
            #expect(invalid.status == .unprocessableContent)
            #expect(Set(invalid.fieldErrors) == ["sku", "name", "price_cents", "status", "weight_kg", "colour", "title"])

            // Patch: partial update, null for a nullable field, 404.
            let patched = try await client.send(.patch, "/api/v1/products/\(id)", json: ["price_cents": 1499, "notes": "Sturdy"], token: maintainer)
            #expect(patched.status == .ok)
            #expect(patched.object["price_cents"] as? Int == 1499)
            #expect(patched.object["name"] as? String == "Hammer")
            let cleared = try await client.send(.patch, "/api/v1/products/\(id)", json: ["notes": NSNull()], token: maintainer)
            #expect(cleared.object["notes"] is NSNull)
            #expect((try await client.send(.patch, "/api/v1/products/\(id)", json: ["name": NSNull()], token: maintainer)).fieldErrors == ["name"])
            #expect((try await client.send(.patch, "/api/v1/products/424242", json: ["name": "X"], token: maintainer)).status == .notFound)

            // Conflicts: a taken unique value, a reference to nothing.
            let duplicate = try await client.send(.post, "/api/v1/products", json: ["sku": "HAM-1", "name": "Other", "price_cents": 1, "title": "t"], token: maintainer)
            #expect(duplicate.status == .conflict)
            let dangling = try await client.send(.post, "/api/v1/products", json: ["sku": "NEW-1", "name": "Other", "price_cents": 1, "title": "t", "category_id": 987654], token: maintainer)
            #expect(dangling.status == .conflict)

            // Auth and roles: no token 401, wrong role 403, public resource open.
            #expect((try await client.send(.get, "/api/v1/products")).status == .unauthorized)
            #expect((try await client.send(.get, "/api/v1/products", token: "not.a.token")).status == .unauthorized)
            #expect((try await client.send(.post, "/api/v1/products", json: ["sku": "V"], token: viewer)).status == .forbidden)
            #expect((try await client.send(.get, "/api/v1/categories")).items.count == 1)
            #expect((try await client.send(.get, "/api/v1/users", token: maintainer)).status == .forbidden)

            // Custom endpoints reach ShopHandlers.
            let search = try await client.send(.get, "/api/v1/catalog/search?q=ham")
            #expect(search.status == .ok)
            #expect((search.json as? [[String: Any]])?.compactMap { $0["sku"] as? String } == ["HAM-1"])
            #expect((try await client.send(.get, "/api/v1/catalog/search")).fieldErrors == ["q"])
            let price = try await client.send(.patch, "/api/v1/products/\(id)/price", json: ["price_cents": 999], token: admin)
            #expect(price.object["price_cents"] as? Int == 999)
            #expect((try await client.send(.patch, "/api/v1/products/\(id)/price", json: ["price_cents": 1], token: maintainer)).status == .forbidden)
            let customer = try await client.send(.post, "/api/v1/customers", json: ["email": "ann@example.com", "full_name": "Ann"], token: admin)
            let customerID = try #require(customer.object["id"] as? Int)
            let order = try await client.send(.post, "/api/v1/customers/\(customerID)/orders", json: [
                "lines": [["product_id": id, "quantity": 2]], "payment_method": "card",
                "shipping": ["line1": "1 Main St", "city": "Springfield", "postal_code": "12345", "country": "US"],
            ], token: maintainer)
            #expect(order.status == .ok)
            #expect(order.object["total_cents"] as? Int == 1998)
            #expect(order.object["status"] as? String == "pending")
            let badOrder = try await client.send(.post, "/api/v1/customers/\(customerID)/orders", json: ["lines": "none"], token: maintainer)
            #expect(badOrder.status == .unprocessableContent)
            // A custom body is checked like a resource body: every bad, missing, null or unknown field at its path, in field order.
            let tangled = try await client.send(.post, "/api/v1/customers/\(customerID)/orders", json: [
                "lines": [["product_id": id, "quantity": "two"], ["quantity": 1, "colour": "red"]],
                "shipping": ["line1": "1 Main St", "city": NSNull(), "postal_code": 12345, "country": "US", "floor": 3],
                "coupon_code": NSNull(), "payment_method": "cash", "gift": true,
            ], token: maintainer)
            #expect(tangled.status == .unprocessableContent)
            #expect(tangled.fieldErrors == ["lines[0].quantity", "lines[1].product_id", "lines[1].colour", "shipping.city", "shipping.postal_code",
                                            "shipping.floor", "payment_method", "gift"])
            #expect((try await client.send(.get, "/api/v1/orders", token: admin)).object["total"] as? Int == 1)
            let report = try await client.send(.get, "/api/v1/reports/revenue/2026?from=2026-01-01", token: admin)
            #expect(report.status == .ok)
            #expect((try await client.send(.get, "/api/v1/reports/revenue/2026?from=yesterday", token: admin)).fieldErrors == ["from"])
            #expect((try await client.send(.get, "/api/v1/reports/revenue/twenty?from=2026-01-01", token: admin)).fieldErrors == ["year"])
            #expect((try await client.send(.delete, "/api/v1/customers/\(customerID)/personal-data", token: admin)).status == .noContent)
            let erased = try await client.send(.get, "/api/v1/customers/\(customerID)", token: admin)
            #expect(erased.object["full_name"] as? String == "Erased customer")

            // Delete: 204, then 404; a referenced row cannot go (restrict).
            #expect((try await client.send(.delete, "/api/v1/products/\(id)", token: maintainer)).status == .conflict)
            let axe = try #require(byName.items.first?["id"] as? Int)
            #expect((try await client.send(.delete, "/api/v1/products/\(axe)", token: maintainer)).status == .noContent)
            #expect((try await client.send(.delete, "/api/v1/products/\(axe)", token: maintainer)).status == .notFound)
        }
    }

    /// Every column type a list may filter or sort on works on every dialect: the value a response shows filters
    /// back to exactly its row, and each sort runs both ways.
    @Test(arguments: [DatabaseDialect.sqlite, .postgres, .mysql])
    func everyFilterableTypeFiltersAndSorts(_ dialect: DatabaseDialect) async throws {
        let environment = try await ShopHarness.environment(dialect, name: "shop_filters")
        try await ShopHarness.run(environment) { client in
            let admin = try await client.login()
            let database = client.service.database
            let customer = try await CustomerRepository(database: database).create(CustomerCreate(email: "c@shop.example", fullName: "C", birthDate: CalendarDate("1990-02-28"), loyaltyPoints: 7))
            _ = try await CustomerRepository(database: database).create(CustomerCreate(email: "d@shop.example", fullName: "D"))
            let placed = Date(timeIntervalSince1970: 1_780_000_000.123456)
            let orders = OrderRepository(database: database)
            let first = try await orders.create(OrderCreate(
                customerId: customer.id, status: .paid, placedAt: placed, deliveryDue: CalendarDate("2026-12-24"), totalCents: 4200,
                currency: "USD", exchangeRate: DecimalValue("1.234567")))
            let second = try await orders.create(OrderCreate(customerId: customer.id, placedAt: placed.addingTimeInterval(60), totalCents: 100))

            func ids(_ query: String) async throws -> [Int] {
                let reply = try await client.send(.get, query, token: admin)
                #expect(reply.status == .ok, "\(query)")
                return reply.items.compactMap { $0["id"] as? Int }
            }
            func queryText(_ value: Any?) -> String {
                let text = (value as? String) ?? (value as? NSNumber)?.stringValue ?? "\(value ?? "")"
                return text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
            }
            let shown = try await client.send(.get, "/api/v1/orders/\(first.id)", token: admin).object
            for column in ["status", "public_id", "placed_at", "delivery_due", "total_cents", "currency", "exchange_rate"] {
                #expect(try await ids("/api/v1/orders?\(column)=\(queryText(shown[column]))") == [Int(first.id)], "\(column)=\(shown[column] ?? "")")
            }
            for column in ["id", "public_id", "placed_at", "delivery_due", "total_cents", "currency", "exchange_rate"] {
                let ascending = try await ids("/api/v1/orders?sort=\(column)")
                #expect(Set(ascending) == [Int(first.id), Int(second.id)], "sort=\(column)")
                #expect(try await ids("/api/v1/orders?sort=-\(column)") == ascending.reversed(), "sort=-\(column)")
            }
            let customerShown = try await client.send(.get, "/api/v1/customers/\(customer.id)", token: admin).object
            for column in ["loyalty_points", "birth_date"] {
                #expect(try await ids("/api/v1/customers?\(column)=\(queryText(customerShown[column]))") == [Int(customer.id)], "\(column)")
            }

            let product = try await client.send(.post, "/api/v1/products", json: [
                "sku": "W-1", "name": "Weight", "price_cents": 1, "title": "W", "weight_kg": 2.5, "notes": "fragile; \"handle\" with care",
            ], token: admin)
            let productID = try #require(product.object["id"] as? Int)
            #expect(try await ids("/api/v1/products?weight_kg=2.5") == [productID])
            #expect(try await ids("/api/v1/products?notes=\(queryText("fragile; \"handle\" with care"))") == [productID])
            #expect(try await ids("/api/v1/products?sort=-weight_kg&weight_kg=2.5") == [productID])
            // An instant the database wrote itself (SQLite's DEFAULT keeps milliseconds) filters back to its row too.
            let shownCreatedAt = try #require(product.object["created_at"] as? String)
            let createdAt = try #require(Date(queryText: shownCreatedAt))
            let products = TableRepository<Product>(database: database, sql: Product.sql(dialect))
            #expect(try await products.list(filters: [("created_at", .timestamp(createdAt))], sort: [], limit: 10, offset: 0).items.map(\.id) == [Int64(productID)])
        }
    }
}
