import KeelClient

/// A service this one is not ready without, as `/readyz` checks it: its `/healthz` answers 200 within two seconds.
///
/// Its own `/healthz` rather than its `/readyz`, so a chain of services does not all turn unready because one at its
/// end is.
struct DependencyProbe: Sendable {
    let name: String
    /// The dependency's origin, from `KEEL_DEP_<NAME>_URL`.
    let baseURL: String

    static let timeout = Duration.seconds(2)

    /// The probes of `names`, each with its URL from the environment.
    ///
    /// - Throws: `ConfigurationError` naming the variable of a dependency whose URL is not set.
    static func probes(of names: [String], environment: [String: String]) throws -> [DependencyProbe] {
        try names.map { name in
            let variable = DependencySettings.variable("URL", dependency: name)
            guard let url = environment[variable], !url.isEmpty else {
                throw ConfigurationError("\(variable) is not set: the URL of \(name), which /readyz needs (keel.yaml: dependencies.\(name).required)")
            }
            return DependencyProbe(name: name, baseURL: url.hasSuffix("/") ? String(url.dropLast()) : url)
        }
    }

    /// Whether the dependency answered its `/healthz` with 200 in time.
    func isHealthy() async -> Bool {
        let answer = try? await SystemHTTP.send("GET", baseURL + "/healthz", headers: [:], timeout: Self.timeout, limit: 64 << 10)
        return answer?.status == 200
    }
}
