/// The top-level type names the generated code declares for a spec, each with what in the spec gives it and the
/// outputs that declare it (read from `templates/swift`, `templates/typescript` and the OpenAPI emitter): two equal
/// names in one output are a duplicate declaration, so validation rejects them (`SpecResolver.checkGeneratedNames`).
/// The generator takes the model types, enum names and service prefix from here; `TypeScriptListQuery` and
/// `TypeScriptCustomQuery` still spell their own.
public struct GeneratedTypeName: Sendable {
    public struct Outputs: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let swift = Outputs(rawValue: 1)
        public static let typescript = Outputs(rawValue: 2)
        public static let openAPI = Outputs(rawValue: 4)
        public static let all: Outputs = [.swift, .typescript, .openAPI]
    }

    /// What gives the name.
    public enum Source: Sendable, Equatable {
        case model(table: String)
        /// `<Model>Create`, `<Model>Patch`, `<Model>Repository` or `<Model>Page`; `role` says which.
        case modelType(table: String, role: String)
        case columnEnum(table: String, column: String)
        case type(name: String)
        /// An endpoint's inline body, `<Endpoint>Body`.
        case inlineBody(endpoint: String)
        /// An enum field of a named type: nested in Swift, top-level in TypeScript.
        case fieldEnum(type: String, field: String)
        /// `<Endpoint>Input` (Swift), `<Endpoint>Query` (TypeScript); `role` says which.
        case endpointType(endpoint: String, role: String)
        /// `List<Resource>Query` and `List<Resource>Sort` (TypeScript).
        case listType(resource: String, role: String)
        /// A type of the service itself (`ShopService`); `role` says what it is.
        case service(name: String, role: String)
        /// A type every Keel service defines (`SpecResolver.builtInTypeNames`).
        case builtIn
    }

    public let name: String
    public let outputs: Outputs
    public let source: Source
    public let location: SourceLocation?
}

public enum GeneratedTypeNames {
    /// `ProductStatus` for the enum column `status` of the model `Product` (a top-level enum in Swift and TypeScript).
    public static func enumName(model: String, column: String) -> String {
        model + Inflector.upperCamel(column)
    }

    /// `Shop` for the service `shop`, `MyShop` for `my-shop`: the prefix of the service's own Swift types.
    public static func servicePrefix(_ service: String) -> String {
        Inflector.upperCamel(service.replacingOccurrences(of: "-", with: "_"))
    }

    /// A table's model, its create and patch types (every output), repository (Swift), page schema (OpenAPI, when
    /// `listed`) and column enums (Swift and TypeScript).
    public static func names(of table: Table, listed: Bool) -> [GeneratedTypeName] {
        let model = table.model
        func derived(_ suffix: String, _ role: String, _ outputs: GeneratedTypeName.Outputs) -> GeneratedTypeName {
            GeneratedTypeName(name: model + suffix, outputs: outputs, source: .modelType(table: table.name, role: role), location: table.location)
        }
        var names = [
            GeneratedTypeName(name: model, outputs: .all, source: .model(table: table.name), location: table.location),
            derived("Create", "create type", .all), derived("Patch", "patch type", .all), derived("Repository", "repository", .swift),
        ]
        if listed { names.append(derived("Page", "page schema", .openAPI)) }
        for column in table.columns {
            guard case .enumeration = column.type else { continue }
            names.append(GeneratedTypeName(name: enumName(model: model, column: column.name), outputs: [.swift, .typescript],
                                           source: .columnEnum(table: table.name, column: column.name), location: column.location))
        }
        return names
    }

    /// A named type (or an endpoint's inline body) and the TypeScript enums of its enum fields.
    public static func names(of type: TypeDefinition) -> [GeneratedTypeName] {
        let source: GeneratedTypeName.Source = type.inlineBodyOf.map { .inlineBody(endpoint: $0) } ?? .type(name: type.name)
        var names = [GeneratedTypeName(name: type.name, outputs: .all, source: source, location: type.location)]
        for field in type.fields {
            guard case .enumeration = field.type else { continue }
            names.append(GeneratedTypeName(name: type.name + Inflector.upperCamel(field.name), outputs: .typescript,
                                           source: .fieldEnum(type: type.name, field: field.name), location: type.location))
        }
        return names
    }

    /// A custom endpoint's Swift input, and its TypeScript query object when it has query parameters.
    public static func names(of endpoint: CustomEndpoint) -> [GeneratedTypeName] {
        let stem = Inflector.upperCamel(endpoint.name)
        var names = [GeneratedTypeName(name: stem + "Input", outputs: .swift, source: .endpointType(endpoint: endpoint.name, role: "input"), location: endpoint.location)]
        if !endpoint.query.isEmpty {
            names.append(GeneratedTypeName(name: stem + "Query", outputs: .typescript, source: .endpointType(endpoint: endpoint.name, role: "query"), location: endpoint.location))
        }
        return names
    }

    /// The TypeScript query of a resource's list operation, and the union of its sort keys when it sorts.
    public static func names(of resource: ResourceEndpoint, model: String) -> [GeneratedTypeName] {
        guard resource.operations.contains(.list) else { return [] }
        let stem = Inflector.upperCamel(resource.operationID(.list, model: model))
        var names = [GeneratedTypeName(name: stem + "Query", outputs: .typescript, source: .listType(resource: resource.resource, role: "list query"), location: resource.location)]
        if !resource.list.sort.isEmpty {
            names.append(GeneratedTypeName(name: stem + "Sort", outputs: .typescript, source: .listType(resource: resource.resource, role: "sort keys"), location: resource.location))
        }
        return names
    }

    /// How many route groups the build plugin spreads the tables' resources over (`PluginSourceSet.tableShards`,
    /// and `moduleTableShards` with table modules): each is a public enum `<Service>Tables07` (`<Service>Tables007`).
    public static let routeGroupCounts = [64, 256]

    /// The Swift types of the service itself, in every mode that declares them in the service's module: its
    /// description, routes, custom endpoints' protocol, embedded migrations, config keys (with `config:`), the
    /// handlers `keel init` writes, its Swift client (`outputs.swift_client`, which the build plugin compiles into
    /// the same module) and the plugin's route groups.
    public static func serviceNames(_ service: String, hasConfig: Bool) -> [GeneratedTypeName] {
        let prefix = servicePrefix(service)
        var roles = [
            ("Service", "its description and server"), ("API", "the protocol of its custom endpoints"), ("Routes", "its routes"),
            ("Migrations", "its embedded migrations"), ("Handlers", "the handlers 'keel init' writes"),
            ("Client", "its Swift client (outputs.swift_client)"),
        ]
        if hasConfig { roles.append(("ServiceConfigKey", "its config keys")) }
        for count in routeGroupCounts {
            let width = String(count - 1).count
            for shard in 0..<count {
                let digits = String(shard)
                roles.append(("Tables" + String(repeating: "0", count: width - digits.count) + digits, "a route group of the build plugin"))
            }
        }
        return roles.map { suffix, role in
            GeneratedTypeName(name: prefix + suffix, outputs: .swift, source: .service(name: service, role: role), location: nil)
        }
    }
}
