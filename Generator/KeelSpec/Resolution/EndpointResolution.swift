extension SpecResolver {
    struct Endpoints {
        var resources: [ResourceEndpoint] = []
        var custom: [CustomEndpoint] = []
        /// Inline bodies of custom endpoints, as named types.
        var inlineBodies: [TypeDefinition] = []
    }

    func resolveEndpoints(auth: Service.Auth, roles: [String], tables: [Table], inlineTypes: [TypeDefinition]) -> Endpoints {
        var result = Endpoints()
        var routes: [String: SourceLocation] = [:]
        for route in builtInRoutes(auth: auth) {
            routes[route] = SourceLocation(file: "<built-in>", line: 1, column: 1)
        }
        var names: [String: SourceLocation] = [:]
        // Operation ids name client methods and OpenAPI operations, so they must be unique too.
        var operationIDs: [String: SourceLocation] = Dictionary(uniqueKeysWithValues: Self.builtInOperationIDs.map { ($0, SourceLocation(file: "<built-in>", line: 1, column: 1)) })
        func claim(_ id: String, at location: SourceLocation, fix: String) {
            if let first = operationIDs[id] {
                let owner = first.file == "<built-in>" ? "a built-in endpoint" : "the endpoint at \(first)"
                diagnostics.error(location, "operation name '\(id)' is already used by \(owner); \(fix)")
            }
            operationIDs[id] = operationIDs[id] ?? location
        }
        let tablesByName = Dictionary(tables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let items = index.lists["endpoints"] ?? []
        routes.reserveCapacity(routes.count + items.count)
        names.reserveCapacity(items.count)
        operationIDs.reserveCapacity(operationIDs.count + items.count)
        // Each endpoint on its own first, side by side; then, in order, what one endpoint says about another.
        let resolved = resolveEach(items) { resolver, item -> ResolvedEndpoint in
            guard let keys = item.entries?.map(\.key) else { return .notMapping }
            if keys.contains("resource") { return .resource(resolver.resolveResource(item, auth: auth, roles: roles, tablesByName: tablesByName)) }
            if keys.contains("name") {
                guard let (endpoint, body) = resolver.resolveCustom(item, auth: auth, roles: roles) else { return .custom(nil) }
                return .custom((endpoint, body, "\(endpoint.method.rawValue) \(RoutePath.shape(endpoint.path))"))
            }
            return .neither
        }
        for (item, resolvedItem) in zip(items, resolved) {
            var endpointRoutes: [(String, SourceLocation)] = []
            switch resolvedItem {
            case .notMapping:
                diagnostics.error(item.location, "an endpoint must be a mapping with 'resource' or 'name', found \(item.kindDescription)")
                continue
            case .neither:
                diagnostics.error(item.location, "an endpoint needs 'resource: <table>' (CRUD) or 'name: <operation>' (custom)")
                continue
            case .resource(nil), .custom(nil):
                continue
            case let .resource(resource?):
                if let first = names[resource.resource] {
                    diagnostics.error(resource.location, "resource '\(resource.resource)' is declared twice; first at \(first)")
                    continue
                }
                names[resource.resource] = resource.location
                let model = tablesByName[resource.table]?.model ?? Inflector.modelName(ofTable: resource.table)
                for operation in resource.operations { claim(resource.operationID(operation, model: model), at: resource.location, fix: "each model's operations can be served by one resource only; drop the operation from one of them") }
                result.resources.append(resource)
                endpointRoutes = resource.operations.map { ($0.routeKey(path: resource.path), resource.location) }
            case let .custom((endpoint, body, route)?):
                if let first = names[endpoint.name] {
                    diagnostics.error(endpoint.location, "endpoint name '\(endpoint.name)' is used twice; first at \(first)")
                    continue
                }
                names[endpoint.name] = endpoint.location
                claim(endpoint.name, at: endpoint.location, fix: "rename the endpoint")
                result.custom.append(endpoint)
                if let body { result.inlineBodies.append(body) }
                endpointRoutes = [(route, endpoint.location)]
            }
            for (route, location) in endpointRoutes {
                if let first = routes[route] {
                    let owner = first.file == "<built-in>" ? "a built-in endpoint of every Keel service" : "the endpoint at \(first)"
                    diagnostics.error(location, "route \(route) is already served by \(owner)")
                }
                routes[route] = routes[route] ?? location
            }
        }
        checkParameterNames(result, auth: auth)
        return result
    }

    /// One endpoint of the list read on its own, before the checks across endpoints; nil when it had errors.
    private enum ResolvedEndpoint {
        case resource(ResourceEndpoint?)
        /// The endpoint, its inline body, and its route key (`GET /orders/{}`).
        case custom((CustomEndpoint, TypeDefinition?, String)?)
        case notMapping
        /// A mapping with neither 'resource' nor 'name'.
        case neither
    }

    /// Parameters at one place of a path must share a name, or the generated service traps at start-up.
    private func checkParameterNames(_ endpoints: Endpoints, auth: Service.Auth) {
        var routes = [RouteParameterNames.Route(path: "/config/{key}", owner: "a built-in endpoint", location: nil)]
        if auth == .local { routes.append(.init(path: "/users/{id}", owner: "a built-in endpoint", location: nil)) }
        for resource in endpoints.resources where resource.operations.contains(where: { $0 != .list && $0 != .create }) {
            routes.append(.init(path: resource.path + "/{id}", owner: "resource '\(resource.resource)'", location: resource.location))
        }
        for endpoint in endpoints.custom {
            routes.append(.init(path: endpoint.path, owner: "endpoint '\(endpoint.name)'", location: endpoint.location))
        }
        for conflict in RouteParameterNames.conflicts(routes) {
            diagnostics.error(conflict.location, conflict.message)
        }
    }

    /// Operation names of the endpoints every generated service has.
    static let builtInOperationIDs = ["healthz", "readyz", "metrics", "getLicense", "listConfig", "updateConfig",
                                      "login", "me", "listUsers", "createUser", "getUser", "updateUser", "deleteUser"]

    /// Routes, relative to the base path, that every generated service serves itself.
    private func builtInRoutes(auth: Service.Auth) -> [String] {
        var routes = ["GET /license", "GET /config", "PUT /config/{}"]
        if auth == .local {
            routes += ["POST /auth/login", "GET /auth/me", "GET /users", "POST /users", "GET /users/{}", "PATCH /users/{}", "DELETE /users/{}"]
        }
        let basePath = index.singles["service"]?.value.entries?.first { $0.key == "base_path" }?.value.text ?? ""
        if basePath.isEmpty || basePath == "/" {
            routes += ["GET /healthz", "GET /readyz", "GET /metrics"]
        }
        return routes
    }

    private func resolveResource(_ item: YAMLValue, auth: Service.Auth, roles: [String], tablesByName: [String: Table]) -> ResourceEndpoint? {
        guard let fields = reader.fields(item, of: "a resource endpoint", allowed: ["resource", "table", "path", "operations", "auth", "roles", "feature", "list", "rate_limit"]),
              let resourceValue = reader.require(fields, "resource", in: "the endpoint"),
              let resource = reader.string(resourceValue, "'resource'") else { return nil }
        let what = "resource '\(resource)'"
        guard checkName(resource, at: resourceValue, what: "resource") else { return nil }
        var tableName = resource
        var tableValue = resourceValue
        if let value = fields.present("table"), let text = reader.string(value, "'table'") {
            tableName = text
            tableValue = value
        }
        guard index.contains("tables", tableName) else {
            diagnostics.error(tableValue.location, "\(what) names unknown table '\(tableName)'\(Suggestion.hint(for: tableName, in: index.names("tables")))")
            return nil
        }
        let table = tablesByName[tableName]
        let path = fields.present("path").flatMap { value in
            reader.string(value, "'path'").flatMap { checkPath($0, at: value, what: "the path of \(what) (Keel adds /{id} itself)") }
        } ?? "/\(resource)"
        var operations = ResourceEndpoint.Operation.allCases
        if let value = fields.present("operations"), let list = reader.strings(value, "'operations'") {
            operations = []
            for (text, at) in list {
                guard let operation = ResourceEndpoint.Operation(rawValue: text) else {
                    diagnostics.error(at.location, "unknown operation '\(text)'; \(Suggestion.fix(for: text, in: ResourceEndpoint.Operation.allCases.map(\.rawValue), otherwise: "operations are list, get, create, update, delete"))")
                    continue
                }
                if operations.contains(operation) {
                    diagnostics.error(at.location, "operation '\(text)' is listed twice")
                }
                operations.append(operation)
            }
            if list.isEmpty { diagnostics.error(value.location, "\(what) has no operations; remove the endpoint or list at least one") }
        }
        let requiresAuth = endpointAuth(fields, service: auth, what: what)
        var requirement = RoleRequirement(read: [], write: [])
        if let value = fields.present("roles") {
            requirement = resourceRoles(value, roles: roles, what: what, requiresAuth: requiresAuth)
        } else if requiresAuth {
            // Our users' convention: every role reads; viewers do not write.
            requirement = RoleRequirement(read: roles, write: roles.filter { $0 != "viewer" })
        }
        let feature = fields.present("feature").flatMap { checkFeature($0, what: what) }
        let list = listOptions(fields.present("list"), table: table, what: what, hasList: operations.contains(.list))
        return ResourceEndpoint(
            resource: resource, table: tableName, path: path, operations: operations, requiresAuth: requiresAuth,
            roles: requirement, feature: feature, list: list, location: resourceValue.location,
            rateLimit: fields.present("rate_limit").flatMap { rateLimit($0, of: what) }
        )
    }

    /// `auth: required | none` on an endpoint; `required` is impossible when the service has no auth.
    func endpointAuth(_ fields: Fields, service: Service.Auth, what: String) -> Bool {
        guard let value = fields.present("auth"), let text = reader.keyword(value, "'auth' of \(what)", allowed: ["required", "none"]) else {
            return service != .none
        }
        if text == "required", service == .none {
            diagnostics.error(value.location, "\(what) requires auth, but service.auth is none; set service.auth to local or jwt")
        }
        return text == "required" && service != .none
    }

    private func resourceRoles(_ value: YAMLValue, roles: [String], what: String, requiresAuth: Bool) -> RoleRequirement {
        if !requiresAuth {
            diagnostics.error(value.location, "\(what) has roles but no authentication (its 'auth: none' or service.auth: none); remove the roles or require auth")
            return RoleRequirement(read: [], write: [])
        }
        if value.items != nil {
            let all = checkRoles(value, roles: roles, what: "the roles of \(what)")
            return RoleRequirement(read: all, write: all)
        }
        guard let fields = reader.fields(value, of: "the roles of \(what)", allowed: ["read", "write"]) else {
            return RoleRequirement(read: [], write: [])
        }
        return RoleRequirement(
            read: fields.present("read").map { checkRoles($0, roles: roles, what: "the read roles of \(what)") } ?? roles,
            write: fields.present("write").map { checkRoles($0, roles: roles, what: "the write roles of \(what)") } ?? roles.filter { $0 != "viewer" }
        )
    }

    /// The query parameters every list takes for paging and order, which no filter may share.
    static let pagingParameters = ["limit": "the page size", "offset": "the page start", "sort": "the order"]

    private func listOptions(_ value: YAMLValue?, table: Table?, what: String, hasList: Bool) -> ResourceEndpoint.ListOptions {
        var options = ResourceEndpoint.ListOptions(filter: [], sort: [], pageSize: 50, maxPageSize: 200)
        guard let value else { return options }
        if !hasList {
            diagnostics.error(value.location, "\(what) has 'list' options but no list operation")
        }
        guard let fields = reader.fields(value, of: "the list options of \(what)", allowed: ["filter", "sort", "page_size", "max_page_size"]) else { return options }
        let columns = table?.columns ?? []
        func columnNames(_ key: String, unsortable: Bool) -> [String] {
            guard let list = fields.present(key).flatMap({ reader.strings($0, "'\(key)'") }) else { return [] }
            return list.compactMap { name, at in
                guard let column = columns.first(where: { $0.name == name }) else {
                    if table != nil {
                        diagnostics.error(at.location, "'\(key)' names unknown column '\(name)' of table '\(table?.name ?? "")'\(Suggestion.hint(for: name, in: columns.map(\.name)))")
                    }
                    return nil
                }
                if [.json, .bytes].contains(column.type) || (unsortable && column.type == .text) {
                    diagnostics.error(at.location, "cannot \(key) on \(column.type.keyword) column '\(name)'")
                    return nil
                }
                if !unsortable, let use = Self.pagingParameters[name] {
                    diagnostics.error(at.location, "column '\(name)' cannot be a list filter: '?\(name)=' is \(use) of every list; remove it from 'filter' (it can still be in 'sort'), or filter on it in a custom endpoint whose query parameter has another name")
                    return nil
                }
                return name
            }
        }
        options.filter = columnNames("filter", unsortable: false)
        options.sort = columnNames("sort", unsortable: true)
        let pageValue = fields.present("page_size")
        options.pageSize = pageValue.flatMap { reader.int($0, "'page_size'", in: 1...10_000) } ?? options.pageSize
        options.maxPageSize = fields.present("max_page_size").flatMap { reader.int($0, "'max_page_size'", in: 1...10_000) } ?? max(200, options.pageSize)
        if let pageValue, options.pageSize > options.maxPageSize {
            diagnostics.error(pageValue.location, "page_size \(options.pageSize) is larger than max_page_size \(options.maxPageSize)")
        }
        return options
    }
}

extension ResourceEndpoint.Operation {
    /// `GET /products/{}`: the method and path shape, for detecting two endpoints on one route.
    func routeKey(path: String) -> String {
        switch self {
        case .list: "GET \(path)"
        case .create: "POST \(path)"
        case .get: "GET \(path)/{}"
        case .update: "PATCH \(path)/{}"
        case .delete: "DELETE \(path)/{}"
        }
    }
}

/// Path helpers shared by endpoint checks.
enum RoutePath {
    /// Parameter names in `{}` in path order.
    static func parameters(_ path: String) -> [String] {
        path.split(separator: "/").compactMap { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? String(segment.dropFirst().dropLast()) : nil
        }
    }

    /// The path with every parameter name erased, so `/a/{x}` and `/a/{y}` compare equal.
    static func shape(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { $0.hasPrefix("{") ? "{}" : String($0) }.joined(separator: "/")
    }
}
