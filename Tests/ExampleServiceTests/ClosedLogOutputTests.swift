import Foundation
import Testing

/// A service whose standard output is gone (its log collector died, the pipe closed) goes on serving: a log line
/// it cannot write is dropped, never a crash (EPIPE, SIGPIPE).
struct ClosedLogOutputTests {
    @Test func aServiceWithoutStandardOutputServesAndStops() async throws {
        let held = try BusyPort()
        let port = held.port
        held.close()
        var environment = try await ShopHarness.environment(.sqlite, name: "shop_closed_stdout")
        environment.merge(["HOST": "127.0.0.1", "PORT": String(port), "SHUTDOWN_DRAIN_DELAY": "0"]) { _, new in new }

        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        close(ends[0])  // No reader: every write to the service's standard output fails.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: StartupFailureTests.service)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
        process.standardError = FileHandle.nullDevice
        let exited = AsyncStream<Void> { continuation in process.terminationHandler = { _ in continuation.finish() } }
        try process.run()

        // Start-up logs (migrations, the first admin) before it listens; the service must live through them.
        var status: String?
        for _ in 0..<120 where process.isRunning {
            status = await Self.health(port)
            if status != nil { break }
            try await Task.sleep(for: .milliseconds(250))
        }
        #expect(status?.hasPrefix("HTTP/1.1 200") == true, "\(String(describing: status)); running: \(process.isRunning)")
        if process.isRunning { process.terminate() }
        for await _ in exited {}
        #expect(process.terminationReason == .exit, "ended by signal \(process.terminationStatus)")
        #expect(process.terminationStatus == 0)
    }

    /// The status line of `GET /healthz` on a Dispatch thread (a blocking socket), or nil while nothing answers.
    static func health(_ port: Int) async -> String? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: statusLine(port)) }
        }
    }

    private static func statusLine(_ port: Int) -> String? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else { return nil }
        let request = Array("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        guard send(descriptor, request, request.count, Int32(MSG_NOSIGNAL)) == request.count else { return nil }
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count], as: UTF8.self).components(separatedBy: "\r\n").first
    }
}
