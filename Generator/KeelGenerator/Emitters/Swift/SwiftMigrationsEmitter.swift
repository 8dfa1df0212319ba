import KeelSpec

/// Writes `Migrations.swift` into `outputs.swift` when the Swift embeds the migrations (the build plugin's mode):
/// every migration of `outputs.migrations`, and the one the spec's changes call for that is not written yet.
public struct SwiftMigrationsEmitter: Emitter {
    public init() {}

    public func emit(_ spec: Spec, context: EmitContext) throws -> [GeneratedFile] {
        guard context.embedsMigrations, let directory = context.settings.outputs.swift, let migrations = context.settings.outputs.migrations else { return [] }
        var files = context.migrationHistory.files
        // The migration emitter is pure, so asking it again gives exactly the files `keel generate` would add.
        let pending = try MigrationEmitter().emit(spec, context: context).filter { $0.path.hasSuffix(".sql") }
        for file in pending {
            files[String(file.path.dropFirst(migrations.count + 1))] = file.contents
        }
        let generated = Set(context.settings.dialects)
        let dialects: [[String: Any]] = Dialect.allCases.filter(generated.contains).map { dialect in
            let prefix = dialect.rawValue + "/"
            let entries: [[String: String]] = files.keys.filter { $0.hasPrefix(prefix) }.sorted().map { relative in
                ["name": SwiftLiteral.string(String(relative.dropFirst(prefix.count))),
                 "sql": SwiftLiteral.multilineRawString(files[relative] ?? "", indent: "                    ")]
            }
            return ["dialect": dialect.rawValue, "migrations": entries]
        }
        let pendingNames = Set(pending.map { String(($0.path.split(separator: "/").last ?? "").dropLast(".sql".count)) }).sorted()
        let body = context.templates.render("swift/Migrations.swift", [
            "service": spec.service.name, "migrationsName": SwiftServiceNames(spec).migrationsName,
            "directory": DisplayPath.make(migrations, relativeTo: context.settings.root),
            "hasPending": !pendingNames.isEmpty, "pending": pendingNames.joined(separator: ", "),
            "dialects": dialects,
            "missing": Dialect.allCases.filter { !generated.contains($0) }.map { ["dialect": $0.rawValue] },
        ])
        return [context.file(directory + "/Migrations.swift", body)]
    }
}
