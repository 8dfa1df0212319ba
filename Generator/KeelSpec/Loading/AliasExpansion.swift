import CYaml

/// Guards against alias bombs ("billion laughs"): anchors whose aliases nest, so a few lines stand for
/// billions of values. Composing such YAML (Yams hashes mapping keys whole) or walking it would never end,
/// so the file's events are counted first, with each alias weighing as much as the value it repeats.
enum AliasExpansion {
    /// How many values aliases may add to one file: far above any spec that repeats a roles list or a column.
    static let limit = 100_000

    /// The line and column (1-based) of the alias that takes the file past `limit`, or nil when aliases stay
    /// within it. YAML that does not parse gives nil too: composing it reports the error.
    static func excess(in text: String) -> (line: Int, column: Int)? {
        // Every alias starts with '*': a text without one has none, and needs no second parse.
        guard text.utf8.contains(UInt8(ascii: "*")) else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            // Values each anchor stands for, and the collections still open with the values counted in them so far.
            var sizes: [String: Int] = [:]
            var open: [(anchor: String?, size: Int)] = []
            var added = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                var closed: (anchor: String?, size: Int)?
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_DOCUMENT_START_EVENT:
                    sizes = [:]
                case YAML_SCALAR_EVENT:
                    closed = (name(event.data.scalar.anchor), 1)
                case YAML_ALIAS_EVENT:
                    let size = name(event.data.alias.anchor).flatMap { sizes[$0] } ?? 1
                    added += size
                    if added > limit { return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1) }
                    closed = (nil, size)
                case YAML_SEQUENCE_START_EVENT:
                    open.append((name(event.data.sequence_start.anchor), 1))
                case YAML_MAPPING_START_EVENT:
                    open.append((name(event.data.mapping_start.anchor), 1))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    closed = open.popLast()
                default:
                    break
                }
                if let closed {
                    if let anchor = closed.anchor { sizes[anchor] = closed.size }
                    if !open.isEmpty { open[open.count - 1].size += closed.size }
                }
            }
        }
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        anchor.map { String(cString: $0) }
    }
}
