import KeelSpec

/// The endpoints every generated service has, whatever its spec: health, metrics, license, config and auth.
enum BuiltInOperations {
    static func operations(_ spec: Spec) -> [OpenAPIOperation] {
        let base = spec.service.basePath
        let secured = spec.service.auth != .none
        let admin = secured ? ["admin"] : []
        var operations: [OpenAPIOperation] = []
        func add(_ method: String, _ path: String, _ id: String, _ summary: String, tag: String, auth: Bool = false,
                 roles: [String] = [], response: (String, StructuredValue), errors: [Int] = [],
                 parameters: [StructuredValue] = [], body: StructuredValue? = nil) {
            var operation = OpenAPIOperation(method: method, path: path, operationId: id, summary: summary, tag: tag, requiresAuth: auth, roles: roles)
            operation.parameters = parameters
            operation.requestBody = body.map(OpenAPIOperation.jsonBody)
            operation.responses = [response]
            operation.addErrors(errors)
            operations.append(operation)
        }
        let json = { (description: String, schema: StructuredValue) in OpenAPIOperation.jsonResponse(description, schema) }
        let ref = OpenAPISchemas.ref
        add("get", "/healthz", "healthz", "Liveness and database health", tag: "system",
            response: ("200", json("Healthy", ref("Health"))), errors: [503])
        add("get", "/readyz", "readyz", "Ready to serve traffic", tag: "system",
            response: ("200", json("Ready", ref("Health"))), errors: [503])
        add("get", "/metrics", "metrics", "Prometheus metrics", tag: "system", response: ("200", .object([
            ("description", "Metrics in the Prometheus text format"),
            ("content", .object([("text/plain", .object([("schema", .object([("type", "string")]))]))])),
        ])))
        add("get", "\(base)/license", "getLicense", "Tier and features in force", tag: "system", auth: secured,
            response: ("200", json("The license in force", ref("License"))))
        add("get", "\(base)/config", "listConfig", "Runtime settings (sensitive values masked)", tag: "system", auth: secured, roles: admin,
            response: ("200", json("Every setting", .object([("type", "array"), ("items", ref("ConfigEntry"))]))))
        let keyParameter = OpenAPIOperation.parameter("key", in: "path", schema: .object([("type", "string")]), required: true)
        add("put", "\(base)/config/{key}", "updateConfig", "Change one runtime setting", tag: "system", auth: secured, roles: admin,
            response: ("200", json("The changed setting", ref("ConfigEntry"))), errors: [400, 404, 422],
            parameters: [keyParameter], body: ref("ConfigUpdate"))
        guard spec.service.auth == .local else { return operations }
        add("post", "\(base)/auth/login", "login", "Exchange email and password for a token", tag: "auth",
            response: ("200", json("A bearer token", ref("Token"))), errors: [400, 401, 422], body: ref("LoginRequest"))
        add("get", "\(base)/auth/me", "me", "The signed-in user", tag: "auth", auth: true,
            response: ("200", json("The current user", ref("User"))))
        let id = OpenAPIOperation.parameter("id", in: "path", schema: OpenAPISchemas.scalar(for: ColumnType.id), required: true)
        let page = [
            OpenAPIOperation.parameter("limit", in: "query", schema: .object([("type", "integer"), ("minimum", 1), ("maximum", 200), ("default", 50)]), required: false),
            OpenAPIOperation.parameter("offset", in: "query", schema: .object([("type", "integer"), ("minimum", 0), ("default", 0)]), required: false),
        ]
        add("get", "\(base)/users", "listUsers", "List users", tag: "users", auth: true, roles: admin,
            response: ("200", json("A page of users", ref("UserPage"))), errors: [422], parameters: page)
        add("post", "\(base)/users", "createUser", "Create a user", tag: "users", auth: true, roles: admin,
            response: ("201", json("The created user", ref("User"))), errors: [400, 409, 422], body: ref("UserCreate"))
        add("get", "\(base)/users/{id}", "getUser", "Get one user", tag: "users", auth: true, roles: admin,
            response: ("200", json("The user", ref("User"))), errors: [404], parameters: [id])
        add("patch", "\(base)/users/{id}", "updateUser", "Change a user", tag: "users", auth: true, roles: admin,
            response: ("200", json("The updated user", ref("User"))), errors: [400, 404, 409, 422], parameters: [id], body: ref("UserPatch"))
        add("delete", "\(base)/users/{id}", "deleteUser", "Delete a user", tag: "users", auth: true, roles: admin,
            response: ("204", .object([("description", "Deleted")])), errors: [404], parameters: [id])
        return operations
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
        let email: StructuredValue = .object([("type", "string"), ("format", "email"), ("maxLength", 254)])
        let password: StructuredValue = .object([("type", "string"), ("minLength", 8), ("maxLength", 72), ("writeOnly", true)])
        let roleList: StructuredValue = .object([("type", "array"), ("items", roles)])
        schemas += [
            ("LoginRequest", object([("email", email), ("password", password)], ["email", "password"], true, nil)),
            ("Token", object([("access_token", string), ("token_type", .object([("type", "string"), ("const", "bearer")])), ("expires_in", integer)],
                             ["access_token", "token_type", "expires_in"], false, nil)),
            ("User", object([("id", integer), ("email", email), ("roles", roleList), ("is_active", boolean), ("created_at", time)],
                            ["id", "email", "roles", "is_active", "created_at"], false, nil)),
            ("UserCreate", object([("email", email), ("password", password), ("roles", roleList), ("is_active", boolean)], ["email", "password"], true, nil)),
            ("UserPatch", object([("email", email), ("password", password), ("roles", roleList), ("is_active", boolean)], [], true, nil)),
            ("UserPage", OpenAPISchemas.page(of: "User")),
        ]
        return schemas
    }
}
