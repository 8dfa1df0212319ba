import Foundation

/// `TypeScriptImports`' scans over bytes, for text that is ASCII without carriage returns: there every byte is one
/// `Character`, so the results equal the `Character` scans, which cost several times more on a 100,000-line module.
enum TypeScriptASCIIScan {
    /// Whether `text` can be scanned byte by byte.
    static func applies(to text: String) -> Bool {
        var text = text
        // Two searches that read many bytes at a time (a reduction the compiler vectorizes, and memchr(3)), not one
        // loop testing each byte twice: this reads every byte of megabytes of output.
        return ASCIIText.isASCII(text) && text.withUTF8 { bytes in
            bytes.isEmpty || memchr(bytes.baseAddress!, 0x0D, bytes.count) == nil
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
        let table = NameTable(wanted)
        var found = [Bool](repeating: false, count: table.names.count)
        var text = text
        text.withUTF8 { scan($0, table: table, found: &found) }
        return Set(zip(table.names, found).filter(\.1).map(\.0))
    }

    /// The wanted names in an open-addressing table keyed by a hash of their bytes, so the scan looks each
    /// identifier up without making a `String` of it (there are hundreds of thousands in a large client).
    private struct NameTable {
        let names: [String]
        let bytes: [[UInt8]]
        /// Index into `names` + 1; 0 is an empty slot.
        let slots: [Int]
        let mask: Int

        init(_ wanted: Set<String>) {
            names = Array(wanted)
            bytes = names.map { Array($0.utf8) }
            var size = 16
            while size < 2 * names.count { size *= 2 }
            mask = size - 1
            var slots = [Int](repeating: 0, count: size)
            for (index, name) in bytes.enumerated() {
                var slot = Int(truncatingIfNeeded: NameTable.hash(name[...])) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = index + 1
            }
            self.slots = slots
        }

        /// FNV-1a.
        static func hash<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64 {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
            return hash
        }

        /// The index in `names` of the name spelled by `word`, if wanted.
        func index(of word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 {
                let index = slots[slot] - 1
                if bytes[index].elementsEqual(word) { return index }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, table: NameTable, found: inout [Bool]) {
        let slash = UInt8(ascii: "/"), star = UInt8(ascii: "*"), newline = UInt8(ascii: "\n")
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if isIdentifierByte(byte) {
                let start = index
                var hash: UInt64 = 0xCBF2_9CE4_8422_2325
                while index < count, isIdentifierByte(bytes[index]) {
                    hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01B3
                    index += 1
                }
                if let name = table.index(of: UnsafeBufferPointer(rebasing: bytes[start..<index]), hash: hash) { found[name] = true }
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
