import KeelSpec

/// The names only the TypeScript client declares whatever the spec (the spec itself already reserves the
/// built-in shapes, `License`, `User`, ...), and the check that no model or named type takes one:
/// `types.ts` would declare it twice and fail to compile.
enum TypeScriptReservedNames {
    /// Name -> what the client uses it for.
    static let names: [String: String] = [
        "JsonValue": "any JSON value", "JsonObject": "a JSON object", "Page": "a page of a list", "PageQuery": "paging",
        "FieldError": "a rejected field", "ErrorBody": "the error body", "ApiError": "failed requests", "ApiClient": "the client",
        "ClientOptions": "the client's options", "ApiProvider": "the hooks' provider", "QueryOptions": "read hooks' options",
        "QueryResult": "read hooks", "MutationResult": "write hooks", "RoleName": "the roles", "TierName": "the tiers",
        "FeatureName": "the features", "ConfigKeyName": "the runtime settings",
    ]

    /// One located error per table model or named type whose name the client already uses, and per pair of
    /// path parameters, or of query parameters, of one endpoint that the client would spell alike.
    static func conflicts(in spec: Spec) -> [Diagnostic] {
        let tables = spec.tables.compactMap { table -> Diagnostic? in
            guard let use = names[table.model] else { return nil }
            return Diagnostic(.error, at: table.location, "the model of table '\(table.name)' would be '\(table.model)', which the TypeScript client declares for \(use); set 'model:' to another name")
        }
        let types = spec.types.compactMap { type -> Diagnostic? in
            guard let use = names[type.name] else { return nil }
            return Diagnostic(.error, at: type.location, "type '\(type.name)' has a name the TypeScript client declares for \(use); rename it")
        }
        // Path parameters are the methods' arguments; query parameters are lowerCamelCase fields of one argument.
        return tables + types + ParameterNameConflicts.find(in: spec, language: "TypeScript", parameters: \.params, spelling: TypeScriptLiteral.identifier)
            + ParameterNameConflicts.find(in: spec, language: "TypeScript", parameters: \.query, spelling: Inflector.lowerCamel)
    }
}
