/// A date without a time (`date` columns), written `YYYY-MM-DD` in JSON and SQL.
public struct CalendarDate: Sendable, Hashable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Parses `YYYY-MM-DD`, refusing dates that do not exist (2026-02-30).
    public init?(_ text: some StringProtocol) {
        self.init(utf8: Array(text.utf8)[...])
    }

    /// `YYYY-MM-DD` as bytes: all of them, nothing before or after.
    init?(utf8 bytes: ArraySlice<UInt8>) {
        let start = bytes.startIndex
        guard bytes.count == 10, bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
              let year = ASCIIDigits.value(bytes[start..<(start + 4)]), let month = ASCIIDigits.value(bytes[(start + 5)..<(start + 7)]),
              let day = ASCIIDigits.value(bytes[(start + 8)..<(start + 10)]),
              (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days from 1970-01-01 to this date (negative before it), in the proleptic Gregorian calendar.
    var daysSince1970: Int {
        // Howard Hinnant's days_from_civil: years start in March, so the leap day ends them.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public var description: String {
        String(repeating: "0", count: 4 - String(year).count) + String(year) + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(text) is not a date written YYYY-MM-DD"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// A `decimal` column's value, kept as the digits the database holds and written as a JSON string,
/// so no digit is lost to binary floating point.
public struct DecimalValue: Sendable, Hashable, Codable, CustomStringConvertible {
    public let description: String

    public init?(_ text: String) {
        guard DecimalText.parts(text) != nil else { return nil }
        description = text
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self), let value = DecimalValue(text) {
            self = value
        } else if let whole = try? container.decode(Int64.self), let value = DecimalValue(String(whole)) {
            // Whole numbers keep every digit: through `Double`, 9007199254740993 would change and 1e16 would not parse.
            self = value
        } else if let number = try? container.decode(Double.self), let value = DecimalValue("\(number)") {
            self = value
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a decimal number"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
