import Foundation
import KeelSpec

/// Keel's column type for a declared SQL type: the reverse of the mapping in docs/sql-mapping.md, and the
/// nearest type (with a note saying what differs) where Keel has no exact one.
enum TypeMapping {
    struct Mapped: Equatable {
        var type: ColumnType
        /// The VARCHAR length of a `string`.
        var maxLength: Int?
        /// What differs from the live column, for the warning; nil when the type maps back to the same SQL.
        var note: String?
    }

    /// The mapping, or nil when Keel has no type for it.
    static func map(_ declared: String, dialect: Dialect) -> Mapped? {
        let type = DeclaredType(declared)
        var name = type.name
        let unsigned = name.hasSuffix(" unsigned") || name.hasSuffix(" unsigned zerofill")
        if unsigned { name = String(name.prefix { $0 != " " }) }
        func mapped(_ columnType: ColumnType, _ note: String? = nil) -> Mapped { Mapped(type: columnType, note: note) }
        switch name {
        case "bigint", "int8", "bigserial", "serial8":
            return mapped(.int, unsigned ? "BIGINT UNSIGNED is mapped to int, which is signed: values above 9223372036854775807 do not fit" : nil)
        case "integer" where dialect == .sqlite, "int" where dialect == .sqlite:
            return mapped(.int)
        case "integer", "int", "int4", "serial", "serial4", "mediumint":
            // An unsigned 32-bit value needs 64 bits.
            return unsigned ? mapped(.int) : mapped(.int32, name == "mediumint" ? "MEDIUMINT is mapped to int32" : nil)
        case "tinyint" where dialect == .mysql && type.length == 1, "boolean", "bool":
            return mapped(.bool)
        case "smallint", "int2", "smallserial", "tinyint":
            return mapped(.int32, "\(name.uppercased()) is mapped to int32 (INTEGER), which is wider")
        case "double precision", "double", "float8":
            return mapped(.float)
        case "real" where dialect == .sqlite, "float" where dialect == .sqlite:
            return mapped(.float)
        case "real", "float4", "float":
            return mapped(.float, "single-precision \(name.uppercased()) is mapped to float (double precision)")
        case "numeric", "decimal":
            if let precision = type.length {
                let scale = type.parameters.count > 1 ? Int(type.parameters[1]) ?? 0 : 0
                return mapped(.decimal(precision: precision, scale: scale))
            }
            return mapped(.decimal(precision: 38, scale: 10), "\(name.uppercased()) without a precision is mapped to decimal(38, 10)")
        case "character varying", "varchar", "nvarchar", "varchar2":
            guard let length = type.length else { return mapped(.text) }
            return Mapped(type: .string, maxLength: length)
        case "character", "char", "bpchar", "nchar":
            let length = type.length ?? 1
            let padding = dialect == .postgres ? "; PostgreSQL pads its values with spaces to that length" : ""
            return Mapped(type: .string, maxLength: length, note: "CHAR(\(length)) is mapped to string (VARCHAR(\(length)))\(padding)")
        case "text", "longtext", "mediumtext", "tinytext", "clob":
            return mapped(.text)
        case "date":
            return mapped(.date)
        case "timestamp with time zone", "timestamptz":
            return mapped(.timestamp)
        case "timestamp without time zone":
            return mapped(.timestamp, "TIMESTAMP WITHOUT TIME ZONE is mapped to timestamp: Keel reads and writes its values as UTC")
        case "timestamp", "datetime":
            return mapped(.timestamp)
        case "uuid":
            return mapped(.uuid)
        case "json", "jsonb":
            return mapped(.json)
        case "bytea", "blob", "longblob", "mediumblob", "tinyblob", "varbinary", "binary":
            return mapped(.bytes)
        case "enum" where dialect == .mysql:
            let values = type.parameters.map { $0.dropFirst().dropLast().replacingOccurrences(of: "''", with: "'") }
            // The spec's enum values are 1 to 63 characters without quotes.
            guard values.allSatisfy({ !$0.isEmpty && $0.count <= 63 && !$0.contains("'") }) else {
                let length = values.map(\.count).max() ?? 1
                return Mapped(type: .string, maxLength: length, note: "ENUM has a value Keel's enums cannot hold (empty, a quote, or over 63 characters); mapped to string (max_length \(length))")
            }
            return mapped(.enumeration(values: values))
        default:
            return nil
        }
    }
}
