import Foundation
import KeelRuntime
import KeelTestSupport
import Logging
import Synchronization
import Testing

/// The license settings, client and manager against the fake license server of INTEGRATIONS.md: tiers and
/// features, release mode's refusals, development mode, the cache and its 24 h grace, and the keepalive.
/// An unreachable server costs each validation the client's 10 s timeout (a refused connection is tried again until then).
struct LicenseManagerTests {
    static let key = "PENG-AB12-CD34-EF56-GH78-IJ90"
    static let unknownKey = "PENG-0000-0000-0000-0000-0000"
    static let model = LicensingModel(
        tiers: [
            .init(name: "community", rowLimits: ["users": 5, "teams": 1, "products": 100]),
            .init(name: "professional", rowLimits: ["users": 100, "products": 10000]),
            .init(name: "enterprise"),
        ],
        features: ["staff_directory": "community", "audit_logs": "professional", "advanced_analytics": "enterprise"]
    )
    /// Professional; the server also entitles `sso`, which the spec does not know, and withholds an enterprise feature.
    static let licenses = [key: FakeLicense(product: "shop", tier: "professional", features: [("audit_logs", true), ("advanced_analytics", false), ("sso", true)])]
    static let professionalFeatures = ["audit_logs", "sso", "staff_directory"]

    /// A clock the test moves.
    final class TestClock: Sendable {
        private let date = Mutex(Date())

        func advance(hours: Double) {
            date.withLock { $0 += hours * 3600 }
        }

        var now: @Sendable () -> Date {
            { self.date.withLock { $0 } }
        }
    }

    /// A cache file in a directory of its own, not created yet.
    static func cachePath() -> String {
        NSTemporaryDirectory() + "keel-license-\(UUID().uuidString)/license.json"
    }

    static func release(_ fake: FakeLicenseServer, cache: String, key: String = LicenseManagerTests.key) -> [String: String] {
        ["RELEASE_MODE": "true", "LICENSE_KEY": key, "LICENSE_SERVER_URL": fake.url, "LICENSE_CACHE_PATH": cache]
    }

    static func manager(_ environment: [String: String], clock: TestClock = TestClock()) throws -> LicenseManager {
        let settings = try LicenseSettings(environment: environment, serviceName: "shop")
        return LicenseManager(settings: settings, model: model, serviceVersion: "1.2.3", logger: Logger(label: "license-test"), now: clock.now)
    }

    /// The message start-up stops with, or nil when it started.
    static func startFailure(_ manager: LicenseManager) async -> String? {
        do {
            try await manager.start()
            return nil
        } catch {
            return "\(error)"
        }
    }

    func withFake(_ body: (FakeLicenseServer) async throws -> Void) async throws {
        let fake = try await FakeLicenseServer.start(licenses: Self.licenses)
        do {
            try await body(fake)
        } catch {
            await fake.stop()
            throw error
        }
        await fake.stop()
    }

    @Test func professionalLicenseBringsItsTierAndTheLowerOnes() async throws {
        try await withFake { fake in
            let cache = Self.cachePath()
            let manager = try Self.manager(Self.release(fake, cache: cache))
            try await manager.start()
            let current = manager.current
            #expect(current.tier == "professional")
            #expect(current.features == Self.professionalFeatures)
            #expect(current.enforced && current.source == "server")
            #expect(current.customer == "Example Customer")
            #expect(current.expiresAt?.hasSuffix("Z") == true)
            #expect(current.includes(feature: "audit_logs") && !current.includes(feature: "advanced_analytics"))
            #expect(current.rowLimit(for: "users", model: Self.model) == 100)
            #expect(current.rowLimit(for: "teams", model: Self.model) == nil)
            #expect(fake.validateCalls == 1)
            // The answer is cached, readable by the owner only.
            #expect(try LicenseCacheFile(path: cache).load()?.entitlements.features == Self.professionalFeatures)
            var info = stat()
            let found = stat(cache, &info)
            #expect(found == 0 && info.st_mode & 0o777 == 0o600)
        }
    }

    @Test func releaseModeRefusesARejectedKey() async throws {
        try await withFake { fake in
            let unknown = try Self.manager(Self.release(fake, cache: Self.cachePath(), key: Self.unknownKey))
            #expect(await Self.startFailure(unknown) == "LICENSE_KEY was rejected by the license server at \(fake.url) (HTTP 404): License key not found or expired")
            #expect(unknown.current.source == "expired" && unknown.current.features.isEmpty)
            var otherProduct = Self.release(fake, cache: Self.cachePath())
            otherProduct["PRODUCT_NAME"] = "warehouse"
            let unlicensed = try Self.manager(otherProduct)
            #expect(await Self.startFailure(unlicensed) == "LICENSE_KEY was rejected by the license server at \(fake.url) (HTTP 403): Product not licensed for this key (available products: shop)")
        }
    }

    @Test func developmentModeTurnsEverythingOn() async throws {
        try await withFake { fake in
            for key in [nil, Self.unknownKey] {
                var environment = ["LICENSE_SERVER_URL": fake.url, "LICENSE_CACHE_PATH": Self.cachePath()]
                environment["LICENSE_KEY"] = key
                let manager = try Self.manager(environment)
                try await manager.start()
                let current = manager.current
                #expect(current == Entitlements(tier: "enterprise", features: ["advanced_analytics", "audit_logs", "staff_directory"], enforced: false, source: "development"))
                #expect(current.includes(feature: "anything") && current.rowLimit(for: "users", model: Self.model) == nil)
            }
            // Only the set key was checked, and its rejection only logged.
            #expect(fake.validateCalls == 1)
        }
    }

