import KeelSpec

/// Writes `outputs.openapi`: an OpenAPI 3.1 description of every endpoint of the service.
public struct OpenAPIEmitter: Emitter {
    public init() {}

    public func emit(_ spec: Spec, context: EmitContext) throws -> [GeneratedFile] {
        guard let path = context.settings.outputs.openapi else { return [] }
        return [context.file(path, YAMLRenderer.render(document(spec)))]
    }

    func document(_ spec: Spec) -> StructuredValue {
        let tables = Dictionary(spec.tables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        // With local auth, `users` is the built-in user table; its model is the built-in `User`.
        let models = tables.mapValues(\.model).merging(spec.service.auth == .local ? ["users": "User"] : [:]) { own, _ in own }
        // The built-in operations that check access count against the tier's rate limit as well.
        let tierLimit = OpenAPIRateLimit.text(own: nil, spec: spec)
        var operations = BuiltInOperations.operations(spec).map { operation in
            var limited = operation
            if !operation.roles.isEmpty { limited.rateLimit = tierLimit }
            return limited
        }
        for resource in spec.resources {
            guard let table = tables[resource.table] else { continue }
            operations += resourceOperations(resource, table: table, spec: spec)
        }
        operations += spec.customEndpoints.map { customOperation($0, spec: spec, models: models) }

        var info = ObjectBuilder()
        info.set("title", .string(spec.service.title))
        info.set("version", .string(spec.service.version))
        return .object([
            ("openapi", "3.1.0"),
            ("info", info.value),
            ("servers", .array([.object([("url", "/")])])),
            ("tags", .array(tags(operations).map { .object([("name", .string($0))]) })),
            ("paths", paths(operations)),
            ("components", components(spec, models: models)),
        ])
    }

    /// Groups operations by path, keeping the order in which paths first appear.
    private func paths(_ operations: [OpenAPIOperation]) -> StructuredValue {
        var order: [String] = []
        var byPath: [String: [(String, StructuredValue)]] = [:]
        for operation in operations {
            if byPath[operation.path] == nil { order.append(operation.path) }
            byPath[operation.path, default: []].append((operation.method, operation.value))
        }
        return .object(order.map { ($0, .object(byPath[$0] ?? [])) })
    }

    private func tags(_ operations: [OpenAPIOperation]) -> [String] {
        var seen: Set<String> = []
        return operations.map(\.tag).filter { seen.insert($0).inserted }
    }

    private func resourceOperations(_ resource: ResourceEndpoint, table: Table, spec: Spec) -> [OpenAPIOperation] {
        let model = table.model
        let collection = spec.service.basePath + resource.path
        let item = collection + "/{id}"
        let idParameter = OpenAPIOperation.parameter("id", in: "path", schema: OpenAPISchemas.scalar(for: ColumnType.id), required: true)
        return resource.operations.map { kind in
            var operation = OpenAPIOperation(
                method: "", path: collection, operationId: "", summary: "", tag: resource.resource,
                requiresAuth: resource.requiresAuth, roles: resource.roles.roles(for: kind), feature: resource.feature,
                rateLimit: OpenAPIRateLimit.text(own: resource.rateLimit, spec: spec)
            )
            switch kind {
            case .list:
                operation.method = "get"
                operation.operationId = resource.operationID(.list, model: model)
                operation.summary = "List \(resource.resource)"
                operation.parameters = listParameters(resource, table: table)
                operation.responses = [("200", OpenAPIOperation.jsonResponse("A page of \(resource.resource)", OpenAPISchemas.ref("\(model)Page")))]
                operation.addErrors([422])
            case .get:
                operation.method = "get"
                operation.path = item
                operation.operationId = resource.operationID(.get, model: model)
                operation.summary = "Get one \(model) by id"
                operation.parameters = [idParameter]
                operation.responses = [("200", OpenAPIOperation.jsonResponse("The \(model)", OpenAPISchemas.ref(model)))]
                operation.addErrors([404])
            case .create:
                operation.method = "post"
                operation.operationId = resource.operationID(.create, model: model)
                operation.summary = "Create a \(model)"
                operation.requestBody = OpenAPIOperation.jsonBody(OpenAPISchemas.ref("\(model)Create"))
                let location = StructuredValue.object([("Location", .object([
                    ("description", .string("URL of the new \(model)")), ("schema", .object([("type", "string")])),
                ]))])
                let follow = resource.operations.filter { [.get, .update, .delete].contains($0) }.map { resource.operationID($0, model: model) }
                operation.responses = [("201", OpenAPIOperation.jsonResponse("The created \(model)", OpenAPISchemas.ref(model), headers: location,
                                                                             links: OpenAPIOperation.idLinks(to: follow)))]
                operation.addErrors([400, 409, 413, 422] + (spec.tiers.contains { $0.limits.contains { $0.table == table.name } } ? [403] : []))
            case .update:
                operation.method = "patch"
                operation.path = item
                operation.operationId = resource.operationID(.update, model: model)
                operation.summary = "Change some fields of a \(model)"
                operation.parameters = [idParameter]
                operation.requestBody = OpenAPIOperation.jsonBody(OpenAPISchemas.ref("\(model)Patch"))
                operation.responses = [("200", OpenAPIOperation.jsonResponse("The updated \(model)", OpenAPISchemas.ref(model)))]
                operation.addErrors([400, 404, 409, 413, 422])
            case .delete:
                operation.method = "delete"
                operation.path = item
                operation.operationId = resource.operationID(.delete, model: model)
                operation.summary = "Delete a \(model)"
                operation.parameters = [idParameter]
                operation.responses = [("204", .object([("description", "Deleted")]))]
                operation.addErrors([404, 409])
            }
            return operation
        }
    }

    private func listParameters(_ resource: ResourceEndpoint, table: Table) -> [StructuredValue] {
        let options = resource.list
        var parameters = OpenAPIOperation.pagingParameters(pageSize: options.pageSize, maxPageSize: options.maxPageSize)
        if !options.sort.isEmpty {
            let keys = options.sort.flatMap { [$0, "-\($0)"] }.joined(separator: "|")
            // Empty is the default order, as the runtime reads `?sort=`.
            parameters.append(OpenAPIOperation.parameter(
                "sort", in: "query", schema: .object([("type", "string"), ("pattern", .string("^((\(keys))(,(\(keys)))*)?$"))]), required: false,
                description: "Comma-separated columns; a leading '-' sorts descending; empty keeps the default order. Allowed: \(options.sort.joined(separator: ", "))."
            ))
        }
        for name in options.filter {
            guard let column = table.column(named: name) else { continue }
            parameters.append(OpenAPIOperation.parameter(name, in: "query", schema: OpenAPISchemas.filter(column), required: false,
                                                         description: "Only rows whose \(name) equals this value."))
        }
        return parameters
    }

    private func customOperation(_ endpoint: CustomEndpoint, spec: Spec, models: [String: String]) -> OpenAPIOperation {
        var operation = OpenAPIOperation(
            method: endpoint.method.rawValue.lowercased(), path: spec.service.basePath + endpoint.path, operationId: endpoint.name,
            summary: endpoint.description ?? Inflector.upperCamel(endpoint.name), tag: "custom",
            requiresAuth: endpoint.requiresAuth, roles: endpoint.roles, feature: endpoint.feature,
            rateLimit: OpenAPIRateLimit.text(own: endpoint.rateLimit, spec: spec)
        )
        operation.parameters = endpoint.params.map {
            OpenAPIOperation.parameter($0.name, in: "path", schema: OpenAPISchemas.scalar(for: $0.type, bounds: $0.bounds), required: true, description: $0.description)
        } + endpoint.query.map {
            OpenAPIOperation.parameter($0.name, in: "query", schema: OpenAPISchemas.scalar(for: $0.type, bounds: $0.bounds), required: $0.required,
                                      description: $0.description)
        }
        operation.requestBody = endpoint.body.map { OpenAPIOperation.jsonBody(OpenAPISchemas.reference($0, models: models)) }
        if let response = endpoint.response {
            operation.responses = [("200", OpenAPIOperation.jsonResponse("Success", OpenAPISchemas.reference(response, models: models)))]
        } else {
            operation.responses = [("204", .object([("description", "Success, no content")]))]
        }
        // A handler answers 404 for a path id that names no row, and any write may meet a unique or foreign-key conflict.
        operation.addErrors((endpoint.body == nil ? [] : [400, 413]) + [422] + (endpoint.params.isEmpty ? [] : [404]) + (endpoint.method == .GET ? [] : [409]))
        return operation
    }

    private func components(_ spec: Spec, models: [String: String]) -> StructuredValue {
        let listed = Set(spec.resources.filter { $0.operations.contains(.list) }.map(\.table))
        var schemas: [(String, StructuredValue)] = [("Error", OpenAPISchemas.error)]
        schemas += BuiltInOperations.schemas(spec)
        for table in spec.tables {
            schemas.append((table.model, OpenAPISchemas.model(table)))
            schemas.append(("\(table.model)Create", OpenAPISchemas.create(table)))
            schemas.append(("\(table.model)Patch", OpenAPISchemas.patch(table)))
            if listed.contains(table.name) {
                schemas.append(("\(table.model)Page", OpenAPISchemas.page(of: table.model)))
            }
        }
        schemas += spec.types.map { ($0.name, OpenAPISchemas.named($0, models: models)) }
        let responses = OpenAPISchemas.errorNames.keys.sorted().compactMap { code -> (String, StructuredValue)? in
            guard let (name, description) = OpenAPISchemas.errorNames[code] else { return nil }
            // A throttled login or a rate limit: it says when to try again.
            let retryAfter: StructuredValue? = code == 429 ? .object(OpenAPIRateLimit.refusalHeaders) : nil
            return (name, OpenAPIOperation.jsonResponse(description, OpenAPISchemas.ref("Error"), headers: retryAfter))
        }
        return .object([
            ("securitySchemes", .object([("bearerAuth", .object([("type", "http"), ("scheme", "bearer"), ("bearerFormat", "JWT")]))])),
            ("responses", .object(responses)),
            ("headers", OpenAPIRateLimit.components),
            ("schemas", .object(schemas)),
        ])
    }
}
