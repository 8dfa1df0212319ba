import KeelSpec

/// How a client spells spec types: the wire types of the KeelClient library (`KeelDate`, `KeelDecimal`, `KeelJSON`)
/// where the server runtime has its own, and a scalar's module-qualified name when the callee's spec declares a
/// type of the same name (the client's types are nested in it, where they would hide `Date` or `String`).
struct SwiftClientTypes {
    let spec: Spec
    /// The names the client declares in its namespace.
    let declared: Set<String>

    init(spec: Spec) {
        self.spec = spec
        var names = Set(spec.tables.map(\.model) + spec.types.map(\.name))
        for table in spec.tables {
            for column in table.columns {
                if case .enumeration = column.type { names.insert(SwiftTypeNames.enumName(of: column, model: table.model)) }
            }
        }
        declared = names
    }

    /// The types and modules a client's code names without a module, which a type nested in the client would hide.
    static let used: Set<String> = [
        "Any", "Self", "Swift", "Foundation", "KeelClient", "Sendable", "Codable", "Encodable", "Hashable", "CaseIterable",
        "CodingKey", "CodingKeys", "Encoder", "ProcessInfo", "ServiceClient", "ClientCredentials", "ClientTransport", "QueryItem",
        "QueryValue", "URLText",
    ]

    /// A declared type's name where the client writes it: `Type` and `Protocol` are backticked, since a nested type
    /// of either name would otherwise read as `Client.Type` (the metatype).
    static func spelled(_ name: String) -> String {
        name == "Type" || name == "Protocol" ? "`\(name)`" : name
    }

    private func qualified(_ module: String, _ name: String) -> String {
        declared.contains(name) ? module + "." + name : name
    }

    func scalar(_ type: ScalarType) -> String {
        switch type {
        case .int: qualified("Swift", "Int64")
        case .int32: qualified("Swift", "Int32")
        case .float: qualified("Swift", "Double")
        case .decimal: qualified("KeelClient", "KeelDecimal")
        case .bool: qualified("Swift", "Bool")
        case .string, .text: qualified("Swift", "String")
        case .date: qualified("KeelClient", "KeelDate")
        case .timestamp: qualified("Foundation", "Date")
        case .uuid: qualified("Foundation", "UUID")
        case .json: qualified("KeelClient", "KeelJSON")
        case .bytes: qualified("Foundation", "Data")
        }
    }

    /// The type of a column's value, without optionality.
    func type(of column: Column, model: String) -> String {
        switch column.type {
        case .id, .int, .ref: scalar(.int)
        case .int32: scalar(.int32)
        case .float: scalar(.float)
        case .decimal: scalar(.decimal)
        case .bool: scalar(.bool)
        case .string, .text: scalar(.string)
        case .date: scalar(.date)
        case .timestamp: scalar(.timestamp)
        case .uuid: scalar(.uuid)
        case .json: scalar(.json)
        case .bytes: scalar(.bytes)
        case .enumeration: SwiftTypeNames.enumName(of: column, model: model)
        }
    }

    /// The type of a reference in `types:` or an endpoint; `enumName` names an inline enum.
    func type(of reference: TypeReference, enumName: String) -> String {
        switch reference {
        case .scalar(let kind): scalar(kind)
        case .model(let table): Self.spelled(spec.table(named: table)?.model ?? Inflector.modelName(ofTable: table))
        case .named(let name): Self.spelled(name)
        case .array(let element): "[" + type(of: element, enumName: enumName) + "]"
        case .enumeration: enumName
        }
    }
}
