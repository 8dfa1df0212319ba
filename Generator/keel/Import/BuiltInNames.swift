import KeelSpec

/// Names every generated service gives its own types, operations and routes, which an imported table's model or
/// resource must not take (the validator's lists: SpecResolver.builtInTypeNames, EndpointResolution.builtInOperationIDs
/// and builtInRoutes).
enum BuiltInNames {
    static let types: Set<String> = ["Error", "Health", "License", "ConfigEntry", "ConfigUpdate", "LoginRequest", "Token", "User", "UserCreate", "UserPatch", "UserPage"]
    /// Resources whose list operation or collection path is a built-in one (`listUsers`, `GET /config`, `GET /license`).
    static let resources: Set<String> = ["users", "config", "license"]
    /// Models whose get, create, update or delete operation is a built-in one (`getUser`, `getLicense`).
    static let models: Set<String> = ["User", "License"]

    /// The model a table is written with where its own clashes (`<Model>Record`), and its resource (`<table>_records` where the table's name clashes).
    static func names(of table: String) -> (model: String?, resource: String) {
        let model = Inflector.modelName(ofTable: table)
        let modelClashes = types.contains(model) || models.contains(model)
        return (modelClashes ? model + "Record" : nil, resources.contains(table) ? table + "_records" : table)
    }
}
