import Foundation
import KeelGenerator
import Testing

/// Custom endpoints are spread over `Endpoints/EndpointsNN.swift` by a stable hash of their names, so that a spec of
/// thousands of endpoints does not make one file, and one compile job of several GiB, of their routes.
struct EndpointShardTests {
    static let spec = """
        keel: 1
        service: { name: shop, version: 1.0.0, auth: none }
        tables:
          products: { columns: { id: id, name: string } }
        endpoints:
          - resource: products
          - { name: restock, method: POST, path: "/products/{id}/restock", params: { id: int }, response: products }
          - { name: ping, method: GET, path: /ping }
          - { name: lowStock, method: GET, path: /low-stock, query: { below: int }, response: [products] }

        """

    /// Names and hashes are fixed: a change would move every endpoint and rebuild every user's generated code once.
    @Test func shardsAreStable() {
        #expect(PluginSourceSet.endpointFileName(9) == "Endpoints09.swift")
        #expect(PluginSourceSet.shard(of: "restock") == 46)
        #expect(PluginSourceSet.shard(of: "ping") == 41)
        #expect(PluginSourceSet.shard(of: "lowStock") == 9)
        // The synthetic benchmark's 4,000 custom endpoints fill every shard, none with more than twice its share.
        let counts = Dictionary(grouping: (0..<4000).map { PluginSourceSet.shard(of: "custom\($0)") }) { $0 }.mapValues(\.count)
        #expect(counts.count == PluginSourceSet.tableShards)
        #expect(counts.values.max() ?? 0 <= 2 * 4000 / PluginSourceSet.tableShards)
    }

    @Test func eachEndpointSitsInItsShardWithItsInput() throws {
        let project = try TestProject(spec: Self.spec)
        let files = try Self.swiftFiles(project)
        #expect(files.keys.filter { $0.hasPrefix("Endpoints/") }.sorted()
            == ["Endpoints/Endpoints09.swift", "Endpoints/Endpoints41.swift", "Endpoints/Endpoints46.swift"])

        let restock = try #require(files["Endpoints/Endpoints46.swift"])
        #expect(restock.contains("extension ShopRoutes {\n    static func registerEndpoints46(on api: RouterGroup<KeelRequestContext>, service: ServiceContext, handlers: some ShopAPI) {\n"
            + "        EndpointRoutes.restock(on: api, service: service, handlers: handlers)\n    }\n}\n"))
        #expect(restock.contains("extension ShopRoutes.EndpointRoutes {\n    /// `POST /products/{id}/restock`\n    static func restock("))
        #expect(restock.contains("public final class RestockInput: Sendable {"))
        #expect(!restock.contains("PingInput") && !restock.contains("LowStockInput"))

        let routes = try #require(files["Routes.swift"])
        #expect(routes.contains("        ResourceRoutes.register(products, on: api, service: service)\n"
            + "        registerEndpoints09(on: api, service: service, handlers: handlers)\n"
            + "        registerEndpoints41(on: api, service: service, handlers: handlers)\n"
            + "        registerEndpoints46(on: api, service: service, handlers: handlers)\n    }\n"))
        #expect(!routes.contains("CustomRoute.register("), "no custom route is left in Routes.swift")
        let api = try #require(files["API.swift"])
        #expect(api.contains("func restock(_ input: RestockInput) async throws -> Product"))
        #expect(!api.contains("class RestockInput"))
    }

    /// Adding an endpoint writes its shard, the protocol and the registering calls, and leaves the other shards as they were.
    @Test func anAddedEndpointChangesOnlyItsShard() throws {
        let project = try TestProject(spec: Self.spec)
        let before = try Self.swiftFiles(project)
        try project.write("spec.yaml", Self.spec + "  - { name: audit, method: GET, path: /audit }\n")
        let after = try Self.swiftFiles(project)
        #expect(Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted() == ["API.swift", "Endpoints/Endpoints08.swift", "Routes.swift"])
    }

    /// The generated Swift by its path under `outputs.swift`.
    static func swiftFiles(_ project: TestProject) throws -> [String: String] {
        let prefix = project.path("gen/swift/")
        return try Dictionary(uniqueKeysWithValues: project.generation().files.compactMap { file in
            file.path.hasPrefix(prefix) ? (String(file.path.dropFirst(prefix.count)), file.contents) : nil
        })
    }
}
