import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JWTKit
import KeelRuntime
import KeelTestSupport
import Logging
import Testing

/// `auth: jwt` with an identity provider: tokens signed with keys served at `JWT_JWKS_URL` (RS256, ES256) or with the
/// shared HS256 key count when their `iss`, `aud` and times pass; the provider rotates its keys without a restart.
struct IdentityProviderTests {
    static let server = KeelServer(
        description: ServiceDescription(
            identity: ServiceIdentity(name: "things", version: "1.0.0", basePath: "/api", corsOrigins: []),
            auth: .jwt, roles: ["admin", "reader"], superuser: "admin", licensing: LicensingModel(tiers: [])
        ),
        migrations: { _ in [] },
        routes: { api, service in
            api.get("/whoami") { request, _ -> String in
                try await service.access.check(request, AccessRule(authenticated: true, roles: ["reader"]))?.subject ?? ""
            }
        }
    )

    static let sharedSecret = String(repeating: "s", count: 40)

    static func environment(jwksPort: Int) -> [String: String] {
        ["DB_TYPE": "sqlite", "DB_PATH": NSTemporaryDirectory() + "keel-idp-\(UUID().uuidString).sqlite", "PORT": "0",
         "JWT_JWKS_URL": "http://127.0.0.1:\(jwksPort)/jwks", "JWT_SECRET_KEY": sharedSecret,
         "JWT_ISSUER": "https://idp.test", "JWT_AUDIENCE": "other-api, things-api", "JWT_JWKS_REFRESH_SECONDS": "1"]
    }

