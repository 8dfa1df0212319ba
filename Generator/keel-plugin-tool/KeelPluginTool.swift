import ArgumentParser
import KeelCommands
import KeelGenerator

/// What Keel's SwiftPM plugins run: the generating part of `keel`, without the runtime `keel migrate` and
/// `keel init` link, so a package's build compiles no server code twice (plugin tools build for the host apart).
@main
struct KeelPluginTool: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keel-plugin-tool",
        abstract: "The generator behind the KeelPlugin build plugin and the keel-generate and keel-check command plugins.",
        version: KeelVersionInfo.current,
        subcommands: [PluginSources.self, PluginTableSources.self, Generate.self, Check.self, Diff.self]
    )

    static func main() async {
        await CommandLineRunner.main(KeelPluginTool.self)
    }
}
