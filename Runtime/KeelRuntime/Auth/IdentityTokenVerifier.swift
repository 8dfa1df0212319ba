import JWTKit
import Logging

/// Verifies the tokens of an identity service (`auth: jwt`): HMAC tokens with the shared key, RS256 and ES256 tokens
/// with the published key their `kid` names; then the claims `ClaimRules` asks for. Any other token is 401.
struct IdentityTokenVerifier: TokenVerifying {
    /// The asymmetric algorithms accepted from published keys; naming them stops a token from picking another.
    static let publishedKeyAlgorithms: Set<String> = ["RS256", "ES256"]

    private let sharedKey: JWTKeyCollection?
    private let algorithm: TokenService.Algorithm
    private let publishedKeys: JWKSKeys?
    private let rules: ClaimRules

    /// Fetches the published keys once before the first request; a failure is logged and retried by later tokens.
    static func start(_ settings: IdentityProviderSettings, logger: Logger) async -> Self {
        var sharedKey: JWTKeyCollection?
        if let secret = settings.sharedSecret {
            sharedKey = await JWTKeyCollection().add(hmac: HMACKey(from: secret), digestAlgorithm: settings.algorithm.digest)
        }
        var publishedKeys: JWKSKeys?
        if let url = settings.jwksURL {
            let keys = JWKSKeys(fetch: JWKSFetch(url: url), refreshInterval: settings.refreshInterval,
                                cacheLifetime: settings.cacheLifetime, logger: logger)
            await keys.refresh()
            publishedKeys = keys
        }
        return Self(sharedKey: sharedKey, algorithm: settings.algorithm, publishedKeys: publishedKeys, rules: settings.rules)
    }

    func verify(_ token: String) async throws -> Principal {
        let claims = try await signedClaims(of: token)
        try rules.check(claims)
        return Principal(subject: claims.sub.value, email: claims.email, roles: claims.roles ?? [])
    }

    /// The claims of a token signed with a key this service accepts for the token's `alg`.
    private func signedClaims(of token: String) async throws -> IdentityClaims {
        guard let header = TokenHeader(of: token), let alg = header.alg else { throw Self.invalid }
        let keys: JWTKeyCollection
        if alg == algorithm.rawValue, let sharedKey {
            keys = sharedKey
        } else if Self.publishedKeyAlgorithms.contains(alg), let publishedKeys, let kid = header.kid,
                  let holding = await publishedKeys.keys(holding: kid) {
            keys = holding
        } else {
            throw Self.invalid
        }
        do {
            return try await keys.verify(token, as: IdentityClaims.self)
        } catch {
            throw Self.invalid
        }
    }

    private static let invalid = APIError(.unauthorized, code: "UNAUTHORIZED", detail: "The bearer token is invalid or expired")
}
