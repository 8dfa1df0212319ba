import Foundation

/// Compact, key-sorted JSON text of a YAML value, for JSON column defaults.
enum JSONText {
    static func canonical(_ node: YAMLNode) -> String {
        switch node {
        case let .mapping(mapping, _):
            let pairs = mapping.map { (key: $0.key.string ?? "", value: canonical($0.value)) }.sorted { $0.key < $1.key }
            return "{" + pairs.map { "\(quote($0.key)):\($0.value)" }.joined(separator: ",") + "}"
        case let .sequence(items, _):
            return "[" + items.map(canonical).joined(separator: ",") + "]"
        case let .scalar(scalar):
            switch ScalarTag.of(scalar) {
            case .null: return "null"
            case .bool: return ScalarTag.bool(scalar.string) == true ? "true" : "false"
            case .int, .float: return scalar.string
            default: return quote(scalar.string)
            }
        }
    }

    static func quote(_ string: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [string], options: [.withoutEscapingSlashes])) ?? Data("[\"\"]".utf8)
        let array = String(decoding: data, as: UTF8.self)
        return String(array.dropFirst().dropLast())
    }
}
