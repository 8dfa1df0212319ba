import KeelSpec

/// Which way a table's model or a named type crosses the API: in requests, in responses, or both.
struct Usage: OptionSet, Hashable, Sendable {
    let rawValue: Int
    static let request = Usage(rawValue: 1)
    static let response = Usage(rawValue: 2)

    /// Words for messages: whom a change of it breaks.
    var readers: String { contains(.response) ? "clients reading it" : "clients sending it" }
}

/// Where each table and named type appears in the API of one spec.
struct ApiSurface {
    private(set) var tables: [String: Usage] = [:]
    private(set) var types: [String: Usage] = [:]
    private let typesByName: [String: TypeDefinition]

    init(_ spec: Spec) {
        typesByName = Dictionary(spec.types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for resource in spec.resources {
            let writes = resource.operations.contains(.create) || resource.operations.contains(.update)
            tables[resource.table, default: []].formUnion(writes ? [.request, .response] : .response)
        }
        for endpoint in spec.customEndpoints {
            if let body = endpoint.body { mark(body, .request) }
            if let response = endpoint.response { mark(response, .response) }
        }
    }

    /// Both specs' uses: a change matters to whoever used the thing before or uses it now.
    init(old: Spec, new: Spec) {
        let before = ApiSurface(old), after = ApiSurface(new)
        self = after
        tables.merge(before.tables) { $0.union($1) }
        types.merge(before.types) { $0.union($1) }
    }

    private mutating func mark(_ reference: TypeReference, _ usage: Usage) {
        switch reference {
        case .scalar, .enumeration:
            return
        case let .model(table):
            tables[table, default: []].formUnion(usage)
        case let .array(element):
            mark(element, usage)
        case let .named(name):
            // Already marked this way: its fields are too (and a recursive type ends here).
            guard !types[name, default: []].isSuperset(of: usage), let type = typesByName[name] else { return }
            types[name, default: []].formUnion(usage)
            for field in type.fields { mark(field.type, usage) }
        }
    }
}
