import ArgumentParser
import Foundation
import KeelGenerator

/// The `keel` command: validate a spec, generate everything from it, check that what is on disk is current.
@main
struct Keel: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keel",
        abstract: "Generate a service's Swift code, SQL migrations, gateway config, TypeScript client and OpenAPI from one YAML spec.",
        discussion: """
        Run keel in a project directory: it reads keel.yaml there (or the file given with --config),
        then the spec that keel.yaml names.

        Exit codes: 0 success, 1 spec errors or out-of-date files, 2 usage errors.
        """,
        version: KeelVersionInfo.current,
        subcommands: [Validate.self, Generate.self, Check.self, Migrate.self, MarchProxyCommand.self]
    )

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            // ArgumentParser's usage errors exit 64; Keel promises 2, like most Unix tools.
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
