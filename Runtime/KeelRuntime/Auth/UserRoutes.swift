import Hummingbird

/// Superuser-only `{base}/users`: list, create, get, patch and delete login accounts. Creating one counts against
/// the tier's `users` limit.
struct UserRoutes {
    let service: ServiceContext
    let users: UserStore

    /// New users are viewers (INTEGRATIONS.md), or hold the spec's last, least privileged role when it has no viewer.
    private var defaultRole: String { service.roles.contains("viewer") ? "viewer" : service.roles.last ?? "viewer" }
    private var passwordRule: FieldRule { FieldRule("password", .string(maxLength: 72), minLength: 8) }
    private var emailRule: FieldRule { FieldRule("email", .string(maxLength: 254), pattern: #"^[^@\s]+@[^@\s]+$"#) }

    /// The checked fields of a user body.
    private struct AccountFields {
        var email: String?
        var password: String?
        var isActive: Bool?

        init(_ values: ColumnValues) {
            for (column, value) in values {
                switch (column, value) {
                case ("email", .text(let text)): email = text
                case ("password", .text(let text)): password = text
                case ("is_active", .bool(let flag)): isActive = flag
                default: break
                }
            }
        }
    }

    func register(on group: RouterGroup<KeelRequestContext>) {
        group.get("/users") { request, _ in
            try await service.access.check(request, .superuser)
            let query = try QueryParameters(request, accepted: ["limit", "offset"])
            let limit = try query.integer("limit", default: 50, in: 1...200)
            let offset = try query.integer("offset", default: 0, in: 0...Int(Int32.max))
            let page = try await users.list(limit: limit, offset: offset)
            return try JSONResponse.make(ListPage(items: page.items, limit: limit, offset: offset, total: page.total))
        }
        group.post("/users") { request, context in
            try await service.access.check(request, .superuser)
            var body = try JSONBody.object(from: try await request.body.collect(upTo: context.maxUploadSize))
            let roles = try readRoles(body.removeValue(forKey: "roles")) ?? [defaultRole]
            let values = try BodyValidator.values(of: body, rules: [emailRule, passwordRule, FieldRule("is_active", .bool, hasDefault: true)], mode: .create)
            let fields = AccountFields(values)
            guard let email = fields.email, let password = fields.password else { throw APIError.validation([]) }
            let account = try await service.access.withinRowLimit(of: "users", model: service.licensing) { limit in
                try await users.create(email: email, password: password, roles: roles, isActive: fields.isActive ?? true, rowLimit: limit)
            }
            return try JSONResponse.make(account, status: .created, headers: [.location: service.basePath + "/users/" + String(account.id)])
        }
        group.get("/users/{id}") { request, context in
            try await service.access.check(request, .superuser)
            let id = try PathIdentifier.read(context, noun: "user")
            guard let account = try await users.find(id: id) else { throw PathIdentifier.missing("user", id) }
            return try JSONResponse.make(account)
        }
        group.patch("/users/{id}") { request, context in
            try await service.access.check(request, .superuser)
            let id = try PathIdentifier.read(context, noun: "user")
            var body = try JSONBody.object(from: try await request.body.collect(upTo: context.maxUploadSize))
            let roles = try readRoles(body.removeValue(forKey: "roles"))
            let fields = AccountFields(try BodyValidator.values(of: body, rules: [emailRule, passwordRule, FieldRule("is_active", .bool)], mode: .patch))
            guard let account = try await users.update(id: id, email: fields.email, password: fields.password, roles: roles, isActive: fields.isActive) else {
                throw PathIdentifier.missing("user", id)
            }
            return try JSONResponse.make(account)
        }
        group.delete("/users/{id}") { request, context in
            let caller = try await service.access.check(request, .superuser)
            let id = try PathIdentifier.read(context, noun: "user")
            guard caller?.subject != String(id) else {
                throw APIError(.conflict, code: "CONFLICT", detail: "You cannot delete your own account; another \(service.access.superuser) can")
            }
            guard try await users.delete(id: id) else { throw PathIdentifier.missing("user", id) }
            return Response(status: .noContent)
        }
    }

    /// `roles`: a non-empty array of the spec's roles.
    private func readRoles(_ json: JSONValue?) throws -> [String]? {
        guard let json else { return nil }
        guard case .array(let items) = json, !items.isEmpty else {
            throw APIError.validation([.init(field: "roles", message: "must be a non-empty array of: \(service.roles.joined(separator: ", "))")])
        }
        return try items.map { item in
            guard case .string(let role) = item, service.roles.contains(role) else {
                throw APIError.validation([.init(field: "roles", message: "each role must be one of: \(service.roles.joined(separator: ", "))")])
            }
            return role
        }
    }
}
