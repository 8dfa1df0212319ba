import ArgumentParser
import Foundation
import KeelGenerator
import KeelSpec

/// Options every subcommand shares.
struct ProjectOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("The project settings file.", valueName: "path"))
    var config: String = ProjectLoader.fileName

    var absoluteConfigPath: String { URL(fileURLWithPath: config).standardizedFileURL.path }

    /// Runs the generator in memory, printing diagnostics; throws exit code 1 on errors.
    func generation(writes: Bool = false, allowDestructive: Bool = false) throws -> Generation {
        try reportingErrors(Generation.run(configPath: absoluteConfigPath, allowDestructive: allowDestructive), writes: writes)
    }

    /// Loads and checks the spec without rendering; throws exit code 1 on errors.
    func validation() throws -> (ProjectSettings, Spec) {
        try reportingErrors(Generation.validate(configPath: absoluteConfigPath), writes: false)
    }

    private func reportingErrors<Value>(_ result: Result<Value, SpecError>, writes: Bool) throws -> Value {
        switch result {
        case let .success(value):
            return value
        case let .failure(error):
            Console.error(error.diagnostics.map(\.description).joined(separator: "\n"))
            let count = error.diagnostics.filter { $0.severity == .error }.count
            Console.error("keel: \(count) error\(count == 1 ? "" : "s")\(writes ? "; nothing was written" : "")")
            throw ExitCode.failure
        }
    }
}

/// Where output goes: results to stdout, diagnostics to stderr.
enum Console {
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// `path` relative to the current directory, as people typed it.
    static func shown(_ path: String) -> String {
        DisplayPath.make(path, relativeTo: nil)
    }
}
