import Foundation
import KeelTestSupport
import KeelGenerator
import KeelRuntime
import Testing

/// `keel init`, `keel-plugin-tool plugin-sources` and `keel generate --watch` as processes, without building the packages they
/// make (PluginPackageTests does that).
struct InitCommandTests {
    let cli = CLITests()

    func temporaryDirectory() throws -> String {
        let root = NSTemporaryDirectory() + "keel-init-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        return root
    }

    @Test func starterPackageHasEveryPart() async throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try await CLITests.keel(["init", "inventory", "--keel", PluginPackageTests.repository], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("created inventory: package inventory, service 'inventory', Keel from \(PluginPackageTests.repository)\n"))
        let package = root + "/inventory"
        let files = Set(FileManager.default.enumerator(atPath: package)?.allObjects as? [String] ?? [])
        for expected in ["Package.swift", "README.md", "Dockerfile", ".dockerignore", ".gitignore", ".env.example", "openapi.yaml",
                         "Sources/Inventory/keel.yaml", "Sources/Inventory/spec/inventory.yaml", "Sources/Inventory/InventoryHandlers.swift",
                         "Sources/Inventory/migrations/sqlite/0001_initial.sql", "Sources/Inventory/migrations/keel.sum",
                         "Sources/InventoryServer/main.swift", "Tests/InventoryTests/ServiceTests.swift"] {
            #expect(files.contains(expected), "missing \(expected)")
        }
        let manifest = try String(contentsOfFile: package + "/Package.swift", encoding: .utf8)
        #expect(manifest.contains(".package(path: \"\(PluginPackageTests.repository)\")"))
        #expect(manifest.contains(".plugin(name: \"KeelPlugin\", package: \"\(URL(fileURLWithPath: PluginPackageTests.repository).lastPathComponent.lowercased())\")"))
        let handlers = try String(contentsOfFile: package + "/Sources/Inventory/InventoryHandlers.swift", encoding: .utf8)
        #expect(handlers.contains("public func itemSummary(_ input: ItemSummaryInput) async throws -> ItemSummary {\n        throw APIError.notImplemented(\"GET /api/v1/items/summary\")"))
        let environment = try String(contentsOfFile: package + "/.env.example", encoding: .utf8)
        for variable in RuntimeEnvironment.groups(auth: .local).flatMap(\.variables) {
            #expect(environment.contains("\n\(variable.name)=\(variable.defaultValue)\n"), "\(variable.name) is not in .env.example")
        }
        let dockerfile = try String(contentsOfFile: package + "/Dockerfile", encoding: .utf8)
        #expect(dockerfile.contains("USER inventory") && dockerfile.contains("HEALTHCHECK") && dockerfile.contains("/healthz"))
        // What init wrote is what generate writes: the package starts current.
        #expect(try await CLITests.keel(["check", "--config", "Sources/Inventory/keel.yaml"], in: package).status == 0)
    }

    /// --database names Keel's traits, so the package compiles only those drivers, and keel.yaml's dialects.
    @Test func databaseOptionChoosesTheDrivers() async throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try await CLITests.keel(["init", "shop", "--database", "postgres", "--keel", PluginPackageTests.repository], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        let manifest = try String(contentsOfFile: root + "/shop/Package.swift", encoding: .utf8)
        #expect(manifest.hasPrefix("// swift-tools-version: 6.1\n"))
        #expect(manifest.contains(".package(path: \"\(PluginPackageTests.repository)\", traits: [\"PostgreSQL\"]),"))
        #expect(try String(contentsOfFile: root + "/shop/Sources/Shop/keel.yaml", encoding: .utf8).contains("\ndialects: [postgres]\n"))
        let migrations = try FileManager.default.contentsOfDirectory(atPath: root + "/shop/Sources/Shop/migrations")
        #expect(migrations.contains("postgres") && !migrations.contains("sqlite") && !migrations.contains("mysql"), "\(migrations)")
        #expect(try String(contentsOfFile: root + "/shop/.env.example", encoding: .utf8).contains("\nDB_TYPE=postgres\n"))
        let dockerfile = try String(contentsOfFile: root + "/shop/Dockerfile", encoding: .utf8)
        #expect(!dockerfile.contains("libsqlite3") && !dockerfile.contains("libmariadb") && dockerfile.contains("ENV DB_TYPE=postgres PORT=8080"))
        #expect(try String(contentsOfFile: root + "/shop/Tests/ShopTests/ServiceTests.swift", encoding: .utf8).contains(#""DB_TYPE": "postgres""#))

        let two = try await CLITests.keel(["init", "two", "--database", "mysql,sqlite", "--keel", PluginPackageTests.repository], in: root)
        #expect(two.status == 0, "\(two.stderr)")
        #expect(try String(contentsOfFile: root + "/two/Package.swift", encoding: .utf8).contains(#"traits: ["SQLite", "MySQL"]"#))

        let bad = try await CLITests.keel(["init", "bad", "--database", "postgres,oracle"], in: root)
        #expect(bad.status == 2 && bad.stderr.contains("--database postgres,oracle: list one or more of sqlite, postgres, mysql, comma-separated"), "\(bad.stderr)")
    }

    /// A spec of many tables is scaffolded with table modules, a dozen tables each, each with its folder; a small one,
    /// or `--table-modules 0`, keeps every table in the service's module.
    @Test func tableModulesFollowTheSpecsSize() async throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let tables = (0..<30).map { "  t\($0): { columns: { id: id, name: string } }\n" }.joined()
        try "keel: 1\nservice: { name: big, version: 1.0.0 }\ntables:\n\(tables)".write(toFile: root + "/big.yaml", atomically: true, encoding: .utf8)
        #expect(try await CLITests.keel(["init", "big", "--spec", "big.yaml", "--keel", PluginPackageTests.repository], in: root).status == 0)
        let manifest = try String(contentsOfFile: root + "/big/Package.swift", encoding: .utf8)
        #expect(manifest.contains("\nlet tableModules = 2\n"))
        #expect(manifest.contains("] + (0..<tableModules).map { .target(name: \"BigTables\\($0)\") },\n"))
        #expect(manifest.contains("            path: \"Sources/BigTables/\\(number)\",\n"))
        for number in 0..<2 {
            #expect(try String(contentsOfFile: root + "/big/Sources/BigTables/\(number)/Tables.swift", encoding: .utf8).hasPrefix("// BigTables\(number): KeelPlugin compiles"))
        }
        #expect(!FileManager.default.fileExists(atPath: root + "/big/Sources/BigTables/2"))
        #expect(try String(contentsOfFile: root + "/big/README.md", encoding: .utf8).contains("The tables compile as 2 modules of their own\n(`Sources/BigTables/`"))

        #expect(try await CLITests.keel(["init", "one", "--spec", "big.yaml", "--table-modules", "0", "--keel", PluginPackageTests.repository], in: root).status == 0)
        #expect(try !String(contentsOfFile: root + "/one/Package.swift", encoding: .utf8).contains("tableModules"))
        #expect(!FileManager.default.fileExists(atPath: root + "/one/Sources/OneTables"))
        // The default: none under 24 tables, then a dozen tables per module, at most 32.
        #expect([11, 12, 23, 24, 35, 36, 200, 383, 384, 1000].map(PackageScaffold.tableModules(forTables:)) == [0, 0, 0, 2, 2, 3, 16, 31, 32, 32])
        let tooMany = try await CLITests.keel(["init", "many", "--spec", "big.yaml", "--table-modules", "65"], in: root)
        #expect(tooMany.status != 0 && tooMany.stderr.contains("--table-modules 65: pass 0 to 64"), "\(tooMany.stderr)")
    }

    @Test func specConfigVariablesAreListed() async throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let spec = CLITests.validSpec + "config:\n  smtp_host: { env: SMTP_HOST, category: email, type: string }\n"
        try spec.write(toFile: root + "/shop.yaml", atomically: true, encoding: .utf8)
        #expect(try await CLITests.keel(["init", "shop", "--spec", "shop.yaml", "--keel", PluginPackageTests.repository], in: root).status == 0)
        let environment = try String(contentsOfFile: root + "/shop/.env.example", encoding: .utf8)
        #expect(environment.contains("\nSMTP_HOST=\n"))
        #expect(FileManager.default.fileExists(atPath: root + "/shop/Sources/Shop/spec/shop.yaml"))
    }

    @Test func refusesANonEmptyDirectory() async throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "mine\n".write(toFile: root + "/notes.txt", atomically: true, encoding: .utf8)
        let run = try await CLITests.keel(["init", "shop", "--dir", root], in: root)
        #expect(run.status == 1)
        #expect(run.stderr == "keel: error: \(root) is not empty; keel init writes only into a new or empty directory: pass another --dir\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["notes.txt"])
    }

    @Test func aBadSpecWritesNothing() async throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try CLITests.validSpec.replacingOccurrences(of: "title: string", with: "title: strin").write(toFile: root + "/shop.yaml", atomically: true, encoding: .utf8)
        let run = try await CLITests.keel(["init", "shop", "--spec", "shop.yaml"], in: root)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("shop.yaml:4:38: error: the type of column 'items.title' must be one of"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["shop.yaml"])
    }

    @Test func badNameIsAUsageError() async throws {
        let run = try await CLITests.keel(["init", "My Shop"], in: NSTemporaryDirectory())
        #expect(run.status == 2)
        #expect(run.stderr.contains("'My Shop' is not a valid name: use lowercase letters, digits and dashes"))
    }

    /// The build plugin's files: always the same set, written only when their bytes change.
    @Test func pluginSourcesAreAFixedSet() async throws {
        let fixture = try PluginTargetFixture(spec: CLITests.validSpec)
        defer { fixture.remove() }
        let (target, output) = (fixture.target, fixture.output)
        let first = try await fixture.generate()
        #expect(first.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output).sorted() == PluginSourceSet.fileNames)
        #expect(first.stderr == "\(target)/keel.yaml:1:1: warning: this build embeds migration 0001_initial, which is not in \(target)/migrations yet; "
            + "write it with `swift package --allow-writing-to-package-directory keel-generate` and commit it\n")
        #expect(!FileManager.default.fileExists(atPath: target + "/migrations"), "plugin mode writes nothing into the package")
        let migrations = try String(contentsOfFile: output + "/KeelMigrations.swift", encoding: .utf8)
        #expect(migrations.contains("case .sqlite:\n            return [\n                Migration(name: \"0001_initial.sql\", sql: #\"\"\"\n                    -- Generated by Keel from spec."))
        let items = output + "/" + PluginSourceSet.tableFileName(PluginSourceSet.shard(of: "Item"))
        #expect(try String(contentsOfFile: items, encoding: .utf8).contains("public struct Item: ResourceModel"))

        let modified = try FileManager.default.attributesOfItem(atPath: items)[.modificationDate] as? Date
        try await Task.sleep(for: .milliseconds(50))
        #expect(try await fixture.generate().status == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: items)[.modificationDate] as? Date == modified, "unchanged files are not rewritten")

        // The Swift must not also land in the target's own sources.
        try "spec: spec\noutputs: { migrations: migrations }\n".write(toFile: target + "/keel.yaml", atomically: true, encoding: .utf8)
        let clash = try await fixture.generate()
        #expect(clash.status == 1)
        #expect(clash.stderr.hasPrefix("\(target)/keel.yaml:1:1: error: outputs.swift puts generated Swift into this target, which KeelPlugin already compiles it into; set `swift: null` under `outputs:`"))
    }

    /// The plugin declares to SwiftPM the files `keel plugin-sources` writes; it cannot import the list, so compare texts:
    /// its fixed names, and as many table files as `PluginSourceSet` spreads the tables over.
    @Test func pluginDeclaresTheGeneratorsFiles() throws {
        let plugin = try String(contentsOfFile: PluginPackageTests.repository + "/Plugins/KeelPlugin/KeelPlugin.swift", encoding: .utf8)
        let fixed = plugin.matches(of: /"(Keel\w+\.swift)"/).map { String($0.output.1) }
        let shards = try #require(plugin.firstMatch(of: /static let tableShards = (\d+)\n/).flatMap { Int($0.output.1) })
        let moduleShards = try #require(plugin.firstMatch(of: /static let moduleTableShards = (\d+)\n/).flatMap { Int($0.output.1) })
        #expect(plugin.contains(#"return "KeelTables" + String(repeating: "0", count: max(0, String(count - 1).count - digits.count)) + digits + ".swift""#))
        let maxModules = try #require(plugin.firstMatch(of: /static let maxTableModules = (\d+)\n/).flatMap { Int($0.output.1) })
        #expect(shards == PluginSourceSet.tableShards && moduleShards == PluginSourceSet.moduleTableShards && maxModules == PluginSourceSet.maxTableModules)
        #expect((fixed + (0..<shards).map { PluginSourceSet.tableFileName($0) }).sorted() == PluginSourceSet.fileNames)
        // The table modules' staged files: `TableModuleSources/KeelTables007.docc`.
        #expect(plugin.contains(#"output.appending(components: "\#(PluginSourceSet.tableModuleSourcesFolder)", tableFileName(shard, of: moduleTableShards).dropLast(".swift".count) + ".docc")"#))
        #expect(String(PluginSourceSet.tableFileName(7, of: moduleShards).dropLast(".swift".count)) + ".docc" == PluginSourceSet.stagedTableFileName(7))
        #expect(PluginSourceSet.stagedTableFileName(7) == "KeelTables007.docc")
    }

    @Test func watchRegeneratesOnSave() async throws {
        let root = try cli.project(spec: CLITests.validSpec)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let log = root + "/watch.log"
        let watch = try ChildProcess([CLITests.keel, "generate", "--watch"], in: root, environment: ["XDG_CACHE_HOME": root + "/.test-cache"], outputPath: log)
        defer { watch.stop() }
        func waitFor(_ text: String) async throws -> Bool {
            for _ in 0..<100 {
                if watch.output.contains(text) { return true }
                try await Task.sleep(for: .milliseconds(100))
            }
            return false
        }
        #expect(try await waitFor("keel: watching 2 files; Ctrl-C stops"), "\(watch.output)")
        try CLITests.validSpec.replacingOccurrences(of: "title: string", with: "title: strin").write(toFile: root + "/spec/main.yaml", atomically: true, encoding: .utf8)
        #expect(try await waitFor("spec/main.yaml:4:38: error:"), "\(watch.output)")
        try CLITests.validSpec.replacingOccurrences(of: "name: shop", with: "name: store").write(toFile: root + "/spec/main.yaml", atomically: true, encoding: .utf8)
        #expect(try await waitFor("updated openapi.yaml"), "\(watch.output)")
    }

    /// `.env.example` lists what the runtime reads: every variable named in the settings readers, and no other.
    @Test func runtimeEnvironmentListsEveryVariableRead() throws {
        let readers = ["HTTP/ServerSettings.swift", "Database/DatabaseConfiguration.swift", "Auth/AuthSettings.swift", "Auth/IdentityProviderSettings.swift",
                       "Licensing/LicenseSettings.swift"]
        var read: Set<String> = []
        for reader in readers {
            let text = try String(contentsOfFile: PluginPackageTests.repository + "/Runtime/KeelRuntime/" + reader, encoding: .utf8)
            read.formUnion(text.matches(of: /env\.\w+\("([A-Z_]+)"|\(env, "([A-Z_]+)"/).map { String($0.output.1 ?? $0.output.2 ?? "") })
        }
        let listed = Set([AuthMode.local, .jwt, .none].flatMap { RuntimeEnvironment.groups(auth: $0) }.flatMap(\.variables).map(\.name))
        #expect(listed == read)
    }
}
