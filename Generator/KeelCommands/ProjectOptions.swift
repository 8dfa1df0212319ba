import ArgumentParser
import Foundation
import KeelGenerator
import KeelSpec

/// Options every subcommand shares.
public struct ProjectOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("The project settings file.", valueName: "path"))
    public var config: String = ProjectLoader.fileName

    public init() {}

    public var absoluteConfigPath: String { URL(fileURLWithPath: config).standardizedFileURL.path }

    /// Runs the generator in memory, printing diagnostics; throws exit code 1 on errors.
    func generation(writes: Bool = false, allowDestructive: Bool = false) throws -> Generation {
        try Console.reportingErrors(Generation.run(configPath: absoluteConfigPath, allowDestructive: allowDestructive), writes: writes)
    }

    /// Loads and checks the spec without rendering; throws exit code 1 on errors.
    public func validation() throws -> (ProjectSettings, Spec) {
        try Console.reportingErrors(Generation.validate(configPath: absoluteConfigPath), writes: false)
    }
}

/// Where output goes: results to stdout, diagnostics to stderr.
public enum Console {
    public static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    public static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// The value of `result`, or its diagnostics printed and exit code 1.
    public static func reportingErrors<Value>(_ result: Result<Value, SpecError>, writes: Bool) throws -> Value {
        switch result {
        case let .success(value):
            return value
        case let .failure(error):
            self.error(error.diagnostics.map(\.description).joined(separator: "\n"))
            let count = error.diagnostics.filter { $0.severity == .error }.count
            self.error("keel: \(count) error\(count == 1 ? "" : "s")\(writes ? "; nothing was written" : "")")
            throw ExitCode.failure
        }
    }

    /// `path` relative to the current directory, as people typed it.
    public static func shown(_ path: String) -> String {
        DisplayPath.make(path, relativeTo: nil)
    }
}
