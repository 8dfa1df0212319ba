import Foundation

/// Instants as Keel services write them: ISO 8601 in UTC with microseconds (`2026-01-31T09:30:00.123456Z`).
enum WireTimestamp {
    static func format(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let micros = Int(((date.timeIntervalSince1970 - seconds) * 1_000_000).rounded())
        // Rounding may carry into the next second.
        let whole = Date(timeIntervalSince1970: seconds + (micros == 1_000_000 ? 1 : 0))
        let fraction = String(micros == 1_000_000 ? 0 : micros)
        let text = whole.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
        return String(text.dropLast()) + "." + String(repeating: "0", count: 6 - fraction.count) + fraction + "Z"
    }

    /// Reads an ISO 8601 instant with any number of fraction digits and a `Z` or `±HH:MM` zone.
    static func parse(_ text: String) -> Date? {
        var whole = text
        var fraction = 0.0
        if let dot = text.firstIndex(of: ".") {
            let digitsEnd = text[text.index(after: dot)...].firstIndex { !("0"..."9").contains($0) } ?? text.endIndex
            let digits = text[text.index(after: dot)..<digitsEnd]
            guard !digits.isEmpty, let value = Double("0." + digits) else { return nil }
            fraction = value
            whole = String(text[..<dot] + text[digitsEnd...])
        }
        guard let date = try? Date(whole, strategy: Date.ISO8601FormatStyle()) else { return nil }
        return date.addingTimeInterval(fraction)
    }
}
