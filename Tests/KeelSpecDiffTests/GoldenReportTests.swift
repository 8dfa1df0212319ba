import Foundation
import KeelSpec
import KeelSpecDiff
import Testing

/// A realistic edit of the example spec (Golden/example-edit: old/ and new/) against its committed reports in
/// each format (set KEEL_UPDATE_GOLDEN=1 to rewrite them, then review the diff like code).
struct GoldenReportTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/example-edit").path

    static func report() throws -> DiffReport {
        let old = try SpecLoader.load(path: directory + "/old", displayRelativeTo: directory).get()
        let new = try SpecLoader.load(path: directory + "/new", displayRelativeTo: directory).get()
        // One acknowledged change, so the reports show both states.
        let acknowledged = Acknowledgement(code: "API_FIELD_RENAMED", place: "tables.products.columns.display_name", reason: "the web client that reads it ships in the same release")
        return DiffReport(from: "old", to: "new", old: old, new: new, changes: SpecDiffer.diff(old: old, new: new), acknowledgements: [acknowledged])
    }

    @Test(arguments: [(DiffFormat.text, "report.txt"), (.json, "report.json"), (.markdown, "report.md")])
    func matchesGolden(_ format: DiffFormat, _ name: String) throws {
        let actual = format.render(try Self.report())
        let path = Self.directory + "/" + name
        if ProcessInfo.processInfo.environment["KEEL_UPDATE_GOLDEN"] == "1" {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(actual == (try String(contentsOfFile: path, encoding: .utf8)), "\(name) differs from the golden file")
    }

    @Test func editFailsOnBreakingChangesAndTooSmallABump() throws {
        let report = try Self.report()
        #expect(report.fails)
        #expect(report.version.required == .major)
        #expect(report.version.actual == .minor)
        #expect(report.version.suggested == "2.0.0")
        let renamed = try #require(report.entries.first { $0.change.code == "API_FIELD_RENAMED" })
        #expect(renamed.acknowledgedBecause != nil && !renamed.isBlocking)
        // Each class appears: the edit renames, drops and adds columns as well as changing the API.
        #expect(ChangeClass.allCases.allSatisfy { report.count($0) > 0 })
    }

    @Test func jsonReportIsValidJSON() throws {
        let text = DiffFormat.json.render(try Self.report())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["fails"] as? Bool == true)
        #expect((object["changes"] as? [[String: Any]])?.first?["code"] != nil)
    }
}
