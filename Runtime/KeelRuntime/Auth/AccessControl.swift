import Hummingbird

/// Decides whether a request may run an operation: its token (401), its roles (403), the license (403
/// `FEATURE_NOT_LICENSED`) and the rate limit (429 `RATE_LIMITED`), in that order.
public struct AccessControl: Sendable {
    public let mode: AuthMode
    /// The role that may do everything (the spec's `superuser:`).
    public let superuser: String
    /// The service's own tokens (`auth: local`), which `/auth/login` issues.
    let tokens: TokenService?
    /// What accepts a bearer token: `tokens`, or an identity service's keys (`auth: jwt`).
    let verifier: (any TokenVerifying)?
    let license: LicenseManager
    /// With `auth: local`: the current state of each token's account, and logouts.
    let tokenStates: TokenStates?
    /// Nil: no rate limit applies.
    let rateLimits: RateLimits?

    public init(mode: AuthMode, superuser: String = "admin", tokens: TokenService?, license: LicenseManager) {
        self.init(mode: mode, superuser: superuser, tokens: tokens, verifier: tokens, license: license, tokenStates: nil, rateLimits: nil)
    }

    init(mode: AuthMode, superuser: String, tokens: TokenService?, verifier: (any TokenVerifying)?, license: LicenseManager,
         tokenStates: TokenStates?, rateLimits: RateLimits?) {
        self.mode = mode
        self.superuser = superuser
        self.tokens = tokens
        self.verifier = verifier
        self.license = license
        self.tokenStates = tokenStates
        self.rateLimits = rateLimits
    }

    /// The caller, when the rule needs one; throws the envelope error when the request may not proceed.
    @discardableResult
    public func check(_ request: Request, _ rule: AccessRule) async throws -> Principal? {
        var principal: Principal?
        if rule.requiresAuthentication, mode != .none {
            let caller = try await authenticate(request)
            let allowed = rule.superuserOnly ? [superuser] : rule.roles
            guard caller.mayAct(as: allowed, superuser: superuser) else {
                throw APIError(.forbidden, code: "FORBIDDEN", detail: "This operation needs one of the roles: \(allowed.joined(separator: ", "))")
            }
            principal = caller
        }
        if let feature = rule.feature, !license.current.includes(feature: feature) {
            throw APIError(.forbidden, code: "FEATURE_NOT_LICENSED", detail: "The license does not include the feature \(feature)", feature: feature)
        }
        try await rateLimits?.admit(rule, principal: principal)
        return principal
    }

    /// The principal of the request's bearer token; 401 without a valid one. With `auth: local` its roles are
    /// the account's current ones, and a revoked token or a disabled or deleted account is 401.
    public func authenticate(_ request: Request) async throws -> Principal {
        guard let verifier else { throw Self.noToken }
        let token = try Self.bearerToken(of: request)
        let claimed = try await verifier.verify(token)
        guard let tokenStates else { return claimed }
        return try await tokenStates.principal(for: token, claimed: claimed)
    }

    /// The token of the request's `Authorization: Bearer` header; 401 without one.
    static func bearerToken(of request: Request) throws -> String {
        guard let header = request.headers[.authorization] else { throw noToken }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw APIError(.unauthorized, code: "UNAUTHORIZED", detail: "The Authorization header must be Bearer <token>")
        }
        return String(parts[1])
    }

    private static let noToken = APIError(.unauthorized, code: "UNAUTHORIZED", detail: "This endpoint needs a bearer token: send Authorization: Bearer <token>")

    /// Runs a create under the licensed tier's row limit of `table`: `create` gets the limit (nil when the tier has
    /// none) and answers nil when the table is full, which is 403 TIER_LIMIT_REACHED.
    public func withinRowLimit<T>(of table: String, model: LicensingModel, _ create: (Int?) async throws -> T?) async throws -> T {
        let entitlements = license.current
        let limit = entitlements.rowLimit(for: table, model: model)
        guard let created = try await create(limit) else {
            throw APIError(.forbidden, code: "TIER_LIMIT_REACHED",
                           detail: "The \(entitlements.tier) tier allows at most \(CountText.of(limit ?? 0, "row")) in \(table); upgrade the license for more")
        }
        return created
    }
}
