import Foundation

/// Reads from the git repository of a directory, without touching the working tree.
enum Git {
    /// `git <arguments>` run in `directory`: its output, or its error message.
    static func run(_ arguments: [String], in directory: String) -> Result<Data, GitError> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .failure(GitError(message: "cannot run git: \(error.localizedDescription)"))
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return .failure(GitError(message: message.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        return .success(data)
    }

    static func text(_ arguments: [String], in directory: String) -> Result<String, GitError> {
        run(arguments, in: directory).map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
    }
}

struct GitError: Error {
    var message: String
}
