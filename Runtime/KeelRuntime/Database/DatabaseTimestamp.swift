import Foundation

/// The text forms of instants the drivers exchange with databases that have no binary timestamp binding.
enum DatabaseTimestamp {
    /// `2026-11-22T05:00:00.123456Z`: SQLite's stored form (sorts as text, keeps microseconds).
    static func iso8601(_ date: Date) -> String {
        format(date, separator: "T", suffix: "Z")
    }

    /// `2026-11-22 05:00:00.123456`: what MySQL's DATETIME(6) takes, in UTC.
    static func mysql(_ date: Date) -> String {
        format(date, separator: " ", suffix: "")
    }

    /// Split with `gmtime_r` rather than a `Calendar`: this runs for every log line and every bound timestamp.
    private static func format(_ date: Date, separator: String, suffix: String) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let seconds = micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        let day = String(format: "%04d-%02d-%02d", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday)
        let clock = String(format: "%02d:%02d:%02d.%06lld", parts.tm_hour, parts.tm_min, parts.tm_sec, micros - seconds * 1_000_000)
        return day + separator + clock + suffix
    }
}
