import ArgumentParser
import KeelSpec
import KeelSpecDiff

/// `keel diff`: the spec changes between two versions, classed by whom they break.
public struct Diff: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        abstract: "List the spec changes that break clients, running replicas or data; exit 1 on unacknowledged ones.",
        discussion: """
        OLD and NEW are each a keel.yaml, a directory holding one, a spec file or directory, or a git revision
        of the repository holding --config (read with git show; nothing is checked out). NEW defaults to the
        working spec of --config. Exit 1 when a breaking change is not acknowledged (--allow, or an
        'acknowledged:' entry with a reason in keel.yaml) or when service.version is not bumped enough.

        Examples:
          keel diff --from origin/main
          keel diff --from HEAD~1 --format markdown
          keel diff --from old/keel.yaml --to new/keel.yaml --allow API_FIELD_RENAMED@tables.queues.columns.title
        """
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: ArgumentHelp("The old spec: a keel.yaml, a directory, a spec file or a git revision.", valueName: "old"))
    var from: String

    @Option(help: ArgumentHelp("The new spec (default: the working spec of --config).", valueName: "new"))
    var to: String?

    @Option(help: ArgumentHelp("text, json or markdown.", valueName: "format"))
    var format: String = DiffFormat.text.rawValue

    @Option(help: ArgumentHelp("Accept a breaking change, as CODE@place from the report (repeatable).", valueName: "CODE@place"))
    var allow: [String] = []

    public init() {}

    public func validate() throws {
        guard DiffFormat(rawValue: format) != nil else {
            throw ValidationError("--format must be text, json or markdown, found '\(format)'")
        }
        if let bad = allow.first(where: { Acknowledgement.parse($0, reason: "") == nil }) {
            throw ValidationError("--allow takes CODE@place as the report prints it, found '\(bad)'")
        }
    }

    public func run() async throws {
        let configPath = project.absoluteConfigPath
        let (from, to) = (from, to)
        // The two specs load at once: loading is most of the time a diff takes.
        async let oldSpec = Self.load(from, configPath: configPath)
        async let newSpec = Self.load(to, configPath: configPath)
        let (oldResult, newResult) = await (oldSpec, newSpec)
        let old = try Console.reportingErrors(oldResult, writes: false)
        let new = try Console.reportingErrors(newResult, writes: false)
        let allowed = allow.compactMap { Acknowledgement.parse($0, reason: "--allow") }
        let report = DiffReport(from: old.label, to: new.label, old: old.spec, new: new.spec,
                                changes: SpecDiffer.diff(old: old.spec, new: new.spec),
                                acknowledgements: allowed + (new.settings?.acknowledged ?? []))
        Console.print(String(DiffFormat(rawValue: format)!.render(report).dropLast()))
        if report.fails { throw ExitCode.failure }
    }

    private static func load(_ argument: String?, configPath: String) async -> Result<LoadedSpec, SpecError> {
        SpecSource.load(argument, configPath: configPath)
    }
}
