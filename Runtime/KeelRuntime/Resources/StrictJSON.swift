/// What Foundation's JSON parser accepts beyond RFC 8259 and request bodies must not: a comma before `}` or `]`.
enum StrictJSON {
    /// Whether `bytes` has a trailing comma outside a string.
    static func hasTrailingComma(_ bytes: some Sequence<UInt8>) -> Bool {
        var inString = false
        var escaped = false
        var pendingComma = false
        for byte in bytes {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true; pendingComma = false
            case UInt8(ascii: ","): pendingComma = true
            case UInt8(ascii: "}"), UInt8(ascii: "]"): if pendingComma { return true }
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): continue
            default: pendingComma = false
            }
        }
        return false
    }
}
