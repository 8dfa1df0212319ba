/// What the row-limited insert and `/readyz` ask of a MySQL database in Galera mode, without naming the MySQL
/// driver, which only the MySQL trait compiles.
protocol GaleraClusterMember: Database {
    /// `GALERA_MODE`: the database is a Galera cluster.
    var galeraMode: Bool { get }

    /// The state of the node the pool reaches; nil outside Galera mode.
    func galeraNodeState() async throws -> GaleraNodeState?
}
