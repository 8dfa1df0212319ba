import KeelClient

/// A date without a time (`date` columns), written `YYYY-MM-DD` in JSON and SQL: KeelClient's `KeelDate`, so a
/// service and the clients calling it share one type.
public typealias CalendarDate = KeelDate

extension CalendarDate {
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
