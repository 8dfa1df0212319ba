import Foundation

/// The claims a token from an identity provider must carry beyond its signature: the expected issuer and audience
/// (when set), and `exp` and `nbf` judged with a leeway for clocks that disagree a little.
public struct ClaimRules: Sendable {
    /// The `iss` a token must name (`JWT_ISSUER`); nil: any.
    public let issuer: String?
    /// A token's `aud` must name one of these (`JWT_AUDIENCE`); empty: any.
    public let audiences: [String]
    /// How far past `exp` or before `nbf` a token still counts (`JWT_LEEWAY_SECONDS`).
    public let leeway: Duration

    /// Throws the 401 that says which claim refused the token.
    func check(_ claims: IdentityClaims, now: Date = Date()) throws {
        let slack = TimeInterval(leeway.components.seconds)
        guard now.timeIntervalSince(claims.exp.value) <= slack else { throw Self.refusal("has expired") }
        if let notBefore = claims.nbf?.value, notBefore.timeIntervalSince(now) > slack {
            throw Self.refusal("is not valid yet")
        }
        if let issuer, claims.iss?.value != issuer { throw Self.refusal("comes from another issuer") }
        if !audiences.isEmpty, !(claims.aud?.value ?? []).contains(where: audiences.contains) {
            throw Self.refusal("is meant for another audience")
        }
    }

    private static func refusal(_ reason: String) -> APIError {
        APIError(.unauthorized, code: "UNAUTHORIZED", detail: "The bearer token \(reason)")
    }
}
