/// Renders a `PlainTemplate` as swift-mustache renders the same template, for the values emitters pass
/// (strings, booleans, integers, string-keyed dictionaries and arrays of them). Any other value throws
/// `Unsupported`, and the caller renders with swift-mustache instead, so the output never differs.
extension PlainTemplate {
    struct Unsupported: Error {}

    func render(_ context: Any) throws(Unsupported) -> String {
        // Bytes, made a string once: appending to a `String` piece by piece cost more than the lookups.
        var output: [UInt8] = []
        var stack: [Scope] = [Scope(context)]
        try Self.render(nodes, stack: &stack, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static func render(_ nodes: [Node], stack: inout [Scope], into output: inout [UInt8]) throws(Unsupported) {
        for node in nodes {
            switch node {
            case let .text(text):
                output.append(contentsOf: text.utf8)
            case let .value(name):
                guard let value = try lookUp(name, in: stack) else { continue }
                switch try Shape(value) {
                case let .text(text): output.append(contentsOf: text.utf8)
                case let .flag(flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
                case let .number(number): output.append(contentsOf: String(number).utf8)
                case .object, .list: throw Unsupported()
                }
            case let .section(name, children):
                guard let value = try lookUp(name, in: stack) else { continue }
                switch try Shape(value) {
                case let .flag(flag):
                    if flag { try render(children, stack: &stack, into: &output) }
                case let .list(list):
                    for index in 0..<list.count {
                        stack.append(list.scope(at: index))
                        try render(children, stack: &stack, into: &output)
                        stack.removeLast()
                    }
                case .text, .number, .object:
                    stack.append(Scope(value))
                    try render(children, stack: &stack, into: &output)
                    stack.removeLast()
                }
            case let .inverted(name, children):
                guard let value = try lookUp(name, in: stack) else {
                    try render(children, stack: &stack, into: &output)
                    continue
                }
                switch try Shape(value) {
                case let .flag(flag):
                    if !flag { try render(children, stack: &stack, into: &output) }
                case let .list(list) where list.count == 0:
                    // swift-mustache renders an empty list's inverted section with the list on the stack.
                    stack.append(.leaf)
                    try render(children, stack: &stack, into: &output)
                    stack.removeLast()
                case .list, .text, .number, .object:
                    break
                }
            }
        }
    }

    /// The innermost value named `name`, looked up from the top of the stack down.
    private static func lookUp(_ name: String, in stack: [Scope]) throws(Unsupported) -> Any? {
        for scope in stack.reversed() {
            switch scope {
            case let .object(object): if let value = object[name] { return value }
            case let .strings(strings): if let value = strings[name] { return value }
            case .leaf: break
            case .unsupported: throw Unsupported()
            }
        }
        return nil
    }

    /// A context on the stack, told apart once when it is pushed rather than at every lookup through it.
    private enum Scope {
        case object([String: Any])
        case strings([String: String])
        /// Strings, numbers, booleans and lists: no named children.
        case leaf
        /// A value of another type: a lookup reaching it throws `Unsupported`.
        case unsupported

        init(_ value: Any) {
            let type = type(of: value)
            if type == [String: Any].self {
                self = .object(value as! [String: Any])
            } else if type == [String: String].self {
                self = .strings(value as! [String: String])
            } else if Shape.isLeafOrList(type) {
                self = .leaf
            } else {
                self = .unsupported
            }
        }
    }

    /// The items of a list value, kept in their own array type (no copy into `[Any]`).
    private enum List {
        case objects([[String: Any]])
        case stringMaps([[String: String]])
        case strings([String])
        case values([Any])

        var count: Int {
            switch self {
            case let .objects(items): items.count
            case let .stringMaps(items): items.count
            case let .strings(items): items.count
            case let .values(items): items.count
            }
        }

        func scope(at index: Int) -> Scope {
            switch self {
            case let .objects(items): .object(items[index])
            case let .stringMaps(items): .strings(items[index])
            case .strings: .leaf
            case let .values(items): Scope(items[index])
            }
        }
    }

    /// What a context value is to Mustache.
    private enum Shape {
        case text(String)
        case flag(Bool)
        case number(Int)
        case object
        case list(List)

        init(_ value: Any) throws(Unsupported) {
            let type = type(of: value)
            if type == String.self {
                self = .text(value as! String)
            } else if type == Bool.self {
                self = .flag(value as! Bool)
            } else if type == Int.self {
                self = .number(value as! Int)
            } else if type == [String: Any].self || type == [String: String].self {
                self = .object
            } else if type == [[String: Any]].self {
                self = .list(.objects(value as! [[String: Any]]))
            } else if type == [[String: String]].self {
                self = .list(.stringMaps(value as! [[String: String]]))
            } else if type == [String].self {
                self = .list(.strings(value as! [String]))
            } else if type == [Any].self {
                self = .list(.values(value as! [Any]))
            } else {
                throw Unsupported()
            }
        }

        static func isLeafOrList(_ type: Any.Type) -> Bool {
            type == String.self || type == Bool.self || type == Int.self
                || type == [[String: Any]].self || type == [[String: String]].self || type == [String].self || type == [Any].self
        }
    }
}
