import KeelRuntime
import Testing

/// SHUTDOWN_DRAIN_DELAY and SHUTDOWN_TIMEOUT (docs/runtime.md, Shutdown and rolling deploys); bench/rollout/run.sh
/// stops real replicas behind HAProxy with them.
struct ShutdownSettingsTests {
    @Test func defaultsFitUnderKubernetesGracePeriod() throws {
        #expect(try ShutdownSettings(environment: [:]) == ShutdownSettings(drainDelay: .seconds(5), timeout: .seconds(25)))
        #expect(try ShutdownSettings(environment: ["SHUTDOWN_DRAIN_DELAY": "0", "SHUTDOWN_TIMEOUT": "60"])
            == ShutdownSettings(drainDelay: .zero, timeout: .seconds(60)))
    }

    /// A short timeout alone shortens the default delay instead of failing start-up.
    @Test func defaultDelayStaysUnderAShortTimeout() throws {
        #expect(try ShutdownSettings(environment: ["SHUTDOWN_TIMEOUT": "3"]) == ShutdownSettings(drainDelay: .seconds(2), timeout: .seconds(3)))
    }

    @Test(arguments: [
        (["SHUTDOWN_TIMEOUT": "0"], "SHUTDOWN_TIMEOUT=0 is not valid: use a whole number from 1 to 3600"),
        (["SHUTDOWN_DRAIN_DELAY": "soon"], "SHUTDOWN_DRAIN_DELAY=soon is not valid: use a whole number from 0 to 3600"),
        (["SHUTDOWN_DRAIN_DELAY": "25"], "SHUTDOWN_DRAIN_DELAY=25 is not valid: it must be shorter than SHUTDOWN_TIMEOUT (25 s)"),
        (["SHUTDOWN_DRAIN_DELAY": "10", "SHUTDOWN_TIMEOUT": "5"], "SHUTDOWN_DRAIN_DELAY=10 is not valid: it must be shorter than SHUTDOWN_TIMEOUT (5 s)"),
    ])
    func namesTheBadVariable(_ environment: [String: String], _ message: String) {
        do {
            _ = try ShutdownSettings(environment: environment)
            Issue.record("\(environment) was accepted")
        } catch {
            #expect("\(error)" == message)
        }
    }
}
