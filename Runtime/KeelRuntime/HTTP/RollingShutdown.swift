import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// Runs the application until SIGTERM or SIGINT, then stops it so that a load balancer loses no request
/// (docs/runtime.md, Shutdown and rolling deploys):
/// 1. at once `/readyz` answers 503 and every answer carries `Connection: close`;
/// 2. after `SHUTDOWN_DRAIN_DELAY` (SIGTERM only: SIGINT, or a second signal, skips it) the listener closes, idle
///    connections close, and each busy one closes after its answer;
/// 3. when the last request is answered `run` returns, and the caller closes the database;
/// 4. `SHUTDOWN_TIMEOUT` after the signal the process exits with status 1 whatever is left, logging how many
///    requests it cut.
enum RollingShutdown {
    static func run(_ application: some Service, settings: ShutdownSettings, state: ShutdownState, logger: Logger) async throws {
        let group = ServiceGroup(configuration: .init(services: [application], logger: logger))
        let signals = await UnixSignalsSequence(trapping: .sigterm, .sigint)
        let (drains, drain) = AsyncStream.makeStream(of: Duration.self)
        try await withThrowingDiscardingTaskGroup { tasks in
            tasks.addTask {
                for await signal in signals {
                    guard !state.hasBegun else {
                        logger.info("\(signal) during the shutdown: closing the listener now")
                        await group.triggerGracefulShutdown()
                        continue
                    }
                    state.begin()
                    exit(after: settings.timeout, state: state, logger: logger)
                    let delay = signal == .sigterm ? settings.drainDelay : .zero
                    logger.info("\(signal): shutting down; /readyz answers 503, the listener closes in \(seconds(delay)) s, the process exits within \(seconds(settings.timeout)) s",
                                metadata: ["in_flight": "\(state.inFlight)"])
                    drain.yield(delay)
                }
            }
            tasks.addTask {
                for await delay in drains {
                    try? await Task.sleep(for: delay)
                    guard !Task.isCancelled else { return }
                    logger.info("closing the listener; waiting for the requests in flight", metadata: ["in_flight": "\(state.inFlight)"])
                    await group.triggerGracefulShutdown()
                    return
                }
            }
            try await group.run()
            drain.finish()
            tasks.cancelAll()
        }
    }

    /// The last line of a shutdown that finished in time: how long it took and what it answered meanwhile.
    static func logStopped(_ state: ShutdownState, logger: Logger) {
        guard let began = state.began else { return }
        logger.info("stopped \(seconds(ContinuousClock.now - began)) s after the signal",
                    metadata: ["answered_during_shutdown": "\(state.answeredDuringShutdown)"])
    }

    /// Arms the hard bound on a Dispatch timer, so that it fires even when every cooperative thread is busy.
    private static func exit(after timeout: Duration, state: ShutdownState, logger: Logger) {
        let (whole, fraction) = timeout.components
        DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(Int(whole) * 1_000_000_000 + Int(fraction / 1_000_000_000))) {
            let cut = state.inFlight
            logger.error("shutdown did not finish within SHUTDOWN_TIMEOUT (\(seconds(timeout)) s): exiting with \(cut) request\(cut == 1 ? "" : "s") cut",
                         metadata: ["requests_cut": "\(cut)"])
            // _exit, not exit: the event loops are still running, and atexit handlers could stall or crash under them.
            _exit(1)
        }
    }

    private static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