    @Test func unreachableServerFallsBackToAFreshCache() async throws {
        try await withFake { fake in
            let environment = Self.release(fake, cache: Self.cachePath())
            try await Self.manager(environment).start()
            await fake.stop()
            let restarted = try Self.manager(environment)
            try await restarted.start()
            #expect(restarted.current.source == "cache")
            #expect(restarted.current.tier == "professional")
            #expect(restarted.current.features == Self.professionalFeatures)
        }
    }

    @Test func unreachableServerWithAStaleCacheRefusesToStart() async throws {
        try await withFake { fake in
            let environment = Self.release(fake, cache: Self.cachePath())
            try await Self.manager(environment).start()
            await fake.stop()
            let clock = TestClock()
            clock.advance(hours: 25)
            let stale = try Self.manager(environment, clock: clock)
            let message = await Self.startFailure(stale)
            #expect(message?.hasPrefix("license server unreachable and no cached license younger than 24 h") == true)
        }
    }

    @Test func refreshKeepsTheLicenseThroughTheGracePeriodOnly() async throws {
        try await withFake { fake in
            let clock = TestClock()
            let manager = try Self.manager(Self.release(fake, cache: Self.cachePath()), clock: clock)
            try await manager.start()
            await fake.stop()
            clock.advance(hours: 23)
            await manager.refresh()
            #expect(manager.current.source == "server")
            #expect(manager.current.features == Self.professionalFeatures)
            clock.advance(hours: 2)
            await manager.refresh()
            let current = manager.current
            #expect(current.source == "expired" && current.tier == "community" && current.enforced)
            #expect(current.features.isEmpty && !current.includes(feature: "staff_directory"))
            #expect(current.rowLimit(for: "users", model: Self.model) == 5)
        }
    }

    @Test func keepaliveReachesTheServerWithTheKey() async throws {
        try await withFake { fake in
            var settings = try LicenseSettings(environment: Self.release(fake, cache: Self.cachePath()), serviceName: "shop")
            settings.keepaliveInterval = .milliseconds(20)
            let manager = LicenseManager(settings: settings, model: Self.model, serviceVersion: "1.2.3", logger: Logger(label: "license-test"))
            try await manager.start()
            let keepalive = Task { await manager.runKeepalive() }
            let deadline = ContinuousClock.now + .seconds(10)
            while fake.keepaliveCalls == 0, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            keepalive.cancel()
            await keepalive.value
            // The fake counts only keepalives with a known key and the documented body.
            #expect(fake.keepaliveCalls >= 1)
            let stranger = LicenseServerClient(serverURL: fake.url, productName: "shop", key: Self.unknownKey)
            do {
                try await stranger.keepalive(KeepaliveReport(serverID: "server-1", hostname: "host", version: "1.2.3", uptimeSeconds: 1))
                Issue.record("a keepalive with an unknown key was accepted")
            } catch {
                #expect(error as? LicenseServerError == LicenseServerError.rejected(status: 404, message: "License key not found or expired"))
            }
        }
    }

    @Test func settingsDefaultsAndOverrides() throws {
        let defaults = try LicenseSettings(environment: [:], serviceName: "shop")
        #expect(!defaults.releaseMode && defaults.key == nil)
        #expect(defaults.serverURL == "https://license.penguintech.io")
        #expect(defaults.productName == "shop" && defaults.cachePath == ".keel-license.json")
        #expect(defaults.keepaliveInterval == .seconds(3600) && defaults.gracePeriod == 24 * 3600)
        let custom = try LicenseSettings(
            environment: ["RELEASE_MODE": "true", "LICENSE_KEY": Self.key, "PRODUCT_NAME": "shop-pro", "LICENSE_SERVER_URL": "http://127.0.0.1:9000/", "LICENSE_CACHE_PATH": "/data/license.json"],
            serviceName: "shop"
        )
        #expect(custom.releaseMode && custom.key == Self.key && custom.productName == "shop-pro")
        #expect(custom.serverURL == "http://127.0.0.1:9000" && custom.cachePath == "/data/license.json")
    }

    @Test(arguments: [
        (["LICENSE_KEY": "PENG-AB12-CD34"], "LICENSE_KEY is not valid: use PENG-XXXX-XXXX-XXXX-XXXX-XXXX, each X a capital letter or digit (a sixth -XXXX group is allowed)"),
        (["RELEASE_MODE": "true", "LICENSE_KEY": "peng-ab12-cd34-ef56-gh78-ij90"], "LICENSE_KEY is not valid: use PENG-XXXX-XXXX-XXXX-XXXX-XXXX, each X a capital letter or digit (a sixth -XXXX group is allowed)"),
        (["RELEASE_MODE": "true"], "LICENSE_KEY is not set: RELEASE_MODE=true needs a license key (PENG-XXXX-XXXX-XXXX-XXXX-XXXX)"),
        (["RELEASE_MODE": "maybe"], "RELEASE_MODE=maybe is not valid: use true or false"),
        (["LICENSE_SERVER_URL": "license.penguintech.io"], "LICENSE_SERVER_URL=license.penguintech.io is not valid: use an http:// or https:// URL"),
    ])
    func settingsNameTheBadVariable(_ environment: [String: String], _ message: String) {
        do {
            _ = try LicenseSettings(environment: environment, serviceName: "shop")
            Issue.record("\(environment) was accepted")
        } catch {
            #expect("\(error)" == message)
        }
    }
}
