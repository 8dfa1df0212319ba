/// The router keeps one parameter name per place in a path: beside `/group/{id}`, a route `/group/{self}/members`
/// makes the generated service trap at start-up. So two routes that reach the same place with a parameter must
/// name it alike.
struct RouteParameterNames {
    struct Route {
        let path: String
        /// What serves it, for messages: "resource 'group'", "endpoint 'members'", "a built-in endpoint".
        let owner: String
        let location: SourceLocation?
    }

    /// For each route whose parameter is named otherwise than an earlier route's at the same place: the message.
    ///
    /// Two routes clash where they first differ, if both have a parameter there; so each route walks a tree of the
    /// earlier routes' segments along its own, in time linear in its length rather than in the number of routes.
    static func conflicts(_ routes: [Route]) -> [(location: SourceLocation?, message: String)] {
        var found: [(SourceLocation?, String)] = []
        let root = SegmentTree()
        for (index, route) in routes.enumerated() {
            let segments = route.path.split(separator: "/")
            // The earliest route that reaches a place of this one through the same segments, naming it otherwise.
            var clash: (route: Int, mine: Substring, theirs: Substring)?
            var node: SegmentTree? = root
            for segment in segments {
                guard let current = node else { break }
                if segment.hasPrefix("{") {
                    for (other, child) in current.children where other.hasPrefix("{") && other != segment && child.firstRoute < (clash?.route ?? .max) {
                        clash = (child.firstRoute, segment, other)
                    }
                }
                node = current.children[segment]
            }
            if let clash {
                let earlier = routes[clash.route]
                found.append((route.location, "path parameter '\(clash.mine)' of \(route.owner) stands where \(earlier.owner) has '\(clash.theirs)' (\(earlier.path)); the router takes one name per place in a path, so name it '\(clash.theirs)'"))
            }
            root.insert(segments, route: index)
        }
        return found
    }

    /// The segments of the routes seen so far, each node knowing the first route through it.
    private final class SegmentTree {
        var children: [Substring: SegmentTree] = [:]
        let firstRoute: Int

        init(firstRoute: Int = 0) {
            self.firstRoute = firstRoute
        }

        func insert(_ segments: [Substring], route: Int) {
            var node = self
            for segment in segments {
                if let child = node.children[segment] {
                    node = child
                } else {
                    let child = SegmentTree(firstRoute: route)
                    node.children[segment] = child
                    node = child
                }
            }
        }
    }
}
