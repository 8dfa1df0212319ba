import Foundation

/// `DB_HOST` as a list: `h1:3306,h2:3307,h3` (a host without a port takes `DB_PORT`), IPv6 in brackets (`[::1]:3306`).
/// Several hosts are the nodes of one MySQL/MariaDB Galera cluster, in order of preference.
enum DatabaseHostList {
    static func parse(_ text: String, defaultPort: Int) throws -> [DatabaseConfiguration.Node] {
        try text.split(separator: ",", omittingEmptySubsequences: false).map { item in
            let entry = item.trimmingCharacters(in: .whitespaces)
            guard let node = node(entry, defaultPort: defaultPort) else {
                throw ConfigurationError("DB_HOST=\(text) is not valid: '\(entry)' is not HOST or HOST:PORT (a port from 1 to 65535)")
            }
            return node
        }
    }

    private static func node(_ entry: String, defaultPort: Int) -> DatabaseConfiguration.Node? {
        var host = Substring(entry)
        var port: Substring?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return nil }
            let rest = host[host.index(after: close)...]
            host = host[host.index(after: host.startIndex)..<close]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { return nil }
                port = rest.dropFirst()
            }
        } else if host.filter({ $0 == ":" }).count == 1, let colon = host.firstIndex(of: ":") {
            port = host[host.index(after: colon)...]
            host = host[..<colon]
        }
        guard !host.isEmpty, !host.contains(where: \.isWhitespace) else { return nil }
        guard let port else { return .init(host: String(host), port: defaultPort) }
        guard port.allSatisfy(\.isASCII), let number = Int(port), (1...65535).contains(number) else { return nil }
        return .init(host: String(host), port: number)
    }
}
