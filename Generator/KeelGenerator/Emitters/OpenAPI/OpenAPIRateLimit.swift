import KeelSpec

/// What an operation's rate limit adds to the document: a 429 answer, the `RateLimit-*` headers on its success
/// answers, a line of its description and `x-keel-rate-limit`.
enum OpenAPIRateLimit {
    /// The limit as the description states it: the endpoint's own, else each tier's; nil when none applies.
    static func text(own: RateLimit?, spec: Spec) -> String? {
        if let own { return "\(own.text) for every tier, counted for this endpoint alone" }
        guard spec.tiers.contains(where: { $0.rateLimit != nil }) else { return nil }
        return spec.tiers.map { "\($0.name) \($0.rateLimit?.text ?? "unlimited")" }.joined(separator: ", ") + " (the licensed tier's)"
    }

    /// `components/headers`: each header once, which the answers refer to.
    static let components: StructuredValue = .object([
        ("Retry-After", header("Seconds to wait before trying again", minimum: 1)),
        ("RateLimit-Limit", header("Requests allowed in the current window", minimum: 1)),
        ("RateLimit-Remaining", header("Requests left in the current window", minimum: 0)),
        ("RateLimit-Reset", header("Seconds until the window ends", minimum: 1)),
    ])

    /// The headers of a limited operation's success answer.
    static let headers: [(String, StructuredValue)] = ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"].map { ($0, reference($0)) }

    /// The 429 answer's headers: `Retry-After` and the `RateLimit-*` ones.
    static let refusalHeaders: [(String, StructuredValue)] = [("Retry-After", reference("Retry-After"))] + headers

    private static func reference(_ name: String) -> StructuredValue {
        .object([("$ref", .string("#/components/headers/\(name)"))])
    }

    private static func header(_ description: String, minimum: Int) -> StructuredValue {
        .object([("description", .string(description)), ("schema", .object([("type", "integer"), ("minimum", .integer(Int64(minimum)))]))])
    }

    /// `responses` with the headers on each 2xx answer and 429 among the errors, in code order.
    static func responses(_ responses: [(String, StructuredValue)]) -> [(String, StructuredValue)] {
        var result = responses.map { code, response in code.hasPrefix("2") ? (code, withHeaders(response)) : (code, response) }
        guard !result.contains(where: { $0.0 == "429" }) else { return result }
        let at = result.firstIndex { !$0.0.hasPrefix("2") && $0.0 > "429" } ?? result.count
        result.insert(("429", OpenAPISchemas.errorResponse(429)), at: at)
        return result
    }

    private static func withHeaders(_ response: StructuredValue) -> StructuredValue {
        guard case .object(var members) = response else { return response }
        if let index = members.firstIndex(where: { $0.0 == "headers" }), case .object(let existing) = members[index].1 {
            members[index].1 = .object(existing + headers)
        } else {
            members.insert(("headers", .object(headers)), at: min(1, members.count))
        }
        return .object(members)
    }
}
