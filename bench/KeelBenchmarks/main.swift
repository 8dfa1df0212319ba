import Foundation
import KeelGenerator
import KeelSpec

/// Times the migration planner and SQL rendering: 1,000 tables, 100 of them changed.
/// Run with `swift run -c release keel-bench` (bench/run-migrations.sh does).

func syntheticSpec(tables: Int, changed: Int) -> String {
    var lines = ["keel: 1", "service: { name: bench, version: 1.0.0 }", "tables:"]
    for t in 0..<tables {
        lines += ["  table_\(t):", "    columns:", "      id: id",
                  "      name: { type: string, max_length: \(t < changed ? 160 : 120) }",
                  "      code: { type: string, max_length: 32, unique: true }",
                  "      quantity: { type: int, default: 0 }",
                  "      price: { type: decimal, precision: 12, scale: 2 }",
                  "      status: { type: enum, values: [draft, live\(t < changed ? ", archived" : "")], default: draft }",
                  "      parent_id: { type: ref, table: table_\(max(t - 1, 0)), on_delete: set_null, nullable: true }"]
        if t < changed { lines.append("      added_note: { type: text, nullable: true }") }
    }
    return lines.joined(separator: "\n") + "\n"
}

func measure(_ label: String, runs: Int = 5, _ body: () throws -> Void) rethrows {
    var best = Double.infinity
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    print(label.padding(toLength: 30, withPad: " ", startingAt: 0) + String(format: "%8.4f s (best of %d)", best, runs))
}

let before = try SpecLoader.load(yaml: syntheticSpec(tables: 1000, changed: 0), file: "before.yaml").get()
let after = try SpecLoader.load(yaml: syntheticSpec(tables: 1000, changed: 100), file: "after.yaml").get()
let old = DatabaseSchema(before)
let planner = MigrationPlanner(snapshotLocation: SourceLocation(file: "schema-snapshot.json", line: 1, column: 1))
var plan = planner.plan(from: old, to: after)
print("1,000 tables, 100 changed: \(plan.changes.count) changes planned")
measure("plan the migration") { plan = planner.plan(from: old, to: after) }
for dialect in Dialect.allCases {
    measure("render it for \(dialect.rawValue)") {
        _ = SQLWriter.render(plan.changes, dialect: dialect, old: old, new: DatabaseSchema(after))
    }
}
