import Foundation

/// The `Retry-After` header (RFC 9110, 10.2.3): a number of seconds or an HTTP date.
enum RetryAfter {
    /// How long from `now` the header asks to wait; nil when it is missing or unreadable, zero when the date has passed.
    static func wait(_ value: String?, now: Date = Date()) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Int(value) { return seconds >= 0 ? .seconds(seconds) : nil }
        guard let date = httpDate.date(from: value) else { return nil }
        return .milliseconds(max(0, Int(date.timeIntervalSince(now) * 1000)))
    }

    /// IMF-fixdate, the form servers must send: `Sun, 06 Nov 1994 08:49:37 GMT`.
    private static var httpDate: DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }
}
