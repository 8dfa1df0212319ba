/// Renders a `StructuredValue` as block-style YAML, quoting every string that YAML would read as something else.
public enum YAMLRenderer {
    public static func render(_ value: StructuredValue) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        return out
    }

    /// Writes `value` at `indent`; `firstPrefix` replaces the indentation of the first line (for `- key: value`).
    private static func write(_ value: StructuredValue, indent: Int, firstPrefix: String? = nil, into out: inout String) {
        var prefix = firstPrefix
        func linePrefix() -> String {
            defer { prefix = nil }
            return prefix ?? String(repeating: "  ", count: indent)
        }
        switch value {
        case let .object(pairs) where !pairs.isEmpty:
            for (key, child) in pairs {
                out += linePrefix()
                out += scalar(.string(key))
                out += ":"
                writeChild(child, indent: indent, into: &out)
            }
        case let .array(items) where !items.isEmpty:
            for item in items {
                if case let .object(pairs) = item, !pairs.isEmpty {
                    // `- key: value` with the other keys aligned under the first.
                    write(item, indent: indent + 1, firstPrefix: linePrefix() + "- ", into: &out)
                } else {
                    out += linePrefix()
                    out += "-"
                    writeChild(item, indent: indent, into: &out)
                }
            }
        default:
            out += linePrefix()
            out += scalar(value)
            out += "\n"
        }
    }

    /// A value after `key:` or `-`: inline when scalar or empty, else on the following lines.
    private static func writeChild(_ child: StructuredValue, indent: Int, into out: inout String) {
        switch child {
        case let .object(pairs) where !pairs.isEmpty:
            out += "\n"
            write(child, indent: indent + 1, into: &out)
        case let .array(items) where !items.isEmpty:
            out += "\n"
            write(child, indent: indent + 1, into: &out)
        default:
            out += " "
            out += scalar(child)
            out += "\n"
        }
    }

    private static func scalar(_ value: StructuredValue) -> String {
        switch value {
        case .object: return "{}"
        case .array: return "[]"
        case let .string(text): return isPlainSafe(text) ? text : JSONRenderer.quote(text)
        case let .integer(number): return String(number)
        case let .number(text): return text
        case let .bool(flag): return flag ? "true" : "false"
        case .null: return "null"
        }
    }

    /// ASCII bytes allowed first in a plain scalar, and anywhere after (byte-indexed tables: this runs for every string).
    private static let plainFirst = asciiTable("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_/$")
    private static let plainRest = asciiTable("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./{}-$ ,()'`")
    private static let specialWords: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"]

    private static func asciiTable(_ characters: String) -> [Bool] {
        var table = [Bool](repeating: false, count: 128)
        for byte in characters.utf8 { table[Int(byte)] = true }
        return table
    }

    /// Plain (unquoted) only when no YAML reader could take the text for a number, boolean, null or syntax.
    private static func isPlainSafe(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        guard let first = bytes.next(), first < 128, plainFirst[Int(first)] else { return false }
        var last = first
        while let byte = bytes.next() {
            guard byte < 128, plainRest[Int(byte)] else { return false }
            last = byte
        }
        return last != UInt8(ascii: " ") && (text.utf8.count > 5 || !specialWords.contains(text.lowercased()))
    }
}
