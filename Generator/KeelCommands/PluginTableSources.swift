import ArgumentParser
import Foundation
import KeelGenerator

/// `keel-plugin-tool plugin-table-sources`, what the `KeelPlugin` build plugin runs for a table module: copies the
/// shards' code that the spec's target staged (`plugin-sources --table-modules`) into the module's own work directory.
/// A file whose text did not change keeps its modification time, so the module recompiles only after an edit to one
/// of its tables.
public struct PluginTableSources: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "plugin-table-sources",
        abstract: "Copy a table module's generated Swift from its spec's target (SwiftPM runs this).",
        discussion: "Copies \(PluginSourceSet.tableModuleSourcesFolder)/KeelTablesNNN.docc of --staged to KeelTablesNNN.swift in --output for each --shard."
    )

    @Option(help: ArgumentHelp("The plugin output of the target with keel.yaml, which staged the shards.", valueName: "path"))
    var staged: String

    @Option(help: ArgumentHelp("Where to write the Swift files (the table module's plugin work directory).", valueName: "path"))
    var output: String

    @Option(help: ArgumentHelp("A shard this module compiles (0 to \(PluginSourceSet.moduleTableShards - 1)); repeat for each.", valueName: "number"))
    var shard: [Int] = []

    public init() {}

    public func validate() throws {
        if let wrong = shard.first(where: { !(0..<PluginSourceSet.moduleTableShards).contains($0) }) {
            throw ValidationError("--shard \(wrong) is not a shard: they run from 0 to \(PluginSourceSet.moduleTableShards - 1)")
        }
    }

    public func run() throws {
        let files = try shard.map { shard in
            let source = staged + "/" + PluginSourceSet.tableModuleSourcesFolder + "/" + PluginSourceSet.stagedTableFileName(shard)
            guard let text = try? String(contentsOfFile: source, encoding: .utf8) else {
                Console.error("keel-plugin-tool: error: \(source) is missing: the target with keel.yaml stages it (`plugin-sources --table-modules`) "
                    + "when it lists this module among its dependencies; add it there, or remove KeelPlugin from this module")
                throw ExitCode.failure
            }
            return GeneratedFile(path: output + "/" + PluginSourceSet.tableFileName(shard, of: PluginSourceSet.moduleTableShards), contents: text)
        }
        try FileWriter.apply(WritePlan(files: files, ownedDirectories: [output]))
    }
}
