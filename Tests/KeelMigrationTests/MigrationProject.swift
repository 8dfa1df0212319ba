import Foundation
import KeelGenerator
import KeelSpec

/// A throwaway project that only generates migrations, removed when the test ends
/// (kept when KEEL_KEEP_TEST_FILES is set, to read the SQL a failing test produced).
final class MigrationProject {
    let root = NSTemporaryDirectory() + "keel-migrations-" + UUID().uuidString
    /// The migrations directory, relative to the root.
    let output: String

    init(output: String = "migrations", dialects: [Dialect] = Dialect.allCases) throws {
        self.output = output
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try configure(dialects: dialects)
    }

    deinit {
        if ProcessInfo.processInfo.environment["KEEL_KEEP_TEST_FILES"] == nil {
            try? FileManager.default.removeItem(atPath: root)
        }
    }

    func configure(dialects: [Dialect]) throws {
        let list = dialects.map(\.rawValue).joined(separator: ", ")
        try "spec: spec.yaml\ndialects: [\(list)]\noutputs: { migrations: \(output), swift: null, openapi: null, typescript: null, marchproxy: null }\n"
            .write(toFile: root + "/keel.yaml", atomically: true, encoding: .utf8)
    }

    func write(spec: String) throws {
        try spec.write(toFile: root + "/spec.yaml", atomically: true, encoding: .utf8)
    }

    /// Renders everything in memory, as `keel generate` does before writing.
    func generation(allowDestructive: Bool = false) -> Result<Generation, SpecError> {
        Generation.run(configPath: root + "/keel.yaml", displayRelativeTo: root, allowDestructive: allowDestructive)
    }

    /// `keel generate`: renders and writes.
    @discardableResult
    func generate(allowDestructive: Bool = false) throws -> Generation {
        let generation = try generation(allowDestructive: allowDestructive).get()
        try FileWriter.apply(generation.plan())
        return generation
    }

    /// The migrations directory, absolute.
    var migrationsDirectory: String { "\(root)/\(output)" }

    /// The migration files of a dialect, oldest first.
    func migrations(_ dialect: Dialect) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: "\(root)/\(output)/\(dialect.rawValue)").sorted()
    }
}
