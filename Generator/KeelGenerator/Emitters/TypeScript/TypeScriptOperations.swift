import KeelSpec

/// Every operation the generated client offers: the built-in ones clients call, then each resource's, then
/// the custom endpoints, in spec order.
struct TypeScriptOperations {
    let spec: Spec
    let types: TypeScriptTypes

    init(spec: Spec) {
        self.spec = spec
        types = TypeScriptTypes(spec: spec)
    }

    var all: [TypeScriptOperation] {
        let builtIn = BuiltInEndpoint.all(spec).filter(\.servesClients).map(operation)
        let resources = spec.resources.flatMap { resource in
            spec.table(named: resource.table).map { table in resource.operations.map { operation(resource, $0, table: table) } } ?? []
        }
        return builtIn + resources + spec.customEndpoints.map(operation)
    }

    private func access(_ requiresAuth: Bool, roles: [String], feature: String?) -> [String] {
        var lines: [String] = []
        if !requiresAuth { lines.append("Public: sends no token.") } else if !roles.isEmpty { lines.append("Roles: \(roles.joined(separator: ", ")).") }
        if let feature { lines.append("Needs the licensed feature `\(feature)` (403 FEATURE_NOT_LICENSED otherwise).") }
        return lines
    }

    private func operation(_ endpoint: BuiltInEndpoint) -> TypeScriptOperation {
        var operation = TypeScriptOperation(
            name: endpoint.operationId, doc: ["\(endpoint.summary): `\(endpoint.method.uppercased()) \(endpoint.path)`."] + access(endpoint.requiresAuth, roles: endpoint.roles, feature: nil),
            method: endpoint.method.uppercased(), path: endpoint.path, requiresAuth: endpoint.requiresAuth, answer: "void"
        )
        switch endpoint.pathParameter {
        case .id?: operation.parameters.append(.init(name: "id", type: "number"))
        case .key?: operation.parameters.append(.init(name: "key", type: "ConfigKeyName"))
        case nil: break
        }
        if endpoint.paged {
            operation.parameters.append(.init(name: "query", type: "PageQuery", defaultValue: "{}"))
            operation.query = "{ limit: query.limit, offset: query.offset }"
        }
        if let body = endpoint.body {
            operation.parameters.append(.init(name: "body", type: body))
            operation.body = "encode\(body)(body)"
        }
        if case let .json(_, _, shape, list) = endpoint.answer {
            operation.answer = list ? "Array<\(shape)>" : shape
            operation.decode = list ? "(json) => (json as unknown[]).map(decode\(shape))" : "decode\(shape)"
        }
        return operation
    }

    private func operation(_ resource: ResourceEndpoint, _ kind: ResourceEndpoint.Operation, table: Table) -> TypeScriptOperation {
        let model = table.model
        let name = resource.operationID(kind, model: model)
        let collection = spec.service.basePath + resource.path
        let item = collection + "/{id}"
        let id = TypeScriptOperation.Parameter(name: "id", type: "number")
        let notes = access(resource.requiresAuth, roles: resource.roles.roles(for: kind), feature: resource.feature)
        func make(_ summary: String, _ method: String, _ path: String, answer: String, decode: String?) -> TypeScriptOperation {
            TypeScriptOperation(name: name, doc: ["\(summary): `\(method) \(path)`."] + notes, method: method, path: path,
                                requiresAuth: resource.requiresAuth, answer: answer, decode: decode)
        }
        var operation: TypeScriptOperation
        switch kind {
        case .list:
            let query = TypeScriptListQuery(resource: resource, table: table)
            operation = make("A page of \(resource.resource), filtered and sorted", "GET", collection, answer: "Page<\(model)>",
                             decode: "(json) => decodePage(json, decode\(model))")
            operation.parameters = [.init(name: "query", type: query.name, defaultValue: "{}")]
            operation.query = query.wireObject
        case .get:
            operation = make("One \(model) by id", "GET", item, answer: model, decode: "decode\(model)")
            operation.parameters = [id]
        case .create:
            operation = make("Creates a \(model)", "POST", collection, answer: model, decode: "decode\(model)")
            operation.parameters = [.init(name: "body", type: "\(model)Create")]
            operation.body = "encode\(model)Create(body)"
        case .update:
            operation = make("Changes the given fields of a \(model)", "PATCH", item, answer: model, decode: "decode\(model)")
            operation.parameters = [id, .init(name: "patch", type: "\(model)Patch")]
            operation.body = "encode\(model)Patch(patch)"
        case .delete:
            operation = make("Deletes a \(model)", "DELETE", item, answer: "void", decode: nil)
            operation.parameters = [id]
        }
        return operation
    }

    private func operation(_ endpoint: CustomEndpoint) -> TypeScriptOperation {
        let path = spec.service.basePath + endpoint.path
        var operation = TypeScriptOperation(
            name: endpoint.name, doc: [endpoint.description, "`\(endpoint.method.rawValue) \(path)`."].compactMap { $0 } + access(endpoint.requiresAuth, roles: endpoint.roles, feature: endpoint.feature),
            method: endpoint.method.rawValue, path: path, requiresAuth: endpoint.requiresAuth, answer: "void"
        )
        operation.parameters = endpoint.params.map { .init(name: TypeScriptLiteral.identifier($0.name), type: TypeScriptTypes.scalar($0.type)) }
        // A path parameter is a plain argument: what it must be goes in the method's comment.
        for parameter in endpoint.params {
            let said = [parameter.description, TypeScriptTypes.wireFormat(parameter.type), TypeScriptTypes.rules(parameter.bounds)].compactMap { $0 }
            if !said.isEmpty { operation.doc.append("@param \(TypeScriptLiteral.identifier(parameter.name)) " + said.joined(separator: " ")) }
        }
        if !endpoint.query.isEmpty {
            let query = TypeScriptCustomQuery(endpoint: endpoint)
            operation.parameters.append(.init(name: "query", type: query.name, defaultValue: endpoint.query.contains(where: \.required) ? nil : "{}"))
            operation.query = query.wireObject
        }
        if let body = endpoint.body {
            let enumName = Inflector.upperCamel(endpoint.name) + "Body"
            operation.parameters.append(.init(name: "body", type: types.type(of: body, enumName: enumName)))
            operation.body = types.encode(body, "body")
        }
        if let answer = endpoint.response {
            let enumName = Inflector.upperCamel(endpoint.name) + "Answer"
            operation.answer = types.type(of: answer, enumName: enumName)
            let decode = types.decode(answer, "json", enumName: enumName)
            operation.decode = decode == "decode\(operation.answer)(json)" ? "decode\(operation.answer)" : "(json) => \(decode)"
        }
        return operation
    }
}
