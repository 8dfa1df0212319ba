import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KeelGenerator
import KeelTestSupport
import Testing

/// `keel init` to a served request through SwiftPM, as a user goes: scaffold a package from a spec with custom
/// endpoints, build it (KeelPlugin generates its Swift), serve it, edit the spec, rebuild, and see the change served.
/// The package has two table modules, so the edit also shows that only the edited table's module rebuilds; one of
/// its models is named like a Foundation type, which the service's module must still see as the model.
///
/// One package per run, reused by every check: its first build compiles Hummingbird, GRDB, postgres-nio and the rest
/// (minutes). The scratch folder `.build-scaffold` outlives the run, so later runs reuse those builds.
/// Run the test binary under `flock /tmp/keel-build.lock` where builds share the machine: it runs `swift build`.
@Suite(.serialized)
struct PluginPackageTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let scratch = repository + "/.build-scaffold"
    /// What SwiftPM 6.3 prints when it runs the build plugin's command: "Generating" and its first input's name.
    /// The rebuild after a spec change below checks that it does, so a SwiftPM that prints otherwise fails loudly.
    static let generating = "Generating keel.yaml"

    static let spec = """
    keel: 1
    service: { name: notes, version: 1.0.0, base_path: /api/v1, auth: none }
    tables:
      notes:
        columns:
          id: id
          title: { type: string, max_length: 100 }
          pinned: { type: bool, default: false }
      notifications: { columns: { id: id, message: string } }
    endpoints:
      - resource: notes
      - name: noteStats
        method: GET
        path: /notes/stats
        response: NoteStats
      - name: archiveNote
        method: POST
        path: /notes/{id}/archive
        params: { id: int }
        body: ArchiveRequest
        response: notes
      - { name: latestNotification, method: GET, path: /notifications/latest, response: notifications }
    types:
      NoteStats: { total: int }
      ArchiveRequest: { reason: string }

    """

    @Test func initBuildServeEditRebuild() async throws {
        let root = NSTemporaryDirectory() + "keel-plugin-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let specPath = root + "/notes.yaml"
        try Self.spec.write(toFile: specPath, atomically: true, encoding: .utf8)
        let package = root + "/notes"
        let started = Date()

        // The package, from the spec with custom endpoints, depending on this checkout; SQLite's driver only; two table modules.
        let initRun = try await ChildProcess.run([CLITests.keel, "init", "notes", "--spec", specPath, "--dir", package, "--keel", Self.repository,
                                            "--database", "sqlite", "--table-modules", "2"], in: root)
        try #require(initRun.status == 0, "\(initRun.output)")
        let packageSpec = package + "/Sources/Notes/spec/notes.yaml"
        #expect(FileManager.default.fileExists(atPath: packageSpec))
        #expect(FileManager.default.fileExists(atPath: package + "/Sources/Notes/migrations/sqlite/0001_initial.sql"))

        // The first build compiles the package and its test.
        let firstBuild = try await build(package)
        try #require(firstBuild.status == 0, "\(firstBuild.output.suffix(4000))")
        #if os(Linux)
        // The scaffold's debug build links with lld (its Package.swift's `fastLinker`), which names itself in .comment.
        let comment = try await ChildProcess.run(["readelf", "-p", ".comment", Self.scratch + "/debug/notes"], in: package)
        #expect(comment.status == 0 && comment.output.contains("Linker: LLD"), "\(comment.output)")
        #endif
        // Without the ServiceClients trait the service links no HTTP client or TLS stack of its own: the runtime's
        // calls out go through the system's. Mangled names carry the module's name after its length.
        let binary = try Data(contentsOf: URL(fileURLWithPath: Self.scratch + "/debug/notes"))
        for module in ["AsyncHTTPClient", "NIOSSL"] {
            #expect(binary.range(of: Data("\(module.count)\(module)".utf8)) == nil, "\(module) is linked")
        }

        let database = root + "/notes.db"
        var service = try await serve(package, database: database)
        defer { service.process.stop() }
        let firstServed = Date()
        print("figure: keel init to first served request: \(String(format: "%.1f", firstServed.timeIntervalSince(started))) s (first build \(String(format: "%.1f", firstBuild.seconds)) s)")

        // Built without the PostgreSQL trait, the service refuses a PostgreSQL database at start-up and names the trait.
        let noDriver = try await ChildProcess.run([Self.scratch + "/debug/notes"], in: package, environment: [
            "PORT": "0", "DB_TYPE": "postgres", "DB_USER": "notes", "DB_NAME": "notes", "LICENSE_CACHE_PATH": database + ".license.json",
        ])
        #expect(noDriver.status == 1 && noDriver.output.contains("DB_TYPE=postgres: this service was built without the PostgreSQL driver; add the"), "\(noDriver.output)")

        // A full round trip, and a custom endpoint that is not written yet.
        let created = try await service.send("POST", "/api/v1/notes", ["title": "Groceries"])
        #expect(created.status == 201)
        let id = created.object["id"] as? Int ?? 0
        #expect(try await service.send("GET", "/api/v1/notes/\(id)").object["title"] as? String == "Groceries")
        #expect(try await service.send("GET", "/api/v1/notes").object["total"] as? Int == 1)
        let updated = try await service.send("PATCH", "/api/v1/notes/\(id)", ["pinned": true])
        #expect(updated.status == 200 && updated.object["pinned"] as? Bool == true)
        #expect(try await service.send("DELETE", "/api/v1/notes/\(id)").status == 204)
        #expect(try await service.send("GET", "/api/v1/notes/\(id)").status == 404)
        let unwritten = try await service.send("GET", "/api/v1/notes/stats")
        #expect(unwritten.status == 501 && unwritten.object["code"] as? String == "NOT_IMPLEMENTED")
        // A model named like a Foundation type (`Notification`) lives in a table module and is used in the service's
        // module, by the API protocol and the starter handlers: it compiled, and its endpoint is routed.
        #expect(try await service.send("GET", "/api/v1/notifications/latest").status == 501)

        // Nothing changed: the generator does not run again. SwiftPM prints a command's name when it runs it (`-v`
        // would show the command line, but it adds `-v` to every compiler command too, so everything would rebuild).
        // SwiftPM 6.3 builds the plugin's tool once more in the second build (its plugin-tools step and the build
        // proper keep separate records of the same files), so the generator may run there; from then on it may not.
        let settling = try await build(package)
        #expect(settling.status == 0)
        print("figure: second build: \(String(format: "%.1f", settling.seconds)) s, generator ran: \(settling.output.contains(Self.generating))")
        let noOp = try await build(package)
        #expect(noOp.status == 0)
        #expect(!noOp.output.contains(Self.generating), "a no-op build ran the generator:\n\(noOp.output.suffix(4000))")
        print("figure: no-op build with KeelPlugin: \(String(format: "%.1f", noOp.seconds)) s")

        // A spec error fails the build at its place, by absolute path.
        let original = try String(contentsOfFile: packageSpec, encoding: .utf8)
        try original.replacingOccurrences(of: "pinned: { type: bool", with: "pinned: { type: boolean").write(toFile: packageSpec, atomically: true, encoding: .utf8)
        let broken = try await build(package)
        #expect(broken.status != 0)
        #expect(broken.output.contains("\(packageSpec):8:23: error: the type of column 'notes.pinned' must be one of"), "\(broken.output.suffix(4000))")

        // A new column: rebuild, restart on the same database, and the field is served; no step in between.
        try original.replacingOccurrences(of: "      pinned: { type: bool, default: false }\n",
                                          with: "      pinned: { type: bool, default: false }\n      colour: { type: string, max_length: 20, nullable: true }\n")
            .write(toFile: packageSpec, atomically: true, encoding: .utf8)
        let kept = try await service.send("POST", "/api/v1/notes", ["title": "Kept"])
        let rebuilt = try await build(package)
        try #require(rebuilt.status == 0, "\(rebuilt.output.suffix(4000))")
        #expect(rebuilt.output.contains(Self.generating))
        // Note's shard is odd and Notification's even: the edit rebuilds NotesTables1 and leaves NotesTables0 alone.
        let shards = PluginSourceSet.moduleTableShards
        #expect(PluginSourceSet.shard(of: "Note", among: shards) % 2 == 1 && PluginSourceSet.shard(of: "Notification", among: shards) % 2 == 0)
        #expect(rebuilt.output.contains("Compiling NotesTables1 "), "\(rebuilt.output.suffix(4000))")
        #expect(!rebuilt.output.contains("Compiling NotesTables0 ") && !rebuilt.output.contains("Emitting module NotesTables0"), "\(rebuilt.output.suffix(4000))")
        #expect(rebuilt.output.contains("warning: this build embeds migration 0002_add_notes_colour, which is not in"))
        service.process.stop()
        service = try await serve(package, database: database)
        let old = try await service.send("GET", "/api/v1/notes/\(kept.object["id"] as? Int ?? 0)")
        #expect(old.status == 200 && old.object.keys.contains("colour") && old.object["colour"] is NSNull)
        let coloured = try await service.send("POST", "/api/v1/notes", ["title": "Red", "colour": "red"])
        #expect(coloured.status == 201 && coloured.object["colour"] as? String == "red")

        // The command plugins: keel-check finds the migration missing, keel-generate writes it, and then it is current.
        let stale = try await ChildProcess.run(["swift", "package", "--scratch-path", Self.scratch, "keel-check"], in: package)
        #expect(stale.status != 0 && stale.output.contains("missing: Sources/Notes/migrations/sqlite/0002_add_notes_colour.sql"), "\(stale.output.suffix(4000))")
        let command = try await ChildProcess.run(["swift", "package", "--scratch-path", Self.scratch, "--allow-writing-to-package-directory", "keel-generate"], in: package)
        #expect(command.status == 0, "\(command.output.suffix(4000))")
        #expect(FileManager.default.fileExists(atPath: package + "/Sources/Notes/migrations/sqlite/0002_add_notes_colour.sql"))
        let check = try await ChildProcess.run(["swift", "package", "--scratch-path", Self.scratch, "keel-check"], in: package)
        #expect(check.status == 0, "\(check.output.suffix(4000))")

        // The scaffold's own test passes. It runs last: `swift test` builds the plugin's tool its own way, so the
        // next `swift build` would build the tool again and rerun the generator, spoiling the no-op check above.
        let ownTest = try await ChildProcess.run(["swift", "test", "--scratch-path", Self.scratch], in: package)
        #expect(ownTest.status == 0, "\(ownTest.output.suffix(4000))")
    }

    /// `swift build --build-tests` of the package in the shared scratch folder, timed. Every build builds the tests:
    /// they compile with `-enable-testing`, so a build without them would recompile everything.
    func build(_ package: String) async throws -> (status: Int32, output: String, seconds: Double) {
        let start = Date()
        let run = try await ChildProcess.run(["swift", "build", "--build-tests", "--scratch-path", Self.scratch], in: package)
        return (run.status, run.output, Date().timeIntervalSince(start))
    }

    /// The package's executable on a free port, once `/healthz` answers 200.
    func serve(_ package: String, database: String) async throws -> Service {
        let port = try LoopbackPort.free()
        let binary = Self.scratch + "/debug/notes"
        let process = try ChildProcess([binary], in: package, environment: ["PORT": String(port), "HOST": "127.0.0.1", "DB_PATH": database,
                                                                            "LICENSE_CACHE_PATH": database + ".license.json"],
                                       outputPath: database + ".\(port).log")
        let service = Service(process: process, base: "http://127.0.0.1:\(port)")
        for _ in 0..<100 {
            if (try? await service.send("GET", "/healthz").status) == 200 { return service }
            try await Task.sleep(for: .milliseconds(100))
        }
        process.stop()
        throw ChildProcessError("the service did not answer /healthz:\n\(process.output)")
    }

    /// A running service and an HTTP client for it.
    struct Service {
        let process: ChildProcess
        let base: String

        struct Reply {
            let status: Int
            let object: [String: Any]
        }

        func send(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Reply {
            guard let url = URL(string: base + path) else { throw ChildProcessError("not a URL: \(base)\(path)") }
            var request = URLRequest(url: url)
            request.httpMethod = method
            if let body {
                request.httpBody = try JSONSerialization.data(withJSONObject: body)
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            }
            let (data, response) = try await URLSession.shared.data(for: request)
            return Reply(status: (response as? HTTPURLResponse)?.statusCode ?? 0,
                         object: (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:])
        }
    }
}
