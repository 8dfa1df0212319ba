import Foundation
import KeelSpec
import KeelTemplates

/// Lets an unchanged `keel generate` finish without rendering anything, as build tools skip up-to-date steps.
///
/// After a successful generate it records a fingerprint of every input (keel.yaml, the spec files, template
/// overrides, the keel binary) and of every output on disk (size and modification time, and the directories Keel
/// owns). A later run with identical fingerprints has nothing to do. The record lives in the user's cache
/// directory, never in the project. `keel check` does not use it: CI always compares bytes.
public struct GenerationCache {
    private struct Record: Codable, Equatable {
        var inputs: UInt64
        var outputs: [String]
        var outputState: UInt64
    }

    private let settings: ProjectSettings
    private let configPath: String
    private let recordPath: String

    /// Nil when keel.yaml cannot be read; the full run then reports why.
    public init?(configPath: String) {
        guard case let .success(settings) = ProjectLoader.load(configPath: configPath) else { return nil }
        self.settings = settings
        self.configPath = configPath
        let environment = ProcessInfo.processInfo.environment
        let cache = environment["XDG_CACHE_HOME"] ?? (NSHomeDirectory() + "/.cache")
        recordPath = "\(cache)/keel/\(String(Fingerprint.of(Data(configPath.utf8)), radix: 16)).json"
    }

    /// The number of generated files when nothing changed since the recorded run; nil when generation must run.
    public func unchangedFileCount() -> Int? {
        guard let data = FileManager.default.contents(atPath: recordPath),
              let record = try? JSONDecoder().decode(Record.self, from: data),
              record.inputs == inputsFingerprint(),
              record.outputState == outputState(record.outputs) else { return nil }
        return record.outputs.count
    }

    /// Records a run whose files are now on disk. Failing to write the cache only costs the next run time.
    public func record(_ generation: Generation) {
        let outputs = generation.files.map(\.path).sorted()
        let record = Record(inputs: inputsFingerprint(), outputs: outputs, outputState: outputState(outputs))
        guard let data = try? JSONEncoder().encode(record) else { return }
        try? FileManager.default.createDirectory(atPath: (recordPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? data.write(to: URL(fileURLWithPath: recordPath), options: .atomic)
    }

    private func inputsFingerprint() -> UInt64 {
        var fingerprint = Fingerprint()
        fingerprint.add(KeelVersionInfo.current)
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        fingerprint.addState(of: executable)
        var inputs = [configPath] + SpecLoader.specFiles(at: settings.spec)
        // Built-in templates ship beside the binary and can change without it.
        for templates in [KeelTemplates.directory?.path, settings.templates].compactMap({ $0 }) {
            let names = (FileManager.default.enumerator(atPath: templates)?.allObjects as? [String]) ?? []
            inputs += names.sorted().map { templates + "/" + $0 }
        }
        for path in inputs {
            fingerprint.add(path)
            fingerprint.add(FileManager.default.contents(atPath: path) ?? Data())
        }
        return fingerprint.value
    }

    /// Size and modification time of each output, and of every directory Keel owns (files added or removed there).
    private func outputState(_ outputs: [String]) -> UInt64 {
        var fingerprint = Fingerprint()
        // The migrations directory too: an edited or deleted migration must be reported, not skipped.
        let owned = [settings.outputs.swift, settings.outputs.typescript, settings.outputs.marchproxy, settings.outputs.migrations].compactMap { $0 }
        var directories = owned
        var files = outputs
        for directory in owned {
            for (relative, isDirectory) in FileState.entries(under: directory) {
                if isDirectory {
                    directories.append(directory + "/" + relative)
                } else if directory == settings.outputs.migrations {
                    files.append(directory + "/" + relative)
                }
            }
        }
        for path in Set(files).sorted() + directories.sorted() {
            fingerprint.add(path)
            fingerprint.addState(of: path)
        }
        return fingerprint.value
    }
}

/// FNV-1a, 64 bits: fast, stable across runs and machines (unlike `Hasher`).
struct Fingerprint {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    static func of(_ data: Data) -> UInt64 {
        var fingerprint = Fingerprint()
        fingerprint.add(data)
        return fingerprint.value
    }

    mutating func add(_ data: Data) {
        data.withUnsafeBytes { bytes in
            for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        value = (value ^ 0xff) &* 0x100_0000_01b3
    }

    mutating func add(_ text: String) { add(Data(text.utf8)) }

    /// Size and modification time, or a marker for a missing file.
    mutating func addState(of path: String) {
        add(FileState.of(path))
    }
}
