import Foundation

/// One setting of the spec's `config:` section, kept in `keel_config` and seeded from the environment.
public struct ConfigKey: Sendable {
    public enum ValueType: String, Sendable {
        case string, integer, boolean, json

        /// What a value of this type looks like, for messages.
        var valueDescription: String {
            switch self {
            case .string: "text"
            case .integer: "a whole number"
            case .boolean: "true or false"
            case .json: "JSON"
            }
        }
    }

    public let key: String
    /// The variable that seeds the value on first start.
    public let env: String
    public let category: String
    public let type: ValueType
    /// The stored text of the default (`10`, `true`, `{"name":"stripe"}`), or nil for none.
    public let defaultValue: String?
    public let sensitive: Bool
    public let description: String?

    public init(_ key: String, env: String, category: String, type: ValueType, default defaultValue: String? = nil, sensitive: Bool = false, description: String? = nil) {
        self.key = key
        self.env = env
        self.category = category
        self.type = type
        self.defaultValue = defaultValue
        self.sensitive = sensitive
        self.description = description
    }

    /// The stored text of a JSON value of this key's type, or why it does not fit.
    func storedText(of value: JSONValue) -> Result<String?, FieldProblem> {
        switch (type, value) {
        case (_, .null): .success(nil)
        case (.string, .string(let text)): text.unicodeScalars.contains("\u{0}") ? .failure("must not contain NUL characters") : .success(text)
        case (.integer, .integer(let number)): .success(String(number))
        case (.boolean, .bool(let flag)): .success(flag ? "true" : "false")
        case (.json, _): value.containsNUL ? .failure("must not contain NUL characters") : .success(value.jsonText)
        case (.string, _): .failure("must be a string")
        case (.integer, _): .failure("must be a whole number")
        case (.boolean, _): .failure("must be true or false")
        }
    }

    /// The stored text of an environment value, read as this key's type.
    func storedText(ofEnvironment text: String) -> String? {
        switch type {
        case .string: text
        case .integer: Int64(text).map(String.init)
        case .boolean: ["true", "1", "yes", "on"].contains(text.lowercased()) ? "true" : ["false", "0", "no", "off"].contains(text.lowercased()) ? "false" : nil
        case .json: (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)))?.jsonText
        }
    }

    /// The JSON value of stored text.
    func jsonValue(ofStored text: String) -> JSONValue {
        switch type {
        case .string: return .string(text)
        case .integer: return Int64(text).map(JSONValue.integer) ?? .string(text)
        case .boolean: return .bool(text == "true")
        case .json: return (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .string(text)
        }
    }
}
