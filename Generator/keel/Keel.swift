import ArgumentParser
import KeelCommands
import KeelGenerator

/// The `keel` command: start a service package, validate a spec, generate everything from it, check that what
/// is on disk is current, migrate a database.
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
        subcommands: [Init.self, Validate.self, Generate.self, Check.self, Diff.self, Migrate.self, MarchProxyCommand.self]
    )

    static func main() async {
        await CommandLineRunner.main(Keel.self)
    }
}
