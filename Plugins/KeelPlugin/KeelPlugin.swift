import Foundation
import PackagePlugin

/// Compiles a target's spec into it: a target with `keel.yaml` in its directory gets the generated Swift at build
/// time. The generator runs only when keel.yaml, a spec file, a migration, a template or keel itself changed, and
/// rewrites only the files whose text changed, so the compiler recompiles those and what uses them.
@main
struct KeelPlugin: BuildToolPlugin {
    /// How many files the tables' code is spread over, each table into one by a hash of its model's name
    /// (`PluginSourceSet.tableShards` in KeelGenerator; keep both equal). Fixed, since the plugin cannot read the spec.
    static let tableShards = 64
    /// What `keel-plugin-tool plugin-sources` writes (`PluginSourceSet.fileNames` in KeelGenerator; keep both lists equal).
    static let outputFileNames: [String] = [
        "KeelAPI.swift", "KeelClients.swift", "KeelLicensing.swift", "KeelMigrations.swift", "KeelRoutes.swift", "KeelService.swift",
        "KeelTypes.swift",
    ] + (0..<tableShards).map(tableFileName)

    /// `KeelTables07.swift` (`PluginSourceSet.tableFileName`).
    static func tableFileName(_ shard: Int) -> String {
        let digits: String = shard < 10 ? "0" + String(shard) : String(shard)
        return "KeelTables" + digits + ".swift"
    }
    /// The kinds of file the generator reads in a target: keel.yaml, the spec, migrations and template overrides.
    static let inputExtensions: Set<String> = ["yaml", "yml", "sql", "sum", "json", "mustache"]

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SwiftSourceModuleTarget else {
            throw KeelPluginError("KeelPlugin generates Swift, but target '\(target.name)' is not a Swift target; apply the plugin to a Swift target")
        }
        let config = target.directoryURL.appending(component: "keel.yaml")
        guard FileManager.default.fileExists(atPath: config.path) else {
            throw KeelPluginError("target '\(target.name)' uses KeelPlugin but has no keel.yaml in \(target.directoryURL.path); add one, e.g. from `keel init`")
        }
        let output = context.pluginWorkDirectoryURL.appending(component: "GeneratedSources")
        return [
            .buildCommand(
                displayName: "Generating Swift from \(target.name)/keel.yaml",
                executable: try context.tool(named: "keel-plugin-tool").url,
                arguments: ["plugin-sources", "--config", config.path, "--output", output.path, "--target-directory", target.directoryURL.path],
                inputFiles: Self.inputs(in: target.directoryURL) + Self.dependencyInputs(config: config, package: context.package) + Self.builtInTemplates(context.package),
                outputFiles: Self.outputFileNames.map { output.appending(component: $0) }
            ),
        ]
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
