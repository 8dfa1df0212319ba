#if !ServiceClients
/// Without Keel's `ServiceClients` trait there is no transport to other services: a generated client says so where
/// it is compiled, with the fix, rather than failing to find an initializer.
extension ServiceClient {
    @available(*, unavailable, message: "calls to other services need Keel's \"ServiceClients\" trait: add it to the Keel dependency in Package.swift (.package(…, traits: [\"ServiceClients\", …]))")
    public init(dependency name: String, baseURL: String?, credentials: ClientCredentials, environment: [String: String]) throws {
        fatalError("unavailable")
    }
}
#endif
