import Foundation
import KeelTestSupport
import Testing

/// The `keel` binary as users run it: exit codes, where output goes, help text.
struct CLITests {
    /// The built `keel` next to the test bundle.
    static let keel = built("keel")
    /// What Keel's SwiftPM plugins run.
    static let pluginTool = built("keel-plugin-tool")

    static func built(_ name: String) -> String {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ]
        return candidates.map { $0.appendingPathComponent(name).path }
            .first { FileManager.default.isExecutableFile(atPath: $0) } ?? name
    }

    struct Run: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `executable` (the built `keel`) in `directory`, with `environment` added to this process's, waiting on a
    /// Dispatch thread (see `Blocking.run`), so an in-process server can also answer the run.
    static func keel(_ arguments: [String], in directory: String, executable: String = CLITests.keel, environment extra: [String: String] = [:]) async throws -> Run {
        try await Blocking.run {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: directory)
            // Each project gets its own generation cache, so tests cannot see each other's runs.
            var environment = ProcessInfo.processInfo.environment
            environment["XDG_CACHE_HOME"] = directory + "/.test-cache"
            environment.merge(extra) { _, new in new }
            process.environment = environment
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
        }
    }

    func project(spec: String) throws -> String {
        let root = NSTemporaryDirectory() + "keel-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/spec", withIntermediateDirectories: true)
        // Swift and OpenAPI only: the file lists below stay short (the gateway and TypeScript outputs have tests of their own).
        try "spec: spec\noutputs: { openapi: openapi.yaml, swift: Generated, migrations: null, marchproxy: null, typescript: null }\n".write(toFile: root + "/keel.yaml", atomically: true, encoding: .utf8)
        try spec.write(toFile: root + "/spec/main.yaml", atomically: true, encoding: .utf8)
        return root
    }

    static let validSpec = "keel: 1\nservice: { name: shop, version: 1.0.0 }\ntables:\n  items: { columns: { id: id, title: string } }\nendpoints:\n  - resource: items\n"

    @Test func validateGenerateCheckRoundTrip() async throws {
        let root = try project(spec: Self.validSpec)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let validate = try await Self.keel(["validate"], in: root)
        #expect(validate.status == 0)
        #expect(validate.stdout == "keel: spec is valid: 1 table, 1 endpoint, 0 types\n")

        #expect(try await Self.keel(["check"], in: root).status == 1)
        let generate = try await Self.keel(["generate"], in: root)
        #expect(generate.status == 0)
        #expect(generate.stdout == "created Generated/API.swift\ncreated Generated/Licensing.swift\ncreated Generated/Models/Item.swift\ncreated Generated/Routes.swift\n"
            + "created Generated/Service.swift\ncreated openapi.yaml\nkeel: 6 files changed, 0 unchanged\n")
        #expect(try await Self.keel(["generate"], in: root).stdout == "keel: 0 files changed, 6 unchanged\n")
        #expect(try await Self.keel(["check"], in: root).status == 0)

        try (try String(contentsOfFile: root + "/openapi.yaml", encoding: .utf8)).replacingOccurrences(of: "title: shop", with: "title: Shop")
            .write(toFile: root + "/openapi.yaml", atomically: true, encoding: .utf8)
        let check = try await Self.keel(["check", "--diff"], in: root)
        #expect(check.status == 1)
        #expect(check.stdout.hasPrefix("stale: openapi.yaml\n--- a/openapi.yaml\n+++ b/openapi.yaml\n"))
        #expect(check.stdout.contains("\n-  title: Shop\n+  title: shop\n"))
        #expect(check.stderr == "keel: generated files are out of date; run `keel generate`\n")
    }

    @Test func unchangedRerunSkipsWorkButNoticesEveryChange() async throws {
        let root = try project(spec: Self.validSpec)
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try await Self.keel(["generate"], in: root).status == 0)
        #expect(try await Self.keel(["generate"], in: root).stdout == "keel: 0 files changed, 6 unchanged\n")

        // A hand edit of an output is undone.
        try "edited\n".write(toFile: root + "/openapi.yaml", atomically: true, encoding: .utf8)
        #expect(try await Self.keel(["generate"], in: root).status == 1, "a file without the header is never overwritten")
        try "# Generated by Keel\nedited\n".write(toFile: root + "/openapi.yaml", atomically: true, encoding: .utf8)
        #expect(try await Self.keel(["generate"], in: root).stdout == "updated openapi.yaml\nkeel: 1 file changed, 5 unchanged\n")

        // A deleted output comes back.
        try FileManager.default.removeItem(atPath: root + "/Generated/Licensing.swift")
        #expect(try await Self.keel(["generate"], in: root).stdout == "created Generated/Licensing.swift\nkeel: 1 file changed, 5 unchanged\n")

        // A spec change is seen.
        try Self.validSpec.replacingOccurrences(of: "name: shop", with: "name: store")
            .write(toFile: root + "/spec/main.yaml", atomically: true, encoding: .utf8)
        #expect(try await Self.keel(["generate"], in: root).stdout == "updated Generated/API.swift\nupdated Generated/Licensing.swift\nupdated Generated/Routes.swift\nupdated Generated/Service.swift\n"
            + "updated openapi.yaml\nkeel: 5 files changed, 1 unchanged\n")
        #expect(try await Self.keel(["generate", "--force"], in: root).stdout == "keel: 0 files changed, 6 unchanged\n")
        #expect(try await Self.keel(["check"], in: root).status == 0)
    }

    @Test func specErrorsGoToStderrWithExitOne() async throws {
        let root = try project(spec: Self.validSpec.replacingOccurrences(of: "title: string", with: "title: strin"))
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try await Self.keel(["generate"], in: root)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("spec/main.yaml:4:38: error: the type of column 'items.title' must be one of"))
        #expect(run.stderr.hasSuffix("did you mean 'string'?\nkeel: 1 error; nothing was written\n"))
        #expect(!FileManager.default.fileExists(atPath: root + "/openapi.yaml"))
    }

    @Test func usageErrorsExitTwo() async throws {
        let run = try await Self.keel(["generate", "--no-such-flag"], in: NSTemporaryDirectory())
        #expect(run.status == 2)
        #expect(run.stderr.contains("Unknown option '--no-such-flag'"))
    }

    @Test func missingProjectFileIsExplained() async throws {
        let run = try await Self.keel(["validate", "--config", "/nonexistent/keel.yaml"], in: NSTemporaryDirectory())
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("keel: error: no keel.yaml at /nonexistent/keel.yaml; run keel in a project directory or pass --config\n"))
    }

    @Test func helpAndVersion() async throws {
        let version = try await Self.keel(["--version"], in: NSTemporaryDirectory())
        #expect(version.status == 0 && version.stdout == "0.1.0\n")
        let help = try await Self.keel(["generate", "--help"], in: NSTemporaryDirectory())
        #expect(help.status == 0)
        #expect(help.stdout.contains("Examples:") && help.stdout.contains("--config"))
    }

    /// `keel init --help` says which migration files --from-database writes and what the baseline does.
    @Test func initHelpNamesTheBaselineFiles() async throws {
        let help = try await Self.keel(["init", "--help"], in: NSTemporaryDirectory())
        #expect(help.status == 0)
        let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(!text.contains("changes nothing"))
        for said in ["schema-snapshot.json", "keel.sum", "<dialect>/0001_baseline.sql", "only where it is missing"] {
            #expect(text.contains(said), "init --help should say \(said)")
        }
    }
}
