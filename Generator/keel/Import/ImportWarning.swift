/// Something of the live database that the written spec does not say as the database does, and what was done instead.
struct ImportWarning: Sendable, Equatable {
    var table: String
    var column: String?
    var message: String

    /// `auth_user.id: …`, as `keel init` prints it after `keel: warning: `.
    var description: String {
        "\(column.map { "\(table).\($0)" } ?? table): \(message)"
    }
}
