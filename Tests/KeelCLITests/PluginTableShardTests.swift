import Foundation
import KeelGenerator
import Testing

/// The build plugin spreads the tables over `KeelTablesNN.swift` by a stable hash, so that an edit to one table
/// rewrites only its file (and the migrations): the compiler's incremental build then recompiles that file and
/// what uses its types, not every model.
struct PluginTableShardTests {
    static let spec = """
        keel: 1
        service: { name: shop, version: 1.0.0 }
        tables:
          items: { columns: { id: id, title: string } }
          orders: { columns: { id: id, quantity: int } }
          customers: { columns: { id: id, name: string } }
        endpoints:
          - resource: items
          - resource: orders
          - resource: customers
          - { name: restock, method: POST, path: "/items/{id}/restock", params: { id: int } }

        """

    /// Names and hashes are fixed: a change would move every table and rebuild every user's generated code once.
    @Test func shardsAreStable() {
        #expect(PluginSourceSet.tableFileName(3) == "KeelTables03.swift")
        #expect(PluginSourceSet.tableFileName(63) == "KeelTables63.swift")
        #expect(PluginSourceSet.shard(of: "Item") == 6)
        #expect(PluginSourceSet.shard(of: "Order") == 23)
        #expect(PluginSourceSet.shard(of: "Customer") == 25)
        // The synthetic benchmark's 1,000 tables fill every shard, none with more than twice its share.
        let counts = Dictionary(grouping: (0..<1000).map { PluginSourceSet.shard(of: "Table\($0)") }) { $0 }.mapValues(\.count)
        #expect(counts.count == PluginSourceSet.tableShards)
        #expect(counts.values.max() ?? 0 <= 2 * 1000 / PluginSourceSet.tableShards)
    }

    @Test func aTableEditRewritesOnlyItsShard() throws {
        let fixture = try PluginTargetFixture(spec: Self.spec)
        defer { fixture.remove() }
        let output = fixture.output
        #expect(try fixture.generate().status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output).sorted() == PluginSourceSet.fileNames)

        // Each model sits with its resource's definition; Routes.swift only calls each group's registration.
        let orders = PluginSourceSet.tableFileName(PluginSourceSet.shard(of: "Order"))
        let ordersFile = try String(contentsOfFile: output + "/" + orders, encoding: .utf8)
        #expect(ordersFile.contains("public struct Order: ResourceModel"))
        #expect(ordersFile.contains("extension ShopRoutes {\n    static func registerTables23(on api: RouterGroup<KeelRequestContext>, service: ServiceContext) {\n"
            + "        ResourceRoutes.register(orders, on: api, service: service)\n    }\n"))
        #expect(ordersFile.contains("    static var orders: ResourceDefinition<Order> {\n        ResourceDefinition("))
        #expect(!ordersFile.contains("struct Item"))
        let routes = try String(contentsOfFile: output + "/KeelRoutes.swift", encoding: .utf8)
        #expect(routes.contains("        registerTables06(on: api, service: service)\n        registerTables23(on: api, service: service)\n"
            + "        registerTables25(on: api, service: service)\n"))
        #expect(!routes.contains("ResourceDefinition"))
        // A custom endpoint's route and input join the table file of its name's shard.
        let restock = try String(contentsOfFile: output + "/" + PluginSourceSet.tableFileName(PluginSourceSet.shard(of: "restock")), encoding: .utf8)
        #expect(restock.contains("    static func registerEndpoints46(on api: RouterGroup<KeelRequestContext>, service: ServiceContext, handlers: some ShopAPI) {\n"))
        #expect(restock.contains("public struct RestockInput: Sendable {"))
        #expect(routes.contains("        registerEndpoints46(on: api, service: service, handlers: handlers)\n"))

        let before = try Self.snapshot(output)
        Thread.sleep(forTimeInterval: 0.05)
        let edited = Self.spec.replacingOccurrences(of: "quantity: int }", with: "quantity: int, note: { type: text, nullable: true } }")
        try fixture.writeSpec(edited)
        #expect(try fixture.generate().status == 0)
        let after = try Self.snapshot(output)
        let changed = after.keys.filter { after[$0]?.text != before[$0]?.text }.sorted()
        #expect(changed == ["KeelMigrations.swift", orders])
        #expect(after.keys.filter { after[$0]?.modified != before[$0]?.modified }.sorted() == changed, "unchanged files keep their modification time")
        #expect(after[orders]?.text.contains("public var note: String?") == true)
    }

    /// Each file's text and modification time.
    static func snapshot(_ directory: String) throws -> [String: (text: String, modified: Date?)] {
        var files: [String: (text: String, modified: Date?)] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            let path = directory + "/" + name
            files[name] = (try String(contentsOfFile: path, encoding: .utf8), try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
        }
        return files
    }
}
