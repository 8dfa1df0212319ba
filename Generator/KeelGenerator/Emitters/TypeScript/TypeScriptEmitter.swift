import KeelSpec

/// Writes `outputs.typescript`: `types.ts` (shapes and their JSON forms), `client.ts` (a typed `fetch` client)
/// and `hooks.ts` (React hooks over the client). The only dependency is React, for the hooks.
public struct TypeScriptEmitter: Emitter {
    public init() {}

    public func emit(_ spec: Spec, context: EmitContext) throws -> [GeneratedFile] {
        guard let directory = context.settings.outputs.typescript else { return [] }
        let conflicts = TypeScriptReservedNames.conflicts(in: spec)
        guard conflicts.isEmpty else { throw SpecError(conflicts) }
        let operations = TypeScriptOperations(spec: spec)
        let use = TypeScriptWireUse(spec: spec, types: operations.types)
        let shapes = TypeScriptShapes(spec: spec, types: operations.types, use: use)
        let listQueries = spec.resources.filter { $0.operations.contains(.list) }.compactMap { resource in
            spec.table(named: resource.table).map { TypeScriptListQuery(resource: resource, table: $0) }
        }
        let values: [String: Any] = [
            "title": spec.service.title, "version": spec.service.version,
            "localAuth": spec.service.auth == .local,
            // A body may hold the built-in user model (`type: users`); its encoder is written only then.
            "encodesUser": use.encoded.contains("User"),
            "roles": TypeScriptTypes.union(spec.roles),
            "tiers": TypeScriptTypes.union(spec.tiers.map(\.name)),
            "features": TypeScriptTypes.union(spec.features.map(\.name)),
            "configKeys": TypeScriptTypes.union(spec.config.map(\.key)),
            "tables": spec.tables.map(shapes.table),
            "types": spec.types.map(shapes.named),
            "listQueries": listQueries.map(\.context),
            "anySort": listQueries.contains { !$0.sort.isEmpty },
            "customQueries": spec.customEndpoints.filter { !$0.query.isEmpty }.map { TypeScriptCustomQuery(endpoint: $0).context },
            "operations": operations.all.map(\.context),
        ]
        let types = context.templates.render("typescript/types.ts", values)
        let typeNames = TypeScriptImports.exports(of: types)
        let client = TypeScriptImports.render("typescript/client.ts", values, templates: context.templates, from: ["./types": typeNames])
        let hooks = TypeScriptImports.render("typescript/hooks.ts", values, templates: context.templates,
                                             from: ["./client": TypeScriptImports.exports(of: client), "./types": typeNames])
        return [
            context.file(directory + "/types.ts", types),
            context.file(directory + "/client.ts", client),
            context.file(directory + "/hooks.ts", hooks),
        ]
    }
}
