import KeelSpec

/// The endpoints every generated service has, whatever its spec (`BuiltInEndpoint`), and the shapes they speak.
enum BuiltInOperations {
    static func operations(_ spec: Spec) -> [OpenAPIOperation] {
        BuiltInEndpoint.all(spec).map(operation)
    }

    private static func operation(_ endpoint: BuiltInEndpoint) -> OpenAPIOperation {
        var operation = OpenAPIOperation(method: endpoint.method, path: endpoint.path, operationId: endpoint.operationId, summary: endpoint.summary,
                                         tag: endpoint.tag, requiresAuth: endpoint.requiresAuth, roles: endpoint.roles)
        switch endpoint.pathParameter {
        case .id?:
            operation.parameters = [OpenAPIOperation.parameter("id", in: "path", schema: OpenAPISchemas.scalar(for: ColumnType.id), required: true)]
        case .key?:
            operation.parameters = [OpenAPIOperation.parameter("key", in: "path", schema: .object([("type", "string")]), required: true)]
        case nil:
            break
        }
        if endpoint.paged {
            operation.parameters += OpenAPIOperation.pagingParameters(pageSize: 50, maxPageSize: 200)
        }
        operation.requestBody = endpoint.body.map { OpenAPIOperation.jsonBody(OpenAPISchemas.ref($0)) }
        switch endpoint.answer {
        case let .json(status, description, shape, list):
            let schema: StructuredValue = list ? .object([("type", "array"), ("items", OpenAPISchemas.ref(shape))]) : OpenAPISchemas.ref(shape)
            operation.responses = [(status, OpenAPIOperation.jsonResponse(description, schema, links: OpenAPIOperation.idLinks(to: endpoint.links)))]
            if let unavailable = endpoint.unavailable {
                operation.responses.append(("503", OpenAPIOperation.jsonResponse(unavailable, schema)))
            }
        case let .text(description):
            operation.responses = [("200", .object([
                ("description", .string(description)),
                ("content", .object([("text/plain", .object([("schema", .object([("type", "string")]))]))])),
            ]))]
        case let .empty(status, description):
            operation.responses = [(status, .object([("description", .string(description))]))]
        }
        operation.addErrors(endpoint.errors)
        return operation
    }

    static func schemas(_ spec: Spec) -> [(String, StructuredValue)] {
        let object = OpenAPISchemas.object
        let string: StructuredValue = .object([("type", "string")])
        let integer: StructuredValue = .object([("type", "integer")])
        let boolean: StructuredValue = .object([("type", "boolean")])
        let time: StructuredValue = .object([("type", "string"), ("format", "date-time")])
        let roles: StructuredValue = .object([("type", "string"), ("enum", .array(spec.roles.map(StructuredValue.string)))])
        var schemas: [(String, StructuredValue)] = [
            ("Health", object([
                ("status", .object([("type", "string"), ("enum", ["healthy", "unhealthy"])])),
                ("service", string), ("version", string),
                ("dependencies", .object([("type", "object"), ("additionalProperties", string)])),
                ("uptime_seconds", .object([("type", "number")])),
            ], ["status", "service", "version", "dependencies", "uptime_seconds"], false, nil)),
            ("License", object([
                ("tier", .object([("type", "string"), ("enum", .array(spec.tiers.map { .string($0.name) }))])),
                ("features", .object([("type", "array"), ("items", string)])),
                ("valid", boolean), ("expires_at", .object([("type", ["string", "null"]), ("format", "date-time")])),
                ("source", .object([("type", "string"), ("enum", ["development", "server", "cache", "expired"])])),
            ], ["tier", "features", "valid", "source"], false, nil)),
            ("ConfigEntry", object([
                ("config_key", string), ("config_value", .object([("type", ["string", "null"])])),
                ("config_type", .object([("type", "string"), ("enum", ["string", "integer", "boolean", "json"])])),
                ("category", string), ("description", .object([("type", ["string", "null"])])), ("is_sensitive", boolean),
                ("last_updated", time), ("updated_by", .object([("type", ["string", "null"])])), ("created_at", time),
            ], ["config_key", "config_value", "config_type", "category", "is_sensitive"], false, nil)),
            ("ConfigUpdate", object([("value", .object([]))], ["value"], true, nil)),
        ]
        guard spec.service.auth == .local else { return schemas }
        // The rules of UserRoutes and AuthRoutes: an account's email and password, and what a login reads.
        let noNUL: StructuredValue = .array([.object([("pattern", .string(OpenAPIRules.noNUL))])])
        let email: StructuredValue = .object([("type", "string"), ("maxLength", 254), ("pattern", .string(OpenAPIRules.ecmaPattern(#"^[^@\s]+@[^@\s]+$"#))), ("allOf", noNUL)])
        let password: StructuredValue = .object([("type", "string"), ("minLength", 8), ("maxLength", 72), ("pattern", .string(OpenAPIRules.noNUL)), ("writeOnly", true)])
        let loginEmail: StructuredValue = .object([("type", "string"), ("maxLength", 254), ("pattern", .string(OpenAPIRules.noNUL))])
        let loginPassword: StructuredValue = .object([("type", "string"), ("maxLength", 1024), ("pattern", .string(OpenAPIRules.noNUL)), ("writeOnly", true)])
        let roleList: StructuredValue = .object([("type", "array"), ("items", roles), ("minItems", 1)])
        schemas += [
            ("LoginRequest", object([("email", loginEmail), ("password", loginPassword)], ["email", "password"], true, nil)),
            ("Token", object([("access_token", string), ("token_type", .object([("type", "string"), ("const", "bearer")])), ("expires_in", integer)],
                             ["access_token", "token_type", "expires_in"], false, nil)),
            ("User", object([("id", .object([("type", "integer"), ("minimum", .integer(OpenAPIRules.firstID))])), ("email", email), ("roles", roleList), ("is_active", boolean), ("created_at", time)],
                            ["id", "email", "roles", "is_active", "created_at"], false, nil)),
            ("UserCreate", object([("email", email), ("password", password), ("roles", roleList), ("is_active", boolean)], ["email", "password"], true, nil)),
            ("UserPatch", object([("email", email), ("password", password), ("roles", roleList), ("is_active", boolean)], [], true, nil)),
            ("UserPage", OpenAPISchemas.page(of: "User")),
        ]
        return schemas
    }
}
