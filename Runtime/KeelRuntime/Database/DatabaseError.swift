/// A failure reported by a database, classified so handlers can answer 409 or 503 without knowing the driver.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        /// A unique or primary-key constraint refused the write.
        case uniqueViolation
        /// A foreign key refused the write (a missing parent, or a parent still referenced).
        case foreignKeyViolation
        /// A CHECK or NOT NULL constraint refused the write.
        case constraintViolation
        /// The database could not be reached or the connection broke.
        case unavailable
        /// Anything else: bad SQL, a lock timeout, a server-side failure.
        case other
    }

    public let kind: Kind
    /// The database's own message, for logs; never sent to clients.
    public let message: String
    /// The database's own error code: SQLSTATE for PostgreSQL, the error number for MySQL, the extended result code for SQLite.
    public let code: String?

    public init(_ kind: Kind, _ message: String, code: String? = nil) {
        self.kind = kind
        self.message = message
        self.code = code
    }

    public var description: String { message }
}
