import Foundation
import KeelSpec

/// `schema-snapshot.json` as `JSONEncoder` writes it (pretty-printed, keys sorted by their UTF-8 bytes as
/// swift-foundation sorts them, slashes unescaped), byte for byte, without going through `Codable` for every
/// column: at 10,000 columns the encoder's containers and key sorting were over half of the migrations' time.
///
/// The snapshot, schema, table, column and index objects are written here with `JSONTextWriter`'s `encoder` style,
/// with the keys of their synthesized `Codable` conformances in sorted order. A column's `type` and `defaultValue`
/// (KeelSpec's enums) are still encoded by `JSONEncoder`, once per distinct value, and indented into place.
/// `SnapshotJSONTests` compare the result with `JSONEncoder`'s.
enum SnapshotJSON {
    static func render(_ snapshot: SnapshotFile) throws -> String {
        var writer = JSONTextWriter(style: .encoder, capacity: snapshot.schema.tables.count * 4096)
        var enums = EncodedEnums()
        try writer.object { writer in
            writer.key("generated_by")
            writer.string(snapshot.generatedBy)
            writer.key("schema")
            try writer.object { writer in
                writer.key("tables")
                try writer.array(snapshot.schema.tables) { writer, table in
                    try writer.object { writer in
                        writer.key("columns")
                        try writer.array(table.columns) { try write($1, into: &$0, enums: &enums) }
                        writer.key("indexes")
                        writer.array(table.indexes) { write($1, into: &$0) }
                        writer.key("name")
                        writer.string(table.name)
                    }
                }
            }
        }
        return writer.finishedText()
    }

    /// The options `MigrationEmitter` wrote the snapshot with.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    private static func write(_ column: ColumnSchema, into writer: inout JSONTextWriter, enums: inout EncodedEnums) throws {
        try writer.object { writer in
            if let defaultValue = column.defaultValue {
                writer.key("defaultValue")
                writer.raw(try enums.json(of: defaultValue, at: writer.depth))
            }
            if let maxLength = column.maxLength {
                writer.key("maxLength")
                writer.integer(maxLength)
            }
            writer.key("name")
            writer.string(column.name)
            writer.key("nullable")
            writer.bool(column.nullable)
            writer.key("type")
            writer.raw(try enums.json(of: column.type, at: writer.depth))
            writer.key("unique")
            writer.bool(column.unique)
        }
    }

    private static func write(_ index: IndexSchema, into writer: inout JSONTextWriter) {
        writer.object { writer in
            writer.key("columns")
            writer.array(index.columns) { $0.string($1) }
            writer.key("name")
            writer.string(index.name)
            writer.key("unique")
            writer.bool(index.unique)
        }
    }

    /// A column's type and default as `JSONEncoder` writes them, indented into place, encoded once per distinct value
    /// (every column is at one depth, so the depth of the first is every one's).
    private struct EncodedEnums {
        private let encoder = SnapshotJSON.encoder()
        private var types: [ColumnType: [UInt8]] = [:]
        private var defaults: [DefaultValue: [UInt8]] = [:]

        mutating func json(of type: ColumnType, at depth: Int) throws -> [UInt8] {
            try Self.json(of: type, at: depth, by: encoder, cache: &types)
        }

        mutating func json(of defaultValue: DefaultValue, at depth: Int) throws -> [UInt8] {
            try Self.json(of: defaultValue, at: depth, by: encoder, cache: &defaults)
        }

        private static func json<Value: Encodable & Hashable>(of value: Value, at depth: Int, by encoder: JSONEncoder,
                                                              cache: inout [Value: [UInt8]]) throws -> [UInt8] {
            if let bytes = cache[value] { return bytes }
            let bytes = JSONTextWriter.indented(try encoder.encode(value), depth: depth)
            cache[value] = bytes
            return bytes
        }
    }
}
