import Foundation
import KeelTestSupport
import Testing

/// The spec fuzzer (`fuzz/keel-fuzz`, run long by `fuzz/run.sh`) as the test command runs it: a slice of
/// mutated specs, and every input it ever saved (`fuzz/crashes`) replayed.
struct SpecFuzzTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let fuzzer = CLITests.built("keel-fuzz")

    @Test func mutatedSpecsNeverCrashHangOrGoUnlocated() async throws {
        let saved = NSTemporaryDirectory() + "keel-fuzz-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: saved) }
        let run = try await ChildProcess.run([Self.fuzzer, "--runs", "2000", "--seed", "13", "--crashes", saved], in: Self.repository)
        // A crash ends it on the signal (status 128 + signal), a hang with 3, an unlocated diagnostic with 1.
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("keel-fuzz: 2000 inputs in "), "\(run.output)")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: saved)) ?? []).isEmpty, "the fuzzer saved failing inputs in \(saved)")
    }

    @Test func everySavedFailureIsAcceptedOrRejectedAtAPlace() async throws {
        let cases = try FileManager.default.contentsOfDirectory(atPath: Self.repository + "/fuzz/crashes").filter { !$0.hasPrefix(".") }
        #expect(cases.count >= 4)
        let run = try await ChildProcess.run([Self.fuzzer, "--replay", "fuzz/crashes"], in: Self.repository)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("keel-fuzz: replayed \(cases.count) cases, 0 with unlocated diagnostics"), "\(run.output)")
    }
}
