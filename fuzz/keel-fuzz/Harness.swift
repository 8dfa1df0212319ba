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

    /// Every diagnostic must name a file of the input (or the migration snapshot), a line of it, and a column
    /// on that line or just past its end.
    private func classify(_ diagnostics: [Diagnostic], _ input: FuzzCase) -> Outcome {
        var lineLengths: [String: [Int]] = [Self.snapshotName: [0]]
        for file in input.files {
            lineLengths[file.name] = Self.lineLengths(file.bytes)
        }
        let located = diagnostics.allSatisfy { diagnostic in
            guard let location = diagnostic.location, let lengths = lineLengths[location.file],
                  location.line >= 1, location.line <= lengths.count else { return false }
            return location.column >= 1 && (location.file == Self.snapshotName || location.column <= lengths[location.line - 1] + 1)
        }
        return located && !diagnostics.isEmpty ? .rejected(diagnostics) : .unlocated(diagnostics)
    }

    /// The length of each line in code points, as libyaml counts columns; lines end as YAML ends them
    /// (LF, CR, CRLF, NEL, LS, PS).
    static func lineLengths(_ bytes: [UInt8]) -> [Int] {
        var lengths = [0]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var lineBreak = 0
            if byte == 10 {
                lineBreak = 1
            } else if byte == 13 {
                lineBreak = index + 1 < bytes.count && bytes[index + 1] == 10 ? 2 : 1
            } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 {
                lineBreak = 2
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                lineBreak = 3
            }
            if lineBreak > 0 {
                lengths.append(0)
                index += lineBreak
                continue
            }
            // Continuation bytes (10xxxxxx) belong to the code point before.
            if byte & 0xC0 != 0x80 { lengths[lengths.count - 1] += 1 }
            index += 1
        }
        return lengths
    }
}
