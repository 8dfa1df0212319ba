import Yams

/// A YAML node as Keel reads it, composed straight from libyaml's events (`YAMLComposer`).
///
/// Aliases share the node of their anchor, so a repeated value costs one reference, not a copy.
indirect enum YAMLNode {
    case scalar(YAMLScalar)
    case mapping([(key: YAMLNode, value: YAMLNode)], mark: YAMLMark)
    case sequence([YAMLNode], mark: YAMLMark)

    /// Where the node starts (1-based line and column).
    var mark: YAMLMark {
        switch self {
        case let .scalar(scalar): return scalar.mark
        case let .mapping(_, mark), let .sequence(_, mark): return mark
        }
    }

    /// The text of a scalar; nil for a collection.
    var string: String? {
        guard case let .scalar(scalar) = self else { return nil }
        return scalar.string
    }
}

/// A scalar's text with what typing it needs: the tag written in the file and whether it was written plain.
struct YAMLScalar {
    let string: String
    /// The tag written before the value (`!!int 3`), in full (`tag:yaml.org,2002:int`); nil when none was.
    let tag: Tag.Name?
    /// Written without quotes or block indicators: only such text is typed by its form (`3` is a number, `'3'` text).
    let isPlain: Bool
    var mark: YAMLMark

    init(_ string: String, tag: Tag.Name?, isPlain: Bool, mark: YAMLMark) {
        self.string = string
        self.tag = tag
        self.isPlain = isPlain
        self.mark = mark
    }
}

/// A place in a YAML file, 1-based; columns count Unicode scalars, as libyaml does.
struct YAMLMark {
    let line: Int
    let column: Int
}
