import Foundation
import GRDB
import Hummingbird
import JWTKit

// The yardstick of bench/run-service.sh: the smallest hand-written Hummingbird + GRDB service that answers
// the generated GET-by-id and list endpoints of `products` the same way (bearer token checked, JSON rows).

struct Claims: JWTPayload {
    var sub: SubjectClaim
    var exp: ExpirationClaim
    func verify(using algorithm: some JWTAlgorithm) async throws { try exp.verifyNotExpired() }
}

struct Product: Codable, FetchableRecord, Sendable {
    var id: Int64
    var sku: String
    var name: String
    var price_cents: Int64
    var in_stock: Bool
    var notes: String?
    var status: String
    var category_id: Int64?
    var created_at: String
    var title: String
    var weight_kg: Double?
}

struct Page: Encodable { let items: [Product]; let limit: Int; let offset: Int; let total: Int }

let environment = ProcessInfo.processInfo.environment
let pool = try DatabasePool(path: environment["DB_PATH"] ?? "app.db")
let keys = JWTKeyCollection()
await keys.add(hmac: HMACKey(from: environment["SECRET_KEY"] ?? ""), digestAlgorithm: .sha256)

@Sendable func authorize(_ request: Request) async throws {
    guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { throw HTTPError(.unauthorized) }
    _ = try await keys.verify(String(header.dropFirst(7)), as: Claims.self)
}

@Sendable func json(_ value: some Encodable) throws -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
}

let router = Router()
router.get("/api/v1/products/{id}") { request, context -> Response in
    try await authorize(request)
    let id = try context.parameters.require("id", as: Int64.self)
    guard let product = try await pool.read({ try Product.fetchOne($0, sql: "SELECT * FROM products WHERE id = ?", arguments: [id]) }) else {
        throw HTTPError(.notFound)
    }
    return try json(product)
}
router.get("/api/v1/products") { request, _ -> Response in
    try await authorize(request)
    let (items, total) = try await pool.read { db in
        (try Product.fetchAll(db, sql: "SELECT * FROM products ORDER BY id LIMIT 50 OFFSET 0"), try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM products") ?? 0)
    }
    return try json(Page(items: items, limit: 50, offset: 0, total: total))
}
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: Int(environment["PORT"] ?? "8081") ?? 8081)))
try await app.runService()
