import Foundation

/// One input of the fuzzer: the files of a spec and how the generator is run on them.
///
/// On disk a case is a directory: its `.yaml` files are the spec (so `keel validate` reads it as it is),
/// and `keel-fuzz.txt`, when present, holds the run's settings.
struct FuzzCase {
    struct File {
        var name: String
        var bytes: [UInt8]
    }

    var files: [File]
    /// The example's migrations are the history, so migrations are planned as changes to them.
    var exampleHistory = false
    /// `--allow-destructive`.
    var allowDestructive = false
    /// The Swift output embeds the migrations (the build plugin's mode).
    var embedsMigrations = false

    static let settingsName = "keel-fuzz.txt"

    var settingsText: String? {
        let lines = [exampleHistory ? "migration-history: example" : nil, allowDestructive ? "allow-destructive: true" : nil,
                     embedsMigrations ? "embeds-migrations: true" : nil].compactMap { $0 }
        return lines.isEmpty ? nil : lines.joined(separator: "\n") + "\n"
    }

    /// Every file this case writes into its directory: name and bytes.
    var diskFiles: [(name: String, bytes: [UInt8])] {
        files.map { ($0.name, $0.bytes) } + (settingsText.map { [(Self.settingsName, Array($0.utf8))] } ?? [])
    }

    /// Reads a case: a directory as described above, or a single `.yaml` file.
    static func read(_ path: String) -> FuzzCase? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else {
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            return FuzzCase(files: [File(name: (path as NSString).lastPathComponent, bytes: Array(data))])
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
            .filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }.sorted()
        var result = FuzzCase(files: names.compactMap { name in
            FileManager.default.contents(atPath: path + "/" + name).map { File(name: name, bytes: Array($0)) }
        })
        let settings = (try? String(contentsOfFile: path + "/" + settingsName, encoding: .utf8)) ?? ""
        result.exampleHistory = settings.contains("migration-history: example")
        result.allowDestructive = settings.contains("allow-destructive: true")
        result.embedsMigrations = settings.contains("embeds-migrations: true")
        return result
    }

    /// The cases in `directory`: each entry that is a `.yaml` file or a directory, in name order.
    static func readAll(in directory: String) -> [(name: String, case: FuzzCase)] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        return names.compactMap { name in
            let path = directory + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
                  isDirectory.boolValue || name.hasSuffix(".yaml") || name.hasSuffix(".yml") else { return nil }
            return read(path).map { (name, $0) }
        }
    }

    /// Writes the case as a directory at `path` (replacing what is there).
    func write(to path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for file in diskFiles {
            try Data(file.bytes).write(to: URL(fileURLWithPath: path + "/" + file.name))
        }
    }
}
