/// A pretty-printed JSON document written straight into UTF-8 bytes, two spaces per level, in one of two styles.
/// `JSONRenderer` writes `StructuredValue`s with it; `SnapshotJSON` writes the schema snapshot with it directly,
/// without building values first (the snapshot of 10,000 columns is on the generation's hot path).
///
/// The writer lays out members, items, separators and indentation: a caller opens a container and writes each
/// member as `key(_:)` followed by its value.
struct JSONTextWriter {
    enum Style {
        /// Keel's own JSON: `"key": value`, `{}` and `[]` when empty, control characters other than `\n`, `\r` and
        /// `\t` escaped as `\u00XX`.
        case keel
        /// `JSONEncoder`'s `.prettyPrinted` as swift-foundation writes it: `"key" : value`, an empty container as
        /// its brackets around an empty line, `\b` and `\f` escaped short. Slashes are left alone, as
        /// `.withoutEscapingSlashes` does; keys are written in the caller's order (sort them for `.sortedKeys`).
        case encoder
    }

    let style: Style
    private(set) var bytes: [UInt8] = []
    /// The levels of indentation of the current container's members.
    private(set) var depth = 0
    /// Whether the current container has no member yet.
    private var isEmpty = true

    init(style: Style, capacity: Int = 0) {
        self.style = style
        bytes.reserveCapacity(capacity)
    }

    /// Ends the document with its final newline and returns it.
    mutating func finishedText() -> String {
        bytes.append(UInt8(ascii: "\n"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// An object whose members `members` writes, each as `key(_:)` and its value.
    mutating func object(_ members: (inout JSONTextWriter) throws -> Void) rethrows {
        try container(UInt8(ascii: "{"), UInt8(ascii: "}"), members)
    }

    /// An array of `items`, each written by `item`.
    mutating func array<Items: Sequence>(_ items: Items, _ item: (inout JSONTextWriter, Items.Element) throws -> Void) rethrows {
        try container(UInt8(ascii: "["), UInt8(ascii: "]")) { writer in
            for element in items {
                writer.newMember()
                try item(&writer, element)
            }
        }
    }

    /// Starts a member of the current object with a key of plain ASCII that needs no escaping (the hot path's keys).
    mutating func key(_ name: StaticString) {
        newMember()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        separator()
    }

    /// Starts a member of the current object.
    mutating func key(_ name: String) {
        newMember()
        string(name)
        separator()
    }

    /// A string literal, escaped as the style escapes it.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        // Native text that needs no escape (nearly all of it) is copied in one piece.
        let copied = text.utf8.withContiguousStorageIfAvailable { utf8 in
            guard !utf8.contains(where: Self.needsEscaping) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if copied != true {
            for byte in text.utf8 {
                if Self.needsEscaping(byte) { escape(byte) } else { bytes.append(byte) }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func integer(_ number: some BinaryInteger) {
        bytes += String(number).utf8
    }

    /// A number as its literal text.
    mutating func number(_ literal: String) {
        bytes += literal.utf8
    }

    mutating func bool(_ flag: Bool) {
        bytes += (flag ? "true" : "false").utf8
    }

    mutating func null() {
        bytes += "null".utf8
    }

    /// A value already written as JSON at the current depth (see `indented(_:depth:)`).
    mutating func raw(_ json: [UInt8]) {
        bytes += json
    }

    /// Whether `byte` of a string's UTF-8 is escaped in a literal (in either style): a control character, `"` or `\`.
    static func needsEscaping(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// `document`, a value written alone, as it reads nested at `depth`: each line after the first indented by
    /// `depth` levels (the empty line of an empty container stays empty).
    static func indented(_ document: some Sequence<UInt8>, depth: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var afterNewline = false
        for byte in document {
            if afterNewline, byte != UInt8(ascii: "\n") { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth)) }
            bytes.append(byte)
            afterNewline = byte == UInt8(ascii: "\n")
        }
        return bytes
    }

    private mutating func container(_ open: UInt8, _ close: UInt8, _ members: (inout JSONTextWriter) throws -> Void) rethrows {
        bytes.append(open)
        let outerIsEmpty = isEmpty
        depth += 1
        isEmpty = true
        try members(&self)
        depth -= 1
        if !isEmpty || style == .encoder {
            if isEmpty { bytes.append(UInt8(ascii: "\n")) }
            bytes.append(UInt8(ascii: "\n"))
            spaces()
        }
        bytes.append(close)
        isEmpty = outerIsEmpty
    }

    /// The line of the current container's next member or item, indented.
    private mutating func newMember() {
        if !isEmpty { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\n"))
        isEmpty = false
        spaces()
    }

    /// Between a key and its value.
    private mutating func separator() {
        bytes += (style == .encoder ? " : " : ": ").utf8
    }

    private mutating func spaces() {
        if 2 * depth <= Self.spaces.count {
            bytes.append(contentsOf: Self.spaces[..<(2 * depth)])
        } else {
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
        }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): bytes += #"\""#.utf8
        case UInt8(ascii: "\\"): bytes += #"\\"#.utf8
        case UInt8(ascii: "\n"): bytes += #"\n"#.utf8
        case UInt8(ascii: "\r"): bytes += #"\r"#.utf8
        case UInt8(ascii: "\t"): bytes += #"\t"#.utf8
        case 0x08 where style == .encoder: bytes += #"\b"#.utf8
        case 0x0C where style == .encoder: bytes += #"\f"#.utf8
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes += #"\u00"#.utf8
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0x0F)])
        }
    }
}
