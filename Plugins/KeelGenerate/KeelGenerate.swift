import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory keel-generate`: runs `keel generate` (as `keel-plugin-tool
/// generate`) for each target with a keel.yaml, writing every output keel.yaml names (migrations, OpenAPI,
/// TypeScript, MarchProxy) into the package.
@main
struct KeelGenerate: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let names = extractor.extractOption(named: "target")
        // The rest goes to `keel generate`: --force, --allow-destructive.
        let passed = extractor.remainingArguments
        let targets = names.isEmpty ? context.package.targets : try context.package.targets(named: names)
        let projects: [(name: String, config: URL)] = targets.compactMap { target in
            guard let target = target as? SourceModuleTarget else { return nil }
            let config = target.directoryURL.appending(component: "keel.yaml")
            return FileManager.default.fileExists(atPath: config.path) ? (target.name, config) : nil
        }
        if let missing = names.first(where: { name in !projects.contains { $0.name == name } }) {
            throw KeelGenerateError("target '\(missing)' has no keel.yaml in its directory")
        }
        guard !projects.isEmpty else {
            throw KeelGenerateError("no target of package '\(context.package.displayName)' has a keel.yaml in its directory; add one, e.g. from `keel init`")
        }
        let keel = try context.tool(named: "keel-plugin-tool").url
        for project in projects {
            print("keel-generate: target \(project.name)")
            let process = Process()
            process.executableURL = keel
            process.arguments = ["generate", "--config", project.config.path] + passed
            // keel names the files it writes relative to its directory: the package's, as people see it.
            process.currentDirectoryURL = context.package.directoryURL
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw KeelGenerateError("keel generate failed for target '\(project.name)' (exit \(process.terminationStatus)); its messages are above")
            }
        }
    }
}

struct KeelGenerateError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
