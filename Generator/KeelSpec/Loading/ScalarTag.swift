import Yams

/// YAML 1.1 core-schema typing of scalars, as Yams's default resolver does it, without regular expressions.
///
/// `YAMLComposer` leaves scalars untyped and they are typed here: Yams's regex-based resolution was most of the time
/// spent reading large specs.
enum ScalarTag {
    static func of(_ scalar: YAMLScalar) -> Tag.Name {
        // A tag written in the file wins (`!!int 3`, `!!str 3`); `!` alone means text, and Keel parses dates itself.
        if let tag = scalar.tag { return tag == .nonSpecific || tag == .timestamp ? .str : tag }
        // Quoted and block scalars are always text.
        return scalar.isPlain ? classify(scalar.string) : .str
    }

    /// Whether `of(scalar)` is `.null`, without the number checks: asked of every optional key a spec reads.
    static func isNull(_ scalar: YAMLScalar) -> Bool {
        if let tag = scalar.tag { return tag == .null }
        guard scalar.isPlain else { return false }
        guard let first = scalar.string.utf8.first else { return true }
        return (first == UInt8(ascii: "~") || first == UInt8(ascii: "n") || first == UInt8(ascii: "N")) && nulls.contains(scalar.string)
    }

    static func classify(_ text: String) -> Tag.Name {
        guard let first = text.utf8.first else { return .null }
        // Null and boolean words start with one of a few letters, numbers with a sign, a digit, '.' or '_' (isInt
        // and isFloat accept nothing else): most text is neither, and is told by its first byte.
        if wordStarts.contains(first) {
            if nulls.contains(text) { return .null }
            if trueWords.contains(text) || falseWords.contains(text) { return .bool }
            return .str
        }
        guard numberStarts.contains(first) else { return .str }
        let bytes = Array(text.utf8)
        if isInt(bytes) { return .int }
        if isFloat(bytes) { return .float }
        return .str
    }

    static func bool(_ text: String) -> Bool? {
        trueWords.contains(text) ? true : falseWords.contains(text) ? false : nil
    }

    private static let nulls: Set<String> = ["", "~", "null", "Null", "NULL"]
    private static let trueWords: Set<String> = ["yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]
    private static let falseWords: Set<String> = ["no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]

    private static let wordStarts: Set<UInt8> = Set("~nNyYtToOfF".utf8)
    private static let numberStarts: Set<UInt8> = Set("+-._0123456789".utf8)
    private static let infinitiesAndNaNs: Set<String> = [".inf", ".Inf", ".INF", "-.inf", "+.inf", "-.Inf", "+.Inf", "-.INF", "+.INF", ".nan", ".NaN", ".NAN"]

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    /// `[-+]?(0|[1-9][0-9_]*)`, `0x..`, `0o..`, `0b..`.
    private static func isInt(_ bytes: [UInt8]) -> Bool {
        var body = bytes[...]
        if let first = body.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { body = body.dropFirst() }
        guard let first = body.first else { return false }
        if body.count > 2, first == UInt8(ascii: "0") {
            let marker = body[body.startIndex + 1]
            let digits = body.dropFirst(2)
            switch marker {
            case UInt8(ascii: "x"): return digits.allSatisfy { isDigit($0) || (97...102).contains($0 | 0x20) || $0 == UInt8(ascii: "_") }
            case UInt8(ascii: "o"): return digits.allSatisfy { (48...55).contains($0) || $0 == UInt8(ascii: "_") }
            case UInt8(ascii: "b"): return digits.allSatisfy { $0 == 48 || $0 == 49 || $0 == UInt8(ascii: "_") }
            default: break
            }
        }
        if first == UInt8(ascii: "0") { return body.count == 1 || body.dropFirst().allSatisfy { (48...55).contains($0) || $0 == UInt8(ascii: "_") } }
        return isDigit(first) && body.allSatisfy { isDigit($0) || $0 == UInt8(ascii: "_") }
    }

    /// `[-+]?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?`, `.5`, `.inf`, `.nan`.
    private static func isFloat(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        if infinitiesAndNaNs.contains(text) { return true }
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        let mantissaStart = index
        var digits = 0
        while index < bytes.count, isDigit(bytes[index]) || bytes[index] == UInt8(ascii: "_") { digits += isDigit(bytes[index]) ? 1 : 0; index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, isDigit(bytes[index]) || bytes[index] == UInt8(ascii: "_") { digits += isDigit(bytes[index]) ? 1 : 0; index += 1 }
        }
        guard digits > 0, index > mantissaStart else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            let exponentStart = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            guard index > exponentStart else { return false }
        }
        return index == bytes.count
    }
}
