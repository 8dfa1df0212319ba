import ArgumentParser
import KeelSpec

/// `keel validate`: the spec's errors, located.
public struct Validate: ParsableCommand {
    public static let configuration = CommandConfiguration(
        abstract: "Check the spec and report every error as path:line:col.",
        discussion: """
        Examples:
          keel validate
          keel validate --config services/shop/keel.yaml
        """
    )

    @OptionGroup var project: ProjectOptions

    public init() {}

    public func run() throws {
        let (settings, spec) = try project.validation()
        let endpoints = spec.resources.count + spec.customEndpoints.count
        Console.print("keel: \(Console.shown(settings.spec)) is valid: \(CountText.of(spec.tables.count, "table")), \(CountText.of(endpoints, "endpoint")), \(CountText.of(spec.types.count, "type"))")
    }
}
