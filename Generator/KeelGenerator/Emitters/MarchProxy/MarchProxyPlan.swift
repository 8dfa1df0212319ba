import Foundation

/// What `keel marchproxy push` must do to make a cluster hold the generated services: MarchProxy's
/// api-server has no bulk import, so services are matched by name and created or updated one by one.
public struct MarchProxyPlan: Sendable, Equatable {
    /// A service as the api-server lists it: its id and the fields the plan compares.
    public struct Existing: Sendable, Equatable {
        public var id: Int
        public var name: String
        public var fields: [String: StructuredValue]

        public init(id: Int, name: String, fields: [String: StructuredValue]) {
            self.id = id
            self.name = name
            self.fields = fields
        }
    }

    /// One field that differs: what the server holds and what the spec wants.
    public struct FieldChange: Sendable, Equatable {
        public var field: String
        public var current: StructuredValue?
        public var wanted: StructuredValue
    }

    public enum Step: Sendable, Equatable {
        /// `POST /api/v1/services` with every field.
        case create(MarchProxyConfig.Service)
        /// `PATCH /api/v1/services/{id}` with the changed fields only.
        case update(id: Int, name: String, changes: [FieldChange])
        case unchanged(name: String)

        public var name: String {
            switch self {
            case .create(let service): service.name
            case .update(_, let name, _), .unchanged(let name): name
            }
        }

        /// One line for the printed plan.
        public var summary: String {
            switch self {
            case .create(let service):
                "create \(service.name) (\(service.protocol) \(service.ipFQDN):\(service.port))"
            case .update(let id, let name, let changes):
                "update \(name) (id \(id)): " + changes.map { "\($0.field) \($0.current.map(Self.text) ?? "unset") -> \(Self.text($0.wanted))" }.joined(separator: ", ")
            case .unchanged(let name):
                "unchanged \(name)"
            }
        }

        private static func text(_ value: StructuredValue) -> String {
            switch value {
            case .string(let text): JSONRenderer.quote(text)
            case .integer(let number): String(number)
            case .number(let text): text
            case .bool(let flag): flag ? "true" : "false"
            case .null: "null"
            case .array, .object: JSONRenderer.render(value).trimmingCharacters(in: .newlines)
            }
        }
    }

    public var steps: [Step]

    /// Steps in the order of `wanted`; services of the cluster the spec does not name are left alone.
    public init(wanted: [MarchProxyConfig.Service], existing: [Existing]) {
        steps = wanted.map { service in
            guard let current = existing.first(where: { $0.name == service.name }) else { return .create(service) }
            let changes = service.fields.compactMap { field, value -> FieldChange? in
                current.fields[field] == value ? nil : FieldChange(field: field, current: current.fields[field], wanted: value)
            }
            return changes.isEmpty ? .unchanged(name: service.name) : .update(id: current.id, name: service.name, changes: changes)
        }
    }

    /// The steps that change the server.
    public var changes: [Step] {
        steps.filter { if case .unchanged = $0 { false } else { true } }
    }
}
