/// Renders a `StructuredValue` as block-style YAML, quoting every string that YAML would read as something else.
public enum YAMLRenderer {
    public static func render(_ value: StructuredValue) -> String {
        // Bytes, not String appends: this renders documents of hundreds of thousands of lines.
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(value, indent: 0, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes `value` at `indent`; with `dashFirst` (an object in an array) its first line begins `- ` in place of
    /// its last two spaces of indentation, and the other keys align under the first.
    private static func write(_ value: StructuredValue, indent: Int, dashFirst: Bool = false, into out: inout [UInt8]) {
        var dash = dashFirst
        func writeIndent() {
            if dash {
                writeSpaces(2 * indent - 2, into: &out)
                out.append(UInt8(ascii: "-"))
                out.append(UInt8(ascii: " "))
                dash = false
            } else {
                writeSpaces(2 * indent, into: &out)
            }
        }
        switch value {
        case let .object(pairs) where !pairs.isEmpty:
            for (key, child) in pairs {
                writeIndent()
                writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                writeChild(child, indent: indent, into: &out)
            }
        case let .array(items) where !items.isEmpty:
            for item in items {
                if case let .object(pairs) = item, !pairs.isEmpty {
                    write(item, indent: indent + 1, dashFirst: true, into: &out)
                } else {
                    writeIndent()
                    out.append(UInt8(ascii: "-"))
                    writeChild(item, indent: indent, into: &out)
                }
            }
        default:
            writeIndent()
            writeScalar(value, into: &out)
            out.append(UInt8(ascii: "\n"))
        }
    }

    /// A value after `key:` or `-`: inline when scalar or empty, else on the following lines.
    private static func writeChild(_ child: StructuredValue, indent: Int, into out: inout [UInt8]) {
        switch child {
        case let .object(pairs) where !pairs.isEmpty:
            out.append(UInt8(ascii: "\n"))
            write(child, indent: indent + 1, into: &out)
        case let .array(items) where !items.isEmpty:
            out.append(UInt8(ascii: "\n"))
            write(child, indent: indent + 1, into: &out)
        default:
            out.append(UInt8(ascii: " "))
            writeScalar(child, into: &out)
            out.append(UInt8(ascii: "\n"))
        }
    }

    private static func writeScalar(_ value: StructuredValue, into out: inout [UInt8]) {
        switch value {
        case .object: out += "{}".utf8
        case .array: out += "[]".utf8
        case let .string(text): writeString(text, into: &out)
        case let .integer(number): out += String(number).utf8
        case let .number(text): out += text.utf8
        case let .bool(flag): out += (flag ? "true" : "false").utf8
        case .null: out += "null".utf8
        }
    }

    /// A key or string: plain when `PlainScalar` allows, else a JSON literal. Over the string's own bytes, checked
    /// and copied in one pass without building the quoted copy when nothing needs escaping (most of the strings).
    private static func writeString(_ text: String, into out: inout [UInt8]) {
        var text = text
        let written = text.withUTF8 { bytes -> Bool in
            if PlainScalar.isSafe(bytes) {
                out.append(contentsOf: bytes)
                return true
            }
            // What `JSONRenderer.quote` leaves as it is.
            guard !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: bytes)
            out.append(UInt8(ascii: "\""))
            return true
        }
        if !written { out += JSONRenderer.quote(text).utf8 }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 128)

    private static func writeSpaces(_ count: Int, into out: inout [UInt8]) {
        if count <= spaces.count {
            out.append(contentsOf: spaces[0..<count])
        } else {
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
        }
    }
}
