import Foundation
import KeelSpec

/// One run of the generator: settings and spec loaded, every output rendered in memory.
public struct Generation: Sendable {
    public var settings: ProjectSettings
    public var spec: Spec
    public var files: [GeneratedFile]
    /// What the emitters were given besides the spec (templates, migration history), for output built from theirs.
    public var context: EmitContext
    /// Where this run spent its time (`keel generate --timings`).
    public var timings = GenerationTimings()

    /// The emitters of every output Keel writes today, in a fixed order.
    public static let emitters: [any Emitter] = [
        MigrationEmitter(), OpenAPIEmitter(), SwiftLicensingEmitter(), SwiftModelEmitter(), SwiftTypesEmitter(), SwiftRoutesEmitter(), SwiftServiceEmitter(),
        SwiftMigrationsEmitter(), MarchProxyEmitter(), TypeScriptEmitter(), SwiftClientEmitter(),
    ]

    /// Loads `keel.yaml`, the spec and the templates without rendering anything: what `keel validate` needs.
    public static func validate(configPath: String, displayRelativeTo base: String? = nil) -> Result<(ProjectSettings, Spec), SpecError> {
        load(configPath: configPath, displayRelativeTo: base).flatMap { loaded in
            // The specs of `dependencies:` are inputs too: a broken one fails validation as it would fail generation.
            LoadedDependency.load(loaded.settings.dependencies, root: loaded.settings.root, displayRelativeTo: base).map { _ in (loaded.settings, loaded.spec) }
        }
    }

    /// Loads `keel.yaml`, the spec and the templates, and renders every output; nothing touches the disk.
    ///
    /// - Parameter displayRelativeTo: diagnostics name files relative to this directory (default: the current one;
    ///   `/` names them by absolute path).
    /// - Parameter allowDestructive: let migrations drop tables and columns or narrow types.
    public static func run(configPath: String, displayRelativeTo base: String? = nil, allowDestructive: Bool = false) -> Result<Generation, SpecError> {
        ProjectLoader.load(configPath: configPath, displayRelativeTo: base).flatMap {
            run(settings: $0, displayRelativeTo: base, allowDestructive: allowDestructive)
        }
    }

    /// Renders every output of `settings` (as `keel.yaml` gave them, or adjusted by the caller).
    ///
    /// - Parameter embedsMigrations: the Swift output carries the migrations (the build plugin's mode).
    /// - Parameter tableShards: how many groups that mode spreads the tables' resources over (`PluginSourceSet`).
    public static func run(settings: ProjectSettings, displayRelativeTo base: String? = nil, allowDestructive: Bool = false,
                           embedsMigrations: Bool = false, tableShards: Int = PluginSourceSet.tableShards) -> Result<Generation, SpecError> {
        var timings = GenerationTimings()
        // The migration history is read while the spec loads: it needs only the settings, and it was a fifth of the
        // serial time before the emitters in the build plugin's unoptimised tool. Its errors still come after the spec's.
        let historyRead = settings.outputs.migrations.map { directory in
            BackgroundValue { Stopwatch.measure { MigrationHistory.read(directory: directory, displayRelativeTo: base) } }
        }
        let (loadedResult, loading) = Stopwatch.measure { load(settings: settings, displayRelativeTo: base) }
        timings.loading = loading
        return loadedResult.flatMap { loaded in
            var history = MigrationHistory()
            if let historyRead {
                let (read, seconds) = historyRead.value()
                timings.migrationHistory = seconds
                switch read {
                case let .success(read): history = read
                case let .failure(error): return .failure(error)
                }
            }
            let dependencies: [LoadedDependency]
            switch LoadedDependency.load(loaded.settings.dependencies, root: loaded.settings.root, displayRelativeTo: base) {
            case let .success(read): dependencies = read
            case let .failure(error): return .failure(error)
            }
            let context = EmitContext(
                settings: loaded.settings, specName: DisplayPath.make(loaded.settings.spec, relativeTo: loaded.settings.root),
                templates: loaded.templates, migrationHistory: history, allowDestructive: allowDestructive, displayBase: base,
                embedsMigrations: embedsMigrations, tableShards: tableShards, dependencies: dependencies
            )
            do {
                let start = Stopwatch.wall()
                let files = try emitConcurrently(loaded.spec, context: context, timings: &timings.emitters)
                timings.emitting = Stopwatch.wall() - start
                return .success(Generation(settings: loaded.settings, spec: loaded.spec, files: files, context: context, timings: timings))
            } catch let error as SpecError {
                return .failure(error)
            } catch {
                return .failure(SpecError([Diagnostic(.error, at: nil, "generation failed: \(error)")]))
            }
        }
    }

