import Foundation
import KeelRuntime
import KeelSpec

/// A real database: migrated by Keel's migrator, read through its command-line client (queries and the
/// catalog), so what the tests check does not go through the code under test.
protocol LiveDatabase {
    var dialect: Dialect { get }
    var configuration: DatabaseConfiguration { get }
    /// Rows of a query, columns split.
    func query(_ sql: String) throws -> [[String]]
    /// The live schema: table -> (column -> nullable), and table -> index names.
    func schema() throws -> LiveSchema
}

extension LiveDatabase {
    /// `keel migrate`: applies the pending migrations of `directory` with the runtime's migrator.
    @discardableResult
    func migrate(_ directory: String) async throws -> [String] {
        try await DatabaseConnector.withDatabase(configuration) { database in
            try await Migrator(database: database, migrations: try Migration.load(from: directory, dialect: database.dialect)).migrate()
        }
    }
}

struct LiveSchema: Equatable, CustomStringConvertible {
    var columns: [String: [String: Bool]] = [:]
    var indexes: [String: Set<String>] = [:]

    var description: String {
        var lines: [String] = []
        for table in columns.keys.sorted() {
            let tableColumns: [String: Bool] = columns[table] ?? [:]
            let names: [String] = tableColumns.keys.sorted().map { name in tableColumns[name] == true ? name + "?" : name }
            let indexNames: [String] = (indexes[table] ?? []).sorted()
            lines.append(table + "(" + names.joined(separator: ", ") + ") indexes: " + indexNames.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    /// What the spec says the schema must be.
    init(spec: Spec) {
        for table in spec.tables {
            columns[table.name] = Dictionary(uniqueKeysWithValues: table.columns.map { ($0.name, $0.nullable) })
            indexes[table.name] = Set(table.columns.filter(\.unique).map { IndexName.make(table: table.name, columns: [$0.name], unique: true) } + table.indexes.map(\.name))
        }
    }

    init() {}
}

struct CommandError: Error, CustomStringConvertible {
    var description: String
}

/// Runs a client program, feeding `input` on stdin; throws with its output when it fails.
func runClient(_ arguments: [String], input: String? = nil) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let output = Pipe(), stdin = Pipe()
    process.standardOutput = output
    process.standardError = output
    process.standardInput = stdin
    try process.run()
    if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
    try stdin.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    guard process.terminationStatus == 0, !text.contains("ERROR") else {
        throw CommandError(description: "\(arguments.prefix(2).joined(separator: " ")) failed: \(text)")
    }
    return text
}

/// The port a test server listens on, from the environment scripts/db-servers.sh prints.
func serverPort(_ variable: String) throws -> String {
    guard let port = ProcessInfo.processInfo.environment[variable] else {
        throw CommandError(description: "\(variable) is not set: start the test servers with `eval \"$(scripts/db-servers.sh start)\"` (scripts/test.sh does)")
    }
    return port
}
