import Foundation
import KeelRuntime
import KeelTestSupport
import Testing

/// The built `example-service` as an operator starts it: a start-up error is one log line and exit status 1,
/// not Swift's "Error raised at top level" crash with a backtrace.
struct StartupFailureTests {
    /// The built binary next to the test bundle.
    static let service: String = {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ]
        return candidates.map { $0.appendingPathComponent("example-service").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) } ?? "example-service"
    }()

    /// The output's lines that are not empty.
    static func lines(_ output: String) -> [String] {
        output.split(separator: "\n").map(String.init)
    }

    @Test func aBadSettingIsOneLineAndStatus1() async throws {
        var environment = try await ShopHarness.environment(.sqlite, name: "shop_bad_setting")
        environment["SHUTDOWN_TIMEOUT"] = "abc"
        let run = try await ProcessRunner.run(Self.service, [], environment: environment)
        #expect(run.status == 1, "\(run.output)")
        let lines = Self.lines(run.output)
        #expect(lines.count == 1, "\(run.output)")
        #expect(lines.first?.contains("start-up failed: SHUTDOWN_TIMEOUT=abc is not valid") == true, "\(run.output)")
        #expect(lines.first?.contains(#""level":"critical""#) == true, "\(run.output)")
    }

    @Test func aPortInUseIsOneLineAndStatus1() async throws {
        let listener = try BusyPort()
        defer { listener.close() }
        var environment = try await ShopHarness.environment(.sqlite, name: "shop_port_in_use")
        environment.merge(["HOST": "127.0.0.1", "PORT": String(listener.port)]) { _, new in new }
        let run = try await ProcessRunner.run(Self.service, [], environment: environment)
        #expect(run.status == 1, "\(run.output)")
        // Start-up logs what it did before it tried to listen (migrations, the first admin); the failure is the
        // only critical line and the last one, with no crash report after it.
        let lines = Self.lines(run.output)
        #expect(lines.filter { $0.contains(#""level":"critical""#) }.count == 1, "\(run.output)")
        #expect(lines.last?.contains("start-up failed: cannot listen on 127.0.0.1:\(listener.port): the address is already in use") == true, "\(run.output)")
        #expect(!run.output.contains("Error raised at top level"), "\(run.output)")
    }
}

/// A loopback port held by a listening socket of this process.
struct BusyPort {
    let descriptor: Int32
    let port: Int

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && listen(descriptor, 1) == 0
                    && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard descriptor >= 0, bound else { throw HarnessError("cannot hold a loopback port: errno \(errno)") }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() { _ = Glibc.close(descriptor) }
}
