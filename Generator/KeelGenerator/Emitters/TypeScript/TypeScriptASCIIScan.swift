/// `TypeScriptImports`' scans over bytes, for text that is ASCII without carriage returns: there every byte is one
/// `Character`, so the results equal the `Character` scans, which cost several times more on a 100,000-line module.
enum TypeScriptASCIIScan {
    /// Whether `text` can be scanned byte by byte.
    static func applies(to text: String) -> Bool {
        var text = text
        // A loop over the buffer, not the `UTF8View`'s iterator: this reads every byte of megabytes of output.
        return text.withUTF8 { bytes in
            var plain = true
            for byte in bytes { plain = plain && byte < 0x80 && byte != 0x0D }
            return plain
        }
    }

    /// The names the module exports (as `TypeScriptImports.exports(of:)`): on each line starting `export `, the
    /// first identifier after it that is not one of `TypeScriptImports.exportKeywords`.
    static func exports(of text: String) -> Set<String> {
        var names: Set<String> = []
        var text = text
        text.withUTF8 { bytes in
            let prefix = Array("export ".utf8)
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                if lineEnd - lineStart >= prefix.count, bytes[lineStart..<(lineStart + prefix.count)].elementsEqual(prefix) {
                    var index = lineStart + prefix.count
                    while index < lineEnd {
                        guard isIdentifierByte(bytes[index]) else {
                            index += 1
                            continue
                        }
                        let start = index
                        while index < lineEnd, isIdentifierByte(bytes[index]) { index += 1 }
                        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                        if !TypeScriptImports.exportKeywords.contains(word) {
                            names.insert(word)
                            break
                        }
                    }
                }
                lineStart = lineEnd + 1
            }
        }
        return names
    }

    /// Which of `wanted` the code uses outside comments and string literals (the identifiers of
    /// `TypeScriptImports.identifiers(in:)` that are in `wanted`; collecting only those keeps the set small).
    static func identifiers(in text: String, among wanted: Set<String>) -> Set<String> {
        var names: Set<String> = []
        var text = text
        text.withUTF8 { scan($0, among: wanted, into: &names) }
        return names
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, among wanted: Set<String>, into names: inout Set<String>) {
        let slash = UInt8(ascii: "/"), star = UInt8(ascii: "*"), newline = UInt8(ascii: "\n")
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if isIdentifierByte(byte) {
                let start = index
                while index < count, isIdentifierByte(bytes[index]) { index += 1 }
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                if wanted.contains(name) { names.insert(name) }
                continue
            }
            index += 1
            switch byte {
            case slash:
                guard index < count else { break }
                if bytes[index] == slash {
                    while index < count, bytes[index] != newline { index += 1 }
                    index += 1
                } else if bytes[index] == star {
                    index += 1
                    var previous = UInt8(ascii: " ")
                    while index < count, !(previous == star && bytes[index] == slash) {
                        previous = bytes[index]
                        index += 1
                    }
                    index += 1
                }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                var escaped = false
                while index < count, escaped || bytes[index] != byte {
                    escaped = !escaped && bytes[index] == UInt8(ascii: "\\")
                    index += 1
                }
                index += 1
            default:
                break
            }
        }
    }

    /// Letters, digits, `_` and `$`, as `TypeScriptImports.isIdentifierCharacter` says of ASCII.
    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "$"): true
        default: false
        }
    }
}
