import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import HummingbirdTesting
import KeelTestSupport
import NIOCore
import NIOPosix
import Testing
@testable import KeelRuntime

/// The runtime's own calls out (license server, JWKS, readiness probes) over the system's HTTP client: what the
/// server sent arrives, and a silent server or an oversized answer ends the call as the caller's bounds say.
struct SystemHTTPTests {
    /// Echoes the method, the headers the runtime sets and the body; `/big` answers 2 KiB; `/moved?to=URL` redirects
    /// there with 307, which keeps the method and body.
    static func application(port: Int = 0) -> some ApplicationProtocol {
        let router = Router()
        router.post("/echo") { request, _ -> String in
            let body = try await request.body.collect(upTo: 1 << 16)
            let authorization = request.headers[.authorization] ?? "-"
            return "\(request.method) \(authorization) \(String(buffer: body))"
        }
        router.get("/big") { _, _ in String(repeating: "x", count: 2048) }
        let moved: @Sendable (Request, BasicRequestContext) -> Response = { request, _ in
            Response(status: .temporaryRedirect, headers: [.location: request.uri.queryParameters["to"].map(String.init) ?? "/"])
        }
        router.get("/moved", use: moved)
        router.post("/moved", use: moved)
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
    }

    @Test func sendsTheRequestAndReadsTheAnswer() async throws {
        try await Self.application().test(.live) { server in
            let origin = "http://127.0.0.1:\(try #require(server.port))"
            let answer = try await SystemHTTP.send("POST", origin + "/echo", headers: ["Authorization": "Bearer k-1"], body: Data("{}".utf8),
                                                   timeout: .seconds(5), limit: 1 << 10)
            #expect(answer.status == 200)
            #expect(String(decoding: answer.body, as: UTF8.self) == "POST Bearer k-1 {}")
            let missing = try await SystemHTTP.send("GET", origin + "/nowhere", headers: [:], timeout: .seconds(5), limit: 1 << 10)
            #expect(missing.status == 404)
        }
    }

    /// A key fetch or a probe follows a redirect; a license call (a body and a key) does not: Linux's URLSession would
    /// send the key wherever the redirect points, here another port, and leave the body out.
    @Test func onlyARequestWithoutBodyOrKeyFollowsARedirect() async throws {
        try await Self.application().test(.live) { server in
            try await Self.application().test(.live) { other in
                let origin = "http://127.0.0.1:\(try #require(server.port))"
                let elsewhere = "http://127.0.0.1:\(try #require(other.port))"
                let fetched = try await SystemHTTP.send("GET", origin + "/moved?to=" + elsewhere + "/big", headers: [:], timeout: .seconds(5), limit: 4096)
                #expect(fetched.status == 200 && fetched.body.count == 2048)
                let licensed = try await SystemHTTP.send("POST", origin + "/moved?to=" + elsewhere + "/echo", headers: ["Authorization": "Bearer k-1"],
                                                         body: Data("{}".utf8), timeout: .seconds(5), limit: 1 << 10)
                #expect(licensed.status == 307)
            }
        }
    }

    @Test func anAnswerLargerThanTheLimitIsAFailure() async throws {
        try await Self.application().test(.live) { server in
            let url = "http://127.0.0.1:\(try #require(server.port))/big"
            #expect(try await SystemHTTP.send("GET", url, headers: [:], timeout: .seconds(5), limit: 4096).body.count == 2048)
            await #expect(throws: SystemHTTP.Failure.self) {
                try await SystemHTTP.send("GET", url, headers: [:], timeout: .seconds(5), limit: 1024)
            }
        }
    }

    /// A server that starts after the call (a license server deployed beside the service) is reached within the
    /// deadline: a refused connection is tried again. The port stays bound, not listening, until the server starts:
    /// a port closed and bound again could be taken in between by another test's socket (CI, December 4).
    @Test func aServerThatStartsWithinTheDeadlineIsReached() async throws {
        let (descriptor, port) = try LoopbackPort.reserve()
        let call = Task { try await SystemHTTP.send("GET", "http://127.0.0.1:\(port)/", headers: [:], timeout: .seconds(10), limit: 4096) }
        try await Task.sleep(for: .milliseconds(300))
        let late = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in channel.pipeline.addHandler(OneAnswer()) }
            .withBoundSocket(descriptor).get()
        defer { late.close(promise: nil) }
        let answer = try await call.value
        #expect(answer.status == 200 && answer.body == Data("ok".utf8))
    }

    /// A server that accepts the connection and never answers: the call ends at its timeout, not at URLSession's.
    @Test func aSilentServerEndsTheCallAtItsTimeout() async throws {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        defer { listener.close(promise: nil) }
        let url = "http://127.0.0.1:\(try #require(listener.localAddress?.port))/healthz"
        let started = ContinuousClock.now
        let failure = await #expect(throws: SystemHTTP.Failure.self) {
            try await SystemHTTP.send("GET", url, headers: [:], timeout: .milliseconds(500), limit: 1024)
        }
        // Ended by its own deadline (URLSession's would say "timed out", after 60 s); no upper bound on the wall
        // clock, which a test run keeping both cores busy stretched past 30 s.
        #expect(failure?.description == "no answer within 0.5 seconds")
        #expect(ContinuousClock.now - started >= .milliseconds(500))
    }

    /// A call cancelled before its task starts still ends. Linux's URLSession may report the end of a task cancelled
    /// before `resume()` before the call is registered, and then never again: the call, and the deadline's task group
    /// around it, waited for ever (a CI run of December 4 hung until its limit).
    @Test func aTaskCancelledBeforeItStartsEndsItsCall() async throws {
        let calls = SystemHTTPCalls()
        let session = URLSession(configuration: .ephemeral, delegate: calls, delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        let task = session.dataTask(with: try #require(URL(string: "http://127.0.0.1:9/")))
        calls.cancel(task)
        // Time for URLSession to report the cancelled task's end, as it can when the caller is slow to start it.
        try await Task.sleep(for: .milliseconds(300))
        let call = Task { try await withCheckedThrowingContinuation { calls.start(task, limit: 1, continuation: $0) } }
        let ended = await Deadline.result(within: .seconds(5)) { _ = await call.result; return true }
        try #require(ended == true, "the call never ended")
        await #expect(throws: CancellationError.self) { try await call.value }
    }
}

/// Answers every request `200 ok`: a server on a port chosen in advance, which HummingbirdTesting's live mode does not take.
private final class OneAnswer: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let answer = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
        context.writeAndFlush(NIOAny(context.channel.allocator.buffer(string: answer)), promise: nil)
    }
}
