// Compiled with the MySQL package trait only (Package.swift).
#if MySQL
/// Keeps up to `DB_POOL_SIZE` connections open and lends them one caller at a time.
///
/// With several nodes (a Galera cluster) a new connection goes to the first node, in the address's order, that
/// answers and is synced; a node that failed is passed over for `restDuration`, and when a connection to it
/// breaks, its idle connections are closed too. A connection to a later node is closed on return once it is
/// `rebalanceAge` old and an earlier node is not resting, so each replica drifts back to the node it prefers.
actor MySQLConnectionPool {
    static let restDuration = Duration.seconds(3)
    static let rebalanceAge = Duration.seconds(10)

    private let address: DatabaseConfiguration.ServerAddress
    private let galeraMode: Bool
    private var idle: [MySQLConnection] = []
    private var openCount = 0
    /// Callers waiting for a connection; resumed with a connection, or with nil when a slot freed up.
    private var waiters: [CheckedContinuation<MySQLConnection?, Never>] = []
    private var isClosed = false
    /// Nodes that failed, by index, and when they may be tried first again.
    private var restingUntil: [Int: ContinuousClock.Instant] = [:]

    init(address: DatabaseConfiguration.ServerAddress, galeraMode: Bool) {
        self.address = address
        self.galeraMode = galeraMode
    }

    func acquire() async throws -> MySQLConnection {
        while true {
            guard !isClosed else { throw DatabaseError(.unavailable, "the database was closed") }
            if let connection = idle.popLast() { return connection }
            if openCount < address.poolSize {
                openCount += 1
                do {
                    return try await openOnSomeNode()
                } catch {
                    slotFreed()
                    throw error
                }
            }
            if let connection = await withCheckedContinuation({ waiters.append($0) }) {
                return connection
            }
        }
    }

    /// Takes a connection back. A broken one is dropped with every idle connection to its node, and the node rests.
    func release(_ connection: MySQLConnection) {
        if connection.isBroken {
            rest(connection.node)
            let stale = idle.filter { $0.node == connection.node }
            idle.removeAll { $0.node == connection.node }
            stale.forEach { _ in slotFreed() }
        }
        guard !connection.isBroken, !isClosed, !shouldRebalance(connection) else {
            slotFreed()
            return
        }
        if waiters.isEmpty {
            idle.append(connection)
        } else {
            waiters.removeFirst().resume(returning: connection)
        }
    }

    func close() {
        isClosed = true
        idle.removeAll()
        waiters.forEach { $0.resume(returning: nil) }
        waiters.removeAll()
    }

    /// Nodes in the order to try: those not resting as listed, then the resting ones (all may be back).
    private func preferenceOrder() -> [Int] {
        let now = ContinuousClock.now
        let indices = Array(address.nodes.indices)
        let isResting = { (index: Int) in self.restingUntil[index].map { $0 > now } ?? false }
        return indices.filter { !isResting($0) } + indices.filter(isResting)
    }

    private func openOnSomeNode() async throws -> MySQLConnection {
        var failures: [DatabaseError] = []
        for index in preferenceOrder() {
            do {
                let connection = try await MySQLConnection.open(address, node: index, galeraMode: galeraMode)
                restingUntil[index] = nil
                return connection
            } catch let error as DatabaseError where error.kind == .unavailable {
                rest(index)
                failures.append(error)
            }
        }
        guard failures.count > 1, let last = failures.last else { throw failures[0] }
        throw DatabaseError(.unavailable, "no node answered: " + failures.map(\.message).joined(separator: "; "), code: last.code)
    }

    private func rest(_ node: Int) {
        guard address.nodes.count > 1 else { return }
        restingUntil[node] = .now + Self.restDuration
    }

    private func shouldRebalance(_ connection: MySQLConnection) -> Bool {
        guard connection.node > 0, ContinuousClock.now - connection.openedAt > Self.rebalanceAge else { return false }
        return preferenceOrder().first.map { $0 < connection.node } ?? false
    }

    private func slotFreed() {
        openCount -= 1
        if !waiters.isEmpty { waiters.removeFirst().resume(returning: nil) }
    }
}
#endif
