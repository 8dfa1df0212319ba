import Foundation

extension SpecResolver {
    /// A column default, checked against the column's type and bounds.
    func defaultValue(_ value: YAMLValue, for column: Column, what: String) -> DefaultValue? {
        let text = value.text ?? ""
        let tag = value.scalarTag
        func mismatch(_ expected: String) -> DefaultValue? {
            diagnostics.error(value.location, "default of \(what) must be \(expected), found \(value.kindDescription)")
            return nil
        }
        if tag == .str, text == "now" || text == "uuid" {
            switch (text, column.type) {
            case ("now", .timestamp), ("now", .date): return .now
            case ("uuid", .uuid): return .uuid
            default:
                let fits = text == "now" ? "timestamp and date" : "uuid"
                diagnostics.error(value.location, "default '\(text)' of \(what) only fits \(fits) columns")
                return nil
            }
        }
        switch column.type {
        case .id, .ref, .bytes:
            diagnostics.error(value.location, "\(what) cannot have a default (it is of type \(column.type.keyword))")
            return nil
        case .bool:
            guard let flag = reader.bool(value, "default of \(what)") else { return nil }
            return .bool(flag)
        case .int, .int32:
            guard tag == .int, let number = Int64(text.replacingOccurrences(of: "_", with: "")) else { return mismatch("an integer") }
            guard checkRange(Double(number), column: column, at: value, what: what) else { return nil }
            if column.type == .int32, Int32(exactly: number) == nil {
                diagnostics.error(value.location, "default \(number) of \(what) does not fit int32")
                return nil
            }
            return .integer(number)
        case .float, .decimal:
            guard let number = reader.number(value, "default of \(what)") else { return nil }
            guard checkRange(number, column: column, at: value, what: what) else { return nil }
            return .number(text.replacingOccurrences(of: "_", with: ""))
        case .string, .text:
            guard let string = reader.string(value, "default of \(what)") else { return nil }
            if let max = column.maxLength, string.count > max {
                diagnostics.error(value.location, "default of \(what) is longer than its max_length \(max)")
                return nil
            }
            if let min = column.minLength, string.count < min {
                diagnostics.error(value.location, "default of \(what) is shorter than its min_length \(min)")
                return nil
            }
            if let pattern = column.pattern, let regex = try? NSRegularExpression(pattern: pattern),
               regex.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) == nil {
                diagnostics.error(value.location, "default '\(string)' of \(what) does not match its pattern \(pattern)")
                return nil
            }
            return .string(string)
        case .enumeration(let values):
            guard let string = reader.string(value, "default of \(what)") else { return nil }
            guard values.contains(string) else {
                diagnostics.error(value.location, "default '\(string)' of \(what) is not one of its values (\(values.joined(separator: ", ")))\(Suggestion.hint(for: string, in: values))")
                return nil
            }
            return .string(string)
        case .date:
            guard let string = reader.string(value, "default of \(what)"), Self.isDate(string) else { return mismatch("'now' or a date like 2024-01-31") }
            return .string(string)
        case .timestamp:
            guard let string = reader.string(value, "default of \(what)"), ISO8601DateFormatter().date(from: string) != nil else {
                return mismatch("'now' or a UTC timestamp like 2024-01-31T12:00:00Z")
            }
            return .string(string)
        case .uuid:
            guard let string = reader.string(value, "default of \(what)"), UUID(uuidString: string) != nil else { return mismatch("'uuid' or a UUID literal") }
            return .string(string.lowercased())
        case .json:
            return .json(JSONText.canonical(value.node))
        }
    }

    private func checkRange(_ number: Double, column: Column, at value: YAMLValue, what: String) -> Bool {
        if let min = column.min, number < min {
            diagnostics.error(value.location, "default of \(what) is below its min \(NumberText.format(min))")
            return false
        }
        if let max = column.max, number > max {
            diagnostics.error(value.location, "default of \(what) is above its max \(NumberText.format(max))")
            return false
        }
        return true
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
