/// The `{id}` of an item path. Anything but a positive whole number names no row, so it is 404 like a missing row.
enum PathIdentifier {
    static func read(_ context: KeelRequestContext, noun: String) throws -> Int64 {
        let text = context.parameters.get("id") ?? ""
        guard let id = Int64(text), id > 0 else { throw missing(noun, String(text.unicodeScalars.prefix(40))) }
        return id
    }

    static func missing(_ noun: String, _ id: some CustomStringConvertible) -> APIError {
        .notFound("No \(noun) has the id \(id)")
    }
}

/// A typed path parameter of a custom endpoint (`/reports/revenue/{year}`): a value of the wrong type is 422.
public enum PathParameter {
    public static func require<T: QueryValue>(_ context: KeelRequestContext, _ name: String, as type: T.Type = T.self) throws -> T {
        guard let text = context.parameters.get(name), let value = T(queryText: text) else {
            throw APIError.validation([.init(field: name, message: "must be \(T.queryDescription)")])
        }
        return value
    }
}
