import Foundation
import PackagePlugin

/// Compiles a target's spec into it: a target with `keel.yaml` in its directory gets the generated Swift at build
/// time. The generator runs only when keel.yaml, a spec file, a migration, a template or keel itself changed, and
/// rewrites only the files whose text changed, so the compiler recompiles those and what uses them.
///
/// Table modules: when that target depends on targets named `<Target>Tables0`, `<Target>Tables1`, ... that use this
/// plugin too, the tables' code goes to them instead, shard `n` to module `n % count`. The target's command stages it
/// and each module's command copies its shards, so an edit to a table rebuilds one module, whose interface holds a
/// fraction of the spec's declarations, where one module's interface held them all.
@main
struct KeelPlugin: BuildToolPlugin {
    /// How many files the tables' code is spread over, each table into one by a hash of its model's name
    /// (`PluginSourceSet.tableShards` in KeelGenerator; keep both equal). Fixed, since the plugin cannot read the spec.
    static let tableShards = 64
    /// How many files the tables' code is spread over with table modules (`PluginSourceSet.moduleTableShards`).
    static let moduleTableShards = 256
    /// The most table modules a target may have (`PluginSourceSet.maxTableModules`): beyond, a module's name would be
    /// a route group's too.
    static let maxTableModules = 64
    /// What `keel-plugin-tool plugin-sources` writes (`PluginSourceSet.fileNames` in KeelGenerator; keep both lists equal).
    static let outputFileNames: [String] = [
        "KeelAPI.swift", "KeelClients.swift", "KeelLicensing.swift", "KeelMigrations.swift", "KeelModules.swift", "KeelRoutes.swift",
        "KeelService.swift", "KeelTypes.swift",
    ] + (0..<tableShards).map { tableFileName($0) }

    /// `KeelTables07.swift`, or `KeelTables007.swift` among `moduleTableShards` (`PluginSourceSet.tableFileName`).
    static func tableFileName(_ shard: Int, of count: Int = tableShards) -> String {
        let digits = String(shard)
        return "KeelTables" + String(repeating: "0", count: max(0, String(count - 1).count - digits.count)) + digits + ".swift"
    }
    /// `TableModuleSources/KeelTables007.docc`: a shard's code, staged for its table module
    /// (`PluginSourceSet.stagedTableFileName` and `tableModuleSourcesFolder`).
    static func stagedTableFile(_ shard: Int, in output: URL) -> URL {
        output.appending(components: "TableModuleSources", tableFileName(shard, of: moduleTableShards).dropLast(".swift".count) + ".docc")
    }

