import Foundation
import KeelGenerator
import Testing

/// SwiftPM names a module's object files after its sources' file names: a model file named as another file of the
/// Swift output (`Models/Service.swift` beside `Service.swift`) stopped the build with "multiple producers".
struct ModelFileNameTests {
    static let spec = """
    keel: 1
    service: { name: shop, version: 1.0.0 }
    tables:
      services: { columns: { id: id } }
      apis: { model: Api, columns: { id: id, title: string } }
      shards: { model: Endpoints07, columns: { id: id } }
      products: { columns: { id: id, title: string } }
    endpoints:
      - resource: services
      - { name: restock, method: POST, path: "/products/{id}/restock", params: { id: int } }
    """

    @Test func everySwiftFileHasItsOwnName() throws {
        let files = try TestProject(spec: Self.spec).generation().files.map(\.path).filter { $0.contains("/gen/swift/") }
        let names = files.map { URL(fileURLWithPath: $0).lastPathComponent.lowercased() }
        #expect(Set(names).count == names.count, "\(names.sorted())")
        let models = files.filter { $0.contains("/Models/") }.map { URL(fileURLWithPath: $0).lastPathComponent }.sorted()
        #expect(models == ["Api+Table.swift", "Endpoints07+Table.swift", "Product.swift", "Service+Table.swift"])
    }

    /// A table without a writable column: its Create and Patch have no values, and say so without a `var` that the
    /// compiler would warn is never mutated.
    @Test func aTableOfOnlyItsIdHasNoValues() throws {
        let service = try #require(try TestProject(spec: Self.spec).generation().files.first { $0.path.hasSuffix("/Models/Service+Table.swift") }).contents
        #expect(service.components(separatedBy: "    public var values: ColumnValues {\n        []\n    }").count == 3)
        #expect(!service.contains("var values: ColumnValues = []"))
    }
}
