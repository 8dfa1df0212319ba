import Testing
@testable import KeelSpec

/// Custom endpoint parameters, fields of `types:` and inline bodies take the column options that fit their type.
struct InputBoundsResolutionTests {
    static let spec = """
    keel: 1
    service: { name: shop, version: 1.0.0 }
    tables:
      products:
        columns:
          id: id
          name: { type: string, max_length: 200 }
    types:
      Address:
        country: { type: string, min_length: 2, max_length: 2, pattern: '^[A-Z]{2}$' }
        floor: { type: int32, min: -5, max: 200, required: false }
        rate: { type: decimal, min: 0 }
        note: text
    endpoints:
      - name: searchCatalog
        method: GET
        path: /catalog/{year}/search
        auth: none
        params: { year: { type: int, min: 2000, max: 2100, description: The year } }
        query:
          q: { type: string, min_length: 1, max_length: 100 }
          weight: { type: float, required: false, max: 2.5 }
        response: [products]
      - name: changePrice
        method: PATCH
        path: /products/{id}/price
        roles: [admin]
        params: { id: int }
        body:
          price_cents: { type: int, min: 0 }
          reason: { type: text, required: false, max_length: 500 }
        response: products
    """

    @Test func parametersAndFieldsCarryTheirBounds() throws {
        let spec = try SpecLoader.load(yaml: Self.spec, file: "spec.yaml").get()
        let search = try #require(spec.customEndpoints.first { $0.name == "searchCatalog" })
        #expect(search.params.first?.bounds == ValueBounds(min: 2000, max: 2100))
        #expect(search.params.first?.description == "The year")
        #expect(search.query.map(\.bounds) == [ValueBounds(minLength: 1, maxLength: 100), ValueBounds(max: 2.5)])
        #expect(spec.customEndpoints.first { $0.name == "changePrice" }?.params.first?.bounds == ValueBounds())

        // Fields have no bounds but those written: a string column's implicit 255 is the database's, not a field's.
        let address = try #require(spec.types.first { $0.name == "Address" })
        #expect(address.fields.map(\.bounds) == [
            ValueBounds(minLength: 2, maxLength: 2, pattern: "^[A-Z]{2}$"), ValueBounds(min: -5, max: 200), ValueBounds(min: 0), ValueBounds(),
        ])
        let body = try #require(spec.types.first { $0.inlineBodyOf == "changePrice" })
        #expect(body.fields.map(\.bounds) == [ValueBounds(min: 0), ValueBounds(maxLength: 500)])
    }
}
