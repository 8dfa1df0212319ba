import Foundation
import Logging
import Synchronization
import Testing
@testable import KeelRuntime

/// The PostgreSQL pool's background log drops postgres-nio's start-up race warning and nothing else.
/// (CI, 2026-12-03, 7f2b4e0: the warning reached `keel import`'s output and failed ImportDatabaseTests.)
struct PoolStartLogHandlerTests {
    @Test func onlyTheStartRaceWarningIsDropped() {
        let seen = Captured()
        var logger = PoolStartLogHandler.background(Logger(label: "keel.postgres") { _ in Captured.Handler(seen: seen) })
        logger[metadataKey: "pool"] = "main"
        logger.warning("\(PoolStartLogHandler.raceWarning)")
        logger.info("\(PoolStartLogHandler.raceWarning)")
        logger.warning("Connection creation failed")
        #expect(seen.lines == ["info \(PoolStartLogHandler.raceWarning) pool=main", "warning Connection creation failed pool=main"])
    }

    private final class Captured: Sendable {
        private let storage = Mutex<[String]>([])
        var lines: [String] { storage.withLock { $0 } }

        struct Handler: LogHandler {
            let seen: Captured
            var logLevel: Logger.Level = .info
            var metadata: Logger.Metadata = [:]

            subscript(metadataKey key: String) -> Logger.Metadata.Value? {
                get { metadata[key] }
                set { metadata[key] = newValue }
            }

            func log(event: LogEvent) {
                let line = "\(event.level) \(event.message)" + metadata.map { " \($0.key)=\($0.value)" }.joined()
                seen.storage.withLock { $0.append(line) }
            }
        }
    }
}
