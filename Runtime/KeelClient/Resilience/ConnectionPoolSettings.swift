#if ServiceClients
import AsyncHTTPClient
import NIOCore

extension DependencySettings {
    /// `base` with this dependency's bound on connections per host, and without AsyncHTTPClient's own retries of a
    /// failed connection (which would hold a call until the connect timeout): the retry policy decides instead.
    public func httpClientConfiguration(_ base: HTTPClient.Configuration = HTTPClient.Configuration(connectionPool: .init())) -> HTTPClient.Configuration {
        var configuration = base
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = maxConnections
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .milliseconds(min(timeout.milliseconds, 10_000))
        return configuration
    }
}
#endif
