import KeelGenerator
import KeelSpec

/// The spec of imported tables as YAML: one resource endpoint per table, the warnings as comments on top.
enum SpecWriter {
    static func yaml(service: String, source: String, auth: Service.Auth, tables: [ImportedTable], warnings: [ImportWarning]) -> String {
        var lines = [
            "# The tables of \(source), read by keel init --from-database. Every table is served as a resource:",
            "# choose the endpoints, roles, filters and sorts you want. The migrations start from these tables as they are.",
        ]
        if !warnings.isEmpty {
            lines.append("#")
            lines.append("# What Keel does not say as the database does:")
            // A CHECK clause may span lines; a comment may not.
            lines += warnings.map { "# - " + $0.description.split(whereSeparator: \.isNewline).joined(separator: " ") }
        }
        lines += ["keel: 1", "service:", "  name: \(service)", "  version: 0.1.0", "  base_path: /api/v1", "  auth: \(auth.rawValue)"]
        if !tables.isEmpty {
            lines += ["", "tables:"]
            for table in tables {
                lines.append("  \(key(table.name)):")
                if let model = table.model { lines.append("    model: \(model)") }
                lines.append("    columns:")
                lines += table.columns.map { "      \(key($0.name)): \(column($0))" }
                if !table.indexes.isEmpty {
                    lines.append("    indexes:")
                    lines += table.indexes.map { index in
                        let columns = "[" + index.columns.map(key).joined(separator: ", ") + "]"
                        return index.unique ? "      - { columns: \(columns), unique: true }" : "      - \(columns)"
                    }
                }
            }
            lines += ["", "endpoints:"]
            lines += tables.map { $0.resource == $0.name ? "  - resource: \(key($0.name))" : "  - { resource: \(key($0.resource)), table: \(key($0.name)) }" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `id`, or a flow mapping of the column's type and options.
    static func column(_ column: ColumnSchema) -> String {
        var fields = ["type: \(column.type.keyword)"]
        switch column.type {
        case .id: return "id"
        case .string: fields.append("max_length: \(column.maxLength ?? 255)")
        case let .decimal(precision, scale): fields += ["precision: \(precision)", "scale: \(scale)"]
        case let .enumeration(values): fields.append("values: [" + values.map(quoted).joined(separator: ", ") + "]")
        case let .ref(table, onDelete): fields += ["table: \(key(table))", "on_delete: \(onDelete.rawValue)"]
        default: break
        }
        if column.nullable { fields.append("nullable: true") }
        if column.unique { fields.append("unique: true") }
        if let value = column.defaultValue { fields.append("default: \(literal(value))") }
        return "{ " + fields.joined(separator: ", ") + " }"
    }

    private static func literal(_ value: DefaultValue) -> String {
        switch value {
        case .now: "now"
        case .uuid: "uuid"
        case .string(let text): quoted(text)
        case .integer(let number): String(number)
        case .number(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .json(let text): text
        }
    }

    /// A snake_case name, quoted where YAML would read it as something else (`yes`, `null`, `on`...).
    static func key(_ name: String) -> String {
        ["y", "n", "yes", "no", "on", "off", "true", "false", "null"].contains(name) ? quoted(name) : name
    }

    /// A double-quoted YAML scalar (JSON's escapes, which YAML shares).
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: result += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
