#if ServiceClients
import AsyncHTTPClient
import Synchronization

/// The dependencies generated clients make for themselves, one per name and settings in the process, so clients
/// made per request share one circuit breaker and one connection pool.
final class DependencyRegistry: Sendable {
    /// A dependency with the AsyncHTTPClient its calls go through (bounded as its settings say); kept for the life of
    /// the process, as an AsyncHTTPClient must be shut down before it is released.
    struct Entry: Sendable {
        let dependency: Dependency
        let httpClient: HTTPClient
    }

    static let shared = DependencyRegistry()

    private let entries = Mutex<[String: [Entry]]>([:])

    /// The entry of `name` with `settings`, made on first use.
    func entry(name: String, settings: DependencySettings) -> Entry {
        entries.withLock { entries in
            if let known = entries[name, default: []].first(where: { $0.dependency.settings == settings }) { return known }
            let entry = Entry(
                dependency: Dependency(name: name, settings: settings),
                httpClient: HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: settings.httpClientConfiguration())
            )
            entries[name, default: []].append(entry)
            return entry
        }
    }
}

extension ServiceClient {
    /// A client of the dependency `name` whose every call has its deadline, retries and circuit breaker
    /// (`KEEL_DEP_<NAME>_*`) and carries the trace of the request being served: what a generated client's
    /// `init(baseURL:credentials:environment:)` makes.
    ///
    /// - Parameters:
    ///   - name: the dependency's name, e.g. `inventory`.
    ///   - baseURL: the service's origin; nil reads `KEEL_DEP_<NAME>_URL`.
    ///   - credentials: the token sent to endpoints that need one.
    ///   - environment: where the `KEEL_DEP_<NAME>_*` settings are read.
    /// - Throws: ``DependencySettingsError`` naming the variable when a setting is not valid or the URL is missing.
    public init(dependency name: String, baseURL: String?, credentials: ClientCredentials, environment: [String: String]) throws {
        let settings = try DependencySettings(dependency: name, environment: environment)
        let variable = DependencySettings.variable("URL", dependency: name)
        guard let origin = baseURL ?? environment[variable].flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw DependencySettingsError(description: "\(variable) is not set: the URL of the service \(name), e.g. http://\(name):8080")
        }
        let entry = DependencyRegistry.shared.entry(name: name, settings: settings)
        let transport = TracePropagatingTransport(ResilientTransport(HTTPClientTransport(httpClient: entry.httpClient), dependency: entry.dependency))
        // The dependency's timeout bounds the call; the request's own must not cut it sooner.
        self.init(baseURL: origin, transport: transport, credentials: credentials, timeout: settings.timeout)
    }
}
#endif
