import Foundation
import PackagePlugin

/// What both command plugins do: run one `keel-plugin-tool` command for each target with a keel.yaml in its
/// directory (or those named with `--target`). Shared by symbolic link: plugins cannot depend on a library.
enum KeelTargets {
    /// Runs `keel-plugin-tool <command> --config <target>/keel.yaml <arguments>` for each target; the arguments
    /// besides `--target` go to the command (e.g. `--force`, `--allow-destructive`, `--diff`).
    static func run(_ command: String, context: PluginContext, arguments: [String]) throws {
        var extractor = ArgumentExtractor(arguments)
        let names = extractor.extractOption(named: "target")
        let passed = extractor.remainingArguments
        let targets = names.isEmpty ? context.package.targets : try context.package.targets(named: names)
        let projects: [(name: String, config: URL)] = targets.compactMap { target in
            guard let target = target as? SourceModuleTarget else { return nil }
            let config = target.directoryURL.appending(component: "keel.yaml")
            return FileManager.default.fileExists(atPath: config.path) ? (target.name, config) : nil
        }
        if let missing = names.first(where: { name in !projects.contains { $0.name == name } }) {
            throw KeelTargetsError("target '\(missing)' has no keel.yaml in its directory")
        }
        guard !projects.isEmpty else {
            throw KeelTargetsError("no target of package '\(context.package.displayName)' has a keel.yaml in its directory; add one, e.g. from `keel init`")
        }
        let tool = try context.tool(named: "keel-plugin-tool").url
        for project in projects {
            print("keel \(command): target \(project.name)")
            let process = Process()
            process.executableURL = tool
            process.arguments = [command, "--config", project.config.path] + passed
            // keel names the files it writes relative to its directory: the package's, as people see it.
            process.currentDirectoryURL = context.package.directoryURL
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw KeelTargetsError("keel \(command) failed for target '\(project.name)'; its messages are above")
            }
        }
    }
}

struct KeelTargetsError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
