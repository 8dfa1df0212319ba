import Testing
@testable import KeelClient

/// The documented defaults, and each `KEEL_DEP_<NAME>_*` variable overriding one setting.
@Suite struct ResilienceSettingsTests {
    @Test func defaultsWithoutVariables() throws {
        let settings = try DependencySettings(dependency: "catalog", environment: ["KEEL_DEP_OTHER_RETRIES": "7"])
        #expect(settings == DependencySettings())
        #expect(settings.timeout == .seconds(5))
        #expect(settings.retries == 2)
        #expect(settings.breakerFailures == 5)
        #expect(settings.breakerWindow == .seconds(10))
        #expect(settings.breakerCooldown == .seconds(5))
        #expect(settings.maxConnections == 8)
    }

    @Test func everyVariableOverridesItsSetting() throws {
        let environment = [
            "KEEL_DEP_CATALOG_SERVICE_TIMEOUT_MS": "1500",
            "KEEL_DEP_CATALOG_SERVICE_RETRIES": "0",
            "KEEL_DEP_CATALOG_SERVICE_BACKOFF_MS": "20",
            "KEEL_DEP_CATALOG_SERVICE_MAX_BACKOFF_MS": "400",
            "KEEL_DEP_CATALOG_SERVICE_BREAKER_FAILURES": "3",
            "KEEL_DEP_CATALOG_SERVICE_BREAKER_WINDOW_MS": "2000",
            "KEEL_DEP_CATALOG_SERVICE_BREAKER_COOLDOWN_MS": "750",
            "KEEL_DEP_CATALOG_SERVICE_MAX_CONNECTIONS": "2",
        ]
        let settings = try DependencySettings(dependency: "catalog-service", environment: environment)
        #expect(settings == DependencySettings(
            timeout: .milliseconds(1500), retries: 0, backoff: .milliseconds(20), maxBackoff: .milliseconds(400),
            breakerFailures: 3, breakerWindow: .seconds(2), breakerCooldown: .milliseconds(750), maxConnections: 2
        ))
    }

    @Test func aBadValueNamesItsVariable() {
        #expect(throws: DependencySettingsError.self) {
            try DependencySettings(dependency: "catalog", environment: ["KEEL_DEP_CATALOG_MAX_CONNECTIONS": "0"])
        }
        do {
            _ = try DependencySettings(dependency: "catalog", environment: ["KEEL_DEP_CATALOG_TIMEOUT_MS": "soon"])
            Issue.record("an unreadable timeout was accepted")
        } catch {
            #expect("\(error)" == "KEEL_DEP_CATALOG_TIMEOUT_MS=soon is not valid: use a whole number from 1 to 3600000")
        }
    }

    @Test func theConnectionBoundReachesTheHTTPClient() {
        let configuration = DependencySettings(timeout: .milliseconds(800), maxConnections: 3).httpClientConfiguration()
        #expect(configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit == 3)
        #expect(configuration.connectionPool.retryConnectionEstablishment == false)
        #expect(configuration.timeout.connect == .milliseconds(800))
    }
}
