import Foundation

/// How a service authenticates (`service.auth` in the spec).
public enum AuthMode: String, Sendable {
    case none, local, jwt
}

/// The authentication settings of the environment; every error names the variable.
public struct AuthSettings: Sendable {
    public let mode: AuthMode
    /// The HMAC key the service signs its tokens with (`local`, `SECRET_KEY`); empty otherwise.
    public let secret: String
    /// True when `SECRET_KEY` was unset in development and a random key was made: tokens die with the process.
    public let secretIsEphemeral: Bool
    public let algorithm: TokenService.Algorithm
    /// The keys and claims an identity service's tokens are checked with (`jwt`); nil otherwise.
    public let identityProvider: IdentityProviderSettings?
    public let tokenLifetime: Duration
    /// The first admin, created on first start when no user exists (`local`).
    public let initialAdmin: (email: String, password: String)?
    public let bcryptCost: UInt8
    /// Failed logins allowed per account and per address before 429 (`auth: local`).
    let loginLimits: LoginLimits
    /// Behind the gateway: the client address is the last `X-Forwarded-For` entry (`TRUST_FORWARDED_FOR`).
    let trustsForwardedFor: Bool
    /// How long a replica trusts what it read of a token's account and revocation (`AUTH_STATE_SECONDS`).
    let accountStateLifetime: Duration

    public init(mode: AuthMode, environment: [String: String], releaseMode: Bool) throws {
        let env = EnvironmentReader(environment)
        self.mode = mode
        let minutes = try env.integer("ACCESS_TOKEN_EXPIRE_MINUTES", default: 60, in: 1...525_600)
        tokenLifetime = .seconds(minutes * 60)
        bcryptCost = UInt8(try env.integer("BCRYPT_COST", default: 12, in: 4...31))
        loginLimits = LoginLimits(perAccount: try env.integer("LOGIN_MAX_FAILURES_PER_ACCOUNT", default: 5, in: 1...1_000_000_000),
                                  perAddress: try env.integer("LOGIN_MAX_FAILURES_PER_ADDRESS", default: 20, in: 1...1_000_000_000),
                                  window: .seconds(try env.integer("LOGIN_FAILURE_WINDOW_SECONDS", default: 900, in: 1...86_400)))
        trustsForwardedFor = try env.boolean("TRUST_FORWARDED_FOR", default: false)
        accountStateLifetime = .seconds(try env.integer("AUTH_STATE_SECONDS", default: 30, in: 0...60))
        let algorithmName = try env.choice("JWT_ALGORITHM", default: "hs256", among: TokenService.Algorithm.allCases.map { $0.rawValue.lowercased() })
        // SPEC.md: a local service issues HS256 tokens; JWT_ALGORITHM is for verifying another issuer's.
        algorithm = mode == .jwt ? TokenService.Algorithm(rawValue: algorithmName.uppercased()) ?? .hs256 : .hs256
        identityProvider = mode == .jwt ? try IdentityProviderSettings(env, algorithm: algorithm) : nil
        switch mode {
        case .none, .jwt:
            secret = ""
            secretIsEphemeral = false
        case .local:
            if let key = env.string("SECRET_KEY") {
                secret = try Self.key(env, "SECRET_KEY", purpose: "sign tokens", value: key)
                secretIsEphemeral = false
            } else if releaseMode {
                throw ConfigurationError("SECRET_KEY is not set: RELEASE_MODE=true needs a key of at least 32 characters to sign tokens")
            } else {
                secret = (0..<4).map { _ in UUID().uuidString }.joined()
                secretIsEphemeral = true
            }
        }
        let email = env.string("ADMIN_EMAIL")
        let password = env.string("ADMIN_PASSWORD")
        switch (email, password) {
        case let (email?, password?):
            guard email.contains("@") else { throw ConfigurationError("ADMIN_EMAIL=\(email) is not valid: use an email address") }
            guard password.utf8.count >= 8, password.utf8.count <= 72 else {
                throw ConfigurationError("ADMIN_PASSWORD is not valid: use 8 to 72 bytes")
            }
            initialAdmin = (email.lowercased(), password)
        case (nil, nil):
            initialAdmin = nil
        default:
            throw ConfigurationError("\(email == nil ? "ADMIN_EMAIL" : "ADMIN_PASSWORD") is not set: set ADMIN_EMAIL and ADMIN_PASSWORD together")
        }
    }

    /// The key `name` holds, refused when shorter than 32 characters.
    static func key(_ env: EnvironmentReader, _ name: String, purpose: String, value: String? = nil) throws -> String {
        let key = try value ?? env.required(name)
        guard key.utf8.count >= 32 else { throw ConfigurationError("\(name) is too short: use at least 32 characters to \(purpose)") }
        return key
    }
}
