import Foundation

/// Turns one JSON value into the value bound for a column, or says in a sentence what is wrong with it.
enum FieldValidator {
    static func value(_ json: JSONValue, for rule: FieldRule) -> Result<DatabaseValue, FieldProblem> {
        if case .null = json {
            return rule.nullable ? .success(.null) : .failure("must not be null")
        }
        switch rule.kind {
        case .int, .reference:
            guard case .integer(let number) = json else { return .failure("must be a whole number") }
            if case .reference = rule.kind, number < 1 { return .failure("must be the id of an existing row (1 or more)") }
            return bounded(Double(number), rule).map { .int(number) }
        case .int32:
            guard case .integer(let number) = json, let small = Int32(exactly: number) else { return .failure("must be a whole number between -2147483648 and 2147483647") }
            return bounded(Double(small), rule).map { .int(number) }
        case .float:
            let number: Double
            switch json {
            case .integer(let integer): number = Double(integer)
            case .number(let double): number = double
            default: return .failure("must be a number")
            }
            return bounded(number, rule).map { .double(number) }
        case .decimal(let precision, let scale):
            return decimal(json, precision: precision, scale: scale, rule)
        case .bool:
            guard case .bool(let flag) = json else { return .failure("must be true or false") }
            return .success(.bool(flag))
        case .string, .text:
            guard case .string(let text) = json else { return .failure("must be a string") }
            return checked(text, rule).map { .text(text) }
        case .enumeration(let values):
            guard case .string(let text) = json, values.contains(text) else { return .failure("must be one of: \(values.joined(separator: ", "))") }
            return .success(.text(text))
        case .date:
            guard case .string(let text) = json, CalendarDate(text) != nil else { return .failure("must be a date written YYYY-MM-DD") }
            return .success(.text(text))
        case .timestamp:
            guard case .string(let text) = json, let date = Timestamp.parse(text) else { return .failure("must be a date and time in ISO 8601, e.g. 2026-01-31T09:30:00Z") }
            return .success(.timestamp(date))
        case .uuid:
            guard case .string(let text) = json, let uuid = UUID(uuidString: text) else { return .failure("must be a UUID") }
            return .success(.uuid(uuid))
        case .json:
            guard !json.containsNUL else { return .failure("must not contain NUL characters") }
            return .success(.text(json.jsonText))
        case .bytes:
            guard case .string(let text) = json, let data = Data(base64Encoded: text) else { return .failure("must be base64-encoded bytes") }
            return .success(.bytes([UInt8](data)))
        }
    }

    private static func bounded(_ number: Double, _ rule: FieldRule) -> Result<Void, FieldProblem> {
        guard number.isFinite else { return .failure("must be a finite number") }
        if let minimum = rule.minimum, number < minimum { return .failure("must be at least \(NumberText.plain(minimum))") }
        if let maximum = rule.maximum, number > maximum { return .failure("must be at most \(NumberText.plain(maximum))") }
        return .success(())
    }

    private static func checked(_ text: String, _ rule: FieldRule) -> Result<Void, FieldProblem> {
        // Databases count code points, not the grapheme clusters `String.count` sees.
        let length = text.unicodeScalars.count
        if text.unicodeScalars.contains("\u{0}") { return .failure("must not contain NUL characters") }
        if let minimum = rule.minLength, length < minimum { return .failure("must be at least \(CountText.of(minimum, "character")) long") }
        if let maximum = rule.maxLength, length > maximum { return .failure("must be at most \(CountText.of(maximum, "character")) long") }
        if let pattern = rule.pattern,
           pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
            return .failure("must match the pattern \(pattern.pattern)")
        }
        return .success(())
    }

    private static func decimal(_ json: JSONValue, precision: Int, scale: Int, _ rule: FieldRule) -> Result<DatabaseValue, FieldProblem> {
        let text: String
        switch json {
        case .string(let written): text = written
        case .integer(let integer): text = String(integer)
        case .number(let number): text = "\(number)"
        default: return .failure("must be a decimal number, e.g. \"12.50\"")
        }
        guard let parts = DecimalText.parts(text) else { return .failure("must be a decimal number, e.g. \"12.50\"") }
        if parts.fraction.count > scale { return .failure("must have at most \(CountText.of(scale, "digit")) after the point") }
        if parts.whole.count > precision - scale { return .failure("must have at most \(CountText.of(precision - scale, "digit")) before the point") }
        // Only bounds need the value as a number: a decimal of any size (`types:`) may be past what `Double` holds.
        guard rule.minimum != nil || rule.maximum != nil else { return .success(.text(text)) }
        guard let number = Double(text) else { return .failure("must be a decimal number") }
        return bounded(number, rule).map { .text(text) }
    }
}

/// Why one field was refused, as the sentence after the field's name.
struct FieldProblem: Error, ExpressibleByStringInterpolation {
    let message: String
    init(stringLiteral message: String) { self.message = message }
    init(_ message: String) { self.message = message }
}

/// Numbers in messages: `10`, not `10.0`.
enum NumberText {
    static func plain(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }
}

/// A decimal written as digits with an optional point and sign.
enum DecimalText {
    static func parts(_ text: String) -> (whole: Substring, fraction: Substring)? {
        var digits = Substring(text)
        if digits.first == "-" { digits = digits.dropFirst() }
        let pieces = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let wholePart = pieces.first, !wholePart.isEmpty, wholePart.allSatisfy(\.isASCIIDigit) else { return nil }
        let fraction = pieces.count == 2 ? pieces[1] : ""
        guard pieces.count == 1 || (!fraction.isEmpty && fraction.allSatisfy(\.isASCIIDigit)) else { return nil }
        // Leading zeros do not count toward the digits the column can hold.
        let whole = wholePart.drop { $0 == "0" }
        return (whole, fraction)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
