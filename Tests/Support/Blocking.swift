import Foundation

/// Work that blocks its thread (waiting for a program, a database's command-line client) runs on a Dispatch thread.
/// Swift's cooperative pool has one thread per core, two in CI: a test blocking one for a `tsc` run or a fuzzing
/// slice held up the tasks of every other test, in-process servers' included, for tens of seconds, and with both
/// blocked nothing else moved at all.
public enum Blocking {
    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }
}
