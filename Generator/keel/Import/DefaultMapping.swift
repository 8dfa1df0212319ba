import Foundation
import KeelSpec

/// Keel's default for a column's DEFAULT expression as the catalog prints it, when Keel can say it.
enum DefaultMapping {
    enum Outcome: Equatable {
        /// No default, or one the database fills itself (a sequence) that Keel's id stands for.
        case none
        case value(DefaultValue)
        /// An expression Keel has no default for.
        case unsupported(String)
    }

    static func map(_ expression: String?, type: ColumnType, dialect: Dialect) -> Outcome {
        guard var text = expression?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return .none }
        // MariaDB prints "no default" of a nullable column as the word NULL.
        if text.uppercased() == "NULL" || text.lowercased().hasPrefix("null::") || text.lowercased().hasPrefix("nextval(") { return .none }
        text = withoutCasts(text)
        let lowered = text.lowercased()
        if ["now()", "current_timestamp", "current_timestamp()", "localtimestamp", "localtimestamp()", "current_date", "current_date()", "curdate()",
            "(datetime('now'))", "(date('now'))", "datetime('now')", "date('now')", "transaction_timestamp()", "statement_timestamp()"].contains(lowered)
            || lowered.wholeMatch(of: /(current_timestamp|now|localtimestamp)\(\d\)/) != nil
            || (lowered.contains("strftime(") && lowered.contains("'now'")) {
            return type == .timestamp || type == .date ? .value(.now) : .unsupported(text)
        }
        if ["gen_random_uuid()", "uuid_generate_v4()", "uuid()"].contains(lowered) {
            return type == .uuid ? .value(.uuid) : .unsupported(text)
        }
        let literal = unquoted(text) ?? (dialect == .mysql && !text.contains("(") ? text : nil)
        guard let literal else { return number(text, type: type) ?? .unsupported(text) }
        switch type {
        case .string, .text, .enumeration:
            // 'now' and 'uuid' are keywords in the spec.
            return literal == "now" || literal == "uuid" ? .unsupported(text) : .value(.string(literal))
        case .date:
            return literal.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil ? .value(.string(literal)) : .unsupported(text)
        case .uuid:
            return UUID(uuidString: literal) != nil ? .value(.string(literal.lowercased())) : .unsupported(text)
        default:
            return number(literal, type: type) ?? .unsupported(text)
        }
    }

    /// A numeric or boolean default of a numeric or boolean column.
    private static func number(_ text: String, type: ColumnType) -> Outcome? {
        let bare = text.hasPrefix("(") && text.hasSuffix(")") ? String(text.dropFirst().dropLast()) : text
        switch type {
        case .bool:
            switch bare.lowercased() {
            case "true", "1", "b'1'": return .value(.bool(true))
            case "false", "0", "b'0'": return .value(.bool(false))
            default: return nil
            }
        case .int, .int32:
            return Int64(bare).map { .value(.integer($0)) }
        case .float, .decimal:
            return Double(bare) != nil && bare.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) ? .value(.number(bare)) : nil
        default:
            return nil
        }
    }

    /// `'it''s'` -> `it's`; nil when `text` is not one quoted literal.
    private static func unquoted(_ text: String) -> String? {
        guard text.count >= 2, text.hasPrefix("'"), text.hasSuffix("'") else { return nil }
        let inner = String(text.dropFirst().dropLast())
        guard !inner.replacingOccurrences(of: "''", with: "").contains("'") else { return nil }
        return inner.replacingOccurrences(of: "''", with: "'")
    }

    /// PostgreSQL prints `'abc'::character varying` and `('0'::numeric)`: the literal without its casts.
    private static func withoutCasts(_ text: String) -> String {
        var text = text
        while text.hasPrefix("("), text.hasSuffix(")"), balanced(String(text.dropFirst().dropLast())) {
            text = String(text.dropFirst().dropLast())
        }
        while let range = text.range(of: #"::[a-z ]+(\(\d+(,\s*\d+)?\))?(\[\])?$"#, options: .regularExpression) {
            text.removeSubrange(range)
        }
        return text
    }

    private static func balanced(_ text: String) -> Bool {
        var depth = 0, quoted = false
        for character in text {
            if character == "'" { quoted.toggle() }
            guard !quoted else { continue }
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1; if depth < 0 { return false } }
        }
        return depth == 0
    }
}
