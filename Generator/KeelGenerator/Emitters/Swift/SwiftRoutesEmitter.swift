import KeelSpec

/// Writes `Routes.swift` (resources and custom endpoints on the Hummingbird router), `API.swift` (the protocol
/// the service implements, one method per custom endpoint) and `Endpoints/EndpointsNN.swift` (each custom
/// endpoint's input type and route, spread over files by a hash of its name).
public struct SwiftRoutesEmitter: Emitter {
    public init() {}

    public func emit(_ spec: Spec, context: EmitContext) throws -> [GeneratedFile] {
        guard let directory = context.settings.outputs.swift else { return [] }
        let names = SwiftServiceNames(spec)
        let endpoints = spec.customEndpoints.map { Self.endpoint($0, spec: spec) }
        let resources: [[String: Any]] = spec.resources.map { resource in
            let model = spec.table(named: resource.table)?.model ?? Inflector.modelName(ofTable: resource.table)
            let feature = resource.feature
            return [
                "name": SwiftNames.identifier(resource.resource), "path": resource.path, "table": resource.table, "model": model,
                "operations": resource.operations.map { "." + $0.rawValue }.joined(separator: ", "),
                "read": Self.access(resource.requiresAuth, resource.roles.read, feature, rateLimit: resource.rateLimit, scope: resource.path),
                "write": Self.access(resource.requiresAuth, resource.roles.write, feature, rateLimit: resource.rateLimit, scope: resource.path),
                "filters": resource.list.filter.map(SwiftLiteral.string).joined(separator: ", "),
                "sort": resource.list.sort.map(SwiftLiteral.string).joined(separator: ", "),
                "pageSize": resource.list.pageSize, "maxPageSize": resource.list.maxPageSize,
            ]
        }
        let common: [String: Any] = ["service": spec.service.name, "protocolName": names.protocolName, "routesName": names.routesName]
        var routes = common
        routes["hasEndpoints"] = !endpoints.isEmpty
        var api = common
        api["endpoints"] = Self.withFullPaths(endpoints, spec: spec)
        let endpointGroups = Self.groups(endpoints, key: "name", among: PluginSourceSet.tableShards, in: PluginSourceSet.endpointsFolder,
                                         named: PluginSourceSet.endpointFileName,
                                         group: PluginSourceSet.endpointStem, function: { "register" + $0 }, common: common)
        routes["endpointGroups"] = endpointGroups.map { ["function": $0.function] }
        var files = endpointGroups.map { context.file(directory + "/" + $0.path, context.templates.render("swift/Endpoints.swift", $0.values)) }
        if context.embedsMigrations {
            let shards = context.tableShards
            let tableGroups = Self.groups(resources, key: "model", among: shards, in: PluginSourceSet.tablesFolder,
                                          named: { PluginSourceSet.tableFileName($0, of: shards) }, group: { names.tableGroupName($0, of: shards) },
                                          function: { $0 + ".register" }, common: common)
            routes["tableGroups"] = tableGroups.map { ["function": $0.function] }
            files += tableGroups.map { context.file(directory + "/" + $0.path, context.templates.render("swift/TableRoutes.swift", $0.values)) }
        } else {
            routes["resources"] = resources
        }
        return [
            context.file(directory + "/Routes.swift", context.templates.render("swift/Routes.swift", routes)),
            context.file(directory + "/API.swift", context.templates.render("swift/API.swift", api)),
        ] + files
    }

    /// `items` (resources or custom endpoints) grouped by the shard among `count` of their `key` (`PluginSourceSet.shard`), in the
    /// shard's order: per group, its file's path in `folder`, the function registering its routes (`function` of the
    /// shard's `group` name: `registerEndpoints07`, `ShopTables07.register`), and the file's template values.
    /// The plugin's mode groups resources as their models are, so that a model's edit leaves `Routes.swift` and the
    /// other groups as they were; both modes group custom endpoints, so that no compile job holds thousands of routes.
    static func groups(_ items: [[String: Any]], key: String, among count: Int, in folder: String, named fileName: (Int) -> String,
                       group: (Int) -> String, function: (String) -> String, common: [String: Any]) -> [(path: String, function: String, values: [String: Any])] {
        let shards = Dictionary(grouping: items) { PluginSourceSet.shard(of: $0[key] as? String ?? "", among: count) }
        return shards.keys.sorted().map { shard in
            let name = group(shard)
            let function = function(name)
            var values = common
            values["group"] = name
            values["function"] = function
            values["items"] = shards[shard]
            return (folder + "/" + fileName(shard), function, values)
        }
    }

    /// `endpoints` with `fullPath`, the path under the base path, as documentation shows it.
    static func withFullPaths(_ endpoints: [[String: Any]], spec: Spec) -> [[String: Any]] {
        endpoints.map { endpoint in
            var entry = endpoint
            entry["fullPath"] = spec.service.basePath + (endpoint["path"] as? String ?? "")
            return entry
        }
    }

