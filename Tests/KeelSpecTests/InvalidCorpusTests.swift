import Foundation
import Testing
@testable import KeelSpec

/// The corpus of invalid specs: each `Invalid/NN-name.yaml` (or folder of files) beside `NN-name.expected`,
/// the exact diagnostics it must produce. Set KEEL_UPDATE_GOLDEN=1 to rewrite the expected files, then review the diff.
struct InvalidCorpusTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Invalid").path

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { !$0.hasSuffix(".expected") && !$0.hasPrefix(".") }.sorted()
    }

    @Test func corpusIsLargeEnough() {
        #expect(Self.cases.count >= 40)
    }

    @Test(arguments: cases)
    func reportsExactDiagnostics(_ name: String) throws {
        let path = Self.directory + "/" + name
        let result = SpecLoader.load(path: path, displayRelativeTo: Self.directory)
        guard case let .failure(error) = result else {
            Issue.record("\(name) was accepted, but it is in the invalid corpus")
            return
        }
        let actual = error.diagnostics.map(\.description).joined(separator: "\n") + "\n"
        let expectedPath = Self.directory + "/" + name.replacingOccurrences(of: ".yaml", with: "") + ".expected"
        if ProcessInfo.processInfo.environment["KEEL_UPDATE_GOLDEN"] == "1" {
            try actual.write(toFile: expectedPath, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
        #expect(actual == expected)
        #expect(error.diagnostics.allSatisfy { $0.location != nil }, "every diagnostic of \(name) must be located")
    }
}
