/// Renders a `PlainTemplate` as swift-mustache renders the same template, for the values emitters pass
/// (strings, booleans, integers, string-keyed dictionaries and arrays of them). Any other value throws
/// `Unsupported`, and the caller renders with swift-mustache instead, so the output never differs.
extension PlainTemplate {
    struct Unsupported: Error {}

    func render(_ context: Any) throws(Unsupported) -> String {
        var output = ""
        var stack: [Any] = [context]
        try Self.render(nodes, stack: &stack, into: &output)
        return output
    }

    private static func render(_ nodes: [Node], stack: inout [Any], into output: inout String) throws(Unsupported) {
        for node in nodes {
            switch node {
            case let .text(text):
                output += text
            case let .value(name):
                guard let value = try lookUp(name, in: stack) else { continue }
                switch try Shape(value) {
                case let .text(text): output += text
                case let .flag(flag): output += flag ? "true" : "false"
                case let .number(number): output += String(number)
                case .object, .list: throw Unsupported()
                }
            case let .section(name, children):
                guard let value = try lookUp(name, in: stack) else { continue }
                switch try Shape(value) {
                case let .flag(flag):
                    if flag { try render(children, stack: &stack, into: &output) }
                case let .list(items):
                    for item in items {
                        stack.append(item)
                        try render(children, stack: &stack, into: &output)
                        stack.removeLast()
                    }
                case .text, .number, .object:
                    stack.append(value)
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
                case let .list(items) where items.isEmpty:
                    // swift-mustache renders an empty list's inverted section with the list on the stack.
                    stack.append(value)
                    try render(children, stack: &stack, into: &output)
                    stack.removeLast()
                case .list, .text, .number, .object:
                    break
                }
            }
        }
    }

    /// The innermost value named `name`, looked up from the top of the stack down. Strings, numbers, booleans
    /// and lists have no named children.
    private static func lookUp(_ name: String, in stack: [Any]) throws(Unsupported) -> Any? {
        for entry in stack.reversed() {
            let type = type(of: entry)
            if type == [String: Any].self {
                if let value = (entry as! [String: Any])[name] { return value }
            } else if type == [String: String].self {
                if let value = (entry as! [String: String])[name] { return value }
            } else if !Shape.isLeafOrList(type) {
                throw Unsupported()
            }
        }
        return nil
    }

    /// What a context value is to Mustache.
    private enum Shape {
        case text(String)
        case flag(Bool)
        case number(Int)
        case object
        case list([Any])

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
                self = .list((value as! [[String: Any]]).map { $0 })
            } else if type == [[String: String]].self {
                self = .list((value as! [[String: String]]).map { $0 })
            } else if type == [String].self {
                self = .list((value as! [String]).map { $0 })
            } else if type == [Any].self {
                self = .list(value as! [Any])
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
