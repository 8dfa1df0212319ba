import Foundation
#if ServiceClients
import AsyncHTTPClient
#endif
import NIOCore
import NIOPosix

/// Whether an error of an attempt means the host could not be reached or dropped the connection, so another
/// attempt (of an idempotent request) may succeed and the host's circuit breaker counts it. A server answers such a
/// failure of a call it made with 502.
public enum ConnectionFailure {
    public static func matches(_ error: any Error) -> Bool {
        switch error {
        #if ServiceClients
        case let error as HTTPClientError:
            return [.connectTimeout, .remoteConnectionClosed, .readTimeout, .writeTimeout, .getConnectionFromPoolTimeout].contains(error)
        #endif
        case is NIOConnectionError:
            return true
        case let error as ChannelError:
            return [.connectTimeout(.zero), .ioOnClosedChannel, .eof, .alreadyClosed].contains { sameCase($0, error) }
        case let error as IOError:
            return [ECONNREFUSED, ECONNRESET, ECONNABORTED, EPIPE, EHOSTUNREACH, ENETUNREACH, ETIMEDOUT].contains(error.errnoCode)
        default:
            return false
        }
    }

    /// ChannelError.connectTimeout carries its duration; only the case matters here.
    private static func sameCase(_ left: ChannelError, _ right: ChannelError) -> Bool {
        if case .connectTimeout = left, case .connectTimeout = right { return true }
        return left == right
    }
}
