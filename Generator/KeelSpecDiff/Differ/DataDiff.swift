import Foundation
import KeelGenerator
import KeelSpec

extension DiffContext {
    /// What the migration planner refuses or asks `--allow-destructive` for, under its own codes.
    func diffData() {
        let planner = MigrationPlanner(snapshotLocation: new.service.location)
        let plan = planner.plan(from: DatabaseSchema(old), to: new)
        for risk in plan.risks {
            log.add(dataChange(code: risk.code, message: risk.message, location: risk.location))
        }
        for refusal in plan.refusals {
            // Refusals carry their code at the start of the message: `KEEL-M010: ...`.
            let parts = refusal.message.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, parts[0].hasPrefix("KEEL-") else { continue }
            log.add(dataChange(code: parts[0], message: parts[1], location: refusal.location))
        }
    }

    private func dataChange(code: String, message: String, location: SourceLocation?) -> SpecChange {
        SpecChange(code: code, changeClass: .data, bump: .patch, message: message, subject: Self.subject(of: message),
                   location: location ?? new.service.location)
    }

    /// The spec path the planner's message names: its first `column 't.c'` or `table 't'`.
    static func subject(of message: String) -> String {
        for (prefix, path) in [("column '", { (name: String) in
            let parts = name.split(separator: ".", maxSplits: 1)
            return parts.count == 2 ? "tables.\(parts[0]).columns.\(parts[1])" : "tables.\(name)"
        }), ("table '", { "tables.\($0)" })] {
            if let start = message.range(of: prefix), let end = message[start.upperBound...].firstIndex(of: "'") {
                return path(String(message[start.upperBound..<end]))
            }
        }
        return "tables"
    }
}
