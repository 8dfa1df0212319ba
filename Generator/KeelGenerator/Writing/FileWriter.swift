import Foundation

/// Carries out a `WritePlan`: whole files appear or replace old ones at once (`AtomicFile`), unchanged files untouched.
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
        let creations = plan.creations.count
        let files = plan.creations + plan.updates
        // Each directory once: creating it before every file looked the path up a thousand times.
        let directories = Set(files.map { URL(fileURLWithPath: $0.path).deletingLastPathComponent().path })
        for directory in directories.sorted() {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        // Side by side: most of a write is the kernel creating and renaming the file. The first failure in the
        // plan's order is the one reported.
        let failures = WriteFailures()
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            do {
                if index < creations {
                    try AtomicFile.create(files[index].contents, at: files[index].path)
                } else {
                    try AtomicFile.replace(files[index].path, with: files[index].contents)
                }
            } catch {
                failures.record(error, at: index)
            }
        }
        if let failure = failures.first { throw failure }
        for path in plan.deletions {
            try FileManager.default.removeItem(atPath: path)
        }
    }
}

/// The errors of writes running side by side, by their place in the plan.
private final class WriteFailures: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [Int: any Error] = [:]

    func record(_ error: any Error, at index: Int) {
        lock.withLock { errors[index] = error }
    }

    var first: (any Error)? {
        lock.withLock { errors.min { $0.key < $1.key }?.value }
    }
}
