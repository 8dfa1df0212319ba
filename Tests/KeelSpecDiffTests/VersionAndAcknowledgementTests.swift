import Foundation
import KeelSpec
import KeelSpecDiff
import Testing

/// The semver verdict and how acknowledgements (from --allow or keel.yaml) turn failures off.
struct VersionAndAcknowledgementTests {
    static func change(_ code: ChangeCode, subject: String = "tables.items.columns.title") -> SpecChange {
        SpecChange(code: code.rawValue, changeClass: code.changeClass, bump: code.bump, message: "m", subject: subject,
                   location: SourceLocation(file: "spec.yaml", line: 3, column: 5))
    }

    @Test func parsesAndBumpsVersions() throws {
        let version = try #require(SemanticVersion("1.4.2-beta+7"))
        #expect(version == SemanticVersion(major: 1, minor: 4, patch: 2))
        #expect(SemanticVersion("1.4") == nil)
        #expect(SemanticVersion("v1.2.3") == nil)
        #expect(version.bump(to: SemanticVersion(major: 2, minor: 0, patch: 0)) == .major)
        #expect(version.bump(to: SemanticVersion(major: 1, minor: 5, patch: 0)) == .minor)
        #expect(version.bump(to: SemanticVersion(major: 1, minor: 4, patch: 3)) == .patch)
        #expect(version.bump(to: SemanticVersion(major: 1, minor: 3, patch: 9)) == .none)
        #expect(version.bumped(.minor).description == "1.5.0")
    }

    /// keel diff reads a service version as the spec check does: what `keel check` refuses is no version here.
    @Test(arguments: ["01.2.3", "1.02.3", "+1.2.3", "-1.2.3", "1.+2.3", "1.2.-3", "1.2.3.", "", "1.2.\u{663}"])
    func refusesWhatTheSpecCheckRefuses(_ text: String) {
        #expect(SemanticVersion(text) == nil)
    }

    @Test(arguments: [
        // (changes, old, new, required, sufficient)
        ([ChangeCode.fieldRemoved], "1.0.0", "1.1.0", VersionBump.major, false),
        ([.fieldRemoved], "1.0.0", "2.0.0", .major, true),
        ([.fieldAdded], "1.0.0", "1.0.1", .minor, false),
        ([.fieldAdded, .descriptionChanged], "1.0.0", "1.1.0", .minor, true),
        ([.descriptionChanged], "1.0.0", "1.0.1", .patch, true),
        ([.columnDropped], "1.0.0", "1.0.0", .patch, false),
        ([], "1.0.0", "1.0.0", .none, true),
        // Before 1.0.0 a breaking change needs a minor bump.
        ([.fieldRemoved], "0.3.0", "0.4.0", .minor, true),
    ])
    func requiredBump(_ codes: [ChangeCode], _ old: String, _ new: String, _ required: VersionBump, _ sufficient: Bool) {
        let verdict = VersionVerdict(old: old, new: new, changes: codes.map { Self.change($0) })
        #expect(verdict.required == required)
        #expect(verdict.isSufficient == sufficient)
    }

    @Test func unparsableVersionFails() {
        let verdict = VersionVerdict(old: "1.0", new: "1.1", changes: [])
        #expect(!verdict.isSufficient)
        #expect(verdict.summary.contains("cannot be checked"))
    }

    static func report(_ changes: [SpecChange], _ acknowledgements: [Acknowledgement], version: String = "2.0.0") throws -> DiffReport {
        let old = try SpecLoader.load(yaml: "keel: 1\nservice: { name: s, version: 1.0.0 }\n", file: "old.yaml").get()
        let new = try SpecLoader.load(yaml: "keel: 1\nservice: { name: s, version: \(version) }\n", file: "new.yaml").get()
        return DiffReport(from: "old", to: "new", old: old, new: new, changes: changes, acknowledgements: acknowledgements)
    }

    @Test func acknowledgementsMatchCodeAndPlace() throws {
        let changes = [Self.change(.fieldRenamed), Self.change(.columnRenamed), Self.change(.fieldAdded)]
        let bySubject = Acknowledgement(code: "API_FIELD_RENAMED", place: "tables.items.columns.title", reason: "one client")
        let byLocation = Acknowledgement(code: "ROLLOUT_COLUMN_RENAMED", place: "spec.yaml:3:5", reason: "maintenance window")
        let stale = Acknowledgement(code: "API_FIELD_REMOVED", place: "tables.items.columns.gone", reason: "old")
        let report = try Self.report(changes, [bySubject, byLocation, stale])
        #expect(report.entries.map(\.acknowledgedBecause) == ["one client", "maintenance window", nil])
        #expect(!report.fails)
        #expect(report.unusedAcknowledgements == ["API_FIELD_REMOVED@tables.items.columns.gone"])
        #expect(DiffFormat.text.render(report).contains("acknowledgement API_FIELD_REMOVED@tables.items.columns.gone matches no change"))
    }

    @Test func unacknowledgedOrMisplacedFails() throws {
        let wrongPlace = Acknowledgement(code: "API_FIELD_RENAMED", place: "tables.items.columns.other", reason: "r")
        #expect(try Self.report([Self.change(.fieldRenamed)], [wrongPlace]).fails)
        #expect(try Self.report([Self.change(.fieldRenamed)], []).blocking.count == 1)
        // A breaking change acknowledged still needs its version bump.
        let acknowledged = Acknowledgement(code: "API_FIELD_RENAMED", place: "tables.items.columns.title", reason: "r")
        #expect(try Self.report([Self.change(.fieldRenamed)], [acknowledged], version: "1.1.0").fails)
    }

    @Test func parsesAcknowledgementReferences() {
        #expect(Acknowledgement.parse("API_FIELD_REMOVED@tables.a.columns.b", reason: "r")?.place == "tables.a.columns.b")
        #expect(Acknowledgement.parse("KEEL-M002@tables.a.columns.b", reason: "r")?.code == "KEEL-M002")
        #expect(Acknowledgement.parse("API_FIELD_REMOVED", reason: "r") == nil)
        #expect(Acknowledgement.parse("@tables.a", reason: "r") == nil)
        #expect(Acknowledgement.parse("api_field_removed@x", reason: "r") == nil)
    }

    @Test func keelYamlListsAcknowledgementsWithReasons() throws {
        let yaml = "acknowledged:\n  - change: API_FIELD_RENAMED@tables.queues.columns.name\n    reason: the only client ships with it\n"
        let settings = try ProjectLoader.load(configPath: "/p/keel.yaml", contents: Data(yaml.utf8)).get()
        #expect(settings.acknowledged.map { "\($0.code)@\($0.place): \($0.reason)" } == ["API_FIELD_RENAMED@tables.queues.columns.name: the only client ships with it"])
    }

    @Test(arguments: [
        ("acknowledged:\n  - change: API_FIELD_RENAMED@tables.q\n", "is missing required key 'reason'"),
        ("acknowledged:\n  - { change: API_FIELD_RENAMED, reason: r }\n", "'change' must be CODE@place"),
        ("acknowledged:\n  - { change: API_FIELD_RENAMED@tables.q, reason: ' ' }\n", "'reason' must say why"),
        ("acknowledged: yes\n", "'acknowledged' must be a list"),
    ])
    func rejectsMalformedAcknowledgements(_ yaml: String, _ message: String) {
        guard case let .failure(error) = ProjectLoader.load(configPath: "/p/keel.yaml", contents: Data(yaml.utf8)) else {
            Issue.record("accepted \(yaml)")
            return
        }
        #expect(error.description.contains(message), "\(error.description)")
    }
}
