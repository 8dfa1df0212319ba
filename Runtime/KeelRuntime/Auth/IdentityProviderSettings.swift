import Foundation

/// What `auth: jwt` accepts: tokens signed with the key shared with the identity service (`JWT_SECRET_KEY`), with
/// the keys it publishes at `JWT_JWKS_URL`, or both, and the claims they must carry. Every error names the variable.
public struct IdentityProviderSettings: Sendable {
    /// The HMAC key shared with the identity service; nil when only published keys count.
    public let sharedSecret: String?
    /// The HMAC algorithm of shared-key tokens (`JWT_ALGORITHM`).
    public let algorithm: TokenService.Algorithm
    /// Where the identity provider publishes its public keys (RS256, ES256); nil when only the shared key counts.
    public let jwksURL: String?
    /// The `iss`, `aud` and time checks every token passes.
    public let rules: ClaimRules
    /// The least time between two fetches of the key set (`JWT_JWKS_REFRESH_SECONDS`): however many unknown `kid`s
    /// arrive, the provider sees at most one fetch per interval.
    public let refreshInterval: Duration
    /// How long fetched keys count before a token fetches them again (`JWT_JWKS_CACHE_SECONDS`), so a key the
    /// provider withdrew stops counting without a restart.
    public let cacheLifetime: Duration

    init(_ env: EnvironmentReader, algorithm: TokenService.Algorithm) throws {
        self.algorithm = algorithm
        if let url = env.string("JWT_JWKS_URL") {
            guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(),
                  ["http", "https"].contains(scheme), parts.host?.isEmpty == false
            else {
                throw ConfigurationError("JWT_JWKS_URL=\(URLRedaction.redacted(url)) is not valid: use an http:// or https:// URL")
            }
            jwksURL = url
        } else {
            jwksURL = nil
        }
        if let secret = env.string("JWT_SECRET_KEY") {
            sharedSecret = try AuthSettings.key(env, "JWT_SECRET_KEY", purpose: "verify the identity service's tokens", value: secret)
        } else if jwksURL == nil {
            throw ConfigurationError("JWT_SECRET_KEY is not set: auth: jwt needs JWT_SECRET_KEY (the key shared with the identity service), JWT_JWKS_URL (where it publishes its keys), or both")
        } else {
            sharedSecret = nil
        }
        var audiences: [String] = []
        if let list = env.string("JWT_AUDIENCE") {
            audiences = list.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard !audiences.contains("") else {
                throw ConfigurationError("JWT_AUDIENCE=\(list) is not valid: use one audience, or several separated by commas")
            }
        }
        rules = ClaimRules(issuer: env.string("JWT_ISSUER"), audiences: audiences,
                           leeway: .seconds(try env.integer("JWT_LEEWAY_SECONDS", default: 60, in: 0...300)))
        refreshInterval = .seconds(try env.integer("JWT_JWKS_REFRESH_SECONDS", default: 30, in: 1...3600))
        cacheLifetime = .seconds(try env.integer("JWT_JWKS_CACHE_SECONDS", default: 600, in: 60...86_400))
    }
}
