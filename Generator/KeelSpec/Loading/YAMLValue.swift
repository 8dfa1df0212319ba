import Yams

/// A YAML node together with the file it came from, so every value can be reported at its place.
struct YAMLValue {
    let node: Node
    let file: String
    /// The end of the file's last line when the file lacks a final line break: libyaml marks a value at the very
    /// end (`key:` with nothing after it) on the line after the last, which `location` moves back here.
    let end: (line: Int, column: Int)?

    init(node: Node, file: String, end: (line: Int, column: Int)? = nil) {
        self.node = node
        self.file = file
        self.end = end
    }

    /// A value Keel derives (a default) that reports at `mark`, the place it stands in for.
    init(node: Node, file: String, mark: Mark?) {
        var node = node
        if case var .scalar(scalar) = node {
            scalar.mark = mark
            node = .scalar(scalar)
        }
        self.init(node: node, file: file)
    }

    var location: SourceLocation {
        let line = node.mark?.line ?? 1, column = node.mark?.column ?? 1
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
        guard case let .mapping(mapping) = node else { return nil }
        return mapping.map { key, value in
            Entry(key: key.string ?? "", keyValue: YAMLValue(node: key, file: file, end: end), value: YAMLValue(node: value, file: file, end: end))
        }
    }

    var isMapping: Bool {
        if case .mapping = node { return true }
        return false
    }

    var items: [YAMLValue]? {
        guard case let .sequence(sequence) = node else { return nil }
        return sequence.map { YAMLValue(node: $0, file: file, end: end) }
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
        case .alias: return "an alias"
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
