import Foundation
import KeelSpec

/// One side of a diff, loaded: the spec, the settings it came with (if any), and how to name it.
public struct LoadedSpec: Sendable {
    public var spec: Spec
    /// The keel.yaml read with it; nil for a bare spec file or directory.
    public var settings: ProjectSettings?
    /// As the user gave it (`HEAD~1`, `old/keel.yaml`), or the config path for the working spec.
    public var label: String
}

/// Finds and loads OLD or NEW of `keel diff`: a keel.yaml, a directory, a spec file, or a git revision.
public enum SpecSource {
    /// - Parameters:
    ///   - argument: nil for the working spec of `configPath`; an existing path (a keel.yaml, a directory holding
    ///     one, or a spec file or directory); anything else is a git revision of the repository holding
    ///     `configPath`, read with `git show` (nothing is checked out).
    ///   - configPath: the project's keel.yaml (absolute).
    public static func load(_ argument: String?, configPath: String) -> Result<LoadedSpec, SpecError> {
        guard let argument else {
            return loadProject(configPath: configPath, label: DisplayPath.make(configPath, relativeTo: nil))
        }
        let path = URL(fileURLWithPath: argument).standardizedFileURL.path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            let config = isDirectory.boolValue ? (path as NSString).appendingPathComponent(ProjectLoader.fileName) : path
            if (config as NSString).lastPathComponent == ProjectLoader.fileName, FileManager.default.fileExists(atPath: config) {
                return loadProject(configPath: config, label: argument)
            }
            return SpecLoader.load(path: path).map { LoadedSpec(spec: $0, settings: nil, label: argument) }
        }
        return GitRevision(revision: argument, configPath: configPath).load()
    }

    private static func loadProject(configPath: String, label: String) -> Result<LoadedSpec, SpecError> {
        ProjectLoader.load(configPath: configPath).flatMap { settings in
            SpecLoader.load(path: settings.spec, dialects: settings.dialects).map { LoadedSpec(spec: $0, settings: settings, label: label) }
        }
    }
}

/// The project's keel.yaml and spec as a git revision holds them.
struct GitRevision {
    var revision: String
    var configPath: String

    private var directory: String { (configPath as NSString).deletingLastPathComponent }

    func load() -> Result<LoadedSpec, SpecError> {
        let configName = (configPath as NSString).lastPathComponent
        let settings: ProjectSettings
        switch show("./" + configName) {
        case let .success(data):
            switch ProjectLoader.load(configPath: configPath, contents: data) {
            case let .success(read): settings = read
            case let .failure(error): return .failure(error)
            }
        case let .failure(error):
            return failure("'\(revision)' is neither a file nor a git revision holding \(DisplayPath.make(configPath, relativeTo: nil)): \(error.message)")
        }
        let spec = Self.relativePath(from: directory, to: settings.spec)
        let files: [(path: String, relative: String)]
        switch Git.text(["cat-file", "-t", "\(revision):\(spec)"], in: directory) {
        case .success("tree"):
            // Paths come relative to the config's directory; the spec loader takes the directory's own files.
            guard case let .success(listing) = Git.text(["ls-tree", "--name-only", revision, "--", spec + "/"], in: directory) else {
                return failure("cannot list \(spec) at \(revision)")
            }
            let names = listing.split(separator: "\n").map { ($0 as NSString).lastPathComponent }
                .filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }.sorted()
            files = names.map { ((settings.spec as NSString).appendingPathComponent($0), spec + "/" + $0) }
        case .success:
            files = [(settings.spec, spec)]
        case let .failure(error):
            return failure("the spec \(DisplayPath.make(settings.spec, relativeTo: nil)) is not in \(revision): \(error.message)")
        }
        var contents: [(name: String, contents: Data)] = []
        for file in files {
            switch show(file.relative) {
            case let .success(data): contents.append(("\(revision):\(DisplayPath.make(file.path, relativeTo: nil))", data))
            case let .failure(error): return failure(error.message)
            }
        }
        if contents.isEmpty { return failure("the spec directory \(spec) holds no .yaml or .yml files at \(revision)") }
        return SpecLoader.load(files: contents, dialects: settings.dialects).map { LoadedSpec(spec: $0, settings: settings, label: revision) }
    }

    /// `git show REV:./path`: a path relative to the config's directory.
    private func show(_ relative: String) -> Result<Data, GitError> {
        Git.run(["show", "\(revision):\(relative)"], in: directory)
    }

    private func failure(_ message: String) -> Result<LoadedSpec, SpecError> {
        .failure(SpecError([Diagnostic(.error, at: nil, message)]))
    }

    /// `target` relative to `base` as git's `REV:./path` syntax takes it (`./spec`, `../specs`).
    static func relativePath(from base: String, to target: String) -> String {
        let from = URL(fileURLWithPath: base).standardizedFileURL.pathComponents
        let to = URL(fileURLWithPath: target).standardizedFileURL.pathComponents
        var common = 0
        while common < min(from.count, to.count), from[common] == to[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...]
        return parts.first == ".." ? parts.joined(separator: "/") : (["."] + parts).joined(separator: "/")
    }
}
