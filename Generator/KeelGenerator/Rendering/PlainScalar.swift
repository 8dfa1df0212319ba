/// Which strings `YAMLRenderer` may write unquoted: only those no YAML reader could take for a number, boolean,
/// null or syntax. Checked over bytes with bit masks: this runs for every key and string of a 14 MB document.
enum PlainScalar {
    static func isSafe(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(isSafe)
    }

    /// Whether the UTF-8 `bytes` of a string may be written unquoted.
    static func isSafe(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, contains(first, mask: firstMask) else { return false }
        for byte in bytes.dropFirst() where !contains(byte, mask: restMask) { return false }
        return bytes.last != UInt8(ascii: " ") && (bytes.count > 5 || !isSpecialWord(bytes))
    }

    /// ASCII bytes allowed first in a plain scalar, and anywhere after.
    private static let firstMask = mask("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_/$")
    private static let restMask = mask("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./{}-$ ,()'`")
    /// Words YAML 1.1 readers take for booleans or null, in any case (`~` cannot start a plain scalar here).
    private static let specialWords: [[UInt8]] = ["true", "false", "yes", "no", "on", "off", "null", "y", "n"].map { Array($0.utf8) }

    /// Bit `b` set for each ASCII byte `b` of `characters` (low and high 64 bits).
    private static func mask(_ characters: String) -> (UInt64, UInt64) {
        var mask: (UInt64, UInt64) = (0, 0)
        for byte in characters.utf8 {
            if byte < 64 { mask.0 |= 1 << UInt64(byte) } else { mask.1 |= 1 << UInt64(byte - 64) }
        }
        return mask
    }

    private static func contains(_ byte: UInt8, mask: (UInt64, UInt64)) -> Bool {
        switch byte {
        case 0..<64: mask.0 & (1 << UInt64(byte)) != 0
        case 64..<128: mask.1 & (1 << UInt64(byte - 64)) != 0
        default: false
        }
    }

    /// Whether `bytes` (plain-safe ASCII) spell a special word, ignoring case.
    private static func isSpecialWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Only letters are in the words: setting bit 0x20 lower-cases them and changes no other plain-safe byte into one.
        specialWords.contains { word in word.count == bytes.count && zip(word, bytes).allSatisfy { $0 == $1 | 0x20 } }
    }
}
