/// The spec's tables, also found by name in constant time: emitters look a table up by name for every endpoint and
/// type reference, and a spec may hold thousands of tables. Encoded, compared and hashed as the plain array.
@propertyWrapper
public struct TableList: Codable, Hashable, Sendable {
    public var wrappedValue: [Table] {
        didSet { positions = Self.positions(of: wrappedValue) }
    }

    /// Name -> index of the first table of that name (a checked spec has no two).
    private var positions: [String: Int]

    public init(wrappedValue: [Table]) {
        self.wrappedValue = wrappedValue
        positions = Self.positions(of: wrappedValue)
    }

    public init(from decoder: any Decoder) throws {
        self.init(wrappedValue: try [Table](from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try wrappedValue.encode(to: encoder)
    }

    public static func == (lhs: TableList, rhs: TableList) -> Bool {
        lhs.wrappedValue == rhs.wrappedValue
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(wrappedValue)
    }

    /// The first table named `name`, if any.
    func table(named name: String) -> Table? {
        positions[name].map { wrappedValue[$0] }
    }

    private static func positions(of tables: [Table]) -> [String: Int] {
        Dictionary(tables.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
