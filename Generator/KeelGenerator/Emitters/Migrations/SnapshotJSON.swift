import Foundation
import KeelSpec

/// `schema-snapshot.json` as `JSONEncoder` writes it (pretty-printed, keys sorted by their UTF-8 bytes as
/// swift-foundation sorts them, slashes unescaped), byte for byte, without going through `Codable` for every
/// column: at 10,000 columns the encoder's containers and key sorting were over half of the migrations' time.
///
/// The snapshot, schema, table, column and index objects are written here, with the keys of their synthesized
/// `Codable` conformances. A column's `type` and `defaultValue` (KeelSpec's enums) are still encoded by
/// `JSONEncoder`, once per distinct value, and indented into place. `SnapshotJSONTests` compare the result with
/// `JSONEncoder`'s.
enum SnapshotJSON {
    static func render(_ snapshot: SnapshotFile) throws -> String {
        var writer = Writer()
        writer.out.reserveCapacity(snapshot.schema.tables.count * 4096)
        try writer.write(snapshot)
        writer.out.append(UInt8(ascii: "\n"))
        return String(decoding: writer.out, as: UTF8.self)
    }

    /// The options `MigrationEmitter` wrote the snapshot with.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    private struct Writer {
        var out: [UInt8] = []
        private let encoder = SnapshotJSON.encoder()
        private var types: [ColumnType: [UInt8]] = [:]
        private var defaults: [DefaultValue: [UInt8]] = [:]

        mutating func write(_ snapshot: SnapshotFile) throws {
            // Keys in UTF-8 order: generated_by, schema; tables; columns, indexes, name.
            open("{")
            key("generated_by", indent: 1)
            string(snapshot.generatedBy)
            next()
            key("schema", indent: 1)
            open("{")
            key("tables", indent: 2)
            try array(snapshot.schema.tables, indent: 2) { writer, table in
                writer.open("{")
                writer.key("columns", indent: 4)
                try writer.array(table.columns, indent: 4) { try $0.write($1) }
                writer.next()
                writer.key("indexes", indent: 4)
                writer.array(table.indexes, indent: 4) { $0.write($1) }
                writer.next()
                writer.key("name", indent: 4)
                writer.string(table.name)
                writer.close("}", indent: 3)
            }
            close("}", indent: 1)
            close("}", indent: 0)
        }

        /// A column at indent 5: defaultValue, maxLength, name, nullable, type, unique (nil ones left out).
        private mutating func write(_ column: ColumnSchema) throws {
            open("{")
            if let defaultValue = column.defaultValue {
                key("defaultValue", indent: 6)
                out += try Self.encoded(defaultValue, by: encoder, cache: &defaults, indent: 6)
                next()
            }
            if let maxLength = column.maxLength {
                key("maxLength", indent: 6)
                out += String(maxLength).utf8
                next()
            }
            key("name", indent: 6)
            string(column.name)
            next()
            key("nullable", indent: 6)
            bool(column.nullable)
            next()
            key("type", indent: 6)
            out += try Self.encoded(column.type, by: encoder, cache: &types, indent: 6)
            next()
            key("unique", indent: 6)
            bool(column.unique)
            close("}", indent: 5)
        }

        /// An index at indent 5: columns, name, unique.
        private mutating func write(_ index: IndexSchema) {
            open("{")
            key("columns", indent: 6)
            array(index.columns, indent: 6) { $0.string($1) }
            next()
            key("name", indent: 6)
            string(index.name)
            next()
            key("unique", indent: 6)
            bool(index.unique)
            close("}", indent: 5)
        }

        /// `value` as `JSONEncoder` writes it alone, each line after the first indented by `indent` levels as it
        /// would be inside the document (the empty line of an empty object or array stays empty).
        private static func encoded<Value: Encodable & Hashable>(_ value: Value, by encoder: JSONEncoder, cache: inout [Value: [UInt8]],
                                                                 indent: Int) throws -> [UInt8] {
            if let bytes = cache[value] { return bytes }
            let alone = try encoder.encode(value)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(alone.count + 64)
            var afterNewline = false
            for byte in alone {
                if afterNewline, byte != UInt8(ascii: "\n") { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent)) }
                bytes.append(byte)
                afterNewline = byte == UInt8(ascii: "\n")
            }
            cache[value] = bytes
            return bytes
        }

        /// `[`, each item on its own line at `indent + 1`, `]` at `indent`; an empty array is `[`, an empty line, `]`.
        private mutating func array<Item>(_ items: [Item], indent: Int, _ item: (inout Writer, Item) throws -> Void) rethrows {
            out.append(UInt8(ascii: "["))
            out.append(UInt8(ascii: "\n"))
            for (offset, element) in items.enumerated() {
                if offset > 0 {
                    out.append(UInt8(ascii: ","))
                    out.append(UInt8(ascii: "\n"))
                }
                spaces(indent + 1)
                try item(&self, element)
            }
            out.append(UInt8(ascii: "\n"))
            spaces(indent)
            out.append(UInt8(ascii: "]"))
        }

        private mutating func open(_ brace: Unicode.Scalar) {
            out.append(UInt8(ascii: brace))
            out.append(UInt8(ascii: "\n"))
        }

        private mutating func close(_ brace: Unicode.Scalar, indent: Int) {
            out.append(UInt8(ascii: "\n"))
            spaces(indent)
            out.append(UInt8(ascii: brace))
        }

        /// The separator between two members of an object.
        private mutating func next() {
            out.append(UInt8(ascii: ","))
            out.append(UInt8(ascii: "\n"))
        }

        private mutating func key(_ name: StaticString, indent: Int) {
            spaces(indent)
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out += "\" : ".utf8
        }

        private mutating func spaces(_ indent: Int) {
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
        }

        private mutating func bool(_ flag: Bool) {
            out += (flag ? "true" : "false").utf8
        }

        /// A string literal escaped as swift-foundation's `JSONWriter` escapes it (slashes left alone).
        mutating func string(_ text: String) {
            out.append(UInt8(ascii: "\""))
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""): out += #"\""#.utf8
                case UInt8(ascii: "\\"): out += #"\\"#.utf8
                case 0x08: out += #"\b"#.utf8
                case 0x0C: out += #"\f"#.utf8
                case UInt8(ascii: "\n"): out += #"\n"#.utf8
                case UInt8(ascii: "\r"): out += #"\r"#.utf8
                case UInt8(ascii: "\t"): out += #"\t"#.utf8
                case 0x00...0x1F:
                    let hex = Array("0123456789abcdef".utf8)
                    out += #"\u00"#.utf8
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0x0F)])
                default: out.append(byte)
                }
            }
            out.append(UInt8(ascii: "\""))
        }
    }
}
