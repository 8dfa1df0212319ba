/// Renders a `StructuredValue` as block-style YAML, quoting every string that YAML would read as something else.
public enum YAMLRenderer {
    public static func render(_ value: StructuredValue) -> String {
        // Bytes, not String appends: this renders documents of hundreds of thousands of lines.
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(value, indent: 0, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes `value` at `indent`; `firstPrefix` replaces the indentation of the first line (for `- key: value`).
    private static func write(_ value: StructuredValue, indent: Int, firstPrefix: [UInt8]? = nil, into out: inout [UInt8]) {
        var prefix = firstPrefix
        func writePrefix() {
            if let first = prefix {
                out += first
                prefix = nil
            } else {
                out += repeatElement(UInt8(ascii: " "), count: 2 * indent)
            }
        }
        switch value {
        case let .object(pairs) where !pairs.isEmpty:
            for (key, child) in pairs {
                writePrefix()
                out += scalar(.string(key)).utf8
                out.append(UInt8(ascii: ":"))
                writeChild(child, indent: indent, into: &out)
            }
        case let .array(items) where !items.isEmpty:
            for item in items {
                if case let .object(pairs) = item, !pairs.isEmpty {
                    // `- key: value` with the other keys aligned under the first.
                    let itemPrefix = (prefix ?? Array(repeatElement(UInt8(ascii: " "), count: 2 * indent))) + Array("- ".utf8)
                    prefix = nil
                    write(item, indent: indent + 1, firstPrefix: itemPrefix, into: &out)
                } else {
                    writePrefix()
                    out.append(UInt8(ascii: "-"))
                    writeChild(item, indent: indent, into: &out)
                }
            }
        default:
            writePrefix()
            out += scalar(value).utf8
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
            out += scalar(child).utf8
            out.append(UInt8(ascii: "\n"))
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
