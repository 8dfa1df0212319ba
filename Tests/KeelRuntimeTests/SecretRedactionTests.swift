import Foundation
import KeelRuntime
import KeelTestSupport
import Testing

/// Start-up errors name the setting at fault but never repeat a password or a sensitive value: they reach the logs.
struct SecretRedactionTests {
    @Test(arguments: [
        // Each fails URLComponents, so nothing can tell user, password and host apart.
        ("postgres://app:SECRET@db:port/shop", "postgres://***@db:port/shop"),
        ("mysql://app:SECRET/x@db/shop", "mysql://***@db/shop"),
        ("postgres://app:SECRET", "postgres://***"),
    ])
    func aURLThatDoesNotParseHidesItsCredentials(_ url: String, _ shown: String) {
        do {
            _ = try DatabaseConfiguration(url: TestSecrets.fill(url))
            Issue.record("\(url) was accepted")
        } catch {
            #expect("\(error)" == "database URL \(shown) does not parse: percent-encode special characters of the user name and password (%40 for @, %2F for /)")
        }
    }

    @Test func aURLOfAnotherSchemeHidesItsPassword() {
        do {
            _ = try DatabaseConfiguration(url: "oracle://app:\(TestSecrets.password)@db/shop")
            Issue.record("an oracle URL was accepted")
        } catch {
            #expect("\(error)" == "database URL oracle://app:***@db/shop: use postgres://, mysql:// (or mariadb://) or sqlite:")
        }
    }

    @Test func aSensitiveConfigValueOfTheWrongTypeIsNotEchoed() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("keel-secrets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try await DatabaseConnector.open(.sqlite(path: directory.appendingPathComponent("app.db").path))
        defer { Task { await database.close() } }
        let keys = [
            ConfigKey("payment_keys", env: "PAYMENT_KEYS", category: "billing", type: .json, sensitive: true),
            ConfigKey("max_upload_mb", env: "MAX_UPLOAD_MB", category: "uploads", type: .integer),
        ]
        let store = ConfigStore(database: database, keys: keys)
        do {
            try await store.bootstrap(environment: ["PAYMENT_KEYS": "{\(TestSecrets.password)"])
            Issue.record("a PAYMENT_KEYS that is not JSON was accepted")
        } catch {
            #expect("\(error)" == "PAYMENT_KEYS is not valid for config key payment_keys: use JSON (the value is not shown: the key is sensitive)")
        }
        // A value that is not sensitive is still shown: it is what the person has to fix.
        do {
            try await store.bootstrap(environment: ["MAX_UPLOAD_MB": "ten"])
            Issue.record("MAX_UPLOAD_MB=ten was accepted")
        } catch {
            #expect("\(error)" == "MAX_UPLOAD_MB=ten is not valid for config key max_upload_mb: use a whole number")
        }
    }

    @Test func aLicenseServerURLHidesItsPassword() {
        do {
            _ = try LicenseSettings(environment: ["LICENSE_SERVER_URL": "ftp://ops:\(TestSecrets.password)@license.example"], serviceName: "shop")
            Issue.record("an ftp license server was accepted")
        } catch {
            #expect("\(error)" == "LICENSE_SERVER_URL=ftp://ops:***@license.example is not valid: use an http:// or https:// URL")
        }
    }
}
