import Foundation
import KeelTestSupport
import KeelGenerator
import Testing

/// The build plugin spreads the tables over `KeelTablesNN.swift` (`KeelTablesNNN.swift` with table modules) by a
/// stable hash, so that an edit to one table rewrites only its file (and the migrations): the compiler's incremental build then recompiles that file and
/// what uses its types, not every model.
struct PluginTableShardTests {
    static let spec = """
        keel: 1
        service: { name: shop, version: 1.0.0 }
        tables:
          items: { columns: { id: id, title: string, status: { type: enum, values: [draft, live], default: draft } } }
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
        // With table modules: three digits, and a name's shard among 256 is one of the four of its shard among 64.
        #expect(PluginSourceSet.tableFileName(7, of: PluginSourceSet.moduleTableShards) == "KeelTables007.swift")
        #expect(PluginSourceSet.stagedTableFileName(255) == "KeelTables255.docc")
        #expect(PluginSourceSet.shard(of: "Order", among: PluginSourceSet.moduleTableShards) == 87)
        #expect(PluginSourceSet.shard(of: "Customer", among: PluginSourceSet.moduleTableShards) == 25)
        let fine = Dictionary(grouping: (0..<1000).map { PluginSourceSet.shard(of: "Table\($0)", among: PluginSourceSet.moduleTableShards) }) { $0 }.mapValues(\.count)
        #expect(fine.count == PluginSourceSet.moduleTableShards)
        #expect(fine.values.max() ?? 0 <= (2 * 1000 + PluginSourceSet.moduleTableShards - 1) / PluginSourceSet.moduleTableShards, "twice the share, rounded up")
    }

    /// A model whose file `keel generate` names `Models/Service+Table.swift` (beside `Service.swift`) joins the shard
    /// of its model's name, as every model does.
    @Test func aModelNamedAsAnOutputFileJoinsItsShard() async throws {
        let fixture = try PluginTargetFixture(spec: Self.spec.replacingOccurrences(of: "  orders:", with: "  services: { columns: { id: id } }\n  orders:"))
        defer { fixture.remove() }
        #expect(try await fixture.generate().status == 0)
        let shard = try String(contentsOfFile: fixture.output + "/" + PluginSourceSet.tableFileName(PluginSourceSet.shard(of: "Service")), encoding: .utf8)
        #expect(shard.contains("public struct Service: ResourceModel"))
    }

    @Test func aTableEditRewritesOnlyItsShard() async throws {
        let fixture = try PluginTargetFixture(spec: Self.spec)
        defer { fixture.remove() }
        let output = fixture.output
        #expect(try await fixture.generate().status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output).sorted() == PluginSourceSet.fileNames)

        // Each model sits with its resource's definition; Routes.swift only calls each group's registration.
        let orders = PluginSourceSet.tableFileName(PluginSourceSet.shard(of: "Order"))
        let ordersFile = try String(contentsOfFile: output + "/" + orders, encoding: .utf8)
        #expect(ordersFile.contains("public struct Order: ResourceModel"))
        #expect(ordersFile.contains("public enum ShopTables23 {\n    public static func register(on api: RouterGroup<KeelRequestContext>, service: ServiceContext) {\n"
            + "        ResourceRoutes.register(orders, on: api, service: service)\n    }\n"))
        #expect(ordersFile.contains("    static var orders: ResourceDefinition<Order> {\n        ResourceDefinition("))
        #expect(!ordersFile.contains("struct Item"))
        let routes = try String(contentsOfFile: output + "/KeelRoutes.swift", encoding: .utf8)
        #expect(routes.contains("        ShopTables06.register(on: api, service: service)\n        ShopTables23.register(on: api, service: service)\n"
            + "        ShopTables25.register(on: api, service: service)\n"))
        #expect(!routes.contains("ResourceDefinition"))
        // A custom endpoint's route and input join the table file of its name's shard.
        let restock = try String(contentsOfFile: output + "/" + PluginSourceSet.tableFileName(PluginSourceSet.shard(of: "restock")), encoding: .utf8)
        #expect(restock.contains("    static func registerEndpoints46(on api: RouterGroup<KeelRequestContext>, service: ServiceContext, handlers: some ShopAPI) {\n"))
        #expect(restock.contains("public final class RestockInput: Sendable {"))
        #expect(routes.contains("        registerEndpoints46(on: api, service: service, handlers: handlers)\n"))

        let before = try Self.snapshot(output)
        try await Task.sleep(for: .milliseconds(50))
        let edited = Self.spec.replacingOccurrences(of: "quantity: int }", with: "quantity: int, note: { type: text, nullable: true } }")
        try fixture.writeSpec(edited)
        #expect(try await fixture.generate().status == 0)
        let after = try Self.snapshot(output)
        let changed = after.keys.filter { after[$0]?.text != before[$0]?.text }.sorted()
        #expect(changed == ["KeelMigrations.swift", orders])
        #expect(after.keys.filter { after[$0]?.modified != before[$0]?.modified }.sorted() == changed, "unchanged files keep their modification time")
        #expect(after[orders]?.text.contains("public var note: String?") == true)
    }

    /// With table modules the target keeps the custom endpoints and re-exports the modules; each shard's tables are
    /// staged for the module `plugin-table-sources` copies them into, and an edit to a table changes one staged file.
    @Test func tableModulesTakeTheTablesAndAnEditChangesOne() async throws {
        let fixture = try PluginTargetFixture(spec: Self.spec)
        defer { fixture.remove() }
        let output = fixture.output
        let generate = fixture.arguments + ["--table-modules", "ShopTables0,ShopTables1"]
        #expect(try await CLITests.keel(generate, in: fixture.root, executable: CLITests.pluginTool).status == 0)
        let staged = output + "/" + PluginSourceSet.tableModuleSourcesFolder
        #expect(try FileManager.default.contentsOfDirectory(atPath: staged).count == PluginSourceSet.moduleTableShards)
        let modules = try String(contentsOfFile: output + "/KeelModules.swift", encoding: .utf8)
        #expect(modules.contains("@_exported import ShopTables0\n@_exported import ShopTables1\n"))
        // Each top-level type or alias of the staged files but the route groups is aliased in the target, in its module.
        let declared = try FileManager.default.contentsOfDirectory(atPath: staged).sorted().flatMap { name in
            let shard = try #require(Int(name.dropFirst("KeelTables".count).dropLast(".docc".count)))
            let text = try String(contentsOfFile: staged + "/" + name, encoding: .utf8)
            return text.matches(of: /\npublic (?:struct|enum|final class|typealias) (\w+)/).map { String($0.output.1) }.filter { !$0.hasPrefix("ShopTables") }
                .map { "public typealias \($0) = ShopTables\(shard % 2).\($0)" }
        }
        #expect(declared.contains("public typealias Order = ShopTables1.Order") && declared.contains("public typealias ItemStatus = ShopTables0.ItemStatus"))
        #expect(declared.sorted() == modules.split(separator: "\n").filter { $0.hasPrefix("public typealias") }.map(String.init))
        let orders = PluginSourceSet.tableFileName(PluginSourceSet.shard(of: "Order"))
        #expect(try !String(contentsOfFile: output + "/" + orders, encoding: .utf8).contains("struct Order"))
        let restock = try String(contentsOfFile: output + "/" + PluginSourceSet.tableFileName(PluginSourceSet.shard(of: "restock")), encoding: .utf8)
        #expect(restock.contains("public final class RestockInput: Sendable {"))

        // Module 1 takes the odd shards of 256: Order's (87) and Customer's (25), not Item's (6).
        let module = fixture.root + "/module1"
        let shards = PluginSourceSet.moduleTableShards
        let copy = ["plugin-table-sources", "--staged", output, "--output", module] + stride(from: 1, to: shards, by: 2).flatMap { ["--shard", String($0)] }
        #expect(try await CLITests.keel(copy, in: fixture.root, executable: CLITests.pluginTool).status == 0)
        let moduleOrders = PluginSourceSet.tableFileName(87, of: shards)
        let copied = try String(contentsOfFile: module + "/" + moduleOrders, encoding: .utf8)
        #expect(copied.hasPrefix("// Generated by Keel"))
        #expect(copied.contains("public struct Order: ResourceModel") && copied.contains("public enum ShopTables087 {"))
        #expect(!copied.contains("struct Customer"))
        #expect(!FileManager.default.fileExists(atPath: module + "/" + PluginSourceSet.tableFileName(6, of: shards)))
        #expect(try String(contentsOfFile: output + "/KeelRoutes.swift", encoding: .utf8).contains(
            "        ShopTables006.register(on: api, service: service)\n        ShopTables025.register(on: api, service: service)\n"
                + "        ShopTables087.register(on: api, service: service)\n"))

        let before = (target: try Self.snapshot(output), staged: try Self.snapshot(staged), module: try Self.snapshot(module))
        try await Task.sleep(for: .milliseconds(50))
        try fixture.writeSpec(Self.spec.replacingOccurrences(of: "quantity: int }", with: "quantity: int, note: { type: text, nullable: true } }"))
        #expect(try await CLITests.keel(generate, in: fixture.root, executable: CLITests.pluginTool).status == 0)
        #expect(try await CLITests.keel(copy, in: fixture.root, executable: CLITests.pluginTool).status == 0)
        let after = (target: try Self.snapshot(output), staged: try Self.snapshot(staged), module: try Self.snapshot(module))
        func changed(_ old: [String: (text: String, modified: Date?)], _ new: [String: (text: String, modified: Date?)]) -> [String] {
            new.keys.filter { new[$0]?.modified != old[$0]?.modified }.sorted()
        }
        #expect(changed(before.target, after.target) == ["KeelMigrations.swift"])
        #expect(changed(before.staged, after.staged) == [PluginSourceSet.stagedTableFileName(87)])
        #expect(changed(before.module, after.module) == [moduleOrders])
        #expect(after.module[moduleOrders]?.text.contains("public var note: String?") == true)

        // Module 1 of three takes shards 1, 4, ...: the files of the shards it no longer takes go.
        let three = ["plugin-table-sources", "--staged", output, "--output", module] + stride(from: 1, to: shards, by: 3).flatMap { ["--shard", String($0)] }
        #expect(try await CLITests.keel(three, in: fixture.root, executable: CLITests.pluginTool).status == 0)
        let kept = try FileManager.default.contentsOfDirectory(atPath: module).sorted()
        #expect(kept == stride(from: 1, to: shards, by: 3).map { PluginSourceSet.tableFileName($0, of: shards) })
        // A shard the target did not stage is named, with the fix.
        try FileManager.default.removeItem(atPath: staged + "/" + PluginSourceSet.stagedTableFileName(1))
        let missing = try await CLITests.keel(three, in: fixture.root, executable: CLITests.pluginTool)
        #expect(missing.status == 1 && missing.stderr.contains("KeelTables001.docc is missing: the target with keel.yaml stages it"), "\(missing.stderr)")

        // Without table modules the models return to the target's files, and the staged ones go.
        #expect(try await fixture.generate().status == 0)
        #expect(!FileManager.default.fileExists(atPath: staged + "/" + PluginSourceSet.stagedTableFileName(87)))
        #expect(try String(contentsOfFile: output + "/" + orders, encoding: .utf8).contains("public struct Order: ResourceModel"))
        #expect(try !String(contentsOfFile: output + "/KeelModules.swift", encoding: .utf8).contains("import"))
    }

    /// A project's own `swift/Model.swift` declares the types it wants: the aliases follow what it rendered, not the
    /// types of Keel's template (an alias of a type that is not declared does not compile).
    @Test func aModelTemplateOverrideGetsAliasesForItsOwnTypes() async throws {
        let fixture = try PluginTargetFixture(spec: Self.spec, keelYAML: "spec: spec\ntemplates: templates\noutputs: { swift: null, migrations: migrations }\n")
        defer { fixture.remove() }
        try FileManager.default.createDirectory(atPath: fixture.target + "/templates/swift", withIntermediateDirectories: true)
        try """
            public struct {{{model}}}: Sendable {
                public var id: Int
            }

            public final class {{{model}}}Cache {}

            """.write(toFile: fixture.target + "/templates/swift/Model.swift.mustache", atomically: true, encoding: .utf8)
        let run = try await CLITests.keel(fixture.arguments + ["--table-modules", "ShopTables0,ShopTables1"], in: fixture.root, executable: CLITests.pluginTool)
        #expect(run.status == 0, "\(run.stderr)")
        let modules = try String(contentsOfFile: fixture.output + "/KeelModules.swift", encoding: .utf8)
        #expect(modules.split(separator: "\n").filter { $0.hasPrefix("public typealias") } == [
            "public typealias Customer = ShopTables1.Customer", "public typealias CustomerCache = ShopTables1.CustomerCache",
            "public typealias Item = ShopTables0.Item", "public typealias ItemCache = ShopTables0.ItemCache",
            "public typealias Order = ShopTables1.Order", "public typealias OrderCache = ShopTables1.OrderCache",
        ])
    }

    /// Each file's text and modification time (files only).
    static func snapshot(_ directory: String) throws -> [String: (text: String, modified: Date?)] {
        var files: [String: (text: String, modified: Date?)] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            let path = directory + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files[name] = (try String(contentsOfFile: path, encoding: .utf8), try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
        }
        return files
    }
}
