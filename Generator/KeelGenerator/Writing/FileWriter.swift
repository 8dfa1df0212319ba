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
        let writes = plan.creations + plan.updates
        for directory in Set(writes.map { URL(fileURLWithPath: $0.path).deletingLastPathComponent().path }).sorted() {
            try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        // The files side by side on every core: copying tens of megabytes into the page cache is most of writing.
        let failures = WriteFailures()
        DispatchQueue.concurrentPerform(iterations: writes.count) { index in
            do {
                try AtomicFile.save(writes[index].contents, to: URL(fileURLWithPath: writes[index].path).path)
            } catch {
                failures.add(error, at: index)
            }
        }
        if let failure = failures.first { throw failure }
        for path in plan.deletions {
            try fileManager.removeItem(atPath: path)
        }
    }
}

/// The errors of files written side by side; the first in plan order is the one reported.
private final class WriteFailures: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [Int: any Error] = [:]

    func add(_ error: any Error, at index: Int) {
        lock.withLock { errors[index] = error }
    }

    var first: (any Error)? {
        lock.withLock { errors.min { $0.key < $1.key }?.value }
    }
}
