import KeelSpec

/// Custom endpoint parameters that a client or service spells alike: each output renames a parameter that would
/// meet one of its own names (`service` becomes `serviceParam` in Swift, `query` becomes `queryParam` in
/// TypeScript), and the renamed one may then meet another of the spec's (`service_param`).
enum ParameterNameConflicts {
    /// One located error per pair of an endpoint's `parameters` (those that become names in the output) that
    /// `spelling` writes the same.
    static func find(in spec: Spec, language: String, parameters: (CustomEndpoint) -> [CustomEndpoint.Parameter],
                     spelling: (String) -> String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for endpoint in spec.customEndpoints {
            var spelled: [String: String] = [:]
            for parameter in parameters(endpoint) {
                let name = spelling(parameter.name)
                if let first = spelled[name] {
                    found.append(Diagnostic(.error, at: endpoint.location, "parameters '\(first)' and '\(parameter.name)' of endpoint '\(endpoint.name)' would both be the \(language) name '\(name)'; rename one"))
                }
                spelled[name] = spelled[name] ?? parameter.name
            }
        }
        return found
    }
}
