import CryptoExtras
import Foundation
import Hummingbird
import JWTKit
import Testing

/// A signing key of the identity provider in the tests: it signs tokens and is published as a JWK.
struct ProviderKey: Sendable {
    let kid: String
    let jwk: JWK
    let signer: JWTKeyCollection

    static func rsa(kid: String) async throws -> Self {
        let key = try Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048))
        let primitives = try key.publicKey.getKeyPrimitives()
        let jwk = JWK.rsa(.rs256, identifier: JWKIdentifier(string: kid), modulus: primitives.modulus.base64URL,
                          exponent: primitives.publicExponent.base64URL)
        return Self(kid: kid, jwk: jwk, signer: await JWTKeyCollection().add(rsa: key, digestAlgorithm: .sha256, kid: JWKIdentifier(string: kid)))
    }

    static func es256(kid: String) async throws -> Self {
        let key = ES256PrivateKey()
        let point = try #require(key.publicKey.parameters)
        let jwk = JWK.ecdsa(.es256, identifier: JWKIdentifier(string: kid), x: point.x, y: point.y, curve: .p256)
        return Self(kid: kid, jwk: jwk, signer: await JWTKeyCollection().add(ecdsa: key, kid: JWKIdentifier(string: kid)))
    }

    func sign(_ claims: ProviderClaims) async throws -> String {
        try await signer.sign(claims, kid: JWKIdentifier(string: kid))
    }
}

/// The claims an identity provider puts in a token; each test changes the one it is about.
struct ProviderClaims: JWTPayload {
    var sub = SubjectClaim(value: "user-7")
    var exp = ExpirationClaim(value: Date().addingTimeInterval(600))
    var nbf: NotBeforeClaim?
    var iss: IssuerClaim? = IssuerClaim(value: "https://idp.test")
    var aud: AudienceClaim? = AudienceClaim(value: ["things-api"])
    var roles: [String]? = ["reader"]

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// The key set the provider publishes, and how often it was fetched.
actor PublishedKeys {
    private var keys: [JWK]
    private(set) var fetches = 0
    /// While true the provider answers 503, as during an outage.
    private(set) var down = false

    init(_ keys: [ProviderKey]) {
        self.keys = keys.map(\.jwk)
    }

    func publish(_ keys: [ProviderKey]) {
        self.keys = keys.map(\.jwk)
    }

    func setDown(_ down: Bool) {
        self.down = down
    }

    /// The answer to one fetch: the key set, or 503 while down.
    func served() throws -> Response {
        fetches += 1
        guard !down else { return Response(status: .serviceUnavailable) }
        let body = String(decoding: try JSONEncoder().encode(JWKS(keys: keys)), as: UTF8.self)
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// The identity provider's HTTP server: `GET /jwks` on 127.0.0.1, a free port.
    nonisolated func application() -> some ApplicationProtocol {
        let router = Router()
        router.get("/jwks") { _, _ in try await self.served() }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }
}

extension Data {
    var base64URL: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
