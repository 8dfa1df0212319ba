import Foundation

/// A program started with posix_spawn, its output going to a file. Foundation's `Process.waitUntilExit` can hang
/// when the child leaves a daemon (SwiftPM's build server, say) holding the descriptors `Process` watches.
struct ChildProcess {
    let pid: pid_t
    let outputPath: String

    /// Starts `arguments[0]` (looked up in PATH) in `directory`, with `environment` added to this process's.
    init(_ arguments: [String], in directory: String, environment: [String: String] = [:], outputPath: String) throws {
        // `sh` changes directory and then becomes the program, so its arguments need no quoting.
        let argv = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory] + arguments
        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        var cVariables: [UnsafeMutablePointer<CChar>?] = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArguments + cVariables).forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/bin/sh", &actions, nil, &cArguments, &cVariables)
        guard status == 0 else { throw ChildProcessError("cannot start \(arguments.joined(separator: " ")): error \(status)") }
        self.pid = pid
        self.outputPath = outputPath
    }

    /// Waits for the program to end; its exit status, or 128 + the signal that ended it.
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Stops the program with SIGTERM and waits for it.
    func stop() {
        kill(pid, SIGTERM)
        _ = wait()
    }

    var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

    /// Runs a program to its end: its exit status and output.
    static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let log = NSTemporaryDirectory() + "keel-child-\(UUID().uuidString).log"
        defer { try? FileManager.default.removeItem(atPath: log) }
        let child = try ChildProcess(arguments, in: directory, environment: environment, outputPath: log)
        let status = child.wait()
        return (status, child.output)
    }
}

struct ChildProcessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
