/// Keeps up to `DB_POOL_SIZE` connections open and lends them one caller at a time.
actor MySQLConnectionPool {
    private let address: DatabaseConfiguration.ServerAddress
    private let galeraMode: Bool
    private var idle: [MySQLConnection] = []
    private var openCount = 0
    /// Callers waiting for a connection; resumed with a connection, or with nil when a slot freed up.
    private var waiters: [CheckedContinuation<MySQLConnection?, Never>] = []
    private var isClosed = false

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
                    return try await MySQLConnection.open(address, galeraMode: galeraMode)
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

    /// Takes a connection back; a broken one is dropped and its slot offered to the next waiter.
    func release(_ connection: MySQLConnection) {
        guard !connection.isBroken, !isClosed else {
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

    private func slotFreed() {
        openCount -= 1
        if !waiters.isEmpty { waiters.removeFirst().resume(returning: nil) }
    }
}