    /// The kinds of file the generator reads in a target: keel.yaml, the spec, migrations and template overrides.
    static let inputExtensions: Set<String> = ["yaml", "yml", "sql", "sum", "json", "mustache"]

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SwiftSourceModuleTarget else {
            throw KeelPluginError("KeelPlugin generates Swift, but target '\(target.name)' is not a Swift target; apply the plugin to a Swift target")
        }
        let config = target.directoryURL.appending(component: "keel.yaml")
        let output = context.pluginWorkDirectoryURL.appending(component: "GeneratedSources")
        guard FileManager.default.fileExists(atPath: config.path) else {
            return [try tableModuleCommand(context: context, target: target, output: output)]
        }
        let modules = try Self.tableModules(of: target)
        var arguments = ["plugin-sources", "--config", config.path, "--output", output.path, "--target-directory", target.directoryURL.path]
        if !modules.isEmpty { arguments += ["--table-modules", modules.joined(separator: ",")] }
        let staged = modules.isEmpty ? [] : (0..<Self.moduleTableShards).map { Self.stagedTableFile($0, in: output) }
        return [
            .buildCommand(
                displayName: "Generating Swift from \(target.name)/keel.yaml",
                executable: try context.tool(named: "keel-plugin-tool").url,
                arguments: arguments,
                inputFiles: Self.inputs(in: target.directoryURL) + Self.dependencyInputs(config: config, package: context.package) + Self.builtInTemplates(context.package),
                outputFiles: Self.outputFileNames.map { output.appending(component: $0) } + staged
            ),
        ]
    }

    /// A table module's command: copy its shards from the output of the target it serves, which declares them as
    /// outputs, so SwiftPM runs this after that target's generator and only when one of them changed.
    func tableModuleCommand(context: PluginContext, target: SwiftSourceModuleTarget, output: URL) throws -> Command {
        // A target with keel.yaml that depends on this one by a table module's name; its numbering error, if any, is the one to show.
        let owner = context.package.targets.compactMap { $0 as? SwiftSourceModuleTarget }.first { owner in
            FileManager.default.fileExists(atPath: owner.directoryURL.appending(component: "keel.yaml").path)
                && owner.dependencies.contains { if case let .target(module) = $0 { module.name == target.name } else { false } }
                && target.name.hasPrefix(owner.name + "Tables")
        }
        guard let owner, case let modules = try Self.tableModules(of: owner), let index = modules.firstIndex(of: target.name) else {
            throw KeelPluginError("target '\(target.name)' uses KeelPlugin but has no keel.yaml in \(target.directoryURL.path), and no target with one "
                + "depends on it as a table module (`<Target>Tables0`, `<Target>Tables1`, ...); add a keel.yaml, e.g. from `keel init`")
        }
        // SwiftPM gives each target and plugin a work directory `…/<target>/<destination>/KeelPlugin`.
        let work = context.pluginWorkDirectoryURL
        guard work.pathComponents.suffix(3).first == target.name else {
            throw KeelPluginError("KeelPlugin cannot find the work directory of '\(owner.name)' beside \(work.path): this SwiftPM lays them out "
                + "differently; remove the table modules from \(owner.name)'s dependencies")
        }
        let ownerOutput = work.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appending(components: owner.name, work.pathComponents[work.pathComponents.count - 2], work.lastPathComponent, "GeneratedSources")
        let shards = (0..<Self.moduleTableShards).filter { $0 % modules.count == index }
        return .buildCommand(
            displayName: "Copying \(target.name)'s tables from \(owner.name)/keel.yaml",
            executable: try context.tool(named: "keel-plugin-tool").url,
            arguments: ["plugin-table-sources", "--staged", ownerOutput.path, "--output", output.path] + shards.flatMap { ["--shard", String($0)] },
            inputFiles: shards.map { Self.stagedTableFile($0, in: ownerOutput) },
            outputFiles: shards.map { output.appending(component: Self.tableFileName($0, of: Self.moduleTableShards)) }
        )
    }

    /// The table modules of a target: its dependencies named `<target>Tables<n>`, in the order of `n`, which must
    /// count from 0 without a gap (the shards are spread by that count).
    static func tableModules(of target: SwiftSourceModuleTarget) throws -> [String] {
        let prefix = target.name + "Tables"
        let numbered = target.dependencies.compactMap { dependency -> (Int, String)? in
            guard case let .target(module) = dependency, module.name.hasPrefix(prefix), let number = Int(module.name.dropFirst(prefix.count)) else { return nil }
            return (number, module.name)
        }.sorted { $0.0 < $1.0 }
        guard numbered.map(\.0) == Array(0..<numbered.count) else {
            throw KeelPluginError("the table modules of '\(target.name)' must be numbered from 0 without a gap, as \(prefix)0, \(prefix)1, ...; it depends on "
                + numbered.map(\.1).joined(separator: ", "))
        }
        guard numbered.count <= maxTableModules else {
            throw KeelPluginError("'\(target.name)' has \(numbered.count) table modules; use at most \(maxTableModules)")
        }
        return numbered.map(\.1)
    }

    /// The generator's possible inputs in the target's directory, excluded from the target or not (Package.swift
    /// excludes them so SwiftPM does not warn about files it cannot build).
    static func inputs(in directory: URL) -> [URL] {
        let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
        return (files?.allObjects as? [URL] ?? []).filter { inputExtensions.contains($0.pathExtension) }.sorted { $0.path < $1.path }
    }

    /// The specs of the services the target calls (`dependencies:`) lie outside it: the package's YAML files stand in for
    /// them, since the plugin cannot parse keel.yaml to find exactly which. Only when keel.yaml has that key.
    static func dependencyInputs(config: URL, package: Package) -> [URL] {
        let text = (try? String(contentsOf: config, encoding: .utf8)) ?? ""
        guard text.split(separator: "\n").contains(where: { $0.hasPrefix("dependencies:") }) else { return [] }
        let files = FileManager.default.enumerator(at: package.directoryURL, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
        return (files?.allObjects as? [URL] ?? []).filter { ["yaml", "yml"].contains($0.pathExtension) }.sorted { $0.path < $1.path }
    }

    /// Keel's own templates, from the Keel package in the dependency graph: a new template changes the output
    /// even when the keel binary stays the same.
    static func builtInTemplates(_ package: Package) -> [URL] {
        var seen: Set<Package.ID> = []
        var queue = [package]
        while let next = queue.popLast() {
            guard seen.insert(next.id).inserted else { continue }
            if let templates = next.targets.first(where: { $0.name == "KeelTemplates" }) as? SourceModuleTarget {
                let files = FileManager.default.enumerator(at: templates.directoryURL.appending(component: "swift"), includingPropertiesForKeys: nil)
                return (files?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "mustache" }.sorted { $0.path < $1.path }
            }
            queue += next.dependencies.map(\.package)
        }
        return []
    }
}

struct KeelPluginError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
