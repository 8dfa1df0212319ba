import Foundation
import Testing
@testable import KeelSpec

/// Sections larger than `SpecResolver.concurrencyThreshold` are resolved, and a spec's files parsed, on several
/// threads: the model and the diagnostics must be what one thread gives, in the spec's order.
struct ConcurrentResolutionTests {
    /// A spec of `tables` tables and `endpoints` custom endpoints (plus a resource per tenth table), with the lines of
    /// the problems `broken` put in and what each message says.
    static func spec(tables: Int, endpoints: Int, broken: Bool) -> (yaml: String, problems: [(line: Int, says: String)]) {
        var lines = ["keel: 1", "service: { name: shop, version: 1.0.0, base_path: /api/v1 }", "tables:"]
        var problems: [(Int, String)] = []
        for table in 0..<tables {
            lines.append("  t\(table):")
            if broken, table % 10 == 3 {
                lines.append("    colour: red")
                problems.append((lines.count, "unknown key 'colour' in table 't\(table)'"))
            }
            lines.append("    columns: { id: id, name: string }")
        }
        lines.append("endpoints:")
        for table in stride(from: 0, to: tables, by: 10) { lines.append("  - resource: t\(table)") }
        for endpoint in 0..<endpoints {
            let method = broken && endpoint % 7 == 2 ? "FETCH" : "GET"
            lines.append("  - { name: op\(endpoint), method: \(method), path: /op\(endpoint) }")
            if method == "FETCH" { problems.append((lines.count, "'method'")) }
        }
        if broken {
            // A problem one endpoint has with another: found after the endpoints are read on their own.
            lines.append("  - { name: op10, method: GET, path: /again }")
            problems.append((lines.count, "endpoint name 'op10' is used twice"))
        }
        return (lines.joined(separator: "\n") + "\n", problems)
    }

    @Test func aLargeSpecResolvesInItsOwnOrder() throws {
        let (yaml, _) = Self.spec(tables: 300, endpoints: 400, broken: false)
        let spec = try SpecLoader.load(yaml: yaml, file: "spec.yaml").get()
        #expect(spec.tables.map(\.name) == (0..<300).map { "t\($0)" })
        #expect(spec.resources.map(\.resource) == stride(from: 0, to: 300, by: 10).map { "t\($0)" })
        #expect(spec.customEndpoints.map(\.name) == (0..<400).map { "op\($0)" })
    }

    @Test func everyProblemOfALargeSpecIsReportedOnceInOrder() {
        let (yaml, problems) = Self.spec(tables: 300, endpoints: 400, broken: true)
        guard case let .failure(error) = SpecLoader.load(yaml: yaml, file: "spec.yaml") else {
            Issue.record("a spec with \(problems.count) problems loaded")
            return
        }
        let errors = error.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == problems.count)
        #expect(errors.map { $0.location?.line ?? 0 } == problems.map(\.line))
        for (diagnostic, problem) in zip(errors, problems) {
            #expect(diagnostic.message.contains(problem.says), "line \(problem.line): \(diagnostic.message)")
        }
    }

    /// Six files, each defining one table; `broken` files hold YAML that does not parse.
    static func files(broken: Set<Int>) -> [(name: String, contents: Data)] {
        (0..<6).map { index in
            var text = index == 0 ? "keel: 1\nservice: { name: shop, version: 1.0.0 }\n" : ""
            text += "tables:\n  t\(index):\n    columns: { id: id, name: string }\n"
            if broken.contains(index) { text += "  oops: [unclosed\n" }
            return (name: "part\(index).yaml", contents: Data(text.utf8))
        }
    }

    @Test func aSpecOfManyFilesMergesThemInOrder() throws {
        let spec = try SpecLoader.load(files: Self.files(broken: [])).get()
        #expect(spec.tables.map(\.name) == (0..<6).map { "t\($0)" })
    }

    @Test func eachFileThatDoesNotParseIsReportedOnceInOrder() {
        guard case let .failure(error) = SpecLoader.load(files: Self.files(broken: [1, 4])) else {
            Issue.record("a spec with two broken files loaded")
            return
        }
        #expect(error.diagnostics.map { $0.location?.file } == ["part1.yaml", "part4.yaml"])
        #expect(error.diagnostics.allSatisfy { $0.message.hasPrefix("invalid YAML") })
    }
}
