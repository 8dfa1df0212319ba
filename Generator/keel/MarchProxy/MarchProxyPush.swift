import ArgumentParser
import AsyncHTTPClient
import Foundation
import KeelCommands
import KeelGenerator
import KeelSpec

/// Makes a MarchProxy cluster hold the spec's services: creates the missing, PATCHes the differing, leaves
/// the equal alone. Prints the plan first; stops at the first refusal and says what was and was not applied.
struct MarchProxyPush: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Create or update the spec's services in a MarchProxy cluster.",
        discussion: """
        Logs in to MarchProxy's api-server as MARCHPROXY_USER with MARCHPROXY_PASSWORD, lists the
        cluster's services, and matches them by name with the services of the spec's gateway
        (the service itself is "<name>-api"). Running it again changes nothing.

        Mappings are not pushed: the api-server has no mapping route.

        Examples:
          keel marchproxy push --api http://marchproxy:8000 --cluster-id 1 --dry-run
          keel marchproxy push --api http://marchproxy:8000 --cluster-id 1
        """
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: ArgumentHelp("The api-server's address.", valueName: "url"))
    var api: String

    @Option(help: ArgumentHelp("The cluster that gets the services.", valueName: "id"))
    var clusterId: Int

    @Flag(help: "Print the plan and change nothing.")
    var dryRun = false

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let user = environment["MARCHPROXY_USER"], !user.isEmpty else {
            throw ValidationError("MARCHPROXY_USER is not set: the MarchProxy user to log in as")
        }
        guard let password = environment["MARCHPROXY_PASSWORD"] else {
            throw ValidationError("MARCHPROXY_PASSWORD is not set: the password of MARCHPROXY_USER")
        }
        let (_, spec) = try project.validation()
        let config = MarchProxyConfig(spec)
        do {
            try await push(config, user: user, password: password)
        } catch let refusal as MarchProxyAPI.Refusal {
            Console.error("keel: error: \(refusal)")
            throw ExitCode.failure
        }
    }

    private func push(_ config: MarchProxyConfig, user: String, password: String) async throws {
        let api = try await MarchProxyAPI.login(address: api, user: user, password: password, client: .shared)
        let plan = MarchProxyPlan(wanted: config.services, existing: try await api.services(clusterID: clusterId))
        Console.print("MarchProxy cluster \(clusterId): \(plan.changes.count) of \(plan.steps.count) services to change")
        for step in plan.steps { Console.print("  " + step.summary) }
        if !config.mappings.isEmpty {
            Console.print("""
            mappings not pushed (\(config.mappings.map(\.name).joined(separator: ", "))): the api-server has no mapping route, and the \
            older manager API's POST /api/mappings names services by id and has no path prefix; set them up in MarchProxy
            """)
        }
        guard !dryRun else { return Console.print("dry run: nothing was changed") }
        var applied: [String] = []
        for step in plan.changes {
            do {
                switch step {
                case .create(let service):
                    let id = try await api.create(service, clusterID: clusterId)
                    applied.append("created \(service.name) (id \(id))")
                case .update(let id, let name, let changes):
                    try await api.update(id: id, name: name, changes: changes)
                    applied.append("updated \(name)")
                case .unchanged:
                    continue
                }
                Console.print(applied[applied.count - 1])
            } catch let refusal as MarchProxyAPI.Refusal {
                let pending = plan.changes.dropFirst(applied.count).map(\.summary)
                Console.error("keel: error: \(refusal)")
                Console.error("keel: applied \(applied.count) of \(CountText.of(plan.changes.count, "change")); not applied: \(pending.joined(separator: "; "))")
                throw ExitCode.failure
            }
        }
        Console.print("keel: \(applied.count) service\(applied.count == 1 ? "" : "s") changed, \(plan.steps.count - applied.count) unchanged")
    }
}
