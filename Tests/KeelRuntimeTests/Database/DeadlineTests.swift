@testable import KeelRuntime
import Testing

/// `/healthz` must answer while the database hangs: the ping gives up after its limit.
struct DeadlineTests {
    @Test func answersNilWhenTheWorkOutlastsTheLimit() async {
        let started = ContinuousClock.now
        let result = await Deadline.result(within: .milliseconds(100)) { () async -> Int in
            try? await Task.sleep(for: .seconds(120))
            return 1
        }
        #expect(result == nil)
        // Far below the work's two minutes, and far above a busy CI machine's scheduling delays.
        #expect(ContinuousClock.now - started < .seconds(60))
    }

    @Test func answersTheResultWhenTheWorkIsInTime() async {
        #expect(await Deadline.result(within: .seconds(5)) { 42 } == 42)
    }
}
