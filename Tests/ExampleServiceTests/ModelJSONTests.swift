import ExampleService
import Foundation
import KeelRuntime
import Testing

/// The generated models write, through `JSONWriter`, exactly the JSON their `Encodable` conformance gives
/// (what custom endpoints return): every column type of the example, with and without its nullable values.
struct ModelJSONTests {
    static let instant = Date(timeIntervalSince1970: 1_795_338_000.123456)

    @Test func productsWithAndWithoutOptionalValues() throws {
        try expectSame(Product(id: 1, sku: "SKU-1", name: "Tea \"Earl\" / Grey", priceCents: 1250, inStock: true, notes: "line\nbreak", status: .active,
                               categoryId: 3, createdAt: Self.instant, title: "Tea", weightKg: 0.25))
        try expectSame(Product(id: 2, sku: "SKU-2", name: "é", priceCents: 0, inStock: false, notes: nil, status: .draft,
                               categoryId: nil, createdAt: Self.instant, title: "", weightKg: nil))
    }

    @Test func bytesDatesAndUUIDs() throws {
        try expectSame(Person(id: 1, teamId: 2, displayName: "Ada", workEmail: "ada@example.com", phone: nil, avatar: Data([0, 1, 254, 255]),
                              hourlyRate: 100, hiredOn: CalendarDate("2026-02-28")!, isActive: true, badgeId: UUID()))
        try expectSame(Customer(id: 1, email: "c@example.com", fullName: "C", birthDate: nil, marketingOptIn: false, loyaltyPoints: -5, createdAt: Self.instant))
    }

    @Test func jsonDocuments() throws {
        try expectSame(AuditEvent(id: 1, actorEmail: "a@example.com", kind: .allCases[0], entity: "products", entityId: nil,
                                  details: .object(["z": .array([1, "two", .null]), "a": .object(["nested": true])]), requestId: UUID(), occurredAt: Self.instant))
        try expectSame(ListPage(items: [AuditEvent(id: 2, actorEmail: "b@example.com", kind: .allCases[0], entity: "x", entityId: 9,
                                                   details: nil, requestId: nil, occurredAt: Self.instant)], limit: 1, offset: 0, total: 1))
    }

    private func expectSame(_ model: some JSONWritable & Encodable, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let encoded = String(decoding: try JSONResponse.encoder().encode(model), as: UTF8.self)
        #expect(model.jsonText == encoded, sourceLocation: sourceLocation)
    }
}
