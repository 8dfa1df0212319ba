import ArgumentParser
import Foundation
import KeelGenerator

/// `keel check`: whether the files on disk are what `keel generate` would write.
public struct Check: ParsableCommand {
    public static let configuration = CommandConfiguration(
        abstract: "Exit 0 when the files on disk are exactly what generate would write (run it in CI).",
        discussion: """
        Lists stale, missing and extra generated files, and files in the way that Keel did not write.
        Fix them with `keel generate`.

        Examples:
          keel check
          keel check --diff
        """
    )

    @OptionGroup var project: ProjectOptions

    public init() {}

    @Flag(help: "Show a unified diff of each stale or missing file.")
    var diff = false

    public func run() throws {
        let generation = try project.generation()
        let plan = generation.plan()
        guard !plan.isUpToDate else {
            Console.print("keel: \(plan.unchanged.count) generated files are up to date")
            return
        }
        for file in plan.updates { Console.print("stale: \(Console.shown(file.path))") }
        for file in plan.creations { Console.print("missing: \(Console.shown(file.path))") }
        for path in plan.deletions { Console.print("extra: \(Console.shown(path)) (no longer generated)") }
        for path in plan.conflicts { Console.print("not Keel's: \(Console.shown(path)) (no generated header, but Keel would write here)") }
        if diff {
            for file in plan.updates + plan.creations {
                Console.print(UnifiedDiff.make(old: (try? String(contentsOfFile: file.path, encoding: .utf8)) ?? "", new: file.contents, path: Console.shown(file.path)))
            }
        }
        Console.error("keel: generated files are out of date; run `keel generate`")
        throw ExitCode.failure
    }
}
