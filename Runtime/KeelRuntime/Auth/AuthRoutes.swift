import Hummingbird

/// The built-in account endpoints of an `auth: local` service: login, logout, me, and admin-only user management.
enum AuthRoutes {
    struct TokenAnswer: Encodable {
        let access_token: String
        let token_type = "bearer"
        let expires_in: Int
    }

    static func register(on group: RouterGroup<KeelRequestContext>, service: ServiceContext, auth: LocalAuth, tokens: TokenService) {
        group.post("/auth/login") { request, context in
            let body = try JSONBody.object(from: try await request.body.collect(upTo: context.maxUploadSize))
            let values = try BodyValidator.values(of: body, rules: [FieldRule("email", .string(maxLength: 254)), FieldRule("password", .string(maxLength: 1024))], mode: .create)
            guard case .text(let email)? = values.first?.value, case .text(let password)? = values.last?.value else { throw APIError.validation([]) }
            let address = ClientAddress.of(request, context: context, trustingForwardedFor: auth.trustsForwardedFor)
            let account: UserAccount?
            do {
                account = try await auth.logIn(email: email, password: password, from: address)
            } catch let refusal as LoginThrottle.Refusal {
                return tooManyAttempts(refusal, traceID: context.traceID)
            }
            guard let account else {
                throw APIError(.unauthorized, code: "INVALID_CREDENTIALS", detail: "The email or password is wrong, or the account is disabled")
            }
            let token = try await tokens.issue(for: account.principal)
            return try JSONResponse.make(TokenAnswer(access_token: token, expires_in: Int(tokens.lifetime.components.seconds)))
        }
        group.post("/auth/logout") { request, _ in
            let principal = try await service.access.authenticate(request)
            let token = try AccessControl.bearerToken(of: request)
            try await auth.tokenStates.revoke(token, userID: principal.subject, expiresAt: try await tokens.claims(of: token).exp.value)
            return Response(status: .noContent)
        }
        group.get("/auth/me") { request, _ in
            let principal = try await service.access.authenticate(request)
            guard let id = Int64(principal.subject), let account = try await auth.users.find(id: id) else {
                throw APIError(.unauthorized, code: "UNAUTHORIZED", detail: "The token's user no longer exists")
            }
            return try JSONResponse.make(account)
        }
        UserRoutes(service: service, users: auth.users).register(on: group)
    }

    /// 429 in the error envelope, with the `RateLimit-*` and `Retry-After` headers of every other 429.
    private static func tooManyAttempts(_ refusal: LoginThrottle.Refusal, traceID: String) -> Response {
        let detail = refusal.byAddress
            ? "Too many failed logins from this address: try again in \(CountText.of(refusal.retryAfter, "second"))"
            : "Too many failed logins for this account: try again in \(CountText.of(refusal.retryAfter, "second"))"
        var error = APIError(.tooManyRequests, code: "TOO_MANY_ATTEMPTS", detail: detail)
        RateLimitOutcome(admitted: false, limit: refusal.limit, remaining: 0, reset: refusal.retryAfter).write(to: &error.headers)
        return ErrorEnvelopeMiddleware.response(for: error, traceID: traceID)
    }
}
