import ArgumentParser
import Foundation
import KeelGenerator
import KeelSpec

/// `keel-plugin-tool plugin-sources`, what the `KeelPlugin` build plugin runs: a target's generated Swift, written
/// to the plugin's work directory.
public struct PluginSources: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "plugin-sources",
        abstract: "Write the generated Swift of a target that uses the KeelPlugin build plugin (SwiftPM runs this).",
        discussion: """
        Writes \(PluginSourceSet.fileNames.joined(separator: ", ")) into --output, with the migrations of
        outputs.migrations embedded, and nothing into the package. Diagnostics name files by absolute path.
        A migration the spec calls for that is not written yet is embedded too, with a warning: write it with
        `swift package --allow-writing-to-package-directory keel-generate` and commit it.
        """
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("The target's keel.yaml.", valueName: "path"))
    var config: String

    @Option(help: ArgumentHelp("Where to write the Swift files (the plugin's work directory).", valueName: "path"))
    var output: String

    @Option(help: ArgumentHelp("The target's directory: every input must lie inside it, since the plugin tracks only its files.", valueName: "path"))
    var targetDirectory: String

    @Option(help: ArgumentHelp("The target's table modules, in shard order, comma-separated: the tables' code is staged for them in "
                               + "\(PluginSourceSet.tableModuleSourcesFolder)/ instead, and KeelModules.swift re-exports them.", valueName: "names"))
    var tableModules: String = ""

    public init() {}

    public func run() throws {
        let configPath = URL(fileURLWithPath: config).standardizedFileURL.path
        let settings = try Console.reportingErrors(ProjectLoader.load(configPath: configPath, displayRelativeTo: "/").flatMap(pluginSettings), writes: true)
        let modules = tableModules.split(separator: ",").map(String.init)
        let shards = modules.isEmpty ? PluginSourceSet.tableShards : PluginSourceSet.moduleTableShards
        let generation = try Console.reportingErrors(Generation.run(settings: settings, displayRelativeTo: "/", embedsMigrations: true, tableShards: shards),
                                                     writes: true)
        let files = try Console.reportingErrors(PluginSourceSet.files(of: generation, tableModules: modules), writes: true)
        try FileWriter.apply(WritePlan(files: files, ownedDirectories: [settings.outputs.swift].compactMap { $0 }))
        let pending = generation.files.filter { $0.path.hasSuffix(".sql") && !FileManager.default.fileExists(atPath: $0.path) }
        if let migrations = settings.outputs.migrations, !pending.isEmpty {
            let names = Set(pending.map { String(($0.path.split(separator: "/").last ?? "").dropLast(".sql".count)) }).sorted()
            Console.error("\(configPath):1:1: warning: this build embeds migration \(names.joined(separator: ", ")), which is not in \(migrations) yet; "
                + "write it with `swift package --allow-writing-to-package-directory keel-generate` and commit it")
        }
    }

    /// `keel.yaml`'s settings as the plugin uses them: Swift to `--output`, no other output, every input in the target.
    private func pluginSettings(_ loaded: ProjectSettings) -> Result<ProjectSettings, SpecError> {
        let location = loaded.location ?? SourceLocation(file: URL(fileURLWithPath: config).standardizedFileURL.path, line: 1, column: 1)
        let target = URL(fileURLWithPath: targetDirectory).standardizedFileURL.path
        func inside(_ path: String) -> Bool { path == target || path.hasPrefix(target + "/") }
        var problems: [Diagnostic] = []
        if let swift = loaded.outputs.swift, inside(swift) {
            problems.append(Diagnostic(.error, at: location, "outputs.swift puts generated Swift into this target, which KeelPlugin already compiles it into; set `swift: null` under `outputs:`"))
        }
        if loaded.outputs.migrations == nil {
            problems.append(Diagnostic(.error, at: location, "KeelPlugin embeds the migrations of outputs.migrations, which is null; set it, e.g. `migrations: migrations`"))
        }
        let inputs = [("spec", loaded.spec), ("templates", loaded.templates), ("outputs.migrations", loaded.outputs.migrations)]
        for case let (key, path?) in inputs where !inside(path) {
            problems.append(Diagnostic(.error, at: location, "\(key) (\(path)) lies outside the target directory \(target), so KeelPlugin would not see it change; move it into the target"))
        }
        guard problems.isEmpty else { return .failure(SpecError(problems)) }
        var settings = loaded
        settings.outputs.swift = URL(fileURLWithPath: output).standardizedFileURL.path
        if settings.outputs.swiftClient != nil {
            settings.outputs.swiftClient = (settings.outputs.swift ?? "") + "/" + PluginSourceSet.clientsFolder
        }
        settings.outputs.marchproxy = nil
        settings.outputs.typescript = nil
        settings.outputs.openapi = nil
        return .success(settings)
    }

}
