import Foundation
import KeelGenerator

/// A throwaway project directory with a keel.yaml and a spec, removed when the test ends.
final class TestProject {
    let root: String

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").path

    static let spec = """
    keel: 1
    service: { name: shop, version: 1.0.0, base_path: /api/v1 }
    features: { reports: professional }
    tables:
      products:
        columns:
          id: id
          name: { type: string, max_length: 80 }
    endpoints:
      - resource: products
    """

    init(spec: String = TestProject.spec, settings: String = "spec: spec.yaml\noutputs: { swift: gen/swift, openapi: gen/openapi.yaml, typescript: null, marchproxy: null, migrations: null }\n") throws {
        root = NSTemporaryDirectory() + "keel-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try write("keel.yaml", settings)
        try write("spec.yaml", spec)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    var configPath: String { root + "/keel.yaml" }

    func path(_ relative: String) -> String { root + "/" + relative }

    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path(relative))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: path(relative))
    }

    func modificationDate(_ relative: String) throws -> Date? {
        try FileManager.default.attributesOfItem(atPath: path(relative))[.modificationDate] as? Date
    }

    func generation() throws -> Generation {
        try Generation.run(configPath: configPath, displayRelativeTo: root).get()
    }

    /// Runs generate as the CLI does: plan, then write.
    @discardableResult
    func generate() throws -> WritePlan {
        let plan = try generation().plan()
        try FileWriter.apply(plan)
        return plan
    }
}
