/// Turns a bearer token into its caller: `TokenService` for the tokens a service issues itself (`auth: local`),
/// `IdentityTokenVerifier` for an identity service's (`auth: jwt`).
protocol TokenVerifying: Sendable {
    /// The principal of an acceptable token; any other token is 401 `UNAUTHORIZED`.
    func verify(_ token: String) async throws -> Principal
}
