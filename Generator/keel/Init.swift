import ArgumentParser
import Foundation
import KeelCommands
import KeelGenerator
import KeelRuntime
import KeelSpec

/// `keel init`: a new SwiftPM package for a service, building with the KeelPlugin build plugin.
struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a Swift package for a new service: spec, keel.yaml, handlers, tests, Dockerfile.",
        discussion: """
        The package depends on Keel and compiles the spec's Swift in with the KeelPlugin build plugin. Its
        custom endpoints answer 501 until written (Sources/<Module>/<Service>Handlers.swift). Keel is found at
        --keel, else at the checkout this keel was built in, else at \(Init.keelURL).
        keel init writes only into a new or empty directory.

        --from-database writes the spec from the tables of a live PostgreSQL, MySQL/MariaDB or SQLite \
        database: columns, types, nullability, defaults, unique constraints, foreign keys and indexes, and a \
        resource endpoint per table. The migrations start from those tables: into the migrations output it \
        writes the schema snapshot (schema-snapshot.json), keel.sum, and one migration for the database's \
        dialect, <dialect>/0001_baseline.sql, which creates each table only where it is missing. So keel \
        migrate leaves the live tables as they are and records the baseline, a new database of that kind gets \
        the tables, and the next spec edit migrates from there. What Keel cannot say as the database does \
        (a composite or missing primary key, a CHECK constraint, a view, a trigger, an unknown type) is \
        printed as a warning naming the table and column, saying whether it was mapped or left out, and is \
        listed at the top of the spec. See "Adopting an existing database" in docs/spec-reference.md.

        Examples:
          keel init inventory
          keel init shop --spec specs/shop.yaml --dir services/shop
          keel init shop --keel https://github.com/penguintechinc/keel
          keel init shop --database postgres     # compiles only the PostgreSQL driver
          keel init legacy --from-database postgres://app:secret@localhost:5432/app
        """
    )

    /// Where Keel is published; the default dependency of a package made by a keel that is not in a checkout.
    static let keelURL = "https://github.com/penguintechinc/keel"

    @Argument(help: "The package's name, which also names the executable and the starter spec's service: lowercase letters, digits and dashes.")
    var name: String

    @Option(help: ArgumentHelp("A spec file or directory to copy in instead of the starter spec.", valueName: "path"))
    var spec: String?

    @Option(help: ArgumentHelp("A database whose tables make the spec: postgres://user:pass@host:5432/db, mysql://…, sqlite:app.db.", valueName: "url"))
    var fromDatabase: String?

    @Option(help: ArgumentHelp("""
        The databases the service runs on, comma-separated: sqlite, postgres, mysql (default: all three). They make \
        keel.yaml's dialects and Keel's traits in Package.swift, so the service compiles only their drivers.
        """, valueName: "list"))
    var database: String?

    @Option(help: ArgumentHelp("""
        How many modules the tables compile as, beside the service's, so that an edit to one table rebuilds one of them \
        (default: one per dozen tables, at most 32; none under 24 tables). 0 keeps every table in the service's module.
        """, valueName: "count"))
    var tableModules: Int?

    @Option(help: ArgumentHelp("Where to create the package (default: ./NAME).", valueName: "path"))
    var dir: String?

    @Option(help: ArgumentHelp("Keel as a path to a checkout or a git URL.", valueName: "path-or-url"))
    var keel: String?

    func validate() throws {
        guard name.wholeMatch(of: /[a-z][a-z0-9-]{0,62}/) != nil else {
            throw ValidationError("'\(name)' is not a valid name: use lowercase letters, digits and dashes, starting with a letter (e.g. inventory)")
        }
        if spec != nil, fromDatabase != nil {
            throw ValidationError("--spec and --from-database both give the spec; pass one")
        }
        if let tableModules, !(0...PluginSourceSet.maxTableModules).contains(tableModules) {
            throw ValidationError("--table-modules \(tableModules): pass 0 to \(PluginSourceSet.maxTableModules)")
        }
        let dialects = try databases()
        if let fromDatabase, let imported = (try? DatabaseConfiguration(url: fromDatabase))?.dialect.rawValue, !dialects.map(\.rawValue).contains(imported) {
            throw ValidationError("--database \(database ?? ""): add \(imported), the database --from-database reads, or the service cannot run on it")
        }
    }

    /// --database as dialects, in the order given; every dialect without it.
    private func databases() throws -> [Dialect] {
        guard let database else { return Dialect.allCases }
        let names = database.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let dialects = names.compactMap { Dialect(rawValue: $0 == "postgresql" ? "postgres" : $0 == "mariadb" ? "mysql" : $0) }
        guard !names.isEmpty, dialects.count == names.count else {
            throw ValidationError("--database \(database): list one or more of sqlite, postgres, mysql, comma-separated")
        }
        return dialects
    }

    func run() async throws {
        let directory = URL(fileURLWithPath: dir ?? name).standardizedFileURL
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            guard isDirectory.boolValue, contents.isEmpty else {
                Console.error("keel: error: \(Console.shown(directory.path)) is not empty; keel init writes only into a new or empty directory: pass another --dir")
                throw ExitCode.failure
            }
        }
        let templates = try Console.reportingErrors(TemplateLibrary.load(overrideDirectory: nil), writes: true)
        let imported = try await importDatabase()
        let (parsed, specFiles) = try imported.map { try loadImported($0) } ?? loadSpec(templates: templates)
        let scaffold = PackageScaffold(name: name, spec: parsed, specFiles: specFiles, keel: try dependency(), databases: try databases(), environment: RuntimeEnvironment.groups(auth: AuthMode(parsed.service.auth)).map { group in
            (title: group.title, variables: group.variables.map { PackageScaffold.Variable(name: $0.name, value: $0.defaultValue, meaning: $0.meaning) })
        }, tableModules: tableModules)
        // Everything goes to a sibling folder first and is moved into place at the end, so a failure leaves nothing behind.
        try FileManager.default.createDirectory(at: directory.deletingLastPathComponent(), withIntermediateDirectories: true)
        let staging = directory.deletingLastPathComponent().appendingPathComponent(".keel-init-\(UUID().uuidString)")
        do {
            for file in scaffold.files(templates: templates) {
                let url = staging.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url)
            }
            let config = staging.appendingPathComponent("Sources/\(scaffold.module)/keel.yaml").path
            if let imported { try writeBaseline(imported, spec: parsed, config: config) }
            try FileWriter.apply(try Console.reportingErrors(Generation.run(configPath: config, displayRelativeTo: staging.path), writes: true).plan())
            // rename(2) also replaces an empty directory, which FileManager's move refuses.
            guard rename(staging.path, directory.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            try? FileManager.default.removeItem(at: staging)
            if !(error is ExitCode) { Console.error("keel: error: cannot create \(Console.shown(directory.path)): \(error)") }
            throw ExitCode.failure
        }
        let shown = Console.shown(directory.path)
        Console.print("""
        created \(shown): package \(name), service '\(parsed.service.name)', Keel from \(scaffold.keel)
        next:
          cd \(shown)
          swift build        # the first build compiles the dependencies: minutes
          swift test
          swift run \(name)
        """)
    }

    /// The tables of --from-database as a spec, its warnings printed; nil without the option.
    private func importDatabase() async throws -> DatabaseImport? {
        guard let fromDatabase else { return nil }
        do {
            let imported = try await DatabaseImport.read(url: fromDatabase, service: name)
            for warning in imported.warnings { Console.error("keel: warning: \(warning.description)") }
            return imported
        } catch {
            Console.error("keel: error: cannot read the database: \(error)")
            throw ExitCode.failure
        }
    }

    private func loadImported(_ imported: DatabaseImport) throws -> (Spec, [(name: String, contents: String)]) {
        let parsed = try Console.reportingErrors(SpecLoader.load(yaml: imported.spec, file: "spec/\(name).yaml"), writes: true)
        return (parsed, [(name: "\(name).yaml", contents: imported.spec)])
    }

    /// The imported tables as the migrations' starting point, so the first `keel generate` creates none of them.
    private func writeBaseline(_ imported: DatabaseImport, spec: Spec, config: String) throws {
        let settings = try Console.reportingErrors(ProjectLoader.load(configPath: config), writes: true)
        guard let directory = settings.outputs.migrations else { return }
        for (path, contents) in try MigrationBaseline.files(for: spec, dialect: imported.dialect, source: imported.source, specName: "spec") {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
    }

    /// The spec to copy in, checked: the given one, or the starter spec. Errors stop here, before anything is written.
    private func loadSpec(templates: TemplateLibrary) throws -> (Spec, [(name: String, contents: String)]) {
        guard let spec else {
            let text = PackageScaffold.starterSpec(name: name, templates: templates)
            let parsed = try Console.reportingErrors(SpecLoader.load(yaml: text, file: "spec/\(name).yaml"), writes: true)
            return (parsed, [(name: "\(name).yaml", contents: text)])
        }
        let path = URL(fileURLWithPath: spec).standardizedFileURL.path
        let parsed = try Console.reportingErrors(SpecLoader.load(path: path), writes: true)
        let files = SpecLoader.specFiles(at: path).map { file in
            (name: URL(fileURLWithPath: file).lastPathComponent, contents: (try? String(contentsOfFile: file, encoding: .utf8)) ?? "")
        }
        return (parsed, files)
    }

    /// --keel, else the checkout this keel runs from, else the published URL.
    private func dependency() throws -> PackageScaffold.KeelDependency {
        let version = KeelVersionInfo.current
        if let keel {
            if keel.contains("://") || keel.hasPrefix("git@") { return .url(keel, from: version) }
            let path = URL(fileURLWithPath: keel).standardizedFileURL.path
            guard FileManager.default.fileExists(atPath: path + "/Package.swift") else {
                throw ValidationError("--keel \(keel): no Package.swift there; pass the path of a Keel checkout or a git URL")
            }
            return .path(path)
        }
        return Self.checkout().map { .path($0) } ?? .url(Self.keelURL, from: version)
    }

    /// The Keel checkout holding this binary (`<checkout>/.build/…/keel`), if it runs from one.
    static func checkout() -> String? {
        var directory = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/" {
            let manifest = directory.appendingPathComponent("Package.swift").path
            if let text = try? String(contentsOfFile: manifest, encoding: .utf8), text.contains("name: \"Keel\"") {
                return directory.path
            }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }
}

extension AuthMode {
    init(_ auth: KeelSpec.Service.Auth) {
        switch auth {
        case .local: self = .local
        case .jwt: self = .jwt
        case .none: self = .none
        }
    }
}
