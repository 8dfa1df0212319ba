import Foundation
import KeelGenerator
import KeelSpec

/// Runs the generator on one input, in memory: the spec is loaded and validated, and when it is valid every
/// emitter renders its output, as `keel generate` does, without touching the disk.
struct Harness {
    enum Outcome {
        /// Valid: every output rendered (this many files).
        case accepted(files: Int)
        /// Refused with these diagnostics, each at a place in the input.
        case rejected([Diagnostic])
        /// Refused, but some diagnostics point nowhere (or outside the input): a defect.
        case unlocated([Diagnostic])
    }

    static let root = "/keel-fuzz"
    let templates: TemplateLibrary
    /// The example's migrations, for inputs that plan migrations as changes to them.
    let exampleHistory: MigrationHistory

    static let settings = ProjectSettings(
        root: root, spec: root + "/spec", dialects: Dialect.allCases,
        outputs: .init(swift: root + "/Sources/App/Generated", migrations: root + "/migrations", marchproxy: root + "/config/marchproxy",
                       typescript: root + "/web/src/api", openapi: root + "/openapi.yaml")
    )
    /// Where migration problems with no place in the spec are reported.
    static let snapshotName = "migrations/" + MigrationHistory.snapshotName

    func run(_ input: FuzzCase) -> Outcome {
        let files = input.files.map { (name: $0.name, contents: Data($0.bytes)) }
        switch SpecLoader.load(files: files, dialects: Self.settings.dialects) {
        case let .failure(error):
            return classify(error.diagnostics, input)
        case let .success(spec):
            let context = EmitContext(
                settings: Self.settings, specName: "spec", templates: templates,
                migrationHistory: input.exampleHistory ? exampleHistory : MigrationHistory(),
                allowDestructive: input.allowDestructive, displayBase: Self.root, embedsMigrations: input.embedsMigrations
            )
            var count = 0
            var diagnostics: [Diagnostic] = []
            // One emitter after another on this thread, so a crash is caught by this thread's handler.
            for emitter in Generation.emitters {
                do {
                    count += try emitter.emit(spec, context: context).count
                } catch let error as SpecError {
                    diagnostics += error.diagnostics
                } catch {
                    diagnostics.append(Diagnostic(.error, at: nil, "generation failed: \(error)"))
                }
            }
            return diagnostics.isEmpty ? .accepted(files: count) : classify(diagnostics, input)
        }
    }

    /// Every diagnostic must name a file of the input (or the migration snapshot) and a line and column in it.
    private func classify(_ diagnostics: [Diagnostic], _ input: FuzzCase) -> Outcome {
        var lineCounts: [String: Int] = [Self.snapshotName: 1]
        for file in input.files {
            lineCounts[file.name] = Self.lineCount(file.bytes)
        }
        let located = diagnostics.allSatisfy { diagnostic in
            guard let location = diagnostic.location, let lines = lineCounts[location.file] else { return false }
            return location.line >= 1 && location.line <= lines && location.column >= 1
        }
        return located && !diagnostics.isEmpty ? .rejected(diagnostics) : .unlocated(diagnostics)
    }

    /// Lines as YAML counts them: LF, CR, CRLF, NEL, LS and PS each end one.
    static func lineCount(_ bytes: [UInt8]) -> Int {
        var count = 1
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case 10: count += 1
            case 13: count += 1; if index + 1 < bytes.count, bytes[index + 1] == 10 { index += 1 }
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: count += 1
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9): count += 1
            default: break
            }
            index += 1
        }
        return count
    }
}
