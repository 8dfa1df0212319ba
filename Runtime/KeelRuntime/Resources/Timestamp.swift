import Foundation

/// Reads instants written in ISO 8601 (request bodies, SQLite cells) or MySQL's `YYYY-MM-DD HH:MM:SS.ffffff` (UTC).
enum Timestamp {
    /// `2026-01-31T09:30:00Z`, `…T09:30:00.123456+02:00`, `2026-01-31 09:30:00.5`; nil for anything else.
    static func parse(_ text: String) -> Date? {
        let scalars = Array(text.utf8)
        guard scalars.count >= 19, scalars[10] == UInt8(ascii: "T") || scalars[10] == UInt8(ascii: " "),
              let date = CalendarDate(text.prefix(10)),
              scalars[13] == UInt8(ascii: ":"), scalars[16] == UInt8(ascii: ":"),
              let hour = number(scalars[11..<13]), let minute = number(scalars[14..<16]), let second = number(scalars[17..<19]),
              hour < 24, minute < 60, second < 60
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < scalars.count, scalars[index] == UInt8(ascii: ".") {
            let start = index + 1
            index = start
            while index < scalars.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(scalars[index]) { index += 1 }
            guard index > start, index - start <= 9, let digits = Double("0." + String(decoding: scalars[start..<index], as: UTF8.self)) else { return nil }
            fraction = digits
        }
        var offset = 0
        if index < scalars.count {
            switch scalars[index] {
            case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                index += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard scalars.count == index + 6, scalars[index + 3] == UInt8(ascii: ":"),
                      let hours = number(scalars[(index + 1)..<(index + 3)]), let minutes = number(scalars[(index + 4)..<(index + 6)]),
                      hours < 24, minutes < 60
                else { return nil }
                offset = (hours * 60 + minutes) * 60 * (scalars[index] == UInt8(ascii: "-") ? -1 : 1)
                index += 6
            default:
                return nil
            }
        } else if scalars[10] == UInt8(ascii: "T") {
            return nil  // an ISO instant must say its zone; a bare one would be read in an unknown zone
        }
        guard index == scalars.count else { return nil }
        var parts = tm()
        parts.tm_year = Int32(date.year - 1900)
        parts.tm_mon = Int32(date.month - 1)
        parts.tm_mday = Int32(date.day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        let seconds = timegm(&parts)
        return Date(timeIntervalSince1970: Double(seconds - offset) + fraction)
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }
}
