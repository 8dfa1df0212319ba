import KeelSpec

/// An endpoint every generated service serves whatever its spec: health, metrics, license, config, and with
/// local auth the login and user management.
///
/// The one list of them, so the OpenAPI document and the TypeScript client describe the same routes.
/// Bodies and answers name the shapes the runtime writes (`Token`, `User`, ...); each output spells those
/// shapes itself.
struct BuiltInEndpoint {
    /// The single path parameter of an endpoint.
    enum PathParameter {
        /// A user's `id` (64-bit integer).
        case id
        /// A setting's `key` (string).
        case key
    }

    /// What a successful answer carries.
    enum Answer {
        /// JSON of the named shape (an array of it when `list`).
        case json(status: String, description: String, shape: String, list: Bool = false)
        /// Prometheus text.
        case text(description: String)
        /// No body.
        case empty(status: String, description: String)
    }

    var method: String
    /// The full path, base path included.
    var path: String
    /// The operation's name in every output: OpenAPI operationId, client method.
    var operationId: String
    var summary: String
    var tag: String
    var requiresAuth: Bool
    var roles: [String] = []
    var pathParameter: PathParameter?
    /// Takes `limit` and `offset` (users: at most 200 a page, 50 by default).
    var paged = false
    /// The named shape of the JSON body, if any.
    var body: String?
    var answer: Answer
    /// The operations that take the `id` of what a successful answer created (OpenAPI links).
    var links: [String] = []
    /// Error statuses besides 401 (any secured endpoint) and 403 (one that needs a role).
    var errors: [Int] = []
    /// The description of a 503 whose body is the answer's shape, not the error envelope: the health checks
    /// answer it with `"status": "unhealthy"` and what is down.
    var unavailable: String?

    /// Whether an API client calls it; false for health checks and metrics, which orchestrators and Prometheus read.
    var servesClients = true

    /// The built-in endpoints of `spec`'s service, in a fixed order.
    static func all(_ spec: Spec) -> [BuiltInEndpoint] {
        let base = spec.service.basePath
        let secured = spec.service.auth != .none
        let admin = secured ? [spec.superuser] : []
        var endpoints = [
            BuiltInEndpoint(method: "get", path: "/healthz", operationId: "healthz", summary: "Liveness and database health", tag: "system",
                            requiresAuth: false, answer: .json(status: "200", description: "Healthy", shape: "Health"),
                            unavailable: "Unhealthy: the database does not answer", servesClients: false),
            BuiltInEndpoint(method: "get", path: "/readyz", operationId: "readyz", summary: "Ready to serve traffic", tag: "system",
                            requiresAuth: false, answer: .json(status: "200", description: "Ready", shape: "Health"),
                            unavailable: "Not ready: the database does not answer, or the service is shutting down", servesClients: false),
            BuiltInEndpoint(method: "get", path: "/metrics", operationId: "metrics", summary: "Prometheus metrics", tag: "system",
                            requiresAuth: false, answer: .text(description: "Metrics in the Prometheus text format"), servesClients: false),
            // Open to all, as SPEC.md lists it beside the health checks: a client may ask what it can use before logging in.
            BuiltInEndpoint(method: "get", path: "\(base)/license", operationId: "getLicense", summary: "Tier and features in force", tag: "system",
                            requiresAuth: false, answer: .json(status: "200", description: "The license in force", shape: "License")),
            BuiltInEndpoint(method: "get", path: "\(base)/config", operationId: "listConfig", summary: "Runtime settings (sensitive values masked)",
                            tag: "system", requiresAuth: secured, roles: admin,
                            answer: .json(status: "200", description: "Every setting", shape: "ConfigEntry", list: true)),
            BuiltInEndpoint(method: "put", path: "\(base)/config/{key}", operationId: "updateConfig", summary: "Change one runtime setting",
                            tag: "system", requiresAuth: secured, roles: admin, pathParameter: .key, body: "ConfigUpdate",
                            answer: .json(status: "200", description: "The changed setting", shape: "ConfigEntry"), errors: [400, 404, 422]),
        ]
        guard spec.service.auth == .local else { return endpoints }
        endpoints += [
            BuiltInEndpoint(method: "post", path: "\(base)/auth/login", operationId: "login", summary: "Exchange email and password for a token",
                            tag: "auth", requiresAuth: false, body: "LoginRequest",
                            answer: .json(status: "200", description: "A bearer token", shape: "Token"), errors: [400, 401, 422, 429]),
            BuiltInEndpoint(method: "post", path: "\(base)/auth/logout", operationId: "logout", summary: "Revoke the token of this request",
                            tag: "auth", requiresAuth: true, answer: .empty(status: "204", description: "The token is revoked")),
            BuiltInEndpoint(method: "get", path: "\(base)/auth/me", operationId: "me", summary: "The signed-in user", tag: "auth",
                            requiresAuth: true, answer: .json(status: "200", description: "The current user", shape: "User")),
            BuiltInEndpoint(method: "get", path: "\(base)/users", operationId: "listUsers", summary: "List users", tag: "users",
                            requiresAuth: true, roles: admin, paged: true,
                            answer: .json(status: "200", description: "A page of users", shape: "UserPage"), errors: [422]),
            BuiltInEndpoint(method: "post", path: "\(base)/users", operationId: "createUser", summary: "Create a user", tag: "users",
                            requiresAuth: true, roles: admin, body: "UserCreate",
                            answer: .json(status: "201", description: "The created user", shape: "User"),
                            links: ["getUser", "updateUser", "deleteUser"], errors: [400, 409, 422]),
            BuiltInEndpoint(method: "get", path: "\(base)/users/{id}", operationId: "getUser", summary: "Get one user", tag: "users",
                            requiresAuth: true, roles: admin, pathParameter: .id,
                            answer: .json(status: "200", description: "The user", shape: "User"), errors: [404]),
            BuiltInEndpoint(method: "patch", path: "\(base)/users/{id}", operationId: "updateUser", summary: "Change a user", tag: "users",
                            requiresAuth: true, roles: admin, pathParameter: .id, body: "UserPatch",
                            answer: .json(status: "200", description: "The updated user", shape: "User"), errors: [400, 404, 409, 422]),
            BuiltInEndpoint(method: "delete", path: "\(base)/users/{id}", operationId: "deleteUser", summary: "Delete a user", tag: "users",
                            requiresAuth: true, roles: admin, pathParameter: .id, answer: .empty(status: "204", description: "Deleted"), errors: [404, 409]),
        ]
        return endpoints
    }
}
