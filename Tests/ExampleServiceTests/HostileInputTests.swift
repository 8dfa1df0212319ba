import ExampleService
import Foundation
import HTTPTypes
import KeelRuntime
import Testing

/// Requests an attacker or a broken client sends: each gets the right 4xx envelope, none a 5xx, and the
/// database is exactly as it was.
@Suite(.serialized)
struct HostileInputTests {
    struct Case: Sendable {
        let method: HTTPRequest.Method
        let uri: String
        var body: String?
        var token: Token = .admin
        let status: HTTPResponse.Status
    }

    enum Token: Sendable { case admin, none, raw(String) }

    static let injections = [
        "'; DROP TABLE products; --", "\" OR \"1\"=\"1", "1' OR '1'='1", "`id`", "\\'", "%", "_", "1; DELETE FROM keel_users",
        "' UNION SELECT password_hash FROM keel_users --", "$1", "?", "/* */", "\u{0}",
    ]

    static func cases(productID: Int, tokens: (expired: String, forged: String, unsigned: String, tampered: String)) -> [Case] {
        var cases: [Case] = []
        let products = "/api/v1/products"
        let item = "\(products)/\(productID)"
        // Malformed and truncated JSON.
        for raw in ["{", "{\"sku\":", "{\"sku\": \"A\",}", "[1, 2", "nul", "{'sku': 'A'}", "{\"sku\": \"A\"}}", "\u{0}", "{\"a\":1e999999}", "\"\\ud800\""] {
            cases.append(Case(method: .post, uri: products, body: raw, status: .badRequest))
            cases.append(Case(method: .patch, uri: item, body: raw, status: .badRequest))
        }
        // Valid JSON that is not an object.
        for raw in ["[]", "42", "\"text\"", "null", "true"] {
            cases.append(Case(method: .post, uri: products, body: raw, status: .unprocessableContent))
        }
        // Wrong types in every field.
        let wrong: [(String, String)] = [
            ("sku", "12"), ("name", "true"), ("price_cents", "\"12\""), ("price_cents", "1.5"), ("price_cents", "99999999999999999999"),
            ("in_stock", "\"yes\""), ("in_stock", "1"), ("notes", "[]"), ("status", "\"sold\""), ("status", "0"),
            ("category_id", "\"1\""), ("category_id", "-3"), ("created_at", "\"yesterday\""), ("created_at", "\"2026-02-30T00:00:00Z\""),
            ("title", "{}"), ("weight_kg", "\"heavy\""), ("weight_kg", "-1"),
        ]
        for (field, value) in wrong {
            cases.append(Case(method: .patch, uri: item, body: "{\"\(field)\": \(value)}", status: .unprocessableContent))
        }
        // SQL metacharacters in every string field (with a required field missing, so nothing may be stored) and query parameter.
        for text in injections {
            let json = String(decoding: (try? JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed])) ?? Data(), as: UTF8.self)
            let value = String(json.dropFirst().dropLast())
            cases.append(Case(method: .post, uri: products, body: "{\"sku\": \(value), \"name\": \(value), \"title\": \(value), \"notes\": \(value)}", status: .unprocessableContent))
            let query = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            cases.append(Case(method: .get, uri: "\(products)?status=\(query)", status: .unprocessableContent))
            cases.append(Case(method: .get, uri: "\(products)?category_id=\(query)", status: .unprocessableContent))
            cases.append(Case(method: .get, uri: "\(products)?sort=\(query)", status: .unprocessableContent))
        }
        cases.append(Case(method: .get, uri: "\(products)?limit=1;DROP%20TABLE%20products", status: .unprocessableContent))
        cases.append(Case(method: .get, uri: "\(products)?in_stock=true'--", status: .unprocessableContent))
        // Unknown fields, and fields the client may not set.
        for raw in ["{\"id\": 7}", "{\"__proto__\": {\"admin\": true}}", "{\"constructor\": 1}", "{\"sku \": \"A\"}", "{\"SKU\": \"A\"}"] {
            cases.append(Case(method: .patch, uri: item, body: raw, status: .unprocessableContent))
        }
        // Custom endpoint bodies are checked against their type before the handler runs: each of these would
        // otherwise reach it (and place an order, or change a price).
        let address = #"{"line1": "1 Main St", "city": "X", "postal_code": "1", "country": "US"}"#
        for raw in [
            #"{"lines": [{"product_id": "1; DROP TABLE orders", "quantity": 1}], "payment_method": "card", "shipping": \#(address)}"#,
            #"{"lines": [], "payment_method": "card", "shipping": \#(address), "status": "paid"}"#,
            #"{"lines": [{"product_id": \#(productID), "quantity": 1, "unit_price_cents": 0}], "payment_method": "card", "shipping": \#(address)}"#,
            #"{"lines": [[[[[]]]]], "payment_method": "card", "shipping": \#(address)}"#,
            #"{"lines": [], "payment_method": "' OR 1=1 --", "shipping": \#(address)}"#,
            #"{"lines": [], "payment_method": "card", "shipping": {"line1": "\u0000", "city": "X", "postal_code": "1", "country": "US"}}"#,
        ] {
            cases.append(Case(method: .post, uri: "/api/v1/customers/1/orders", body: raw, status: .unprocessableContent))
        }
        cases.append(Case(method: .patch, uri: "\(item)/price", body: #"{"price_cents": "0; DROP TABLE products"}"#, status: .unprocessableContent))
        cases.append(Case(method: .patch, uri: "\(item)/price", body: #"{"price_cents": 1, "approved": true}"#, status: .unprocessableContent))
        // Oversize bodies (MAX_BODY_SIZE is 1 MiB).
        let huge = "{\"notes\": \"" + String(repeating: "x", count: 1_100_000) + "\"}"
        cases.append(Case(method: .patch, uri: item, body: huge, status: .contentTooLarge))
        cases.append(Case(method: .post, uri: products, body: huge, status: .contentTooLarge))
        // Forged, expired, unsigned and tampered tokens, and wrong schemes.
        for token in [tokens.expired, tokens.forged, tokens.unsigned, tokens.tampered, "", "a.b.c", "Bearer", String(repeating: "A", count: 5000)] {
            cases.append(Case(method: .get, uri: products, token: .raw("Bearer \(token)"), status: .unauthorized))
            cases.append(Case(method: .delete, uri: item, token: .raw("Bearer \(token)"), status: .unauthorized))
        }
        cases.append(Case(method: .get, uri: products, token: .raw("Basic YWRtaW46YWRtaW4="), status: .unauthorized))
        cases.append(Case(method: .delete, uri: item, token: .none, status: .unauthorized))
        // Path traversal and ids that are not ids.
        for id in ["..%2F..%2Fetc%2Fpasswd", "%2e%2e", "1%00", "-1", "0", "99999999999999999999", "1.5", "1e3", "0x10", "%20", "1;DROP"] {
            cases.append(Case(method: .get, uri: "\(products)/\(id)", status: .notFound))
            cases.append(Case(method: .delete, uri: "\(products)/\(id)", status: .notFound))
        }
        cases.append(Case(method: .get, uri: "/api/v1/products/../users", status: .notFound))
        cases.append(Case(method: .get, uri: "/api/v1/../../etc/passwd", status: .notFound))
        // Login with hostile credentials, and config keys that do not exist.
        cases.append(Case(method: .post, uri: "/api/v1/auth/login", body: "{\"email\": \"' OR 1=1 --\", \"password\": \"x\"}", token: .none, status: .unauthorized))
        cases.append(Case(method: .post, uri: "/api/v1/auth/login", body: "{\"email\": [], \"password\": {}}", token: .none, status: .unprocessableContent))
        cases.append(Case(method: .put, uri: "/api/v1/config/..%2Fsecret", body: "{\"value\": 1}", status: .notFound))
        cases.append(Case(method: .put, uri: "/api/v1/config/max_upload_mb", body: "{\"value\": \"ten'; --\"}", status: .unprocessableContent))
        cases.append(Case(method: .post, uri: "/api/v1/users", body: "{\"email\": \"x@y\", \"password\": \"short\", \"roles\": [\"root\"]}", status: .unprocessableContent))
        return cases
    }

    @Test(arguments: [DatabaseDialect.sqlite, .postgres, .mysql])
    func hostileRequestsAreRefusedAndChangeNothing(_ dialect: DatabaseDialect) async throws {
        let environment = try await ShopHarness.environment(dialect, name: "shop_hostile")
        let secret = try #require(environment["SECRET_KEY"])
        try await ShopHarness.run(environment) { client in
            let admin = try await client.login()
            let product = try await client.send(.post, "/api/v1/products", json: ["sku": "SAFE-1", "name": "Safe", "price_cents": 100, "title": "Safe"], token: admin)
            let productID = try #require(product.object["id"] as? Int)
            let tokens = try await Self.badTokens(secret: secret, valid: admin)
            let before = try await DatabaseSnapshot.take(client.service.database)
            let cases = Self.cases(productID: productID, tokens: tokens)
            #expect(cases.count >= 100)
            for hostile in cases {
                var headers: HTTPFields = [:]
                switch hostile.token {
                case .admin: headers[.authorization] = "Bearer \(admin)"
                case .raw(let value): headers[.authorization] = value
                case .none: break
                }
                let reply = try await client.send(hostile.method, hostile.uri, raw: hostile.body, headers: headers)
                let label = "\(hostile.method) \(hostile.uri.prefix(80)) \(hostile.body?.prefix(60) ?? "")"
                #expect(reply.status == hostile.status, "\(label)")
                #expect(reply.object["status_code"] as? Int == reply.status.code, "\(label)")
                #expect((reply.object["trace_id"] as? String)?.isEmpty == false, "\(label)")
                #expect(reply.object["detail"] is String, "\(label)")
            }
            let after = try await DatabaseSnapshot.take(client.service.database)
            #expect(before == after)
        }
    }

    /// An expired token, one signed with another key, one with `alg: none`, and a valid one whose claims were edited.
    static func badTokens(secret: String, valid: String) async throws -> (expired: String, forged: String, unsigned: String, tampered: String) {
        let admin = Principal(subject: "1", email: ShopHarness.adminEmail, roles: ["admin"])
        let expired = try await TokenService(secret: secret, algorithm: .hs256, lifetime: .seconds(60)).issue(for: admin, now: Date(timeIntervalSinceNow: -7200))
        let forged = try await TokenService(secret: String(repeating: "z", count: 40), algorithm: .hs256, lifetime: .seconds(600)).issue(for: admin)
        let parts = valid.split(separator: ".").map(String.init)
        let header = Data(#"{"alg":"none","typ":"JWT"}"#.utf8).base64URL
        let unsigned = header + "." + parts[1] + "."
        let claims = Data(#"{"sub":"999","exp":4102444800,"roles":["admin"]}"#.utf8).base64URL
        let tampered = parts[0] + "." + claims + "." + parts[2]
        return (expired, forged, unsigned, tampered)
    }
}

extension Data {
    var base64URL: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}

/// Every row of every table, to prove a run of requests changed nothing.
enum DatabaseSnapshot {
    static let tables = ["keel_users", "keel_config", "categories", "products", "customers", "orders", "order_items", "teams", "people", "audit_events"]

    static func take(_ database: any Database) async throws -> [[DatabaseRow]] {
        var snapshot: [[DatabaseRow]] = []
        for table in tables {
            snapshot.append(try await database.query("SELECT * FROM \(table) ORDER BY id"))
        }
        return snapshot
    }
}
