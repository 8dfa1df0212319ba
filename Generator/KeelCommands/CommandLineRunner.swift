import ArgumentParser
import Foundation

/// Runs a root command as the process: its exit codes are Keel's (0 success, 1 errors, 2 usage errors).
public enum CommandLineRunner {
    public static func main<Root: ParsableCommand>(_ root: Root.Type) async {
        AllocatorTuning.apply()
        do {
            var command = try root.parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            // ArgumentParser's usage errors exit 64; Keel promises 2, like most Unix tools.
            if root.exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((root.fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            root.exit(withError: error)
        }
    }
}
