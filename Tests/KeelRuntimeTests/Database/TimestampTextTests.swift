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

    /// The day count agrees with the C library's `timegm` from year 1 to 9999, leap days and centuries included.
    @Test func daysSince1970MatchTheCLibrary() throws {
        var checked = 0
        for year in stride(from: 1, through: 9999, by: 7) {
            for (month, day) in [(1, 1), (2, 28), (2, 29), (3, 1), (12, 31)] {
                guard let date = CalendarDate(String(repeating: "0", count: 4 - String(year).count) + "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)")
                else { continue }
                var parts = tm()
                parts.tm_year = Int32(year - 1900)
                parts.tm_mon = Int32(month - 1)
                parts.tm_mday = Int32(day)
                #expect(date.daysSince1970 * 86_400 == timegm(&parts), "\(date)")
                checked += 1
            }
        }
        #expect(checked > 5_000)
    }

    /// Fractions of up to nine digits read as `Double` reads them.
    @Test(arguments: ["5", "123456", "000001", "999999999", "1", "25"])
    func fractions(digits: String) throws {
        let parsed = try #require(Timestamp.parse("1970-01-01T00:00:00.\(digits)Z"))
        #expect(parsed == Date(timeIntervalSince1970: try #require(Double("0." + digits))))
    }
}
