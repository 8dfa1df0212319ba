import Hummingbird
import KeelRuntime
import Logging

/// Serves a router on a free loopback port for a fake of a remote system; the task runs until cancelled.
public enum LoopbackServer {
    /// Starts serving and returns once the port is bound.
    public static func start(_ router: Router<BasicRequestContext>, name: String) async throws -> (url: String, task: Task<Void, Never>) {
        var logger = Logger(label: name)
        logger.logLevel = .warning
        let (ports, portFound) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: name),
            onServerRunning: { channel in portFound.yield(channel.localAddress?.port ?? 0) },
            logger: logger
        )
        let task = Task {
            do {
                try await application.run()
            } catch {
                // Cancellation ends it; any other end is worth seeing.
                if !Task.isCancelled { application.logger.error("\(name) stopped: \(error)") }
            }
            // Ends the wait below when the server never started.
            portFound.finish()
        }
        guard let port = await ports.first(where: { _ in true }), port > 0 else {
            task.cancel()
            throw ConfigurationError("the \(name) did not start")
        }
        return ("http://127.0.0.1:\(port)", task)
    }
}
