import ExampleService
import Foundation
import KeelRuntime
import KeelTestSupport
import Testing

/// `/healthz` follows the database without a restart, and `/metrics` counts the traffic.
@Suite(.serialized)
struct HealthTests {
    /// A PostgreSQL server of this test's own, so stopping it disturbs no other test.
    struct PrivatePostgres {
        let directory = NSTemporaryDirectory() + "keel-health-\(UUID().uuidString.prefix(8))"
        let port = 55_439

        /// Runs `scripts/db-servers.sh <command>` as a `ChildProcess`: Foundation's `Process` would wait for the
        /// server it starts, which inherits the descriptor `Process` watches for the script's exit.
        func run(_ command: String) async throws {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
            let run = try await ChildProcess.run(["scripts/db-servers.sh", command], in: root,
                                                 environment: ["KEEL_DB_DIR": directory, "KEEL_TEST_POSTGRES_PORT": String(port)])
            guard run.status == 0 else { throw HarnessError("db-servers.sh \(command) exited with status \(run.status): \(run.output)") }
        }
    }

    @Test func healthFollowsTheDatabaseWithoutARestart() async throws {
        let postgres = PrivatePostgres()
        try await postgres.run("postgres-start")
        do {
            try await Self.followTheDatabase(postgres)
        } catch {
            try? await postgres.run("postgres-stop")
            throw error
        }
        try await postgres.run("postgres-stop")
    }

    static func followTheDatabase(_ postgres: PrivatePostgres) async throws {
        var environment = try await ShopHarness.environment(.sqlite, name: "shop_health")
        environment.merge(["DB_TYPE": "postgres", "DB_HOST": "127.0.0.1", "DB_PORT": String(postgres.port), "DB_USER": "postgres", "DB_PASS": "", "DB_NAME": "postgres"]) { _, new in new }
        try await ShopHarness.run(environment) { client in
            #expect((try await client.send(.get, "/healthz")).status == .ok)
            try await postgres.run("postgres-stop")
            let down = try await client.send(.get, "/healthz")
            #expect(down.status == .serviceUnavailable)
            #expect(down.object["status"] as? String == "unhealthy")
            #expect((try await client.send(.get, "/readyz")).status == .serviceUnavailable)
            try await postgres.run("postgres-start")
            var back = try await client.send(.get, "/healthz")
            for _ in 0..<20 where back.status != .ok {
                try await Task.sleep(for: .milliseconds(250))
                back = try await client.send(.get, "/healthz")
            }
            #expect(back.status == .ok)
            #expect((back.object["dependencies"] as? [String: String])?["database"] == "healthy")
        }
    }

    @Test func metricsCountRequestsByRouteAndStatus() async throws {
        try await ShopHarness.run(try await ShopHarness.environment(.sqlite, name: "shop_metrics")) { client in
            let line = #"http_requests_total{method="GET",endpoint="/api/v1/categories",status="200"}"#
            func count() async throws -> Int {
                let text = String(decoding: try await client.send(.get, "/metrics").body, as: UTF8.self)
                return text.split(separator: "\n").first { $0.hasPrefix(line) }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
            }
            let before = try await count()
            for _ in 0..<3 { _ = try await client.send(.get, "/api/v1/categories") }
            #expect(try await count() == before + 3)
        }
    }

    @Test func configIsSeededMaskedTypedAndAudited() async throws {
        let environment = try await ShopHarness.environment(.sqlite, name: "shop_config", extra: ["SMTP_PASSWORD": "hunter2", "MAX_UPLOAD_MB": "25"])
        try await ShopHarness.run(environment) { client in
            let admin = try await client.login()
            let listed = try await client.send(.get, "/api/v1/config", token: admin)
            let entries = Dictionary(uniqueKeysWithValues: (listed.json as? [[String: Any]] ?? []).compactMap { entry in (entry["config_key"] as? String).map { ($0, entry) } })
            #expect(entries["smtp_password"]?["config_value"] as? String == "***SENSITIVE***")
            #expect(entries["max_upload_mb"]?["config_value"] as? String == "25")
            #expect(entries["maintenance_mode"]?["config_value"] as? String == "false")
            #expect(entries["smtp_host"]?["config_value"] is NSNull)
            let changed = try await client.send(.put, "/api/v1/config/max_upload_mb", json: ["value": 50], token: admin)
            #expect(changed.object["config_value"] as? String == "50")
            #expect(changed.object["updated_by"] as? String == ShopHarness.adminEmail)
            #expect((try await client.send(.put, "/api/v1/config/max_upload_mb", json: ["value": "fifty"], token: admin)).fieldErrors == ["value"])
            #expect((try await client.send(.put, "/api/v1/config/maintenance_mode", json: ["value": 1], token: admin)).fieldErrors == ["value"])
            #expect((try await client.send(.put, "/api/v1/config/nope", json: ["value": 1], token: admin)).status == .notFound)
            #expect(try await client.service.config.value(of: ShopServiceConfigKey.maxUploadMb.rawValue) == .integer(50))
        }
        // The database wins over the environment after the first start.
        var restarted = environment
        restarted["MAX_UPLOAD_MB"] = "99"
        try await ShopHarness.run(restarted) { client in
            let kept = try await client.service.config.value(of: "max_upload_mb")
            #expect(kept == .integer(50))
        }
    }
}
