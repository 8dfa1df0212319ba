import Logging
import KeelTestSupport
import Testing
@testable import KeelRuntime

/// The PostgreSQL pool's background log drops postgres-nio's start-up race warning and nothing else.
/// (CI, 2026-12-03, 7f2b4e0: the warning reached `keel import`'s output and failed ImportDatabaseTests.)
struct PoolStartLogHandlerTests {
    @Test func onlyTheStartRaceWarningIsDropped() {
        let seen = CapturedLog()
        var logger = PoolStartLogHandler.background(seen.logger(label: "keel.postgres"))
        logger[metadataKey: "pool"] = "main"
        logger.warning("\(PoolStartLogHandler.raceWarning)")
        logger.info("\(PoolStartLogHandler.raceWarning)")
        logger.warning("Connection creation failed")
        let lines = seen.all.map { "\($0.level) \($0.message)" + $0.metadata.map { " \($0.key)=\($0.value)" }.joined() }
        #expect(lines == ["info \(PoolStartLogHandler.raceWarning) pool=main", "warning Connection creation failed pool=main"])
    }
}