    private static func load(configPath: String, displayRelativeTo base: String?) -> Result<(settings: ProjectSettings, spec: Spec, templates: TemplateLibrary), SpecError> {
        ProjectLoader.load(configPath: configPath, displayRelativeTo: base).flatMap { load(settings: $0, displayRelativeTo: base) }
    }

    private static func load(settings: ProjectSettings, displayRelativeTo base: String?) -> Result<(settings: ProjectSettings, spec: Spec, templates: TemplateLibrary), SpecError> {
        // The templates are parsed while the spec loads, as the migration history is read.
        let templateLoad = BackgroundValue { TemplateLibrary.load(overrideDirectory: settings.templates, displayRelativeTo: base) }
        let specResult = SpecLoader.load(path: settings.spec, dialects: settings.dialects, displayRelativeTo: base)
        let templateResult = templateLoad.value()
        switch (specResult, templateResult) {
        case let (.success(spec), .success(templates)):
            return .success((settings, spec, templates))
        case let (.failure(specError), .failure(templateError)):
            return .failure(SpecError(specError.diagnostics + templateError.diagnostics))
        case let (.failure(error), _), let (_, .failure(error)):
            return .failure(error)
        }
    }

    /// Runs the emitters side by side (they are pure and independent) and keeps their order in the result.
    private static func emitConcurrently(_ spec: Spec, context: EmitContext, timings: inout [GenerationTimings.Emitter]) throws -> [GeneratedFile] {
        let results = EmitterResults(count: emitters.count)
        DispatchQueue.concurrentPerform(iterations: emitters.count) { turn in
            let index = startOrder[turn]
            let (wall, cpu) = (Stopwatch.wall(), Stopwatch.threadCPU())
            let result = Result { try emitters[index].emit(spec, context: context) }
            let timing = GenerationTimings.Emitter(name: String(describing: type(of: emitters[index])),
                                                   wall: Stopwatch.wall() - wall, cpu: Stopwatch.threadCPU() - cpu)
            results.set(index, result, timing)
        }
        timings = results.timings()
        return try results.all().flatMap { try $0.get() }
    }

    /// The order the emitters start in: the longest first, so on a machine of few cores none of them starts last
    /// and runs on alone (the TypeScript client, last in `emitters`, took as long as all others together).
    private static let startOrder: [Int] = emitters.indices.sorted { startRank(emitters[$0]) > startRank(emitters[$1]) }

    /// Longer on a large spec: higher.
    private static func startRank(_ emitter: any Emitter) -> Int {
        switch emitter {
        case is TypeScriptEmitter: 5
        case is SwiftModelEmitter: 4
        case is OpenAPIEmitter: 3
        case is SwiftRoutesEmitter: 2
        case is MigrationEmitter: 1
        default: 0
        }
    }

    /// Directories Keel owns entirely: stale generated files in them are pruned.
    /// Migrations are history and never pruned; the OpenAPI output is a single file.
    public var ownedDirectories: [String] {
        [settings.outputs.swift, settings.outputs.typescript, settings.outputs.marchproxy, settings.outputs.swiftClient].compactMap { $0 }
    }

    /// What writing this generation would change.
    public func plan() -> WritePlan {
        WritePlan(files: files, ownedDirectories: ownedDirectories)
    }
}

/// One slot per emitter, filled from concurrent threads.
private final class EmitterResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<[GeneratedFile], any Error>?]
    private var emitterTimings: [GenerationTimings.Emitter?]

    init(count: Int) {
        results = Array(repeating: nil, count: count)
        emitterTimings = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<[GeneratedFile], any Error>, _ timing: GenerationTimings.Emitter) {
        lock.withLock {
            results[index] = result
            emitterTimings[index] = timing
        }
    }

    func timings() -> [GenerationTimings.Emitter] {
        lock.withLock { emitterTimings.compactMap { $0 } }
    }

    func all() -> [Result<[GeneratedFile], any Error>] {
        lock.withLock { results.map { $0 ?? .success([]) } }
    }
}