    /// The status and `detail` of `GET /api/whoami` with `token`, and the subject on 200.
    static func call(_ client: some TestClientProtocol, _ token: String) async throws -> (status: HTTPResponse.Status, text: String) {
        try await client.execute(uri: "/api/whoami", method: .get, headers: [.authorization: "Bearer \(token)"]) { response in
            let body = String(buffer: response.body)
            guard response.status != .ok else { return (response.status, body) }
            let detail = (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])?["detail"] as? String
            return (response.status, detail ?? body)
        }
    }

    @Test func publishedAndSharedKeysVerifyAndClaimsAreChecked() async throws {
        let rsa = try await ProviderKey.rsa(kid: "rsa-1")
        let ec = try await ProviderKey.es256(kid: "ec-1")
        let published = PublishedKeys([rsa, ec])
        try await published.application().test(.live) { provider in
            let started = try await Self.server.start(environment: Self.environment(jwksPort: try #require(provider.port)), logger: Logger(label: "test"))
            defer { Task { await started.database.close() } }
            // Start-up fetched the keys once.
            #expect(await published.fetches == 1)
            try await started.application.test(.live) { client in
                #expect(try await Self.call(client, rsa.sign(ProviderClaims())) == (.ok, "user-7"))
                #expect(try await Self.call(client, ec.sign(ProviderClaims())) == (.ok, "user-7"))
                // The shared HS256 key of today still counts, under the same claim checks.
                let shared = await JWTKeyCollection().add(hmac: HMACKey(from: Self.sharedSecret), digestAlgorithm: .sha256)
                #expect(try await Self.call(client, shared.sign(ProviderClaims())) == (.ok, "user-7"))

                var claims = ProviderClaims()
                claims.iss = IssuerClaim(value: "https://evil.test")
                #expect(try await Self.call(client, rsa.sign(claims)) == (.unauthorized, "The bearer token comes from another issuer"))
                claims = ProviderClaims()
                claims.iss = nil
                #expect(try await Self.call(client, ec.sign(claims)) == (.unauthorized, "The bearer token comes from another issuer"))
                claims = ProviderClaims()
                claims.aud = AudienceClaim(value: ["billing-api"])
                #expect(try await Self.call(client, ec.sign(claims)) == (.unauthorized, "The bearer token is meant for another audience"))
                claims.aud = AudienceClaim(value: ["billing-api", "things-api"])
                #expect(try await Self.call(client, ec.sign(claims)).status == .ok)

                // exp and nbf count with 60 s of leeway: 30 s off passes, 120 s off does not.
                claims = ProviderClaims()
                claims.exp = ExpirationClaim(value: Date().addingTimeInterval(-120))
                #expect(try await Self.call(client, rsa.sign(claims)) == (.unauthorized, "The bearer token has expired"))
                #expect(try await Self.call(client, shared.sign(claims)) == (.unauthorized, "The bearer token has expired"))
                claims.exp = ExpirationClaim(value: Date().addingTimeInterval(-30))
                #expect(try await Self.call(client, rsa.sign(claims)).status == .ok)
                claims = ProviderClaims()
                claims.nbf = NotBeforeClaim(value: Date().addingTimeInterval(120))
                #expect(try await Self.call(client, ec.sign(claims)) == (.unauthorized, "The bearer token is not valid yet"))
                claims.nbf = NotBeforeClaim(value: Date().addingTimeInterval(30))
                #expect(try await Self.call(client, ec.sign(claims)).status == .ok)

                // Signed by a key the provider does not publish, or by another key under a published kid, or by none.
                let stranger = try await ProviderKey.es256(kid: "ec-unknown")
                #expect(try await Self.call(client, stranger.sign(ProviderClaims())) == (.unauthorized, "The bearer token is invalid or expired"))
                let impostor = try await ProviderKey.rsa(kid: "rsa-1")
                #expect(try await Self.call(client, impostor.sign(ProviderClaims())).status == .unauthorized)
                let unsigned = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + Data(try JSONEncoder().encode(ProviderClaims())).base64URL + "."
                #expect(try await Self.call(client, unsigned).status == .unauthorized)
                // An RS256 header cannot make the service check an HMAC signature with a published key, nor the reverse.
                let sharedAsRSA = try await shared.sign(ProviderClaims(), header: ["alg": "RS256", "kid": "rsa-1"])
                #expect(try await Self.call(client, sharedAsRSA).status == .unauthorized)
            }
        }
    }

    @Test func rotatedKeysCountWithoutRestartAndUnknownKidsFetchAtMostOncePerInterval() async throws {
        let first = try await ProviderKey.rsa(kid: "rsa-1")
        let ec = try await ProviderKey.es256(kid: "ec-1")
        let published = PublishedKeys([first, ec])
        try await published.application().test(.live) { provider in
            let started = try await Self.server.start(environment: Self.environment(jwksPort: try #require(provider.port)), logger: Logger(label: "test"))
            defer { Task { await started.database.close() } }
            try await started.application.test(.live) { client in
                #expect(try await Self.call(client, first.sign(ProviderClaims())).status == .ok)

                // A flood of unknown kids, past the interval since start-up's fetch: one fetch per
                // JWT_JWKS_REFRESH_SECONDS (1 s) at most, each token a 401.
                try await Task.sleep(for: .milliseconds(1100))
                let before = await published.fetches
                let flood = ContinuousClock.now
                for index in 0..<200 {
                    let stranger = try await ProviderKey.es256(kid: "unknown-\(index)")
                    #expect(try await Self.call(client, stranger.sign(ProviderClaims())).status == .unauthorized)
                }
                let seconds = Int((ContinuousClock.now - flood).components.seconds)
                let fetched = await published.fetches - before
                #expect(fetched >= 1 && fetched <= seconds + 1, "\(fetched) fetches in \(seconds) s")

                // The provider rotates: rsa-1 is withdrawn, rsa-2 signs from now on.
                let second = try await ProviderKey.rsa(kid: "rsa-2")
                await published.publish([second, ec])
                try await Task.sleep(for: .milliseconds(1100))
                #expect(try await Self.call(client, second.sign(ProviderClaims())) == (.ok, "user-7"))
                #expect(try await Self.call(client, ec.sign(ProviderClaims())).status == .ok)
                #expect(try await Self.call(client, first.sign(ProviderClaims())) == (.unauthorized, "The bearer token is invalid or expired"))
            }
        }
    }

    @Test func aProviderDownAtStartIsFetchedAgainOnceItAnswers() async throws {
        let key = try await ProviderKey.es256(kid: "ec-1")
        let published = PublishedKeys([key])
        await published.setDown(true)
        try await published.application().test(.live) { provider in
            var environment = Self.environment(jwksPort: try #require(provider.port))
            environment["JWT_SECRET_KEY"] = nil
            // The provider's outage does not stop start-up; its tokens are 401 until a fetch succeeds.
            let started = try await Self.server.start(environment: environment, logger: Logger(label: "test"))
            defer { Task { await started.database.close() } }
            try await started.application.test(.live) { client in
                #expect(try await Self.call(client, key.sign(ProviderClaims())).status == .unauthorized)
                await published.setDown(false)
                try await Task.sleep(for: .milliseconds(1100))
                #expect(try await Self.call(client, key.sign(ProviderClaims())) == (.ok, "user-7"))
            }
            // The failed fetch at start-up and the one that succeeded; a slow run may see one more refresh.
            let fetches = await published.fetches
            #expect((2...3).contains(fetches), "\(fetches) fetches")
        }
    }
}
