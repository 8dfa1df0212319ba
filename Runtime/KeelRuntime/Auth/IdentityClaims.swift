import JWTKit

/// The claims `auth: jwt` reads from an identity service's token: `sub` and `exp` (required), `roles` and `email`,
/// and the `nbf`, `iss` and `aud` that `ClaimRules` checks.
struct IdentityClaims: JWTPayload {
    var sub: SubjectClaim
    var exp: ExpirationClaim
    var nbf: NotBeforeClaim?
    var iss: IssuerClaim?
    var aud: AudienceClaim?
    var roles: [String]?
    var email: String?

    /// Nothing here: the time claims are judged by `ClaimRules`, which knows the leeway and runs after the signature.
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
