import Hummingbird

/// The path and query parameters of a custom endpoint, checked together against their rules (type and the spec's
/// bounds) before the handler runs, so one 422 names every bad parameter: unknown, given twice, missing, not of its
/// type or out of its bounds.
public enum EndpointParameters {
    /// The query string once every parameter fits. A query rule that is `nullable` lets its parameter be left out.
    public static func check(_ request: Request, context: KeelRequestContext, path: [FieldRule], query: [FieldRule]) throws -> QueryParameters {
        var problems: [ErrorEnvelope.FieldError] = []
        for rule in path {
            if case .failure(let problem) = QueryParameters.value(of: context.parameters.get(rule.name) ?? "", rule: rule) {
                problems.append(.init(field: rule.name, message: problem.message))
            }
        }
        let (values, queryProblems) = QueryParameters.read(request, accepted: Set(query.map(\.name)))
        var valueProblems: [ErrorEnvelope.FieldError] = []
        // A parameter given twice is reported once, as such.
        for rule in query where !queryProblems.contains(where: { $0.field == rule.name }) {
            guard let text = values[rule.name] else {
                if !rule.nullable { valueProblems.append(.init(field: rule.name, message: "is required")) }
                continue
            }
            if case .failure(let problem) = QueryParameters.value(of: text, rule: rule) {
                valueProblems.append(.init(field: rule.name, message: problem.message))
            }
        }
        problems += (queryProblems + valueProblems).sorted { $0.field < $1.field }
        guard problems.isEmpty else { throw APIError.validation(problems) }
        return QueryParameters(values: values)
    }
}
