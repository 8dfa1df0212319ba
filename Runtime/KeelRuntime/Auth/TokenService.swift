import Foundation
import JWTKit

/// Signs and verifies the bearer tokens of a service with one HMAC key.
public struct TokenService: TokenVerifying {
    /// The HMAC algorithms `JWT_ALGORITHM` may name.
    public enum Algorithm: String, Sendable, CaseIterable {
        case hs256 = "HS256", hs384 = "HS384", hs512 = "HS512"

        var digest: DigestAlgorithm {
            switch self {
            case .hs256: .sha256
            case .hs384: .sha384
            case .hs512: .sha512
            }
        }
    }

    private let keys: JWTKeyCollection
    /// How long an issued token stays valid.
    public let lifetime: Duration

    public init(secret: String, algorithm: Algorithm, lifetime: Duration) async {
        keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: algorithm.digest)
        self.lifetime = lifetime
    }

    public func issue(for principal: Principal, now: Date = Date()) async throws -> String {
        let claims = TokenClaims(sub: .init(value: principal.subject), exp: .init(value: now.addingTimeInterval(Double(lifetime.components.seconds))),
                                 roles: principal.roles, email: principal.email, jti: .init(value: UUID().uuidString))
        return try await keys.sign(claims)
    }

    /// The principal of a valid, unexpired token signed with this key; any other token is 401.
    public func verify(_ token: String) async throws -> Principal {
        let claims = try await self.claims(of: token)
        return Principal(subject: claims.sub.value, email: claims.email, roles: claims.roles ?? [])
    }

    /// The claims of a valid, unexpired token signed with this key; any other token is 401.
    func claims(of token: String) async throws -> TokenClaims {
        do {
            return try await keys.verify(token, as: TokenClaims.self)
        } catch {
            throw APIError(.unauthorized, code: "UNAUTHORIZED", detail: "The bearer token is invalid or expired")
        }
    }
}
