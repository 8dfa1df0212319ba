import NIOConcurrencyHelpers
import NIOPosix
import Testing
@testable import KeelRuntime

/// What `OffLoopRelease` holds is freed off the event loop even when its holder goes on one.
struct OffLoopReleaseTests {
    /// Counts how often it is freed, and how often on an event loop thread.
    final class Probe: Sendable {
        let freed: NIOLockedValueBox<(all: Int, onLoop: Int)>

        init(_ freed: NIOLockedValueBox<(all: Int, onLoop: Int)>) {
            self.freed = freed
        }

        deinit {
            let onLoop = MultiThreadedEventLoopGroup.currentEventLoop != nil
            freed.withLockedValue { $0 = ($0.all + 1, $0.onLoop + (onLoop ? 1 : 0)) }
        }
    }

    /// The Dispatch thread that frees the value may finish before the event loop's thread has dropped its own
    /// references: if one is left there, that release is the last (CI, 2026-12-03: a trap in swift-otel's exporter).
    /// A race, so it runs many times.
    @Test func theLastReleaseNeverRunsOnAnEventLoop() async throws {
        let freed = NIOLockedValueBox((all: 0, onLoop: 0))
        let rounds = 3_000
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        for _ in 0..<rounds {
            let holder = NIOLockedValueBox(Optional(OffLoopRelease(Probe(freed))))
            try await loop.submit { holder.withLockedValue { $0 = nil } }.get()
        }
        for _ in 0..<1_000 where freed.withLockedValue({ $0.all }) < rounds {
            try await Task.sleep(for: .milliseconds(10))
        }
        let result = freed.withLockedValue { $0 }
        #expect(result.all == rounds)
        #expect(result.onLoop == 0)
    }
}
