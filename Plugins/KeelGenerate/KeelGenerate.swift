import PackagePlugin

/// `swift package --allow-writing-to-package-directory keel-generate`: `keel generate` for each target with a
/// keel.yaml, writing every output it names (migrations, OpenAPI, TypeScript, MarchProxy) into the package.
@main
struct KeelGenerate: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        try KeelTargets.run("generate", context: context, arguments: arguments)
    }
}
