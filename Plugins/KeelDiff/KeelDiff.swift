import PackagePlugin

/// `swift package keel-diff --from origin/main`: `keel diff` for each target with a keel.yaml, failing on a spec
/// change that breaks clients, replicas still running the previous version, or data, unless acknowledged.
@main
struct KeelDiff: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        try KeelTargets.run("diff", context: context, arguments: arguments)
    }
}
