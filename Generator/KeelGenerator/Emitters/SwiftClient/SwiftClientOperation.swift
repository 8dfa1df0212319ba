import KeelSpec

/// One method of a generated client: its parameters, the request it sends and the answer it decodes.
struct SwiftClientOperation {
    struct Parameter {
        var label: String
        var name: String
        var type: String
        var defaultValue: String = ""

        var declaration: String {
            (SwiftClientDeclaration.bare(label) == SwiftClientDeclaration.bare(name) ? name : "\(label) \(name)") + ": " + type + defaultValue
        }
    }

    var name: String
    var doc: [String]
    /// `get`, `post`, … as `HTTPRequest.Method` spells them.
    var method: String
    /// The full path, `{param}` placeholders included.
    var path: String
    var authenticated: Bool
    var parameters: [Parameter] = []
    /// The expression of the query's items, if any.
    var query: String?
    /// The expression of the body, if any.
    var body: String?
    /// The answer's type; nil for 204.
    var answer: String?

    /// The path as a Swift string literal, each placeholder filled in percent-encoded.
    var pathExpression: String {
        var result = "\""
        var rest = Substring(path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += String(rest[..<open])
            result += "\\(URLText.segment(\(SwiftNames.parameter(String(rest[rest.index(after: open)..<close])))))"
            rest = rest[rest.index(after: close)...]
        }
        return result + String(rest) + "\""
    }

    /// The method's text, indented for the client struct.
    var text: String {
        var lines = SwiftClientDeclaration.docLines(doc, indent: "    ")
        let returns = answer.map { " -> \($0)" } ?? ""
        lines.append("    public func \(name)(\(parameters.map(\.declaration).joined(separator: ", "))) async throws\(returns) {")
        var arguments = [".\(method)", pathExpression]
        if let query { arguments.append("query: \(query)") }
        if let body { arguments.append("body: \(body)") }
        arguments.append("authenticated: \(authenticated)")
        if let answer { arguments.append("as: \(answer).self") }
        lines.append("        try await service.call(\(arguments.joined(separator: ", ")))")
        lines.append("    }")
        return lines.joined(separator: "\n")
    }
}
