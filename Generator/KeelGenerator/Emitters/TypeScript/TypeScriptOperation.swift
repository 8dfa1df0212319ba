import Foundation
import KeelSpec

/// One method of the generated client, and the hook that wraps it: what it takes, sends and answers.
struct TypeScriptOperation {
    /// A parameter of the method, before the optional `AbortSignal` every method ends with.
    struct Parameter {
        var name: String
        var type: String
        /// A default makes the parameter optional (`query: ListProductsQuery = {}`).
        var defaultValue: String?
    }

    var name: String
    /// Doc comment lines.
    var doc: [String]
    var method: String
    /// The path as written in the spec, `{param}` placeholders included.
    var path: String
    var requiresAuth: Bool
    var parameters: [Parameter] = []
    /// An object literal of the query string's values, keyed by their wire names.
    var query: String?
    /// An expression of the JSON body.
    var body: String?
    /// The TypeScript type of the answer; `void` for 204.
    var answer: String
    /// A function expression decoding the answer's JSON; nil for 204.
    var decode: String?

    /// Reads answer `useQuery` hooks; everything else `useMutation` ones.
    var reads: Bool { method == "GET" }

    /// The path as a TypeScript expression: a template literal filling in the path parameters.
    var pathExpression: String {
        // Over bytes: paths are ASCII (the spec check allows nothing else), and `contains("{")` is Foundation's search.
        guard path.utf8.contains(UInt8(ascii: "{")) else { return TypeScriptLiteral.string(path) }
        if ASCIIText.isASCII(path) { return Self.asciiPathExpression(path) }
        var result = "`"
        var rest = Substring(path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += Self.escapeTemplateText(rest[..<open])
            let placeholder = String(rest[rest.index(after: open)..<close])
            result += "${encodeURIComponent(String(\(TypeScriptLiteral.identifier(placeholder))))}"
            rest = rest[rest.index(after: close)...]
        }
        return result + Self.escapeTemplateText(rest) + "`"
    }

    /// `pathExpression` over bytes: in ASCII every byte is a character (but "\r\n", which holds no brace), so the
    /// braces found are the same. Runs for thousands of operations.
    private static func asciiPathExpression(_ path: String) -> String {
        let bytes = Array(path.utf8)
        var result = "`"
        var start = 0
        while let open = bytes[start...].firstIndex(of: UInt8(ascii: "{")), let close = bytes[open...].firstIndex(of: UInt8(ascii: "}")) {
            result += escapeTemplateText(Substring(decoding: bytes[start..<open], as: UTF8.self))
            let placeholder = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
            result += "${encodeURIComponent(String(\(TypeScriptLiteral.identifier(placeholder))))}"
            start = close + 1
        }
        return result + escapeTemplateText(Substring(decoding: bytes[start...], as: UTF8.self)) + "`"
    }

    private static func escapeTemplateText(_ text: Substring) -> String {
        // Most paths hold none of the three (this runs for thousands of operations).
        if ASCIIText.isASCII(text), !text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "`") || $0 == UInt8(ascii: "$") }) {
            return String(text)
        }
        return text.replacingASCII("\\", with: "\\\\").replacingASCII("`", with: "\\`").replacingASCII("$", with: "\\$")
    }

    /// What the templates read.
    var context: [String: Any] {
        let signature = parameters.map { parameter in
            "\(parameter.name): \(parameter.type)" + (parameter.defaultValue.map { " = \($0)" } ?? "") + ", "
        }.joined()
        let arguments = parameters.map(\.name).joined(separator: ", ")
        // Only trailing parameters with defaults may be optional (`query?:`); one before a required parameter takes `undefined`.
        let optionalFrom = (parameters.lastIndex { $0.defaultValue == nil }).map { $0 + 1 } ?? 0
        let optionalForm = parameters.enumerated().map { index, parameter in
            guard parameter.defaultValue != nil else { return "\(parameter.name): \(parameter.type)" }
            return index >= optionalFrom ? "\(parameter.name)?: \(parameter.type)" : "\(parameter.name): \(parameter.type) | undefined"
        }.joined(separator: ", ")
        var options = ["method: \(TypeScriptLiteral.string(method))", "path: \(pathExpression)", "auth: \(requiresAuth)"]
        if let query { options.append("query: \(query)") }
        if let body { options.append("body: \(body)") }
        if let decode { options.append("decode: \(decode)") }
        options.append("signal")
        return [
            "name": name,
            "nameLiteral": TypeScriptLiteral.string(name),
            "hook": "use" + name.prefix(1).uppercased() + name.dropFirst(),
            "doc": TypeScriptLiteral.doc(doc, indent: "  ") ?? "",
            "hookDoc": "/** {@link ApiClient.\(name)} as a hook. */\n",
            "signature": signature,
            "answer": answer,
            "options": options.joined(separator: ", "),
            "reads": reads,
            // A query hook takes the method's parameters; a mutation's `run` takes them as a tuple.
            "arguments": arguments,
            "argumentsThenSignal": arguments.isEmpty ? "signal" : arguments + ", signal",
            "keyArguments": arguments.isEmpty ? "" : ", " + arguments,
            "tuple": optionalForm,
            "lambdaParameters": optionalForm.isEmpty ? "" : ", " + optionalForm,
        ]
    }
}
