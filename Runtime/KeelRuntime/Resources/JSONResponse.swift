import Foundation
import Hummingbird

/// The JSON of every generated response: sorted keys, instants in ISO 8601 UTC with microseconds, bytes in base64.
public enum JSONResponse {
    public static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        let data = try encoder().encode(value)
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The response of a value that writes its own JSON (generated models and their pages): the same text as
    /// `make`, written without `JSONEncoder`.
    public static func make(writing value: some JSONWritable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        var writer = JSONWriter()
        value.writeJSON(to: &writer)
        return Response(status: status, headers: fields, body: .init(byteBuffer: writer.buffer))
    }

    /// Made per response: JSONEncoder is not Sendable, and sharing one across requests would need a lock.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(DatabaseTimestamp.iso8601(date))
        }
        return encoder
    }

    /// Reads a typed JSON body (custom endpoints): malformed JSON is 400; a body of the wrong shape is 422, with
    /// one entry per bad or unknown field when the type says its shape (`BodyShaped`, as generated types do).
    public static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: KeelRequestContext) async throws -> T {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = Timestamp.parse(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO 8601 date and time"))
            }
            return date
        }
        guard !StrictJSON.hasTrailingComma(buffer.readableBytesView) else {
            throw APIError.invalidJSON
        }
        if let shaped = T.self as? any BodyShaped.Type {
            guard let json = try? JSONDecoder().decode(JSONValue.self, from: Data(buffer.readableBytesView)) else { throw APIError.invalidJSON }
            let problems = shaped.bodyShape.problems(of: json)
            guard problems.isEmpty else { throw APIError.validation(problems) }
        }
        do {
            return try decoder.decode(T.self, from: Data(buffer.readableBytesView))
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            throw APIError.invalidJSON
        } catch let error as DecodingError {
            throw APIError.validation([DecodingProblem.fieldError(error)])
        }
    }
}

/// Says which field of a typed body failed to decode, and why, in the 422 entry's words.
enum DecodingProblem {
    static func fieldError(_ error: DecodingError) -> ErrorEnvelope.FieldError {
        switch error {
        case .keyNotFound(let key, let context):
            return .init(field: path(context.codingPath + [key]), message: "is required")
        case .typeMismatch(let type, let context):
            return .init(field: path(context.codingPath), message: "must be \(describe(type))")
        case .valueNotFound(let type, let context):
            return .init(field: path(context.codingPath), message: "must be \(describe(type)), not null")
        case .dataCorrupted(let context):
            return .init(field: path(context.codingPath), message: context.debugDescription)
        @unknown default:
            return .init(field: "body", message: "is not valid")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        let text = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        return text.isEmpty ? "body" : text
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int64.Type, is Int32.Type, is Int.Type: "a whole number"
        case is Double.Type: "a number"
        default: "a value of another type"
        }
    }
}
