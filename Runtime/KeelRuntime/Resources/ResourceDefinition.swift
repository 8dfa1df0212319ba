/// One `resource:` endpoint of the spec, as generated code declares it: where it lives, which operations it
/// has, who may call them, and how its table is checked, listed and written.
public struct ResourceDefinition<Model: ResourceModel>: Sendable {
    public enum Operation: String, Sendable, CaseIterable {
        case list, get, create, update, delete
    }

    /// How `GET <path>` may be filtered, sorted and paged.
    public struct ListOptions: Sendable {
        /// Columns a query parameter of the same name filters on.
        public let filters: [String]
        public let sort: [String]
        public let pageSize: Int
        public let maxPageSize: Int

        public init(filters: [String], sort: [String], pageSize: Int, maxPageSize: Int) {
            self.filters = filters
            self.sort = sort
            self.pageSize = pageSize
            self.maxPageSize = maxPageSize
        }
    }

    /// Under the base path, e.g. `/products`.
    public let path: String
    /// The table's name, which tier limits use.
    public let table: String
    /// The model's name, for messages: "no Product with id 7".
    public let modelName: String
    public let operations: Set<Operation>
    /// For list and get.
    public let read: AccessRule
    /// For create, update and delete.
    public let write: AccessRule
    /// The writable columns, in table order.
    public let fields: [FieldRule]
    public let list: ListOptions

    public init(path: String, table: String, modelName: String, operations: Set<Operation>, read: AccessRule, write: AccessRule,
                fields: [FieldRule], list: ListOptions) {
        self.path = path
        self.table = table
        self.modelName = modelName
        self.operations = operations
        self.read = read
        self.write = write
        self.fields = fields
        self.list = list
    }
}
