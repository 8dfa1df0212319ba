/// What the runtime's checks (`FieldValidator`, `QueryParameters`, `BodyShape`) refuse beyond a value's JSON type,
/// said in JSON Schema: a client that follows the document is never answered 422.
enum OpenAPIRules {
    /// No NUL (U+0000) in any string: PostgreSQL cannot store it, so the runtime refuses it on every dialect.
    static let noNUL = "^[^\\u0000]*$"

    /// Base64 as the runtime reads it (Foundation's default): the standard alphabet, padded, nothing else.
    static let base64 = "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$"

    /// Ids and references name rows, which are numbered from 1.
    static let firstID: Int64 = 1

    /// The largest whole number a decimal with `digits` digits before the point takes as a JSON number (an integer
    /// the runtime reads as 64 bits); fractions must travel as text, which a double cannot round.
    static func largestWhole(digits: Int?) -> Int64 {
        guard let digits, digits < 19 else { return .max }
        return (0..<digits).reduce(Int64(0)) { value, _ in value * 10 + 9 }
    }

    /// A spec pattern as ECMA-262 (the document's dialect) reads what ICU (the runtime's `NSRegularExpression`) does:
    /// ICU's `\s` is Unicode's White_Space, which also holds U+0085, so `\s` gains it, in a class or alone.
    static func ecmaPattern(_ icu: String) -> String {
        var result = ""
        var inClass = false
        var characters = icu.makeIterator()
        while let character = characters.next() {
            switch character {
            case "\\":
                guard let escaped = characters.next() else { return result + "\\" }
                if escaped == "s" {
                    result += inClass ? "\\s\\u0085" : "[\\s\\u0085]"
                } else {
                    result += "\\" + String(escaped)
                }
            case "[": inClass = true; result.append(character)
            case "]": inClass = false; result.append(character)
            default: result.append(character)
            }
        }
        return result
    }

    /// A decimal of `types:` or a parameter, of any size: digits with an optional point, and a sign when `signed`.
    static func anyDecimal(signed: Bool) -> String {
        "^" + (signed ? "-?" : "") + "[0-9]+(\\.[0-9]+)?$"
    }

    /// A decimal column's text: at most `precision - scale` digits before the point (leading zeros do not count)
    /// and `scale` after it; no sign when the column's minimum is not below zero.
    static func decimal(precision: Int, scale: Int, signed: Bool) -> String {
        let whole = precision > scale ? "0*[0-9]{1,\(precision - scale)}" : "0+"
        let fraction = scale > 0 ? "(\\.[0-9]{1,\(scale)})?" : ""
        return "^" + (signed ? "-?" : "") + whole + fraction + "$"
    }
}
