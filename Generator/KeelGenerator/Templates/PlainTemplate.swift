/// A Mustache template that uses only text, `{{{name}}}`, `{{#name}}` and `{{^name}}` sections: what Keel's
/// built-in templates use. Parsed here so the hot per-table and per-endpoint output renders without the
/// dynamic protocol casts of the general engine (most of generation's time at 1,000 tables).
///
/// It parses exactly as swift-mustache does, standalone-line rules included; a template using anything else
/// (other tags, dotted names, `\r` or other line ends, a non-ASCII character after a space or brace) is not
/// a plain template, and `TemplateLibrary` renders it with swift-mustache.
struct PlainTemplate: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        case value(String)
        case section(String, [Node])
        case inverted(String, [Node])
    }

    let nodes: [Node]

    /// Nil when `text` uses more of Mustache than the plain subset.
    init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard Self.hasOnlyPlainLineEnds(bytes) else { return nil }
        var parser = Parser(bytes: bytes)
        guard let nodes = try? parser.block(section: nil, newLine: true) else { return nil }
        self.nodes = nodes
    }

    /// No line end but `\n` (swift-mustache treats every Unicode line end as one), and no non-ASCII character
    /// right after a space, tab, newline or brace (it would join that character into one `Character`).
    private static func hasOnlyPlainLineEnds(_ bytes: [UInt8]) -> Bool {
        var previous: UInt8 = 0
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case 0x0B, 0x0C, 0x0D: return false
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: return false
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9): return false
            case 0x80...: if [0x20, 0x09, 0x0A, 0x7B, 0x7D].contains(previous) { return false }
            default: break
            }
            previous = byte
        }
        return true
    }
}

/// The outside of the plain subset was reached.
private struct NotPlain: Error {}

private struct Parser {
    let bytes: [UInt8]
    var position = 0

    private static let space: UInt8 = 0x20, tab: UInt8 = 0x09, newline: UInt8 = 0x0A, open: UInt8 = 0x7B, close: UInt8 = 0x7D

    /// One section's nodes (or the template's), following swift-mustache's `parse(_:state:)` step by step.
    mutating func block(section: String?, newLine initialNewLine: Bool) throws(NotPlain) -> [PlainTemplate.Node] {
        var nodes: [PlainTemplate.Node] = []
        var newLine = initialNewLine
        var whiteSpaceBefore = ""
        while position < bytes.count {
            if newLine { whiteSpaceBefore = read { $0 == Self.space || $0 == Self.tab } }
            let (text, atTag) = readText()
            if !atTag, position < bytes.count {
                // At a newline: the line ends here.
                nodes.append(.text(whiteSpaceBefore + text + "\n"))
                newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whiteSpaceBefore + text))
                whiteSpaceBefore = ""
                newLine = false
            }
            guard atTag else { break }
            guard position < bytes.count else { throw NotPlain() }
            var setNewLine = false
            let kind = bytes[position]
            position += 1
            switch kind {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let name = try self.name()
                if newLine, lineFinished() {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                let children = try block(section: name, newLine: setNewLine)
                nodes.append(kind == UInt8(ascii: "#") ? .section(name, children) : .inverted(name, children))
            case UInt8(ascii: "/"):
                let name = try self.name()
                guard name == section else { throw NotPlain() }
                if !(newLine && lineFinished()), !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                }
                return nodes
            case Self.open:
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                let name = try self.name()
                guard position < bytes.count, bytes[position] == Self.close else { throw NotPlain() }
                position += 1
                nodes.append(.value(name))
            default:
                throw NotPlain()
            }
            newLine = setNewLine
        }
        guard section == nil else { throw NotPlain() }
        return nodes
    }

    /// Text up to a newline (not consumed) or `{{` (consumed: `atTag`), or the end.
    private mutating func readText() -> (String, atTag: Bool) {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.newline { break }
            if byte == Self.open, position + 1 < bytes.count, bytes[position + 1] == Self.open {
                let text = String(decoding: bytes[start..<position], as: UTF8.self)
                position += 2
                return (text, true)
            }
            position += 1
        }
        return (String(decoding: bytes[start..<position], as: UTF8.self), false)
    }

    /// A tag's name and its closing `}}`, spaces allowed around the name.
    private mutating func name() throws(NotPlain) -> String {
        _ = read { $0 == Self.space || $0 == Self.tab }
        let name = read { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: "*"): true
            default: false
            }
        }
        _ = read { $0 == Self.space || $0 == Self.tab }
        guard !name.isEmpty, position + 1 < bytes.count, bytes[position] == Self.close, bytes[position + 1] == Self.close else { throw NotPlain() }
        position += 2
        return name
    }

    /// Whether only spaces and tabs remain on the line; if so, they and the newline are consumed.
    private mutating func lineFinished() -> Bool {
        guard position < bytes.count else { return true }
        var probe = position
        while probe < bytes.count, bytes[probe] == Self.space || bytes[probe] == Self.tab { probe += 1 }
        guard probe < bytes.count, bytes[probe] == Self.newline else { return false }
        position = probe + 1
        return true
    }

    private mutating func read(while accepts: (UInt8) -> Bool) -> String {
        let start = position
        while position < bytes.count, accepts(bytes[position]) { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }
}
