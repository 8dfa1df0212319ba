/// MySQL and MariaDB error numbers the driver acts on.
enum MySQLErrorCode {
    static func classify(_ code: UInt32, message: String) -> DatabaseError {
        let kind: DatabaseError.Kind = switch code {
        case 1062, 1586: .uniqueViolation // ER_DUP_ENTRY, ER_DUP_ENTRY_WITH_KEY_NAME
        case 1216, 1217, 1451, 1452: .foreignKeyViolation // ER_NO_REFERENCED_ROW(_2), ER_ROW_IS_REFERENCED(_2)
        case 1048, 1364, 3819, 4025: .constraintViolation // NOT NULL, no default, CHECK
        case 2000..<3000: .unavailable // client errors: server gone, lost, unreachable
        // ER_UNKNOWN_COM_ERROR (a Galera node out of the primary component), ER_SERVER_SHUTDOWN, ER_CONNECTION_KILLED:
        // the node will not serve this connection again.
        case 1047, 1053, 1927: .unavailable
        default: .other
        }
        return DatabaseError(kind, message, code: String(code))
    }

    /// Errors a Galera node answers when a write lost certification or the node is not ready;
    /// retrying the statement (or the whole transaction) on the same cluster succeeds.
    static func isGaleraRetryable(_ error: Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        return isCertificationFailure(error)
            || error.code == "1047" // ER_UNKNOWN_COM_ERROR: WSREP has not yet prepared node
            || error.message.contains("WSREP")
    }

    /// ER_LOCK_DEADLOCK: in Galera mode also a lost certification; either way the transaction was rolled back.
    static func isCertificationFailure(_ error: Error) -> Bool {
        (error as? DatabaseError)?.code == "1213"
    }
}
