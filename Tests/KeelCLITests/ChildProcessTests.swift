import Foundation
import KeelTestSupport
import Testing

/// What the tests start keeps none of the test process's descriptors.
struct ChildProcessTests {
    /// A child that outlives a pipe's writer must not hold the pipe open. HealthTests' own PostgreSQL server inherited
    /// the pipes other tests were reading to their end at that moment, and those reads then waited for it to stop.
    /// (The child's descriptors are read from /proc: Foundation's `Process`, which other tests run meanwhile, may pass
    /// this pipe to its own children.)
    @Test func aChildHoldsNoneOfTheParentsDescriptors() throws {
        let pipe = Pipe()
        let writer = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(pipe.fileHandleForWriting.fileDescriptor)")
        let child = try ChildProcess(["sleep", "5"], in: "/", outputPath: "/dev/null")
        defer { child.stop() }
        let held = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(child.pid)/fd").map { descriptor in
            try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(child.pid)/fd/\(descriptor)")
        }
        #expect(writer.hasPrefix("pipe:"))
        #expect(!held.contains(writer), "the child holds the pipe's writing end: \(held)")
    }
}

extension ChildProcessTests {
    /// A child started from a Dispatch thread, which blocks most signals, does not inherit that mask: `stop()` would
    /// wait for a `keel generate --watch` that never saw its SIGTERM.
    @Test func aChildStartedFromADispatchThreadEndsOnSIGTERM() async throws {
        // Started, stopped and waited for on one Dispatch thread: back on a cooperative thread, the kill could come
        // after a busy test run had let the child end on its own.
        let status = try await Blocking.run {
            let child = try ChildProcess(["sleep", "30"], in: "/", outputPath: "/dev/null")
            kill(child.pid, SIGTERM)
            return child.wait()
        }
        #expect(status == 128 + SIGTERM)
    }
}
