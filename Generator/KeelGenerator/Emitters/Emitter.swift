import KeelSpec

/// What every emitter may know besides the model: never the clock, the environment or other files.
public struct EmitContext: Sendable {
    public var settings: ProjectSettings
    /// The spec's path as named in headers (relative to the project root).
    public var specName: String
    public var templates: TemplateLibrary
    /// What earlier runs left in the migrations directory (read by the pipeline, so emitters stay pure).
    public var migrationHistory: MigrationHistory
    /// Whether migrations may drop or narrow data (`--allow-destructive`).
    public var allowDestructive: Bool
    /// Diagnostics name files relative to this directory.
    public var displayBase: String?
    /// The Swift output embeds every migration, so the service reads none from disk (the build plugin's mode).
    public var embedsMigrations: Bool
    /// In that mode, how many groups the tables' resources are spread over, by a hash of their model's name
    /// (`PluginSourceSet.tableShards`, or `moduleTableShards` with table modules).
    public var tableShards: Int
    /// The specs of the services this one calls (`dependencies:`), for their Swift clients.
    public var dependencies: [LoadedDependency]

    public init(settings: ProjectSettings, specName: String, templates: TemplateLibrary, migrationHistory: MigrationHistory = MigrationHistory(),
                allowDestructive: Bool = false, displayBase: String? = nil, embedsMigrations: Bool = false, tableShards: Int = PluginSourceSet.tableShards,
                dependencies: [LoadedDependency] = []) {
        self.settings = settings
        self.specName = specName
        self.templates = templates
        self.migrationHistory = migrationHistory
        self.allowDestructive = allowDestructive
        self.displayBase = displayBase
        self.embedsMigrations = embedsMigrations
        self.tableShards = tableShards
        self.dependencies = dependencies
    }

    /// `contents` with the generated header in the comment syntax of `path`.
    public func file(_ path: String, _ contents: String) -> GeneratedFile {
        GeneratedFile(path: path, contents: GeneratedHeader.comment(for: path, specName: specName) + contents)
    }
}

/// Turns the model into files. Pure: the same spec and context always give the same bytes.
public protocol Emitter: Sendable {
    /// The files of this output, or none when the output is turned off in `keel.yaml`.
    func emit(_ spec: Spec, context: EmitContext) throws -> [GeneratedFile]
}
