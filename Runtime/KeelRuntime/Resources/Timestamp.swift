import Foundation
import KeelClient

/// Reads instants written in ISO 8601 (request bodies, SQLite cells) or MySQL's `YYYY-MM-DD HH:MM:SS.ffffff` (UTC).
enum Timestamp {
    /// `2026-01-31T09:30:00Z`, `…T09:30:00.123456+02:00`, `2026-01-31 09:30:00.5`; nil for anything else.
    static func parse(_ text: String) -> Date? {
        let scalars = Array(text.utf8)
        guard scalars.count >= 19, scalars[10] == UInt8(ascii: "T") || scalars[10] == UInt8(ascii: " "),
              let date = CalendarDate(utf8: scalars[0..<10]),
              scalars[13] == UInt8(ascii: ":"), scalars[16] == UInt8(ascii: ":"),
              let hour = ASCIIDigits.value(scalars[11..<13]), let minute = ASCIIDigits.value(scalars[14..<16]), let second = ASCIIDigits.value(scalars[17..<19]),
              hour < 24, minute < 60, second < 60
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < scalars.count, scalars[index] == UInt8(ascii: ".") {
            let start = index + 1
            index = start
            while index < scalars.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(scalars[index]) { index += 1 }
            guard index > start, index - start <= 9, let digits = ASCIIDigits.value(scalars[start..<index]) else { return nil }
            // Both exact, so the quotient is the correctly rounded fraction, as Double("0.…") would read it.
            fraction = Double(digits) / Self.powersOfTen[index - start]
        }
        var offset = 0
        if index < scalars.count {
            switch scalars[index] {
            case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                index += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard scalars.count == index + 6, scalars[index + 3] == UInt8(ascii: ":"),
                      let hours = ASCIIDigits.value(scalars[(index + 1)..<(index + 3)]), let minutes = ASCIIDigits.value(scalars[(index + 4)..<(index + 6)]),
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
        let seconds = date.daysSince1970 * 86_400 + hour * 3_600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    private static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9]
}
