import Foundation

/// The text forms of instants the drivers exchange with databases that have no binary timestamp binding.
enum DatabaseTimestamp {
    /// `2026-11-22T05:00:00.123456Z`: SQLite's stored form (sorts as text, keeps microseconds).
    static func iso8601(_ date: Date) -> String {
        format(date, separator: "T", suffix: "Z")
    }

    /// `2026-11-22T05:00:00.123Z`, what SQLite's `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')` writes, for an instant on a
    /// whole millisecond; nil for any other.
    static func millisecondForm(_ date: Date) -> String? {
        let text = iso8601(date)
        guard text.hasSuffix("000Z") else { return nil }
        return String(text.dropLast(4)) + "Z"
    }

    /// `2026-11-22 05:00:00.123456`: what MySQL's DATETIME(6) takes, in UTC.
    static func mysql(_ date: Date) -> String {
        format(date, separator: " ", suffix: "")
    }

    /// Split with `gmtime_r` rather than a `Calendar`, and padded by hand rather than with `String(format:)`:
    /// this runs for every log line, every bound timestamp and every instant in a response.
    private static func format(_ date: Date, separator: String, suffix: String) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let seconds = micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        var text = ""
        text.reserveCapacity(27)
        append(Int64(parts.tm_year) + 1900, width: 4, to: &text)
        text += "-"
        append(Int64(parts.tm_mon) + 1, width: 2, to: &text)
        text += "-"
        append(Int64(parts.tm_mday), width: 2, to: &text)
        text += separator
        append(Int64(parts.tm_hour), width: 2, to: &text)
        text += ":"
        append(Int64(parts.tm_min), width: 2, to: &text)
        text += ":"
        append(Int64(parts.tm_sec), width: 2, to: &text)
        text += "."
        append(micros - seconds * 1_000_000, width: 6, to: &text)
        return text + suffix
    }

    private static func append(_ number: Int64, width: Int, to text: inout String) {
        let digits = String(number)
        if digits.utf8.count < width { text += String(repeating: "0", count: width - digits.utf8.count) }
        text += digits
    }
}
