import Foundation
import HTTPTypes
import KeelRuntime
import Testing

/// A method a known path does not serve is 405 with `Allow` (RFC 9110) in the error envelope; a path nobody
/// serves stays 404. Schemathesis' conformance run sends these to every path of the document.
struct MethodNotAllowedTests {
    @Test func unsupportedMethodsOnKnownPathsAre405WithAllow() async throws {
        let environment = try await ShopHarness.environment(.sqlite, name: "shop_methods")
        try await ShopHarness.run(environment) { client in
            let admin = try await client.login()
            let query = try #require(HTTPRequest.Method("QUERY"))
            let cases: [(HTTPRequest.Method, String, String)] = [
                (.trace, "/api/v1/products", "GET, POST"),
                (.put, "/api/v1/products", "GET, POST"),
                (.post, "/api/v1/products/1", "DELETE, GET, PATCH"),
                (.put, "/api/v1/categories/abc", "GET"),
                (.delete, "/healthz", "GET"),
                (.get, "/api/v1/auth/login", "POST"),
                (.options, "/api/v1/config/max_upload_mb", "PUT"),
                (.post, "/api/v1/catalog/search", "GET"),
                (.get, "/api/v1/customers/7/orders", "POST"),
                (query, "/api/v1/license", "GET"),
            ]
            for (method, uri, allow) in cases {
                let reply = try await client.send(method, uri, token: admin)
                #expect(reply.status == .methodNotAllowed, "\(method) \(uri)")
                #expect(reply.headers[.allow] == allow, "\(method) \(uri)")
                #expect(reply.code == "METHOD_NOT_ALLOWED", "\(method) \(uri)")
                #expect(reply.object["status_code"] as? Int == 405, "\(method) \(uri)")
                #expect((reply.object["trace_id"] as? String)?.isEmpty == false, "\(method) \(uri)")
            }
            for uri in ["/api/v1/nothing", "/api/v1/products/1/nothing", "/nothing"] {
                let reply = try await client.send(.trace, uri, token: admin)
                #expect(reply.status == .notFound, "TRACE \(uri)")
                #expect(reply.headers[.allow] == nil, "TRACE \(uri)")
            }
        }
    }
}
