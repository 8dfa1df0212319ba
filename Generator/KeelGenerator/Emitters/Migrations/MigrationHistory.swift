import Foundation
import KeelMigrationFormat
import KeelSpec

/// What earlier runs left in `outputs.migrations`: the schema snapshot, the migration files and `keel.sum`.
///
/// The pipeline reads it from disk and hands it to the (pure) migration emitter.
public struct MigrationHistory: Sendable {
    public static let snapshotName = "schema-snapshot.json"
    public static let sumName = "keel.sum"

    /// The schema after the newest migration; empty before the first.
    public var snapshot: DatabaseSchema
    /// Migration files by path relative to the migrations directory (`sqlite/0001_initial.sql`) -> contents.
    public var files: [String: String]
    /// The checksums of `files` that reading them computed, by the same paths, so `keel.sum` need not hash them again.
    public var checksums: [String: String]

    public init(snapshot: DatabaseSchema = DatabaseSchema(tables: []), files: [String: String] = [:], checksums: [String: String] = [:]) {
        self.snapshot = snapshot
        self.files = files
        self.checksums = checksums
    }

    /// Reads the history, checking every migration against `keel.sum`: an edited, deleted or unknown
    /// migration is an error, since databases may already have applied it.
    public static func read(directory: String, displayRelativeTo base: String?) -> Result<MigrationHistory, SpecError> {
        var history = MigrationHistory()
        var diagnostics: [Diagnostic] = []
        let fileManager = FileManager.default
        func shown(_ relative: String) -> String { DisplayPath.make(directory + "/" + relative, relativeTo: base) }
        for dialect in Dialect.allCases {
            let names = (try? fileManager.contentsOfDirectory(atPath: directory + "/" + dialect.rawValue)) ?? []
            for name in names where name.hasSuffix(".sql") {
                let relative = "\(dialect.rawValue)/\(name)"
                history.files[relative] = (try? String(contentsOfFile: directory + "/" + relative, encoding: .utf8)) ?? ""
            }
        }
        if let data = fileManager.contents(atPath: directory + "/" + snapshotName) {
            do {
                history.snapshot = try JSONDecoder().decode(SnapshotFile.self, from: data).schema
            } catch {
                diagnostics.append(Diagnostic(.error, at: SourceLocation(file: shown(snapshotName), line: 1, column: 1),
                                              "KEEL-M023: the schema snapshot cannot be read (\(error)); restore it from version control"))
            }
        } else if !history.files.isEmpty {
            // Without it Keel would plan every table again, as if the database were empty.
            diagnostics.append(Diagnostic(.error, at: nil, "KEEL-M023: \(shown(snapshotName)) is missing but migrations exist; restore it from version control"))
        }
        let sumText = (try? String(contentsOfFile: directory + "/" + sumName, encoding: .utf8))
        let recorded = sumText.map(MigrationSum.parse) ?? [:]
        if sumText == nil, !history.files.isEmpty {
            diagnostics.append(Diagnostic(.error, at: nil, "KEEL-M021: \(shown(sumName)) is missing but migrations exist; restore it from version control"))
        }
        for (relative, contents) in history.files.sorted(by: { $0.key < $1.key }) {
            let location = SourceLocation(file: shown(relative), line: 1, column: 1)
            guard let checksum = recorded[relative] else {
                if sumText != nil {
                    diagnostics.append(Diagnostic(.error, at: location, "KEEL-M022: migration is not in \(sumName): Keel applies only the migrations it generated; remove it, or describe the change in the spec"))
                }
                continue
            }
            let actual = MigrationSum.checksum(contents)
            history.checksums[relative] = actual
            if checksum != actual {
                diagnostics.append(Diagnostic(.error, at: location, "KEEL-M020: migration was edited after it was generated (its checksum differs from \(sumName)); restore it from version control and put the change in the spec, so a new migration carries it"))
            }
        }
        for relative in recorded.keys.sorted() where history.files[relative] == nil {
            diagnostics.append(Diagnostic(.error, at: SourceLocation(file: shown(sumName), line: 1, column: 1), "KEEL-M021: migration \(relative) listed in \(sumName) is missing; restore it from version control"))
        }
        return diagnostics.isEmpty ? .success(history) : .failure(SpecError(diagnostics))
    }

    /// The number the next migration takes.
    var nextNumber: Int {
        let numbers = files.keys.compactMap { path in
            Int(path.split(separator: "/").last?.prefix { $0.isNumber } ?? "")
        }
        return (numbers.max() ?? 0) + 1
    }
}

/// `keel.sum`: the SHA-256 of every migration file, line endings normalised, one `<hex>  <path>` line each.
public enum MigrationSum {
    public static func checksum(_ contents: String) -> String {
        MigrationChecksum.of(contents)
    }

    static func parse(_ text: String) -> [String: String] {
        var entries: [String: String] = [:]
        // `isNewline` also splits "\r\n", which Swift treats as one character (a checkout with autocrlf).
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            if parts.count == 2 { entries[String(parts[1])] = String(parts[0]) }
        }
        return entries
    }

    /// The lines of `files`, taking a file's checksum from `checksums` when it is there (computed for the same text).
    static func render(_ files: [String: String], checksums: [String: String] = [:]) -> String {
        files.keys.sorted().map { "\(checksums[$0] ?? checksum(files[$0] ?? ""))  \($0)\n" }.joined()
    }
}

/// The snapshot file: the generated marker first (JSON has no comments), then the schema.
struct SnapshotFile: Codable {
    var generatedBy: String
    var schema: DatabaseSchema

    enum CodingKeys: String, CodingKey {
        case generatedBy = "generated_by"
        case schema
    }
}
