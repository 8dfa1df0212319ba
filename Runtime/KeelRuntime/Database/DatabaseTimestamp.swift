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

    private static func format(_ date: Date, separator: String, suffix: String) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let seconds = micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000
        let fraction = micros - seconds * 1_000_000
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        func pad(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let fractionText = String(fraction)
        return "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))\(separator)"
            + "\(pad(parts.hour, 2)):\(pad(parts.minute, 2)):\(pad(parts.second, 2))."
            + String(repeating: "0", count: 6 - fractionText.count) + fractionText + suffix
    }
}
