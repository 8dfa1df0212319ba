import Foundation
@testable import KeelRuntime
import Testing

/// The text forms of instants: padded fields, microseconds, instants before 1970, and a round trip through the parser.
struct TimestampTextTests {
    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00.000000Z", "1970-01-01 00:00:00.000000"),
        (1_795_338_000.123456, "2026-11-22T09:00:00.123456Z", "2026-11-22 09:00:00.123456"),
        (-0.5, "1969-12-31T23:59:59.500000Z", "1969-12-31 23:59:59.500000"),
        (-59_011_459_199.5, "0100-01-01T00:00:00.500000Z", "0100-01-01 00:00:00.500000"),
    ])
    func formats(seconds: Double, iso: String, mysql: String) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(DatabaseTimestamp.iso8601(date) == iso)
        #expect(DatabaseTimestamp.mysql(date) == mysql)
        let parsed = Timestamp.parse(iso)
        #expect(parsed.map { abs($0.timeIntervalSince1970 - seconds) < 0.000_001 } == true, "\(iso)")
    }
}
