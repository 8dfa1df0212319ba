/// The runtime's own statements (accounts, settings) are written once with `?` marks and unquoted names that
/// no dialect reserves; PostgreSQL numbers its parameters.
enum RuntimeSQL {
    static func numbered(_ sql: String, for dialect: DatabaseDialect) -> String {
        guard dialect == .postgres else { return sql }
        var number = 0
        var result = ""
        for character in sql {
            if character == "?" {
                number += 1
                result += "$\(number)"
            } else {
                result.append(character)
            }
        }
        return result
    }
}

extension Database {
    func runtimeQuery(_ sql: String, _ binds: [DatabaseValue] = []) async throws -> [DatabaseRow] {
        try await query(RuntimeSQL.numbered(sql, for: dialect), binds)
    }

    func runtimeExecute(_ sql: String, _ binds: [DatabaseValue]) async throws -> Int {
        try await execute(RuntimeSQL.numbered(sql, for: dialect), binds)
    }
}

extension DatabaseSession {
    /// A runtime statement on this session's connection; `dialect` is its database's.
    func runtimeQuery(_ sql: String, _ binds: [DatabaseValue], dialect: DatabaseDialect) async throws -> [DatabaseRow] {
        try await query(RuntimeSQL.numbered(sql, for: dialect), binds)
    }

    func runtimeExecute(_ sql: String, _ binds: [DatabaseValue], dialect: DatabaseDialect) async throws -> Int {
        try await execute(RuntimeSQL.numbered(sql, for: dialect), binds)
    }
}
