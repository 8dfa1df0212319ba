/// Every environment variable the runtime reads, with its default: what `keel init` lists in `.env.example`.
///
/// The readers are `ServerSettings`, `DatabaseConfiguration`, `AuthSettings`, `IdentityProviderSettings` and
/// `LicenseSettings`; a test checks that this list names exactly the variables they read.
public enum RuntimeEnvironment {
    /// One variable: its name, the value it defaults to (empty when it has none) and what it sets.
    public struct Variable: Sendable, Equatable {
        public let name: String
        public let defaultValue: String
        public let meaning: String
    }

    /// A heading and its variables.
    public struct Group: Sendable {
        public let title: String
        public let variables: [Variable]
    }

    /// The variables a service with `auth` reads, grouped as docs/runtime.md groups them.
    public static func groups(auth: AuthMode) -> [Group] {
        var groups = [
            Group(title: "HTTP server", variables: [
                Variable(name: "HOST", defaultValue: "0.0.0.0", meaning: "address to listen on"),
                Variable(name: "PORT", defaultValue: "8080", meaning: "port to listen on"),
                Variable(name: "MAX_BODY_SIZE", defaultValue: String(ServerSettings.defaultMaximumBodySize), meaning: "largest request body in bytes"),
            ]),
            Group(title: "Database", variables: [
                Variable(name: "DB_TYPE", defaultValue: "sqlite", meaning: "sqlite, postgres or mysql"),
                Variable(name: "DB_PATH", defaultValue: DatabaseConfiguration.defaultSQLitePath, meaning: "the SQLite file"),
                Variable(name: "DB_HOST", defaultValue: "127.0.0.1", meaning: "PostgreSQL or MySQL server"),
                Variable(name: "DB_PORT", defaultValue: "", meaning: "default 5432 for postgres, 3306 for mysql"),
                Variable(name: "DB_USER", defaultValue: "", meaning: "required for postgres and mysql"),
                Variable(name: "DB_PASS", defaultValue: "", meaning: "the user's password"),
                Variable(name: "DB_NAME", defaultValue: "", meaning: "required for postgres and mysql"),
                Variable(name: "DB_POOL_SIZE", defaultValue: "10", meaning: "connections kept at most"),
                Variable(name: "GALERA_MODE", defaultValue: "false", meaning: "MariaDB Galera: causal reads and retries"),
                Variable(name: "DB_SSL_MODE", defaultValue: "prefer", meaning: "disable, prefer, require, verify-ca or verify-full"),
                Variable(name: "DB_SSL_ROOT_CERT", defaultValue: "", meaning: "PEM file of the CAs verify-ca and verify-full trust; default: the system's"),
            ]),
        ]
        switch auth {
        case .local:
            groups.append(Group(title: "Authentication", variables: [
                Variable(name: "SECRET_KEY", defaultValue: "", meaning: "signs tokens, at least 32 characters; unset: a random key per process (refused with RELEASE_MODE=true)"),
                Variable(name: "ACCESS_TOKEN_EXPIRE_MINUTES", defaultValue: "60", meaning: "token lifetime"),
                Variable(name: "BCRYPT_COST", defaultValue: "12", meaning: "bcrypt cost, 4 to 31"),
                Variable(name: "ADMIN_EMAIL", defaultValue: "", meaning: "the first admin, created when no user exists (set with ADMIN_PASSWORD)"),
                Variable(name: "ADMIN_PASSWORD", defaultValue: "", meaning: "8 to 72 bytes"),
                Variable(name: "LOGIN_MAX_FAILURES_PER_ACCOUNT", defaultValue: "5", meaning: "failed logins per email within the window before 429"),
                Variable(name: "LOGIN_MAX_FAILURES_PER_ADDRESS", defaultValue: "20", meaning: "failed logins per client address within the window before 429"),
                Variable(name: "LOGIN_FAILURE_WINDOW_SECONDS", defaultValue: "900", meaning: "the window failed logins count in"),
                Variable(name: "TRUST_FORWARDED_FOR", defaultValue: "false", meaning: "true only behind the gateway: the client address is the last X-Forwarded-For entry"),
                Variable(name: "AUTH_STATE_SECONDS", defaultValue: "30", meaning: "how long a replica trusts what it read of a token's account, 0 to 60"),
            ]))
        case .jwt:
            groups.append(Group(title: "Authentication", variables: [
                Variable(name: "JWT_SECRET_KEY", defaultValue: "", meaning: "the key shared with the identity service, at least 32 characters (this, JWT_JWKS_URL or both)"),
                Variable(name: "JWT_ALGORITHM", defaultValue: "HS256", meaning: "HS256, HS384 or HS512"),
                Variable(name: "JWT_JWKS_URL", defaultValue: "", meaning: "where the identity provider publishes its keys (RS256, ES256)"),
                Variable(name: "JWT_ISSUER", defaultValue: "", meaning: "the iss tokens must name; unset: any"),
                Variable(name: "JWT_AUDIENCE", defaultValue: "", meaning: "the aud tokens must name (several: comma-separated); unset: any"),
                Variable(name: "JWT_LEEWAY_SECONDS", defaultValue: "60", meaning: "how far past exp or before nbf a token still counts, 0 to 300"),
                Variable(name: "JWT_JWKS_REFRESH_SECONDS", defaultValue: "30", meaning: "least time between two fetches of the keys, 1 to 3600"),
                Variable(name: "JWT_JWKS_CACHE_SECONDS", defaultValue: "600", meaning: "how long fetched keys count before they are fetched again, 60 to 86400"),
            ]))
        case .none:
            break
        }
        groups.append(Group(title: "Licensing", variables: [
            Variable(name: "RELEASE_MODE", defaultValue: "false", meaning: "true: a valid LICENSE_KEY is required"),
            Variable(name: "LICENSE_KEY", defaultValue: "", meaning: "PENG-XXXX-XXXX-XXXX-XXXX-XXXX"),
            Variable(name: "LICENSE_SERVER_URL", defaultValue: LicenseSettings.defaultServerURL, meaning: "the license server"),
            Variable(name: "PRODUCT_NAME", defaultValue: "", meaning: "default: the service name"),
            Variable(name: "LICENSE_CACHE_PATH", defaultValue: LicenseSettings.defaultCachePath, meaning: "the last good license, for the grace period"),
        ]))
        return groups
    }
}
