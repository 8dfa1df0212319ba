import Foundation
import Hummingbird

/// `GET /healthz` and `GET /readyz` (SPEC.md, built-in endpoints).
struct HealthRoutes: Sendable {
    let service: ServiceIdentity
    let database: any Database
    /// Once the shutdown began `/readyz` answers 503 without asking the database; `/healthz` still answers.
    let shutdown: ShutdownState
    let started = ContinuousClock.now

    struct Health: ResponseEncodable {
        var status: String
        var service: String
        var version: String
        var dependencies: [String: String]
        var uptimeSeconds: Int

        enum CodingKeys: String, CodingKey {
            case status, service, version, dependencies
            case uptimeSeconds = "uptime_seconds"
        }
    }

    func register(on router: Router<KeelRequestContext>) {
        router.get("/healthz") { _, _ in try await health() }
        router.get("/readyz") { _, _ in shutdown.hasBegun ? shuttingDown() : try await health(galeraState: true) }
    }

    /// 503 with `"status": "unhealthy"` and `"dependencies": {"server": "shutting down"}`, so load balancers stop sending.
    private func shuttingDown() -> EditedResponse<Health> {
        let body = Health(status: "unhealthy", service: service.name, version: service.version, dependencies: ["server": "shutting down"],
                          uptimeSeconds: Int((ContinuousClock.now - started).components.seconds))
        return EditedResponse(status: .serviceUnavailable, response: body)
    }

    /// 200 when the database answers, else 503 with `"status": "unhealthy"`; asked anew on every call,
    /// so the answer follows the database without a restart. `/readyz` in Galera mode adds the state of the node
    /// the pool reaches to `dependencies` (`wsrep_ready`, `wsrep_local_state`, …, `database_node`).
    private func health(galeraState: Bool = false) async throws -> EditedResponse<Health> {
        let healthy = await database.ping()
        var dependencies = ["database": healthy ? "healthy" : "unhealthy"]
        if galeraState, healthy, let mysql = database as? any GaleraClusterMember,
           let state = await Deadline.result(within: .seconds(2), of: { try? await mysql.galeraNodeState() }) ?? nil {
            dependencies.merge(state.dependencies) { $1 }
        }
        let body = Health(
            status: healthy ? "healthy" : "unhealthy",
            service: service.name,
            version: service.version,
            dependencies: dependencies,
            uptimeSeconds: Int((ContinuousClock.now - started).components.seconds)
        )
        return EditedResponse(status: healthy ? .ok : .serviceUnavailable, response: body)
    }
}
