import Hummingbird
import Logging

/// Files of a folder served over HTTP on a loopback port, as a web app's dev server serves its bundle.
final class StaticSite: Sendable {
    /// The origin, e.g. `http://localhost:3000`.
    let origin: String
    private let task: Task<Void, Never>

    private init(origin: String, task: Task<Void, Never>) {
        self.origin = origin
        self.task = task
    }

    /// Serves `folder` on `port`; returns once the port is bound, and throws when it cannot be.
    static func start(folder: String, port: Int) async throws -> StaticSite {
        let router = Router()
        router.add(middleware: FileMiddleware(folder, searchForIndexHtml: true))
        var logger = Logger(label: "static-site")
        logger.logLevel = .warning
        let (ports, portFound) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "static-site"),
            onServerRunning: { channel in portFound.yield(channel.localAddress?.port ?? 0) },
            logger: logger
        )
        let task = Task {
            try? await application.run()
            // Ends the wait below when the server never started (the port is taken, say).
            portFound.finish()
        }
        guard let bound = await ports.first(where: { _ in true }), bound == port else {
            task.cancel()
            throw HarnessError("nothing could listen on 127.0.0.1:\(port); is another dev server running there?")
        }
        return StaticSite(origin: "http://localhost:\(port)", task: task)
    }

    func stop() async {
        task.cancel()
        await task.value
    }
}
