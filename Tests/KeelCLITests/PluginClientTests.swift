import Foundation
import KeelGenerator
import Testing

/// The build plugin compiles `outputs.swift_client` in as `KeelClients.swift`, and writes it with only its header when
/// the output is off (SwiftPM needs the same set of files either way).
struct PluginClientTests {
    @Test func pluginSourcesCarryTheClients() async throws {
        let root = NSTemporaryDirectory() + "keel-plugin-client-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let target = root + "/Sources/Shop"
        try FileManager.default.createDirectory(atPath: target + "/spec", withIntermediateDirectories: true)
        try CLITests.validSpec.write(toFile: target + "/spec/main.yaml", atomically: true, encoding: .utf8)
        let output = root + "/out"
        let arguments = ["plugin-sources", "--config", target + "/keel.yaml", "--output", output, "--target-directory", target]

        try "spec: spec\noutputs: { swift: null, migrations: migrations, swift_client: clients }\n".write(toFile: target + "/keel.yaml", atomically: true, encoding: .utf8)
        #expect(try await CLITests.keel(arguments, in: root, executable: CLITests.pluginTool).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output).sorted() == PluginSourceSet.fileNames)
        let clients = try String(contentsOfFile: output + "/KeelClients.swift", encoding: .utf8)
        #expect(clients.contains("import KeelClient\n"))
        #expect(clients.contains("public struct ShopClient: Sendable {"))
        #expect(clients.contains("extension ShopClient {\n    /// A row of `items`.\n    public struct Item: Codable, Sendable, Hashable {"))
        #expect(!FileManager.default.fileExists(atPath: target + "/clients"), "plugin mode writes nothing into the package")

        try "spec: spec\noutputs: { swift: null, migrations: migrations }\n".write(toFile: target + "/keel.yaml", atomically: true, encoding: .utf8)
        #expect(try await CLITests.keel(arguments, in: root, executable: CLITests.pluginTool).status == 0)
        #expect(try String(contentsOfFile: output + "/KeelClients.swift", encoding: .utf8) == GeneratedHeader.comment(for: "KeelClients.swift", specName: "spec"))
    }
}
