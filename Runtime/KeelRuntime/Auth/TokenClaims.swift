import JWTKit

/// The claims of the tokens a service issues (`auth: local`) or accepts (`auth: jwt`): `sub`, `exp` and `roles`;
/// a local token also has a random `jti`, so no two tokens are alike and a logout revokes only its own.
struct TokenClaims: JWTPayload {
    var sub: SubjectClaim
    var exp: ExpirationClaim
    var roles: [String]?
    var email: String?
    var jti: IDClaim?

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
    }
}
