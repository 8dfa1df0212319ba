import Foundation

/// A pull-request comment: the verdict first, then a table per class, breaking ones first.
enum MarkdownReport {
    static func render(_ report: DiffReport) -> String {
        var lines: [String] = []
        let blocking = report.blocking.count
        if report.fails {
            let reasons = (blocking > 0 ? ["\(blocking) unacknowledged breaking change\(blocking == 1 ? "" : "s")"] : [])
                + (report.version.isSufficient ? [] : ["the version bump is too small"])
            lines.append("### ❌ keel diff: \(reasons.joined(separator: " and "))")
        } else {
            lines.append("### ✅ keel diff: no unacknowledged breaking change")
        }
        lines.append("")
        lines.append("`\(escape(report.from))` → `\(escape(report.to))`: \(report.countsSummary).")
        lines.append("")
        lines.append(escape(report.version.summary) + ".")
        for changeClass in ChangeClass.allCases {
            let entries = report.entries.filter { $0.change.changeClass == changeClass }
            guard !entries.isEmpty else { continue }
            lines += ["", "#### \(changeClass.title) (\(entries.count))", ""]
            lines += changeClass.isBreaking ? ["| | Change | Where | What |", "|---|---|---|---|"] : ["| Change | Where | What |", "|---|---|---|"]
            for entry in entries {
                let change = entry.change
                var row = "`\(escape(change.reference))` | `\(escape(change.shownLocation))` | \(escape(change.message))"
                if changeClass.isBreaking {
                    let mark = entry.acknowledgedBecause == nil ? "❌" : "✅"
                    row = "\(mark) | " + row + (entry.acknowledgedBecause.map { " — *acknowledged: \(escape($0))*" } ?? "")
                }
                lines.append("| " + row + " |")
            }
        }
        if !report.unusedAcknowledgements.isEmpty {
            lines += ["", "Acknowledgements that match no change (remove them): " + report.unusedAcknowledgements.map { "`\(escape($0))`" }.joined(separator: ", ")]
        }
        if blocking > 0 {
            lines += ["", "Make each ❌ change safe, or acknowledge it in `keel.yaml` under `acknowledged:` (`- { change: CODE@place, reason: ... }`) so the decision is reviewed here."]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Table cells may not hold `|` or line breaks.
    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