    /// `scope`: what the endpoint's own rate limit counts (every operation of a resource shares one count).
    static func access(_ requiresAuth: Bool, _ roles: [String], _ feature: String?, rateLimit: RateLimit? = nil, scope: String = "") -> String {
        var arguments = ["authenticated: \(requiresAuth)"]
        if !roles.isEmpty { arguments.append("roles: [" + roles.map(SwiftLiteral.string).joined(separator: ", ") + "]") }
        if let feature { arguments.append("feature: " + SwiftLiteral.string(feature)) }
        if let rateLimit { arguments.append("rateLimit: EndpointRateLimit(\(SwiftLiteral.string(scope)), \(rateLimit.requests), per: .\(rateLimit.period.rawValue))") }
        return "AccessRule(" + arguments.joined(separator: ", ") + ")"
    }

    /// The template values of one custom endpoint (also what `keel init`'s starter handlers implement). Its input
    /// is a final class of `let`s: as a struct, each endpoint compiled its own copy and destroy code for it.
    static func endpoint(_ endpoint: CustomEndpoint, spec: Spec) -> [String: Any] {
        let inputType = Inflector.upperCamel(endpoint.name) + "Input"
        var members: [[String: Any]] = []
        var arguments: [[String: String]] = []
        for parameter in endpoint.params {
            let type = SwiftTypeNames.scalar(parameter.type)
            members.append(SwiftDoc.adding(parameter.description, indent: "    ", to: ["property": SwiftNames.parameter(parameter.name), "type": type]))
            arguments.append(["property": SwiftNames.parameterLabel(parameter.name),
                              "value": "try request.path(\(SwiftLiteral.string(parameter.name)), as: \(type).self)"])
        }
        for parameter in endpoint.query {
            let type = SwiftTypeNames.scalar(parameter.type)
            members.append(SwiftDoc.adding(parameter.description, indent: "    ", to: ["property": SwiftNames.parameter(parameter.name), "type": parameter.required ? type : type + "?"]))
            let read = parameter.required ? "require" : "decode"
            arguments.append(["property": SwiftNames.parameterLabel(parameter.name),
                              "value": "try request.query.\(read)(\(SwiftLiteral.string(parameter.name)), as: \(type).self)"])
        }
        let bodyType = endpoint.body.map { SwiftTypeNames.type(of: $0, spec: spec, enumName: "String") }
        if let bodyType {
            members.append(["property": "body", "type": bodyType, "doc": "The request body."])
            arguments.append(["property": "body", "value": "body"])
        }
        var entry: [String: Any] = [
            "name": endpoint.name, "function": SwiftNames.escaped(endpoint.name), "inputType": inputType, "members": members, "arguments": arguments,
            "verb": endpoint.method.rawValue.lowercased(), "method": endpoint.method.rawValue, "path": endpoint.path,
            "summary": endpoint.description ?? Inflector.upperCamel(endpoint.name),
            "access": access(endpoint.requiresAuth, endpoint.roles, endpoint.feature, rateLimit: endpoint.rateLimit, scope: endpoint.method.rawValue + " " + endpoint.path),
            "returns": endpoint.response.map { " -> " + SwiftTypeNames.type(of: $0, spec: spec, enumName: "String") } ?? "",
            "hasResponse": endpoint.response != nil,
        ]
        entry["pathRules"] = endpoint.params.map(SwiftTypeNames.rule(of:)).joined(separator: ", ")
        entry["queryRules"] = endpoint.query.map(SwiftTypeNames.rule(of:)).joined(separator: ", ")
        if let bodyType { entry["bodyType"] = bodyType }
        if !endpoint.roles.isEmpty { entry["roles"] = endpoint.roles.joined(separator: ", ") }
        if let feature = endpoint.feature { entry["feature"] = feature }
        return entry
    }
}

/// The names of a service's generated Swift types: `shop` gives `ShopAPI`, `ShopRoutes` and `ShopService`,
/// and `ShopHandlers` for the type `keel init` writes to implement `ShopAPI`.
struct SwiftServiceNames {
    let prefix: String

    init(_ spec: Spec) {
        prefix = GeneratedTypeNames.servicePrefix(spec.service.name)
    }

    var protocolName: String { prefix + "API" }
    var routesName: String { prefix + "Routes" }
    var serviceName: String { prefix + "Service" }
    var migrationsName: String { prefix + "Migrations" }
    var handlersName: String { prefix + "Handlers" }

    /// `ShopTables07`: the public type of one shard's resources among `count` in the plugin's mode, which a table
    /// module may hold (`ShopTables007` among `PluginSourceSet.moduleTableShards`).
    func tableGroupName(_ shard: Int, of count: Int) -> String { prefix + PluginSourceSet.tableStem(shard, of: count) }
}
