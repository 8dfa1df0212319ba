import KeelSpec

/// Every method of a generated client: each resource's operations, then the custom endpoints, in spec order.
struct SwiftClientOperations {
    let spec: Spec
    let types: SwiftClientTypes

    var all: [SwiftClientOperation] {
        let resources = spec.resources.flatMap { resource in
            spec.table(named: resource.table).map { table in resource.operations.map { operation(resource, $0, table: table) } } ?? []
        }
        return resources + spec.customEndpoints.map(operation)
    }

    private func access(_ requiresAuth: Bool, roles: [String], feature: String?) -> [String] {
        var lines: [String] = []
        if !requiresAuth { lines.append("Public: sends no token.") } else if !roles.isEmpty { lines.append("Roles: \(roles.joined(separator: ", ")).") }
        if let feature { lines.append("Needs the licensed feature `\(feature)` (403 `FEATURE_NOT_LICENSED` otherwise).") }
        return lines
    }

    private func operation(_ resource: ResourceEndpoint, _ kind: ResourceEndpoint.Operation, table: Table) -> SwiftClientOperation {
        let model = table.model
        let modelType = SwiftClientTypes.spelled(model)
        let collection = spec.service.basePath + resource.path
        let item = collection + "/{id}"
        let id = SwiftClientOperation.Parameter(label: "id", name: "id", type: types.scalar(.int))
        let notes = access(resource.requiresAuth, roles: resource.roles.roles(for: kind), feature: resource.feature)
        func make(_ summary: String, _ method: String, _ path: String, answer: String?) -> SwiftClientOperation {
            SwiftClientOperation(name: resource.operationID(kind, model: model), doc: ["\(summary): `\(method.uppercased()) \(path)`."] + notes,
                                 method: method, path: path, authenticated: resource.requiresAuth, answer: answer)
        }
        var operation: SwiftClientOperation
        switch kind {
        case .list:
            let query = SwiftClientListQuery(resource: resource, table: table, types: types)
            operation = make("A page of \(resource.resource), filtered and sorted", "get", collection, answer: "KeelClient.Page<\(modelType)>")
            operation.parameters = [.init(label: "_", name: "query", type: query.name, defaultValue: " = .init()")]
            operation.query = "query.items"
        case .get:
            operation = make("One \(model) by id", "get", item, answer: modelType)
            operation.parameters = [id]
        case .create:
            operation = make("Creates a \(model)", "post", collection, answer: modelType)
            operation.parameters = [.init(label: "_", name: "body", type: model + "Create")]
            operation.body = "body"
        case .update:
            operation = make("Changes the given fields of a \(model)", "patch", item, answer: modelType)
            operation.parameters = [id, .init(label: "_", name: "patch", type: model + "Patch")]
            operation.body = "patch"
        case .delete:
            operation = make("Deletes a \(model)", "delete", item, answer: nil)
            operation.parameters = [id]
        }
        return operation
    }

    private func operation(_ endpoint: CustomEndpoint) -> SwiftClientOperation {
        let path = spec.service.basePath + endpoint.path
        var operation = SwiftClientOperation(
            name: SwiftNames.escaped(endpoint.name),
            doc: [endpoint.description.map { $0 + "." }, "`\(endpoint.method.rawValue) \(path)`."].compactMap { $0 }
                + access(endpoint.requiresAuth, roles: endpoint.roles, feature: endpoint.feature),
            method: endpoint.method.rawValue.lowercased(), path: path, authenticated: endpoint.requiresAuth
        )
        for parameter in endpoint.params + endpoint.query {
            let optional = !parameter.required && endpoint.query.contains(parameter)
            operation.parameters.append(.init(label: SwiftNames.parameterLabel(parameter.name), name: SwiftNames.parameter(parameter.name),
                                              type: types.scalar(parameter.type) + (optional ? "?" : ""), defaultValue: optional ? " = nil" : ""))
            if let description = parameter.description { operation.doc.append("- Parameter \(SwiftNames.parameterLabel(parameter.name)): \(description)") }
        }
        if !endpoint.query.isEmpty {
            operation.query = "[" + endpoint.query.map { "QueryItem(\(SwiftLiteral.string($0.name)), \(SwiftNames.parameter($0.name)))" }.joined(separator: ", ") + "]"
        }
        if let body = endpoint.body {
            operation.parameters.append(.init(label: "body", name: "body", type: types.type(of: body, enumName: Inflector.upperCamel(endpoint.name) + "Body")))
            operation.body = "body"
        }
        operation.answer = endpoint.response.map { types.type(of: $0, enumName: Inflector.upperCamel(endpoint.name) + "Answer") }
        return operation
    }
}
