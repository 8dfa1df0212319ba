import Foundation
import Hummingbird

/// `GET /healthz` and `GET /readyz` (SPEC.md, built-in endpoints).
struct HealthRoutes: Sendable {
    let service: ServiceIdentity
    let database: any Database
    /// Once the shutdown began `/readyz` answers 503 without asking the database; `/healthz` still answers.
    let shutdown: ShutdownState
    /// The dependencies `/readyz` asks too (`required: true` in keel.yaml).
    let required: [DependencyProbe]
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
        router.get("/readyz") { _, _ in shutdown.hasBegun ? shuttingDown() : try await health(readiness: true) }
    }

    /// Each required dependency's state, `healthy` or `unavailable`, asked at once.
    private func requiredDependencyStates() async -> [String: String] {
        await withTaskGroup(of: (String, Bool).self) { group in
            for probe in required { group.addTask { (probe.name, await probe.isHealthy()) } }
            var states: [String: String] = [:]
            for await (name, up) in group { states[name] = up ? "healthy" : "unavailable" }
            return states
        }
    }

    /// 503 with `"status": "unhealthy"` and `"dependencies": {"server": "shutting down"}`, so load balancers stop sending.
    private func shuttingDown() -> EditedResponse<Health> {
        let body = Health(status: "unhealthy", service: service.name, version: service.version, dependencies: ["server": "shutting down"],
                          uptimeSeconds: Int((ContinuousClock.now - started).components.seconds))
        return EditedResponse(status: .serviceUnavailable, response: body)
    }

    /// 200 when the database answers, else 503 with `"status": "unhealthy"`; asked anew on every call,
    /// so the answer follows the database without a restart. `/readyz` in Galera mode adds the state of the node
    /// the pool reaches to `dependencies` (`wsrep_ready`, `wsrep_local_state`, …, `database_node`), and asks the
    /// required dependencies' `/healthz` at the same time (`"inventory": "unavailable"` and 503 while one fails).
    private func health(readiness: Bool = false) async throws -> EditedResponse<Health> {
        let databaseHealthy: Bool
        var states: [String: String] = [:]
        if readiness, !required.isEmpty {
            async let callees = requiredDependencyStates()
            databaseHealthy = await database.ping()
            states = await callees
        } else {
            databaseHealthy = await database.ping()
        }
        var dependencies = ["database": databaseHealthy ? "healthy" : "unhealthy"]
        let healthy = databaseHealthy && states.values.allSatisfy { $0 == "healthy" }
        dependencies.merge(states) { $1 }
        if readiness, databaseHealthy, let mysql = database as? any GaleraClusterMember,
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
