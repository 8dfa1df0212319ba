/// What a Galera node says of itself (its `wsrep_%` status variables): whether it takes queries and its
/// place in the cluster. A connection is used only on a synced node; `/readyz` shows the state in Galera mode.
public struct GaleraNodeState: Sendable, Equatable {
    /// `wsrep_on`: false on a server that is no Galera node, which serves alone.
    public var clustered: Bool
    /// `wsrep_ready`: ON when the node accepts queries.
    public var ready: Bool
    /// `wsrep_local_state`: 1 joining, 2 donor, 3 joined, 4 synced.
    public var localState: Int
    /// `wsrep_local_state_comment`, e.g. `Synced`, `Donor/Desynced`, `Joining`.
    public var localStateComment: String
    /// `wsrep_cluster_size`: the nodes in this node's component.
    public var clusterSize: Int
    /// `wsrep_cluster_status`: `Primary` when this node's component has quorum.
    public var clusterStatus: String

    /// The node these came from, `host:port` as `DB_HOST` names it.
    public var node = ""

    static let synced = 4

    /// The state as `/readyz` lists it among its dependencies.
    public var dependencies: [String: String] {
        [
            "database_node": node,
            "wsrep_ready": ready ? "ON" : "OFF",
            "wsrep_local_state": String(localState),
            "wsrep_local_state_comment": localStateComment,
            "wsrep_cluster_size": String(clusterSize),
            "wsrep_cluster_status": clusterStatus,
        ]
    }

    /// Ready, synced and in the primary component.
    public var isSynced: Bool {
        ready && localState == Self.synced && clusterStatus == "Primary"
    }

    /// A node to send queries to: synced, or a server without Galera (GALERA_MODE on a single server).
    public var serves: Bool {
        !clustered || isSynced
    }

    var summary: String {
        "wsrep_ready=\(ready ? "ON" : "OFF"), wsrep_local_state=\(localState) (\(localStateComment)), wsrep_cluster_status=\(clusterStatus)"
    }

    /// Without the causal wait, which stalls while the cluster drops a dead node: the node's own state is wanted.
    static let query = """
        SET STATEMENT wsrep_sync_wait = 0 FOR SELECT LOWER(VARIABLE_NAME) AS name, VARIABLE_VALUE AS value FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME IN \
        ('WSREP_READY', 'WSREP_LOCAL_STATE', 'WSREP_LOCAL_STATE_COMMENT', 'WSREP_CLUSTER_SIZE', 'WSREP_CLUSTER_STATUS') \
        UNION ALL SELECT 'wsrep_on', VARIABLE_VALUE FROM information_schema.GLOBAL_VARIABLES WHERE VARIABLE_NAME = 'WSREP_ON'
        """
}
