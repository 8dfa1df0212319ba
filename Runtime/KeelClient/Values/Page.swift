/// One page of a resource's list: the rows, and where they sit in the whole.
public struct Page<Item: Decodable & Sendable>: Decodable, Sendable {
    public var items: [Item]
    /// The page size the service applied.
    public var limit: Int
    public var offset: Int
    /// Rows matching the filters, on every page.
    public var total: Int
}

extension Page: Equatable where Item: Equatable {}
