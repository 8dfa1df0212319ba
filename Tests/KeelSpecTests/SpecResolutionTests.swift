import Testing
@testable import KeelSpec

/// Behaviour of valid specs: defaults filled in, shorthands expanded, files merged.
struct SpecResolutionTests {
    static let minimal = """
    keel: 1
    service: { name: shop, version: 1.0.0, base_path: /api/v1 }
    tables:
      products:
        columns:
          id: id
          sku: { type: string, max_length: 64, unique: true }
          price: { type: decimal, precision: 10, scale: 2, default: 9.99 }
          status: { type: enum, values: [draft, active], default: draft }
          meta: { type: json, nullable: true }
          made_on: { type: date, default: 2024-01-31 }
    endpoints:
      - resource: products
    """

    func load(_ yaml: String, dialects: [Dialect] = Dialect.allCases) throws -> Spec {
        try SpecLoader.load(yaml: yaml, file: "spec.yaml", dialects: dialects).get()
    }

    @Test func fillsDefaults() throws {
        let spec = try load(Self.minimal)
        #expect(spec.service.port == 8080)
        #expect(spec.service.auth == .local)
        #expect(spec.roles == ["admin", "maintainer", "viewer"])
        #expect(spec.tiers.map(\.name) == ["community", "professional", "enterprise"])
        let products = try #require(spec.table(named: "products"))
        #expect(products.model == "Product")
        #expect(products.column(named: "sku")?.maxLength == 64)
        #expect(products.column(named: "price")?.defaultValue == .number("9.99"))
        #expect(products.column(named: "made_on")?.defaultValue == .string("2024-01-31"))
        let resource = try #require(spec.resources.first)
        #expect(resource.path == "/products")
        #expect(resource.operations == ResourceEndpoint.Operation.allCases)
        #expect(resource.roles.read == ["admin", "maintainer", "viewer"])
        #expect(resource.roles.write == ["admin", "maintainer"])
        #expect(resource.list.pageSize == 50 && resource.list.maxPageSize == 200)
        #expect(spec.gateway.mappings.first?.pathPrefix == "/api/v1")
        #expect(spec.gateway.collection == "shop")
    }

    @Test func adminMayAlwaysAndPageSizeRaisesTheDefaultMaximum() throws {
        let spec = try load(Self.minimal.replacingOccurrences(of: "  - resource: products", with: """
          - resource: products
            roles: { read: [viewer], write: [maintainer] }
            list: { page_size: 300 }
        """) + """

        types:
          Note: { author: { type: array, items: users } }
        """)
        let resource = try #require(spec.resources.first)
        #expect(resource.roles.read == ["viewer", "admin"])
        #expect(resource.roles.write == ["maintainer", "admin"])
        #expect(resource.list.pageSize == 300 && resource.list.maxPageSize == 300)
        #expect(spec.type(named: "Note")?.fields.first?.type == .array(.model(table: "users")))
    }

    /// Teams name their superuser `owner`, `root` or `staff`: `superuser:` says which role may do everything.
    @Test func theSpecNamesItsSuperuser() throws {
        let spec = try load(Self.minimal.replacingOccurrences(of: "  - resource: products", with: """
          - resource: products
            roles: { read: [reader], write: [agent] }
        roles: [owner, agent, reader]
        superuser: owner
        """))
        #expect(spec.superuser == "owner")
        #expect(spec.roles == ["owner", "agent", "reader"])
        let resource = try #require(spec.resources.first)
        #expect(resource.roles.read == ["reader", "owner"])
        #expect(resource.roles.write == ["agent", "owner"])
        #expect(try load(Self.minimal).superuser == "admin")
    }

    @Test(arguments: [
        ("roles: [owner, agent, reader]", "spec.yaml:14:8: error: 'roles' has no 'admin', the role that may do everything and manage users; add it, or name that role with 'superuser: owner'"),
        ("roles: [owner, agent]\nsuperuser: ownr", "spec.yaml:15:12: error: superuser 'ownr' is not one of the roles; did you mean 'owner'?"),
        ("superuser: root", "spec.yaml:14:12: error: superuser 'root' is not one of the roles; roles are: admin, maintainer, viewer"),
    ])
    func aSuperuserOutsideTheRolesIsLocated(_ yaml: String, _ message: String) {
        guard case let .failure(error) = SpecLoader.load(yaml: Self.minimal + "\n" + yaml, file: "spec.yaml") else {
            Issue.record("\(yaml) was accepted")
            return
        }
        #expect(error.diagnostics.map(\.description) == [message])
    }

    @Test func dialectChecksFollowTheChosenDialects() throws {
        let yaml = """
        keel: 1
        service: { name: shop, version: 1.0.0 }
        tables:
          notes:
            columns:
              id: id
              body: { type: text, unique: true }
        """
        #expect(throws: SpecError.self) { try load(yaml) }
        let spec = try load(yaml, dialects: [.sqlite, .postgres])
        #expect(spec.table(named: "notes")?.column(named: "body")?.unique == true)
    }

    @Test func inlineBodyBecomesANamedType() throws {
        let spec = try load(Self.minimal + """

          - name: importProducts
            method: POST
            path: /products/import
            body: { skus: { type: array, items: string }, dry_run: { type: bool, required: false } }
            response: [products]
        """)
        let body = try #require(spec.type(named: "ImportProductsBody"))
        #expect(body.inlineBodyOf == "importProducts")
        #expect(body.fields.map(\.required) == [true, false])
        #expect(spec.customEndpoints.first?.response == .array(.model(table: "products")))
    }

    @Test func reportsEveryErrorNotJustTheFirst() {
        let yaml = """
        keel: 1
        service: { name: shop, version: 1.0.0 }
        tables:
          a: { columns: { id: id, x: { type: strng } } }
          b: { columns: { id: id, y: { type: int, maxlength: 3 } } }
        """
        guard case let .failure(error) = SpecLoader.load(yaml: yaml, file: "spec.yaml") else {
            Issue.record("accepted an invalid spec")
            return
        }
        #expect(error.diagnostics.map(\.description) == [
            "spec.yaml:4:38: error: the type of column 'a.x' must be one of id, int, int32, float, decimal, bool, string, text, date, timestamp, uuid, json, bytes, enum, ref, found 'strng'; did you mean 'string'?",
            "spec.yaml:5:43: error: unknown key 'maxlength' in column 'b.y'; did you mean 'max_length'?",
        ])
    }
}
