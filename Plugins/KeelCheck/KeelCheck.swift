import PackagePlugin

/// `swift package keel-check`: `keel check` for each target with a keel.yaml, failing when a generated file in the
/// package is not what `keel-generate` would write (the CI step).
@main
struct KeelCheck: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        try KeelTargets.run("check", context: context, arguments: arguments)
    }
}
