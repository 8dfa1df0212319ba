import Foundation

/// The license settings of INTEGRATIONS.md: `RELEASE_MODE` (default false), `LICENSE_KEY`, `LICENSE_SERVER_URL`
/// (default https://license.penguintech.io), `PRODUCT_NAME` (default the service name) and our own
/// `LICENSE_CACHE_PATH` (default `.keel-license.json` in the working directory).
public struct LicenseSettings: Sendable {
    public static let defaultServerURL = "https://license.penguintech.io"
    public static let defaultCachePath = ".keel-license.json"

    /// False: every feature is on and license checks are only logged. True: an invalid key stops start-up.
    public var releaseMode: Bool
    public var key: String?
    /// Without a trailing `/`, so API paths append to it.
    public var serverURL: String
    public var productName: String
    public var cachePath: String
    public var keepaliveInterval: Duration = .seconds(3600)
    /// How long the last good license stays in force while the server cannot be reached.
    public var gracePeriod: TimeInterval = 24 * 3600

    public init(environment: [String: String], serviceName: String) throws {
        let env = EnvironmentReader(environment)
        let releaseMode = try env.boolean("RELEASE_MODE", default: false)
        let key = env.string("LICENSE_KEY")
        if let key {
            // The key is a secret, so the message describes the format without echoing it.
            // INTEGRATIONS.md gives the pattern with six groups but the length (29) of five; both forms are accepted.
            guard key.wholeMatch(of: /PENG(?:-[A-Z0-9]{4}){5,6}/) != nil else {
                throw ConfigurationError("LICENSE_KEY is not valid: use PENG-XXXX-XXXX-XXXX-XXXX-XXXX, each X a capital letter or digit (a sixth -XXXX group is allowed)")
            }
        } else if releaseMode {
            throw ConfigurationError("LICENSE_KEY is not set: RELEASE_MODE=true needs a license key (PENG-XXXX-XXXX-XXXX-XXXX-XXXX)")
        }
        let url = env.string("LICENSE_SERVER_URL") ?? Self.defaultServerURL
        guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(),
              ["http", "https"].contains(scheme), parts.host?.isEmpty == false
        else {
            throw ConfigurationError("LICENSE_SERVER_URL=\(URLRedaction.redacted(url)) is not valid: use an http:// or https:// URL")
        }
        self.releaseMode = releaseMode
        self.key = key
        serverURL = url.hasSuffix("/") ? String(url.dropLast()) : url
        productName = env.string("PRODUCT_NAME") ?? serviceName
        cachePath = env.string("LICENSE_CACHE_PATH") ?? Self.defaultCachePath
    }
}
