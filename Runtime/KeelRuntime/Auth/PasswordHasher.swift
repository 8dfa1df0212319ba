import HummingbirdBcrypt
import NIOCore
import NIOPosix

/// Runs bcrypt on threads of its own, never on the executor requests run on: a hash takes about a quarter of a
/// second on purpose (cost 12), and a burst of logins must not hold the threads every other request needs.
///
/// Each service has its own (its `UserStore` makes one), so services sharing a process, as in tests, never wait
/// behind each other's logins.
final class PasswordHasher: Sendable {
    /// Half the cores, at least one: a login storm leaves the other half to the rest of the service, and
    /// further hashes wait their turn in the pool's queue.
    private let pool: NIOThreadPool

    init() {
        pool = NIOThreadPool(numberOfThreads: max(1, System.coreCount / 2))
        pool.start()
    }

    deinit {
        pool.shutdownGracefully { _ in }
    }

    func hash(_ password: String, cost: UInt8) async throws -> String {
        try await pool.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, hash: String) async throws -> Bool {
        try await pool.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}
