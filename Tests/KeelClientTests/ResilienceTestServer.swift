import HTTPTypes
import Hummingbird
import Logging
import Synchronization

/// A real HTTP server on a free loopback port whose answers the test scripts, counting the requests of each path.
///
/// `/script` answers the scripted statuses in turn (with their `Retry-After`), then the fallback status;
/// `/slow` answers 200 after eight seconds; `/echo` answers 200 with the request's `X-Trace-ID` and `traceparent`
/// as `Echo-X-Trace-ID` and `Echo-Traceparent`.
final class ResilienceTestServer: Sendable {
    struct Answer: Sendable {
        var status: Int
        var retryAfter: String? = nil
    }

    private struct Script {
        var queue: [Answer] = []
        var fallback = Answer(status: 200)
        var hits: [String: Int] = [:]
    }

    let url: String
    /// `127.0.0.1:<port>`, the key of the server's circuit breaker.
    var host: String { String(url.dropFirst("http://".count)) }
    private let state: SharedScript
    private let task: Task<Void, Never>

    private init(url: String, state: SharedScript, task: Task<Void, Never>) {
        self.url = url
        self.state = state
        self.task = task
    }

    /// Requests received on `path`, answered or not.
    func hits(_ path: String) -> Int {
        state.script.withLock { $0.hits[path, default: 0] }
    }

    /// The next answers of `/script`, then `fallback` for every later request.
    func answer(_ queue: [Answer], then fallback: Answer = Answer(status: 200)) {
        state.script.withLock { $0.queue = queue; $0.fallback = fallback }
    }

    func stop() {
        task.cancel()
    }

    static func start() async throws -> ResilienceTestServer {
        let state = SharedScript()
        let router = Router()
        router.on("/script", method: .get) { request, _ in state.next(request.uri.path) }
        router.on("/script", method: .post) { request, _ in state.next(request.uri.path) }
        router.on("/script", method: .put) { request, _ in state.next(request.uri.path) }
        router.get("/slow") { request, _ -> Response in
            state.count(request.uri.path)
            try await Task.sleep(for: .seconds(8))
            return Response(status: .ok)
        }
        router.get("/echo") { request, _ -> Response in
            var response = Response(status: .ok)
            for name in ["X-Trace-ID", "traceparent"] {
                if let value = request.headers[HTTPField.Name(name)!] { response.headers[HTTPField.Name("Echo-" + name)!] = value }
            }
            return response
        }
        var logger = Logger(label: "resilience-test-server")
        // Stopping the server by cancellation logs errors that say nothing about the test.
        logger.logLevel = .critical
        let (ports, portFound) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "resilience-test-server"),
            onServerRunning: { channel in portFound.yield(channel.localAddress?.port ?? 0) },
            logger: logger
        )
        let task = Task {
            try? await application.run()
            portFound.finish()
        }
        guard let port = await ports.first(where: { _ in true }), port > 0 else {
            task.cancel()
            throw ServerDidNotStart()
        }
        return ResilienceTestServer(url: "http://127.0.0.1:\(port)", state: state, task: task)
    }

    struct ServerDidNotStart: Error {}

    /// The script the routes read, shared with the server object.
    private final class SharedScript: Sendable {
        let script = Mutex(Script())

        func count(_ path: String) {
            script.withLock { $0.hits[path, default: 0] += 1 }
        }

        func next(_ path: String) -> Response {
            let answer = script.withLock { script in
                script.hits[path, default: 0] += 1
                return script.queue.isEmpty ? script.fallback : script.queue.removeFirst()
            }
            var response = Response(status: .init(code: answer.status))
            if let retryAfter = answer.retryAfter { response.headers[.retryAfter] = retryAfter }
            return response
        }
    }
}
