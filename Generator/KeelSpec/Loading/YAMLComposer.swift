import CYaml
import Yams

/// Builds `YAMLNode`s from libyaml's events in one pass, checking what the spec language needs on the way:
/// a single document, no key twice in a mapping, and aliases that stay within `aliasLimit`.
///
/// Keel composed YAML with Yams before; its own nodes spare Yams' per-node objects and key hashing, most of the time
/// spent reading a large spec. The failures carry the texts Yams gave, so diagnostics did not change.
final class YAMLComposer {
    /// How many values aliases may add to one file: far above any spec that repeats a roles list or a column, and
    /// far below the billions an alias bomb ("billion laughs") stands for, which no walk of the nodes could end.
    static let aliasLimit = 100_000

    /// Why a text did not compose.
    enum Failure: Error {
        /// libyaml refused the text: its problem, the construct it was in, and where.
        case syntax(problem: String, context: (text: String, mark: YAMLMark)?, mark: YAMLMark)
        /// The bytes are not text libyaml reads.
        case reader(problem: String)
        /// Keys that appear twice in one mapping (sorted), at the first place of the first of them.
        case duplicateKeys([String], mark: YAMLMark)
        /// The alias that takes the file more than `aliasLimit` values past its text.
        case aliasExcess(mark: YAMLMark)
    }

    private var parser = yaml_parser_t()
    /// The node each anchor names, with the number of values (its own and its children's) it stands for.
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    /// Values that aliases added so far.
    private var aliasAdded = 0

    /// The root node of `text`, or nil when it holds no document.
    static func compose(_ text: String) throws -> YAMLNode? {
        var text = text
        return try text.withUTF8 { bytes in
            let composer = try YAMLComposer(bytes)
            return try composer.document()
        }
    }

    /// Reads `bytes`, which must outlive the composer.
    private init(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard yaml_parser_initialize(&parser) == 1 else { throw Failure.reader(problem: "out of memory") }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
    }

    deinit { yaml_parser_delete(&parser) }

    private func document() throws -> YAMLNode? {
        try skip() // stream start
        guard try skip() != YAML_STREAM_END_EVENT else { return nil } // document start
        var first = try next()
        let root = try node(from: &first).node
        try skip() // document end
        var last = try next()
        defer { yaml_event_delete(&last) }
        guard last.type == YAML_STREAM_END_EVENT else {
            throw Failure.syntax(problem: "but found another document",
                                 context: ("expected a single document in the stream", YAMLMark(line: 1, column: 1)),
                                 mark: Self.mark(last.start_mark))
        }
        return root
    }

    /// The node that `event` starts, read to its end, with the number of values it stands for. Deletes `event`.
    private func node(from event: inout yaml_event_t) throws -> (node: YAMLNode, size: Int) {
        defer { yaml_event_delete(&event) }
        let mark = Self.mark(event.start_mark)
        switch event.type {
        case YAML_ALIAS_EVENT:
            guard let anchored = anchors[String(cString: event.data.alias.anchor)] else {
                throw Failure.syntax(problem: "found undefined alias", context: nil, mark: mark)
            }
            aliasAdded += anchored.size
            if aliasAdded > Self.aliasLimit { throw Failure.aliasExcess(mark: mark) }
            return anchored
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let string = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
            let tag = data.tag.map { Tag.Name(rawValue: String(cString: $0)) }
            let scalar = YAMLScalar(string, tag: tag, isPlain: data.style == YAML_PLAIN_SCALAR_STYLE, mark: mark)
            return anchor(data.anchor, (.scalar(scalar), 1))
        case YAML_SEQUENCE_START_EVENT:
            var items: [YAMLNode] = []
            var size = 1
            while var item = try next(ending: YAML_SEQUENCE_END_EVENT) {
                let child = try node(from: &item)
                items.append(child.node)
                size += child.size
            }
            return anchor(event.data.sequence_start.anchor, (.sequence(items, mark: mark), size))
        case YAML_MAPPING_START_EVENT:
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            var size = 1
            while var keyEvent = try next(ending: YAML_MAPPING_END_EVENT) {
                let key = try node(from: &keyEvent)
                var valueEvent = try next()
                let value = try node(from: &valueEvent)
                pairs.append((key.node, value.node))
                size += key.size + value.size
            }
            try Self.checkDuplicates(pairs)
            return anchor(event.data.mapping_start.anchor, (.mapping(pairs, mark: mark), size))
        default:
            throw Failure.syntax(problem: "unexpected event", context: nil, mark: mark)
        }
    }

    /// Registers `node` under its anchor, if it has one (a later anchor of a name shadows an earlier one).
    private func anchor(_ name: UnsafeMutablePointer<yaml_char_t>?, _ node: (node: YAMLNode, size: Int)) -> (node: YAMLNode, size: Int) {
        if let name { anchors[String(cString: name)] = node }
        return node
    }

    /// Two scalar keys are the same key when their texts and tags are (no tag, as for `name` and `'name'`, is `!!str`).
    private static func checkDuplicates(_ pairs: [(key: YAMLNode, value: YAMLNode)]) throws {
        let keys = pairs.compactMap { pair -> (key: ScalarKey, mark: YAMLMark)? in
            guard case let .scalar(scalar) = pair.key else { return nil }
            let tag = scalar.tag.map { $0 == .str || $0 == .nonSpecific ? "" : $0.rawValue } ?? ""
            return (ScalarKey(string: scalar.string, tag: tag), scalar.mark)
        }
        var repeated: [String: YAMLMark] = [:]
        if keys.count <= 16 {
            // Most mappings are a few keys: comparing each pair costs less than hashing them.
            for (index, key) in keys.enumerated() where repeated[key.key.string] == nil {
                if keys[(index + 1)...].contains(where: { $0.key == key.key }) { repeated[key.key.string] = key.mark }
            }
        } else {
            var seen: [ScalarKey: YAMLMark] = [:]
            for key in keys {
                if let first = seen[key.key] {
                    repeated[key.key.string] = repeated[key.key.string] ?? first
                } else {
                    seen[key.key] = key.mark
                }
            }
        }
        guard let firstName = repeated.keys.min(), let mark = repeated[firstName] else { return }
        throw Failure.duplicateKeys(repeated.keys.sorted(), mark: mark)
    }

    private struct ScalarKey: Hashable {
        let string: String
        let tag: String
    }

    /// The next event, for the caller to delete.
    private func next() throws -> yaml_event_t {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { throw failure() }
        return event
    }

    /// The next event, or nil (the event deleted) when it is of type `end`.
    private func next(ending end: yaml_event_type_t) throws -> yaml_event_t? {
        var event = try next()
        guard event.type == end else { return event }
        yaml_event_delete(&event)
        return nil
    }

    /// Reads past an event that carries nothing Keel uses, and tells its type.
    @discardableResult
    private func skip() throws -> yaml_event_type_t {
        var event = try next()
        defer { yaml_event_delete(&event) }
        return event.type
    }

    /// The parser's error, in libyaml's words.
    private func failure() -> Failure {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
            let context = parser.context.map { (text: String(cString: $0), mark: Self.mark(parser.context_mark)) }
            return .syntax(problem: problem, context: context, mark: Self.mark(parser.problem_mark))
        default:
            return .reader(problem: problem)
        }
    }

    private static func mark(_ mark: yaml_mark_t) -> YAMLMark {
        YAMLMark(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }
}
