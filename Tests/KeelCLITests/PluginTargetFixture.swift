import Foundation
import KeelTestSupport

/// A target folder as the build plugin sees it (`<root>/Sources/Shop` with keel.yaml and spec/main.yaml), and the
/// `keel-plugin-tool plugin-sources` arguments that write its Swift into `<root>/out`.
struct PluginTargetFixture {
    let root = NSTemporaryDirectory() + "keel-plugin-target-" + UUID().uuidString
    var target: String { root + "/Sources/Shop" }
    var output: String { root + "/out" }
    var arguments: [String] { ["plugin-sources", "--config", target + "/keel.yaml", "--output", output, "--target-directory", target] }

    init(spec: String, keelYAML: String = "spec: spec\noutputs: { swift: null, migrations: migrations }\n") throws {
        try FileManager.default.createDirectory(atPath: target + "/spec", withIntermediateDirectories: true)
        try keelYAML.write(toFile: target + "/keel.yaml", atomically: true, encoding: .utf8)
        try writeSpec(spec)
    }

    func writeSpec(_ spec: String) throws {
        try spec.write(toFile: target + "/spec/main.yaml", atomically: true, encoding: .utf8)
    }

    /// Runs the tool on the target.
    func generate() async throws -> CLITests.Run {
        try await CLITests.keel(arguments, in: root, executable: CLITests.pluginTool)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }
}
