import Foundation

/// Carries out a `WritePlan`: atomic writes (temporary file, then rename), unchanged files untouched.
public enum FileWriter {
    public struct ConflictError: Error, CustomStringConvertible {
        public var paths: [String]

        public var description: String {
            paths.map { "keel: error: \($0) was not written by Keel (it has no generated header); move it away or change the output path in keel.yaml" }
                .joined(separator: "\n")
        }
    }

    /// Applies `plan`; refuses before touching anything when a file a person wrote is in the way.
    public static func apply(_ plan: WritePlan) throws {
        guard plan.conflicts.isEmpty else { throw ConflictError(paths: plan.conflicts) }
        let fileManager = FileManager.default
        for file in plan.creations + plan.updates {
            let url = URL(fileURLWithPath: file.path)
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try AtomicFile.save(file.contents, to: url.path)
        }
        for path in plan.deletions {
            try fileManager.removeItem(atPath: path)
        }
    }
}
