import Synchronization

/// When work on a Galera cluster runs again (INTEGRATIONS.md: 3 tries, growing delay), and only when that is safe.
///
/// An attempt is the whole unit: a transaction from `START TRANSACTION` to `COMMIT`, or a session's body. It may
/// run again when it failed because
/// - its node lost certification or refused it (1213, 1047, a WSREP error): the node rolled it back; or
/// - its node went away (connection lost, server shut down or not synced), which rolls back whatever it had not
///   committed;
///
/// and no `COMMIT` it sent may have taken effect: the ledger counts every `COMMIT` sent (a write outside a
/// transaction is sent inside its own, a script counts as one since DDL commits) and takes back one only when the
/// node answered it with a certification failure. So a connection lost after `COMMIT` was sent, whose outcome no one
/// can know, is never retried: it ends in a 503 that says the write may have been applied.
enum GaleraRetry {
    static let attempts = 3

    /// Counts the `COMMIT`s of one attempt whose effect is possible.
    final class Ledger: Sendable {
        private let possibleCommits = Atomic(0)

        var mayHaveCommitted: Bool { possibleCommits.load(ordering: .sequentiallyConsistent) > 0 }

        /// Sends a `COMMIT` through `commit`, counting it unless the node certainly rolled it back.
        func commit(_ commit: () async throws -> Void) async throws {
            possibleCommits.add(1, ordering: .sequentiallyConsistent)
            do {
                try await commit()
            } catch where MySQLErrorCode.isCertificationFailure(error) {
                possibleCommits.subtract(1, ordering: .sequentiallyConsistent)
                throw error
            }
        }
    }

    /// Whether an attempt that failed with `error` may run again.
    static func mayRetry(_ error: Error, mayHaveCommitted: Bool) -> Bool {
        guard !mayHaveCommitted, let error = error as? DatabaseError else { return false }
        return error.kind == .unavailable || MySQLErrorCode.isGaleraRetryable(error)
    }

    /// Runs `work` up to `attempts` times while `mayRetry` allows, waiting 100 ms, then 200 ms (with jitter, so
    /// replicas that collided do not collide again). Without Galera mode, once. An error that ends the retries is
    /// `.unavailable` (503), its message saying why.
    static func run<T: Sendable>(enabled: Bool, _ work: (Ledger) async throws -> T) async throws -> T {
        var attempt = 1
        while true {
            let ledger = Ledger()
            do {
                return try await work(ledger)
            } catch {
                guard enabled, let failure = error as? DatabaseError else { throw error }
                guard mayRetry(failure, mayHaveCommitted: ledger.mayHaveCommitted) else {
                    if failure.kind == .unavailable, ledger.mayHaveCommitted {
                        throw DatabaseError(.unavailable, "\(failure.message) (after COMMIT was sent: the write may have been applied)", code: failure.code)
                    }
                    throw error
                }
                guard attempt < attempts else {
                    throw DatabaseError(.unavailable, "\(failure.message) (gave up after \(attempts) tries)", code: failure.code)
                }
                try await Task.sleep(for: .milliseconds(Int.random(in: 50...100) << attempt))
                attempt += 1
            }
        }
    }
}
