import Foundation
import Testing
@testable import KeelClient

/// Values travel as Keel services write and read them.
@Suite struct WireValueTests {
    @Test func datesAreCheckedAndPadded() throws {
        #expect(KeelDate("2024-02-29")?.description == "2024-02-29")
        #expect(KeelDate("2026-02-29") == nil)
        #expect(KeelDate("2026-1-01") == nil)
        #expect(KeelDate(year: 7, month: 3, day: 9)?.description == "0007-03-09")
        let decoded = try JSONDecoder().decode([KeelDate].self, from: Data(#"["2026-12-31"]"#.utf8))
        #expect(decoded == [KeelDate(year: 2026, month: 12, day: 31)])
    }

    @Test func decimalsKeepTheirDigits() throws {
        #expect(KeelDecimal("12.50")?.description == "12.50")
        #expect(KeelDecimal("-0.0001") != nil)
        #expect(KeelDecimal("1e5") == nil)
        #expect(KeelDecimal("12.") == nil)
        let decoded = try JSONDecoder().decode([KeelDecimal].self, from: Data(#"["9007199254740993.25", 9007199254740993]"#.utf8))
        #expect(decoded.map(\.description) == ["9007199254740993.25", "9007199254740993"])
        #expect(String(decoding: try ClientJSON.encoder().encode(["a": KeelDecimal("1.10")]), as: UTF8.self) == #"{"a":"1.10"}"#)
    }

    @Test func instantsHaveMicrosecondsInUTC() throws {
        let instant = Date(timeIntervalSince1970: 1_767_259_800.123456)
        #expect(WireTimestamp.format(instant) == "2026-01-01T09:30:00.123456Z")
        let parsed = try #require(WireTimestamp.parse("2026-01-01T09:30:00.123456Z"))
        #expect(abs(parsed.timeIntervalSince1970 - 1_767_259_800.123456) < 0.000_001)
        #expect(WireTimestamp.parse("2026-01-01T09:30:00Z") == Date(timeIntervalSince1970: 1_767_259_800))
        #expect(WireTimestamp.parse("2026-01-01 09:30") == nil)
    }

    @Test func queryStringsLeaveOutAbsentValuesAndEncodeTheRest() {
        enum Status: String, QueryValue { case signedIn = "signed_in" }
        let query = QueryItem.queryString([
            QueryItem("q", "mugs & cups"), QueryItem("limit", Int32(5)), QueryItem("missing", nil as Int64?), QueryItem("kind", Status.signedIn),
            QueryItem("on", KeelDate("2026-03-01")), QueryItem("open", true),
        ])
        #expect(query == "?q=mugs%20%26%20cups&limit=5&kind=signed_in&on=2026-03-01&open=true")
        #expect(QueryItem.queryString([QueryItem("a", nil as String?)]) == "")
        #expect(URLText.segment("a/b c") == "a%2Fb%20c")
    }
}
