import Foundation
import KeelRuntime
import Testing

/// TLS to PostgreSQL and MariaDB as `scripts/db-servers.sh` serves it: certificates of its own test CA for
/// localhost only, and a user `keel_tls` whom both servers let in over TLS only.
@Suite(.serialized)
struct DatabaseTLSTests {
    static func environment(_ name: String) throws -> String {
        // A missing server is a failure, never a skip.
        try #require(ProcessInfo.processInfo.environment[name], "\(name) is not set: run the tests through scripts/test.sh")
    }

    static func server(_ dialect: DatabaseDialect, host: String = "localhost", _ mode: DatabaseTLS.Mode, ca: String? = "ca") throws -> DatabaseConfiguration {
        let tls = DatabaseTLS(mode: mode, rootCertificate: try ca.map { try environment("KEEL_TEST_TLS_DIR") + "/\($0).crt" })
        switch dialect {
        case .postgres:
            return .postgres(.init(host: host, port: Int(try environment("KEEL_TEST_POSTGRES_PORT")) ?? 0, user: "keel_tls", password: "", database: "postgres", poolSize: 2, tls: tls))
        default:
            return .mysql(.init(host: host, port: Int(try environment("KEEL_TEST_MYSQL_PORT")) ?? 0, user: "keel_tls", password: "", database: "mysql", poolSize: 2, tls: tls), galeraMode: false)
        }
    }

    /// Whether the connection the database hands out is encrypted, as the server sees it.
    static func isEncrypted(_ database: any Database) async throws -> Bool {
        switch database.dialect {
        case .postgres:
            return try await database.read("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").first?.values.first?.text == "true"
        default:
            let cipher = try await database.read("SELECT VARIABLE_VALUE FROM information_schema.SESSION_STATUS WHERE VARIABLE_NAME = 'SSL_CIPHER'")
            return !(cipher.first?.values.first?.text ?? "").isEmpty
        }
    }

    static func refusal(_ configuration: DatabaseConfiguration) async -> String? {
        do {
            let database = try await DatabaseConnector.open(configuration)
            defer { Task { await database.close() } }
            _ = try await database.read("SELECT 1")
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test(arguments: [DatabaseDialect.postgres, .mysql], [DatabaseTLS.Mode.prefer, .require, .verifyCA, .verifyFull])
    func connectsEncrypted(_ dialect: DatabaseDialect, _ mode: DatabaseTLS.Mode) async throws {
        let database = try await DatabaseConnector.open(try Self.server(dialect, mode, ca: mode.verifiesCertificate ? "ca" : nil))
        defer { Task { await database.close() } }
        #expect(try await Self.isEncrypted(database))
    }

    @Test(arguments: [DatabaseDialect.postgres, .mysql])
    func verifyFullRefusesAnotherCA(_ dialect: DatabaseDialect) async throws {
        let refusal = try #require(await Self.refusal(try Self.server(dialect, .verifyFull, ca: "other-ca")), "a server signed by an untrusted CA was accepted")
        #expect(refusal.contains("the server's certificate is not signed by a CA in DB_SSL_ROOT_CERT"), "\(refusal)")
    }

    @Test(arguments: [DatabaseDialect.postgres, .mysql])
    func verifyFullRefusesAnotherHostName(_ dialect: DatabaseDialect) async throws {
        // The certificate names localhost only; 127.0.0.1 reaches the same server under another name.
        let refusal = try #require(await Self.refusal(try Self.server(dialect, host: "127.0.0.1", .verifyFull)), "a certificate for another host was accepted")
        #expect(refusal.contains("the server's certificate does not name the host 127.0.0.1"), "\(refusal)")
        // verify-ca checks the CA only, so the same server is fine.
        let database = try await DatabaseConnector.open(try Self.server(dialect, host: "127.0.0.1", .verifyCA))
        defer { Task { await database.close() } }
        #expect(try await Self.isEncrypted(database))
    }

    @Test(arguments: [DatabaseDialect.postgres, .mysql])
    func aServerThatDemandsTLSRefusesDisable(_ dialect: DatabaseDialect) async throws {
        let refusal = try #require(await Self.refusal(try Self.server(dialect, .disable, ca: nil)), "a plain connection was let in")
        #expect(refusal.contains(dialect == .postgres ? "no encryption" : "Access denied"), "\(refusal)")
    }

    @Test func readsTheSettingsFromTheEnvironmentAndTheURL() throws {
        let ca = try Self.environment("KEEL_TEST_TLS_DIR") + "/ca.crt"
        let fromEnvironment = try DatabaseConfiguration(environment: [
            "DB_TYPE": "postgres", "DB_USER": "app", "DB_NAME": "shop", "DB_SSL_MODE": "verify-full", "DB_SSL_ROOT_CERT": ca,
        ])
        #expect(fromEnvironment == .postgres(.init(host: "127.0.0.1", port: 5432, user: "app", password: "", database: "shop", tls: DatabaseTLS(mode: .verifyFull, rootCertificate: ca))))
        #expect(try DatabaseConfiguration(environment: ["DB_TYPE": "mysql", "DB_USER": "app", "DB_NAME": "shop"]) == .mysql(.init(host: "127.0.0.1", port: 3306, user: "app", password: "", database: "shop", tls: DatabaseTLS(mode: .prefer)), galeraMode: false))
        // The URL's parameters win over the environment's.
        let fromURL = try DatabaseConfiguration(url: "mariadb://app@db/shop?sslmode=verify-ca&sslrootcert=\(ca)", environment: ["DB_SSL_MODE": "disable"])
        #expect(fromURL == .mysql(.init(host: "db", port: 3306, user: "app", password: "", database: "shop", tls: DatabaseTLS(mode: .verifyCA, rootCertificate: ca)), galeraMode: false))
    }

    @Test(arguments: [
        ("DB_SSL_MODE=on", "DB_SSL_MODE=on is not valid: use one of disable, prefer, require, verify-ca, verify-full"),
        ("DB_SSL_ROOT_CERT=/nonexistent/ca.pem", "DB_SSL_ROOT_CERT=/nonexistent/ca.pem cannot be read: give a PEM file of the CA certificates to trust"),
    ])
    func namesTheBadSetting(_ setting: String, _ message: String) {
        let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
        do {
            _ = try DatabaseConfiguration(environment: ["DB_TYPE": "postgres", "DB_USER": "app", "DB_NAME": "shop", parts[0]: parts[1]])
            Issue.record("\(setting) was accepted")
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test func aURLParameterOtherThanTheTLSOnesIsRefused() {
        do {
            _ = try DatabaseConfiguration(url: "postgres://app:pw@db/shop?sslmode=require&ssl=true")
            Issue.record("an unknown URL parameter was accepted")
        } catch {
            #expect("\(error)" == "database URL postgres://app:***@db/shop?sslmode=require&ssl=true: unknown parameter 'ssl'; use sslmode or sslrootcert")
        }
    }
}
