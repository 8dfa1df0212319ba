import Foundation

/// Runs a program and collects its exit status and combined output.
public enum ProcessRunner {
    public struct Result: Sendable {
        public var status: Int32
        public var output: String
    }

    /// Runs the program to its end, waiting on a Dispatch thread (see `Blocking.run`).
    /// - Parameter environment: variables added to this process's environment.
    public static func run(_ executable: String, _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]) async throws -> Result {
        try await Blocking.run {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
            if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new } }
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
        }
    }
}
