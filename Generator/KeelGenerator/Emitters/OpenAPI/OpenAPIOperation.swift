import KeelSpec

/// One operation of the OpenAPI document, built up by the emitter and rendered at the end.
struct OpenAPIOperation {
    var method: String
    var path: String
    var operationId: String
    var summary: String
    var tag: String
    var requiresAuth: Bool
    var roles: [String] = []
    var feature: String?
    /// The rate limit that applies, as the description states it; nil: none.
    var rateLimit: String?
    var parameters: [StructuredValue] = []
    var requestBody: StructuredValue?
    /// Status code -> response object, in the order they are added.
    var responses: [(String, StructuredValue)] = []

    /// Adds the error responses every operation with these properties can give: 401 without a valid token,
    /// 403 when a role or a licensed feature is needed.
    mutating func addErrors(_ codes: [Int]) {
        var all = codes
        if requiresAuth { all.append(401) }
        if (requiresAuth && !roles.isEmpty) || feature != nil { all.append(403) }
        all.sort()
        for (index, code) in all.enumerated() where index == 0 || all[index - 1] != code {
            responses.append(OpenAPISchemas.errorResponses[code] ?? (String(code), OpenAPISchemas.errorResponse(code)))
        }
    }

    var value: StructuredValue {
        var operation = ObjectBuilder()
        operation.set("operationId", .string(operationId))
        operation.set("summary", .string(summary))
        var notes: [String] = []
        if !roles.isEmpty { notes.append("Roles: \(roles.joined(separator: ", ")).") }
        if let feature { notes.append("Needs the licensed feature `\(feature)` (403 FEATURE_NOT_LICENSED otherwise).") }
        if let rateLimit { notes.append("Rate limit per user, or per client address without a token: \(rateLimit); beyond it 429 RATE_LIMITED.") }
        if !notes.isEmpty { operation.set("description", .string(notes.joined(separator: " "))) }
        operation.set("tags", .array([.string(tag)]))
        if requiresAuth { operation.set("security", .array([.object([("bearerAuth", .array([]))])])) }
        if !parameters.isEmpty { operation.set("parameters", .array(parameters)) }
        operation.set("requestBody", requestBody)
        operation.set("responses", .object(rateLimit == nil ? responses : OpenAPIRateLimit.responses(responses)))
        if !roles.isEmpty { operation.set("x-keel-roles", .array(roles.map(StructuredValue.string))) }
        if let feature { operation.set("x-keel-feature", .string(feature)) }
        if let rateLimit { operation.set("x-keel-rate-limit", .string(rateLimit)) }
        return operation.value
    }

    static func parameter(_ name: String, in location: String, schema: StructuredValue, required: Bool, description: String? = nil) -> StructuredValue {
        var parameter = ObjectBuilder()
        parameter.set("name", .string(name))
        parameter.set("in", .string(location))
        parameter.set("required", .bool(required))
        parameter.set("description", description.map(StructuredValue.string))
        parameter.set("schema", schema)
        return parameter.value
    }

    /// `limit` and `offset` of a list, in the ranges the runtime reads (an offset is at most 2^31 - 1, as every dialect takes it).
    static func pagingParameters(pageSize: Int, maxPageSize: Int) -> [StructuredValue] {
        [
            parameter("limit", in: "query", schema: .object([
                ("type", "integer"), ("minimum", 1), ("maximum", .integer(Int64(maxPageSize))), ("default", .integer(Int64(pageSize))),
            ]), required: false),
            parameter("offset", in: "query", schema: .object([
                ("type", "integer"), ("minimum", 0), ("maximum", .integer(Int64(Int32.max))), ("default", 0),
            ]), required: false),
        ]
    }

    static func jsonBody(_ schema: StructuredValue) -> StructuredValue {
        .object([("required", true), ("content", .object([("application/json", .object([("schema", schema)]))]))])
    }

    static func jsonResponse(_ description: String, _ schema: StructuredValue, headers: StructuredValue? = nil, links: StructuredValue? = nil) -> StructuredValue {
        var response = ObjectBuilder()
        response.set("description", .string(description))
        response.set("headers", headers)
        response.set("content", .object([("application/json", .object([("schema", schema)]))]))
        response.set("links", links)
        return response.value
    }

    /// Links from a created row to the operations that take its `id` (what a client, or a stateful test, does next).
    static func idLinks(to operationIds: [String]) -> StructuredValue? {
        guard !operationIds.isEmpty else { return nil }
        return .object(operationIds.map { id in
            (id, .object([("operationId", .string(id)), ("parameters", .object([("id", "$response.body#/id")]))]))
        })
    }
}

extension OpenAPISchemas {
    static let errorNames: [Int: (String, String)] = [
        400: ("BadRequest", "Malformed request (e.g. invalid JSON)"),
        401: ("Unauthorized", "Missing, invalid or expired token"),
        403: ("Forbidden", "Wrong role, feature not licensed, or tier limit reached"),
        404: ("NotFound", "No such resource"),
        409: ("Conflict", "Unique or foreign-key conflict"),
        413: ("PayloadTooLarge", "Request body over the size limit"),
        422: ("UnprocessableEntity", "Validation failed; `errors` lists each bad field"),
        429: ("TooManyRequests", "Rate limit reached, or too many failed logins; try again after `Retry-After` seconds"),
        503: ("ServiceUnavailable", "A dependency (the database) is down"),
    ]

    /// `(code, errorResponse(code))` of each code with a name, made once: every operation lists several.
    static let errorResponses: [Int: (String, StructuredValue)] = Dictionary(uniqueKeysWithValues: errorNames.keys.map {
        ($0, (String($0), errorResponse($0)))
    })

    static func errorResponse(_ code: Int) -> StructuredValue {
        .object([("$ref", .string("#/components/responses/\(errorNames[code]?.0 ?? "BadRequest")"))])
    }

    /// The one error envelope of every generated service.
    static var error: StructuredValue {
        object(properties: [
            ("detail", .object([("type", "string")])),
            ("code", .object([("type", "string"), ("examples", .array(["NOT_FOUND", "VALIDATION_FAILED", "FEATURE_NOT_LICENSED", "TIER_LIMIT_REACHED"]))])),
            ("status_code", .object([("type", "integer")])),
            ("trace_id", .object([("type", "string")])),
            ("feature", .object([("type", "string"), ("description", "The unlicensed feature (FEATURE_NOT_LICENSED only)")])),
            ("errors", .object([("type", "array"), ("items", object(properties: [
                ("field", .object([("type", "string")])),
                ("message", .object([("type", "string")])),
            ], required: ["field", "message"], closed: true))])),
        ], required: ["detail", "code", "status_code", "trace_id"], closed: true)
    }
}
