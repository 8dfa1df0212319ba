import Foundation
import KeelSpec

/// A service this one calls, with its spec loaded: what the Swift client emitter writes a client of.
public struct LoadedDependency: Sendable {
    public var dependency: ServiceDependency
    public var spec: Spec
    /// The dependency's spec as named in generated headers: relative to the calling project's root, so the
    /// output does not depend on where the checkout lies.
    public var specName: String

    /// Loads each dependency's keel.yaml and spec; their diagnostics name the dependency's own files.
    static func load(_ dependencies: [ServiceDependency], root: String, displayRelativeTo base: String?) -> Result<[LoadedDependency], SpecError> {
        var loaded: [LoadedDependency] = []
        var diagnostics: [Diagnostic] = []
        for dependency in dependencies {
            let result = ProjectLoader.load(configPath: dependency.config, displayRelativeTo: base).flatMap { settings in
                SpecLoader.load(path: settings.spec, dialects: settings.dialects, displayRelativeTo: base).map { (settings, $0) }
            }
            switch result {
            case let .success((settings, spec)):
                loaded.append(LoadedDependency(dependency: dependency, spec: spec, specName: relativePath(settings.spec, from: root)))
            case let .failure(error):
                diagnostics.append(Diagnostic(.error, at: dependency.location, "dependency '\(dependency.name)': its spec (\(dependency.config)) does not load; its own errors follow"))
                diagnostics += error.diagnostics
            }
        }
        return diagnostics.isEmpty ? .success(loaded) : .failure(SpecError(diagnostics))
    }

    /// `path` relative to the directory `root`, with `..` where it lies outside it.
    static func relativePath(_ path: String, from root: String) -> String {
        let target = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        let base = URL(fileURLWithPath: root).standardizedFileURL.pathComponents
        var shared = 0
        while shared < min(target.count, base.count), target[shared] == base[shared] { shared += 1 }
        let parts = Array(repeating: "..", count: base.count - shared) + target[shared...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
