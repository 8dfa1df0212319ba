import Foundation
import Hummingbird
import KeelClient

/// A request body or query value as parsed JSON, before it is checked against a table's column rules: KeelClient's
/// `KeelJSON`, so a service and the clients calling it share one type.
public typealias JSONValue = KeelJSON

extension JSONValue {
    /// Whether a NUL character hides anywhere in the value: PostgreSQL refuses it in text and JSON.
    var containsNUL: Bool {
        switch self {
        case .string(let text): text.unicodeScalars.contains("\u{0}")
        case .array(let items): items.contains(where: \.containsNUL)
        case .object(let members): members.contains { $0.key.unicodeScalars.contains("\u{0}") || $0.value.containsNUL }
        default: false
        }
    }

    /// A short name of the value's JSON type, for messages.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// Its `jsonText` is what `json` columns store: keys sorted, no spaces.
extension JSONValue: JSONWritable {
    public func writeJSON(to json: inout JSONWriter) {
        switch self {
        case .null: json.null()
        case .bool(let flag): json.bool(flag)
        case .integer(let integer): json.integer(integer)
        case .number(let number): json.number(number)
        case .string(let text): json.string(text)
        case .array(let items): items.writeJSON(to: &json)
        case .object(let members):
            json.beginObject()
            // By UTF-8 bytes, as `JSONEncoder` sorts keys (Swift's `<` compares normalised text instead).
            for (key, value) in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) { json.field(key, value) }
            json.endObject()
        }
    }
}

/// Reads a request body as one JSON object: malformed JSON is 400, anything but an object 422.
public enum JSONBody {
    public static func object(from buffer: ByteBuffer) throws -> [String: JSONValue] {
        guard !StrictJSON.hasTrailingComma(buffer.readableBytesView) else { throw APIError.invalidJSON }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(buffer.readableBytesView))
        } catch {
            throw APIError.invalidJSON
        }
        guard case .object(let members) = value else {
            throw APIError(.unprocessableContent, code: "VALIDATION_FAILED", detail: "The request body must be a JSON object, not \(value.typeName)",
                           fieldErrors: [.init(field: "body", message: "must be a JSON object")])
        }
        return members
    }
}
