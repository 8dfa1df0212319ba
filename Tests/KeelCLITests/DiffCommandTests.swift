import Foundation
import KeelTestSupport
import Testing

/// `keel diff` on a git repository made here: two commits of a spec, compared with `--from HEAD~1`.
struct DiffCommandTests {
    static let settings = "spec: spec.yaml\noutputs: { swift: null, migrations: null, marchproxy: null, typescript: null, openapi: null }\n"

    static func spec(version: String, columns: String) -> String {
        "keel: 1\nservice: { name: shop, version: \(version) }\ntables:\n  queues:\n    columns:\n      id: id\n\(columns)endpoints:\n  - resource: queues\n"
    }

    static func git(_ arguments: [String], in directory: String) async throws {
        let result = try await ChildProcess.run(["git", "-c", "user.name=Keel Test", "-c", "user.email=test@keel.invalid", "-c", "commit.gpgsign=false"] + arguments, in: directory)
        try #require(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.output)")
    }

    /// A repository whose HEAD~1 has `queues.title` and whose HEAD renames it to `name` (version 1.0.0 -> 2.0.0).
    static func repository() async throws -> String {
        let root = NSTemporaryDirectory() + "keel-diff-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try await git(["init", "-q"], in: root)
        try settings.write(toFile: root + "/keel.yaml", atomically: true, encoding: .utf8)
        try spec(version: "1.0.0", columns: "      title: string\n").write(toFile: root + "/spec.yaml", atomically: true, encoding: .utf8)
        try await git(["add", "keel.yaml", "spec.yaml"], in: root)
        try await git(["commit", "-q", "-m", "first"], in: root)
        try spec(version: "2.0.0", columns: "      name: { type: string, renamed_from: title }\n").write(toFile: root + "/spec.yaml", atomically: true, encoding: .utf8)
        try await git(["commit", "-q", "-a", "-m", "rename title"], in: root)
        return root
    }

    @Test func findsTheChangesSinceTheParentCommit() async throws {
        let root = try await Self.repository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try await CLITests.keel(["diff", "--from", "HEAD~1"], in: root)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("spec.yaml:7:7: api-breaking API_FIELD_RENAMED@tables.queues.columns.name: field 'queues.title' renamed to 'name'"), "\(run.stdout)")
        #expect(run.stdout.contains("rollout-breaking ROLLOUT_COLUMN_RENAMED@tables.queues.columns.name"))
        #expect(run.stdout.contains("keel: HEAD~1 -> keel.yaml: 2 changes (1 api-breaking, 1 rollout-breaking, 0 data, 0 compatible)"))
        #expect(run.stdout.contains("service.version 1.0.0 -> 2.0.0: a major bump is needed\n"))
        // The working tree was only read: nothing checked out.
        #expect(try String(contentsOfFile: root + "/spec.yaml", encoding: .utf8).contains("renamed_from"))
        let same = try await CLITests.keel(["diff", "--from", "HEAD"], in: root)
        #expect(same.status == 0)
        #expect(same.stdout.contains("0 changes"))
    }

    @Test func acknowledgementsInKeelYamlLetItPass() async throws {
        let root = try await Self.repository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let acknowledged = Self.settings + """
        acknowledged:
          - { change: API_FIELD_RENAMED@tables.queues.columns.name, reason: the one client ships in the same release }

        """
        try acknowledged.write(toFile: root + "/keel.yaml", atomically: true, encoding: .utf8)
        let partly = try await CLITests.keel(["diff", "--from", "HEAD~1", "--format", "json"], in: root)
        #expect(partly.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(partly.stdout.utf8)) as? [String: Any])
        let changes = try #require(json["changes"] as? [[String: Any]])
        #expect(changes.map { $0["acknowledged"] as? String } == ["the one client ships in the same release", nil])
        let allowed = try await CLITests.keel(["diff", "--from", "HEAD~1", "--allow", "ROLLOUT_COLUMN_RENAMED@tables.queues.columns.name", "--format", "markdown"], in: root)
        #expect(allowed.status == 0, "\(allowed.stdout)")
        #expect(allowed.stdout.hasPrefix("### ✅ keel diff: no unacknowledged breaking change"))
    }

    @Test func reportsAnUnknownRevision() async throws {
        let root = try await Self.repository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try await CLITests.keel(["diff", "--from", "no-such-branch"], in: root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("'no-such-branch' is neither a file nor a git revision holding keel.yaml"), "\(run.stderr)")
        let usage = try await CLITests.keel(["diff", "--from", "HEAD", "--format", "yaml"], in: root)
        #expect(usage.status == 2)
    }
}
