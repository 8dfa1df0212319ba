import JWTKit

/// The claims of the tokens a service issues (`auth: local`) or accepts (`auth: jwt`): `sub`, `exp` and `roles`.
struct TokenClaims: JWTPayload {
    var sub: SubjectClaim
    var exp: ExpirationClaim
    var roles: [String]?
    var email: String?

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
    }
}
