import KeelRuntime
import Testing

/// Bad identity-provider settings stop start-up with a message naming the variable.
struct IdentityProviderSettingsTests {
    static let url = "https://idp.example/.well-known/jwks.json"

    @Test(arguments: [
        ([:], "JWT_SECRET_KEY is not set: auth: jwt needs JWT_SECRET_KEY (the key shared with the identity service), JWT_JWKS_URL (where it publishes its keys), or both"),
        (["JWT_JWKS_URL": "idp.example/jwks"], "JWT_JWKS_URL=idp.example/jwks is not valid: use an http:// or https:// URL"),
        (["JWT_JWKS_URL": "ftp://idp.example/jwks"], "JWT_JWKS_URL=ftp://idp.example/jwks is not valid: use an http:// or https:// URL"),
        (["JWT_JWKS_URL": url, "JWT_SECRET_KEY": "short"], "JWT_SECRET_KEY is too short: use at least 32 characters to verify the identity service's tokens"),
        (["JWT_JWKS_URL": url, "JWT_AUDIENCE": "api,,web"], "JWT_AUDIENCE=api,,web is not valid: use one audience, or several separated by commas"),
        (["JWT_JWKS_URL": url, "JWT_LEEWAY_SECONDS": "301"], "JWT_LEEWAY_SECONDS=301 is not valid: use a whole number from 0 to 300"),
        (["JWT_JWKS_URL": url, "JWT_JWKS_REFRESH_SECONDS": "0"], "JWT_JWKS_REFRESH_SECONDS=0 is not valid: use a whole number from 1 to 3600"),
        (["JWT_JWKS_URL": url, "JWT_JWKS_CACHE_SECONDS": "5"], "JWT_JWKS_CACHE_SECONDS=5 is not valid: use a whole number from 60 to 86400"),
    ] as [([String: String], String)])
    func refused(environment: [String: String], message: String) {
        #expect(throws: ConfigurationError.self) { try AuthSettings(mode: .jwt, environment: environment, releaseMode: false) }
        do {
            _ = try AuthSettings(mode: .jwt, environment: environment, releaseMode: false)
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test func defaultsAndLists() throws {
        let settings = try #require(try AuthSettings(mode: .jwt, environment: ["JWT_JWKS_URL": Self.url, "JWT_AUDIENCE": " api , web"],
                                                     releaseMode: false).identityProvider)
        #expect(settings.sharedSecret == nil)
        #expect(settings.jwksURL == Self.url)
        #expect(settings.rules.audiences == ["api", "web"])
        #expect(settings.rules.issuer == nil)
        #expect(settings.rules.leeway == .seconds(60))
        #expect(settings.refreshInterval == .seconds(30))
        #expect(settings.cacheLifetime == .seconds(600))
        // The identity-provider settings are read only for auth: jwt.
        #expect(try AuthSettings(mode: .local, environment: ["JWT_LEEWAY_SECONDS": "999"], releaseMode: false).identityProvider == nil)
    }
}
