/// Renders a `StructuredValue` as JSON with two-space indentation and a final newline (`JSONTextWriter`'s `keel` style).
public enum JSONRenderer {
    public static func render(_ value: StructuredValue) -> String {
        var writer = JSONTextWriter(style: .keel)
        write(value, into: &writer)
        return writer.finishedText()
    }

    private static func write(_ value: StructuredValue, into writer: inout JSONTextWriter) {
        switch value {
        case let .object(pairs):
            writer.object { writer in
                for (key, member) in pairs {
                    writer.key(key)
                    write(member, into: &writer)
                }
            }
        case let .array(items): writer.array(items) { write($1, into: &$0) }
        case let .string(text): writer.string(text)
        case let .integer(number): writer.integer(number)
        case let .number(text): writer.number(text)
        case let .bool(flag): writer.bool(flag)
        case .null: writer.null()
        }
    }

    /// A JSON string literal (also a valid double-quoted YAML scalar).
    public static func quote(_ text: String) -> String {
        // Most text needs no escape: quoted without a copy through bytes.
        guard text.utf8.contains(where: JSONTextWriter.needsEscaping) else { return "\"" + text + "\"" }
        var writer = JSONTextWriter(style: .keel)
        writer.string(text)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
