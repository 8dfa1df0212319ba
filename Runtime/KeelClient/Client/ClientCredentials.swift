import Foundation

/// Which bearer token a client sends to endpoints that need one.
public enum ClientCredentials: Sendable {
    /// No token: only public endpoints answer.
    case none
    /// The token of the request being served, as ``CallerToken/current`` holds it: the callee sees the original caller.
    case forwardCaller
    /// The calling service's own token, asked for on every call so a rotated token is picked up.
    case service(@Sendable () async throws -> String)

    /// The service's own token, fixed.
    public static func service(token: String) -> ClientCredentials {
        .service { token }
    }

    /// The token to send, if any.
    func token() async throws -> String? {
        switch self {
        case .none: return nil
        case .forwardCaller: return CallerToken.current
        case .service(let provide): return try await provide()
        }
    }
}

/// The bearer token of the request a service is serving, for clients that forward it (``ClientCredentials/forwardCaller``).
///
/// A server binds it around the handling of each request (`CallerToken.$current.withValue(token) { … }`); child
/// tasks inherit it, so every call made on behalf of that request forwards it.
public enum CallerToken {
    @TaskLocal public static var current: String?
}

extension ClientCredentials {
    /// The service's own token from the environment variable `name`, read on every call so a rotated token is
    /// picked up; a call fails with ``MissingCredentials`` while it is unset or empty.
    public static func environment(_ name: String) -> ClientCredentials {
        .service {
            guard let token = ProcessInfo.processInfo.environment[name], !token.isEmpty else { throw MissingCredentials(variable: name) }
            return token
        }
    }
}

/// A client meant to send its service's own token found none in the environment.
public struct MissingCredentials: Error, CustomStringConvertible {
    /// The environment variable that should hold the token.
    public var variable: String

    public var description: String { "\(variable) is not set: the service's own token for this dependency" }
}
