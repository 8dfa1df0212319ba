import Foundation

/// A program started with posix_spawn, its output going to a file. Foundation's `Process.waitUntilExit` can hang
/// when the child leaves a daemon (SwiftPM's build server, say) holding the descriptors `Process` watches.
public struct ChildProcess: Sendable {
    public let pid: pid_t
    public let outputPath: String

    /// Starts `arguments[0]` (looked up in PATH) in `directory`, with `environment` added to this process's.
    public init(_ arguments: [String], in directory: String, environment: [String: String] = [:], outputPath: String) throws {
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
        // Nothing else of this process: Foundation's pipes are not close-on-exec, and a child that outlives the test
        // (a server) holding another test's pipe would keep that test's read from ever reaching the end.
        guard Self.closeFrom(&actions, 3) == 0 else { throw ChildProcessError("posix_spawn_file_actions_addclosefrom_np failed") }
        // A shell's signal state, whichever thread starts it: Dispatch's threads block most signals, and a child
        // inherits the mask, so SIGTERM would stay pending.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), defaults = sigset_t()
        sigemptyset(&none)
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/bin/sh", &actions, &attributes, &cArguments, &cVariables)
        guard status == 0 else { throw ChildProcessError("cannot start \(arguments.joined(separator: " ")): error \(status)") }
        self.pid = pid
        self.outputPath = outputPath
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which its Swift module leaves out.
    private static let closeFrom: @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32 = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            fatalError("posix_spawn_file_actions_addclosefrom_np is missing: glibc 2.34 or later is needed")
        }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

    /// Waits for the program to end; its exit status, or 128 + the signal that ended it.
    public func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Stops the program with SIGTERM and waits for it.
    public func stop() {
        kill(pid, SIGTERM)
        _ = wait()
    }

    public var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

    /// Runs a program to its end, waiting on a Dispatch thread (see `Blocking.run`): its exit status and output.
    public static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:]) async throws -> (status: Int32, output: String) {
        try await Blocking.run {
            let log = NSTemporaryDirectory() + "keel-child-\(UUID().uuidString).log"
            defer { try? FileManager.default.removeItem(atPath: log) }
            let child = try ChildProcess(arguments, in: directory, environment: environment, outputPath: log)
            let status = child.wait()
            return (status, child.output)
        }
    }
}

public struct ChildProcessError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
