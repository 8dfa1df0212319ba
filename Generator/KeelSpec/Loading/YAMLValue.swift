import Yams

/// A YAML node together with the file it came from, so every value can be reported at its place.
struct YAMLValue {
    let node: YAMLNode
    let file: String
    /// The end of the file's last line when the file lacks a final line break: libyaml marks a value at the very
    /// end (`key:` with nothing after it) on the line after the last, which `location` moves back here.
    let end: (line: Int, column: Int)?

    init(node: YAMLNode, file: String, end: (line: Int, column: Int)? = nil) {
        self.node = node
        self.file = file
        self.end = end
    }

    /// Text Keel derives (a default) that reports at `mark`, the place it stands in for. It reads as text whatever
    /// its form, as if quoted.
    init(derived text: String, file: String, mark: YAMLMark) {
        self.init(node: .scalar(YAMLScalar(text, tag: nil, isPlain: false, mark: mark)), file: file)
    }

    var location: SourceLocation {
        let line = node.mark.line, column = node.mark.column
        if let end, line > end.line { return SourceLocation(file: file, line: end.line, column: end.column) }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// One `key: value` pair of a mapping; keys are always read as text.
    struct Entry {
        let key: String
        let keyValue: YAMLValue
        let value: YAMLValue
    }

    var entries: [Entry]? {
        guard case let .mapping(pairs, _) = node else { return nil }
        return pairs.map { key, value in
            Entry(key: key.string ?? "", keyValue: YAMLValue(node: key, file: file, end: end), value: YAMLValue(node: value, file: file, end: end))
        }
    }

    var isMapping: Bool {
        if case .mapping = node { return true }
        return false
    }

    var items: [YAMLValue]? {
        guard case let .sequence(items, _) = node else { return nil }
        return items.map { YAMLValue(node: $0, file: file, end: end) }
    }

    /// The resolved tag of a scalar; timestamps count as text (Keel parses dates itself).
    var scalarTag: Tag.Name? {
        guard case let .scalar(scalar) = node else { return nil }
        return ScalarTag.of(scalar)
    }

    var isNull: Bool {
        guard case let .scalar(scalar) = node else { return false }
        return ScalarTag.isNull(scalar)
    }

    /// The text of a scalar whatever its resolved type, e.g. for names.
    var text: String? {
        guard case let .scalar(scalar) = node else { return nil }
        return scalar.string
    }

    /// How the value reads to a person, for "expected X, found Y" messages.
    var kindDescription: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar:
            switch scalarTag {
            case .null: return "null"
            case .bool: return "a boolean"
            case .int: return "an integer"
            case .float: return "a number"
            default: return "a string"
            }
        }
    }
}
