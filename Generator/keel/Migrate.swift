import ArgumentParser
import Foundation
import KeelCommands
import KeelRuntime
import KeelSpec

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply the pending migrations to a database.",
        discussion: """
        Reads the database from --url, or else from the environment: DB_TYPE (sqlite, postgres or mysql;
        default sqlite), DB_PATH (default \(DatabaseConfiguration.defaultSQLitePath)), DB_HOST, DB_PORT, DB_USER,
        DB_PASS, DB_NAME, GALERA_MODE. Migrations come from `outputs.migrations` in keel.yaml, or --dir.

        Each migration runs once, in order, under a lock, so replicas starting together are safe.
        It stops without changing anything when an applied migration file was edited.

        Examples:
          keel migrate
          DB_TYPE=postgres DB_HOST=db DB_USER=app DB_NAME=app keel migrate
          keel migrate --url postgres://app:secret@localhost:5432/app --dir migrations
        """
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: ArgumentHelp("The database, e.g. postgres://user:pass@host:5432/db, mysql://…, sqlite:app.db.", valueName: "url"))
    var url: String?

    @Option(help: ArgumentHelp("The migrations directory (holding postgres/, mysql/, sqlite/); default: outputs.migrations of keel.yaml.", valueName: "path"))
    var dir: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let configuration: DatabaseConfiguration
        let migrations: [Migration]
        do {
            configuration = try url.map { try DatabaseConfiguration(url: $0, environment: environment) }
                ?? DatabaseConfiguration(environment: environment)
            migrations = RuntimeTables.withGenerated(try Migration.load(from: try migrationsDirectory(), dialect: configuration.dialect), dialect: configuration.dialect)
        } catch {
            Console.error("keel: \(error)")
            throw ExitCode.failure
        }
        do {
            let applied = try await DatabaseConnector.withDatabase(configuration) { database in
                try await Migrator(database: database, migrations: migrations) { event in
                    switch event {
                    case .applying(let migration): Console.print("applying \(configuration.dialect.rawValue)/\(migration.name)")
                    case .applied(let migration, let seconds): Console.print("applied \(migration.name) in \(String(format: "%.3f", seconds)) s")
                    }
                }.migrate()
            }
            Console.print(applied.isEmpty
                ? "keel: the database is up to date (\(migrations.count) migrations)"
                : "keel: applied \(applied.count) migration\(applied.count == 1 ? "" : "s"); the database is at \(migrations.last?.name ?? "")")
        } catch {
            Console.error("keel: \(error)")
            throw ExitCode.failure
        }
    }

    private func migrationsDirectory() throws -> String {
        if let dir { return dir }
        switch ProjectLoader.load(configPath: project.absoluteConfigPath) {
        case .success(let settings):
            guard let directory = settings.outputs.migrations else {
                throw ConfigurationError("\(project.config) turns migrations off (outputs.migrations: null); pass --dir")
            }
            return directory
        case .failure(let error):
            throw ConfigurationError(error.diagnostics.map(\.description).joined(separator: "\n") + "\n(or pass --dir with the migrations directory)")
        }
    }
}
