import KeelSpec

/// Valid JSON values for a table's columns, for the round-trip test `keel init` writes.
enum SampleValues {
    /// A value of `column` that passes its rules, as JSON text; `variant` 0 and 1 give two different values.
    /// Nil when Keel cannot make one up: a reference needs a row elsewhere, a pattern is open-ended.
    static func json(for column: Column, variant: Int) -> String? {
        guard column.pattern == nil else { return nil }
        switch column.type {
        case .id, .ref:
            return nil
        case .int, .int32:
            return String(Int64(bounded(1 + Double(variant), column)))
        case .float:
            return SwiftLiteral.number(bounded(1.5 + Double(variant), column))
        case let .decimal(precision, scale):
            return "\"" + (precision > scale ? String(1 + variant) : "0.\(1 + variant)") + "\""
        case .bool:
            return variant == 0 ? "true" : "false"
        case .string, .text:
            var text = variant == 0 ? "sample" : "changed"
            if let minimum = column.minLength, text.count < minimum { text += String(repeating: "x", count: minimum - text.count) }
            if let maximum = column.maxLength, text.count > maximum { text = String(text.prefix(maximum - 1)) + String(variant) }
            return "\"" + text + "\""
        case .date:
            return "\"2026-01-0\(1 + variant)\""
        case .timestamp:
            return "\"2026-01-01T00:00:0\(variant)Z\""
        case .uuid:
            return "\"00000000-0000-4000-8000-00000000000\(1 + variant)\""
        case .json:
            return "{\"n\":\(variant)}"
        case .bytes:
            return variant == 0 ? "\"AQID\"" : "\"BAUG\""
        case let .enumeration(values):
            return "\"" + values[variant % values.count] + "\""
        }
    }

    /// Whether a value's JSON comes back exactly as sent (timestamps gain microseconds, UUIDs capitals).
    static func echoes(_ column: Column) -> Bool {
        switch column.type {
        case .int, .int32, .bool, .string, .text, .enumeration: true
        default: false
        }
    }

    private static func bounded(_ value: Double, _ column: Column) -> Double {
        Swift.min(Swift.max(value + (column.min ?? 0), column.min ?? value), column.max ?? .infinity)
    }
}
