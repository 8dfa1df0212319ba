import Hummingbird

/// The built-in account endpoints of an `auth: local` service: login, me, and admin-only user management.
enum AuthRoutes {
    struct TokenAnswer: Encodable {
        let access_token: String
        let token_type = "bearer"
        let expires_in: Int
    }

    static func register(on group: RouterGroup<KeelRequestContext>, service: ServiceContext, users: UserStore, tokens: TokenService) {
        group.post("/auth/login") { request, context in
            let body = try JSONBody.object(from: try await request.body.collect(upTo: context.maxUploadSize))
            let values = try BodyValidator.values(of: body, rules: [FieldRule("email", .string(maxLength: 254)), FieldRule("password", .string(maxLength: 1024))], mode: .create)
            guard case .text(let email)? = values.first?.value, case .text(let password)? = values.last?.value,
                  let account = try await users.authenticate(email: email, password: password)
            else {
                throw APIError(.unauthorized, code: "INVALID_CREDENTIALS", detail: "The email or password is wrong, or the account is disabled")
            }
            let token = try await tokens.issue(for: account.principal)
            return try JSONResponse.make(TokenAnswer(access_token: token, expires_in: Int(tokens.lifetime.components.seconds)))
        }
        group.get("/auth/me") { request, _ in
            let principal = try await service.access.authenticate(request)
            guard let id = Int64(principal.subject), let account = try await users.find(id: id) else {
                throw APIError(.unauthorized, code: "UNAUTHORIZED", detail: "The token's user no longer exists")
            }
            return try JSONResponse.make(account)
        }
        UserRoutes(service: service, users: users).register(on: group)
    }
}
