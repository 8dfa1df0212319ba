import Testing
@testable import KeelSpec

/// The check that routes reaching one place with a parameter name it alike: its findings, and its cost on
/// specs with thousands of endpoints (it compared every route with every earlier one: 39 s for 5,000).
struct RouteParameterNamesTests {
    static func route(_ path: String, _ owner: String) -> RouteParameterNames.Route {
        .init(path: path, owner: owner, location: SourceLocation(file: "spec.yaml", line: 1, column: 1))
    }

    @Test func reportsTheEarliestRouteThatNamesThePlaceOtherwise() {
        let conflicts = RouteParameterNames.conflicts([
            Self.route("/groups/{id}", "resource 'groups'"),
            Self.route("/groups/{group}/members/{id}", "endpoint 'members'"),
            Self.route("/groups/{id}/members/{member}", "endpoint 'member'"),
            Self.route("/groups/{gid}/members/{mid}", "endpoint 'other'"),
            Self.route("/teams/{id}", "resource 'teams'"),
            Self.route("/teams/all", "endpoint 'all'"),
        ])
        #expect(conflicts.map(\.message) == [
            "path parameter '{group}' of endpoint 'members' stands where resource 'groups' has '{id}' (/groups/{id}); the router takes one name per place in a path, so name it '{id}'",
            "path parameter '{id}' of endpoint 'member' stands where endpoint 'members' has '{group}' (/groups/{group}/members/{id}); the router takes one name per place in a path, so name it '{group}'",
            "path parameter '{gid}' of endpoint 'other' stands where resource 'groups' has '{id}' (/groups/{id}); the router takes one name per place in a path, so name it '{id}'",
        ])
    }

    @Test(.timeLimit(.minutes(1)))
    func scalesToTensOfThousandsOfRoutes() {
        let routes = (0..<12_000).map { Self.route("/area\($0 % 100)/{id}/items\($0)/{item}", "endpoint 'e\($0)'") }
        #expect(RouteParameterNames.conflicts(routes).isEmpty)
    }
}
