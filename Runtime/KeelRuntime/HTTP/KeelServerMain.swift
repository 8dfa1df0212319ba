import Foundation
import NIOCore

extension KeelServer {
    /// The entry point of a service's `main.swift`: runs the service and, when it cannot start (a bad setting, a
    /// port in use, a database it cannot reach) or stops on an error, exits with status 1 after the one log line
    /// that says why. A top-level `try await run()` would instead crash with Swift's "Error raised at top level",
    /// a backtrace and a signal's status.
    public func runAsMain(environment: [String: String] = ProcessInfo.processInfo.environment) async {
        do {
            try await run(environment: environment)
        } catch {
            // `run` has logged the reason.
            exit(1)
        }
    }
}

/// The log line of a service that stopped on an error while serving.
enum ServeFailure {
    static func describe(_ error: any Error, listening settings: ServerSettings) -> String {
        if let error = error as? IOError, error.errnoCode == EADDRINUSE {
            return "start-up failed: cannot listen on \(settings.host):\(settings.port): the address is already in use (set PORT or HOST)"
        }
        return "stopped on an error: \(error)"
    }
}
