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
    static func conflicts(_ routes: [Route]) -> [(location: SourceLocation?, message: String)] {
        var found: [(SourceLocation?, String)] = []
        for (index, route) in routes.enumerated() {
            let segments = route.path.split(separator: "/")
            for earlier in routes[..<index] {
                guard let (mine, theirs) = firstClash(segments, earlier.path.split(separator: "/")) else { continue }
                found.append((route.location, "path parameter '\(mine)' of \(route.owner) stands where \(earlier.owner) has '\(theirs)' (\(earlier.path)); the router takes one name per place in a path, so name it '\(theirs)'"))
                break
            }
        }
        return found
    }

    /// The first pair of differently named parameters at one place, reached through the same literals and names.
    private static func firstClash(_ a: [Substring], _ b: [Substring]) -> (Substring, Substring)? {
        for (left, right) in zip(a, b) {
            let leftIsParameter = left.hasPrefix("{"), rightIsParameter = right.hasPrefix("{")
            if leftIsParameter && rightIsParameter {
                if left != right { return (left, right) }
            } else if left != right {
                return nil
            }
        }
        return nil
    }
}
