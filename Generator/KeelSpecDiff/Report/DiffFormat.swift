import Foundation

/// How `keel diff` prints its report.
public enum DiffFormat: String, CaseIterable, Sendable {
    /// One line per change, like compiler diagnostics.
    case text
    /// For tools.
    case json
    /// For a pull-request comment.
    case markdown

    public func render(_ report: DiffReport) -> String {
        switch self {
        case .text: TextReport.render(report)
        case .json: JSONReport.render(report)
        case .markdown: MarkdownReport.render(report)
        }
    }
}

/// `path:line:col: class CODE@place: message`, then the counts, the version and the verdict.
enum TextReport {
    static func render(_ report: DiffReport) -> String {
        var lines = report.entries.map { entry in
            let change = entry.change
            let note = entry.acknowledgedBecause.map { " (acknowledged: \($0))" } ?? ""
            return "\(change.shownLocation): \(change.changeClass.rawValue) \(change.reference): \(change.message)\(note)"
        }
        lines += report.unusedAcknowledgements.map { "keel: note: acknowledgement \($0) matches no change; remove it" }
        lines.append("keel: \(report.from) -> \(report.to): \(report.countsSummary)")
        lines.append("keel: \(report.version.summary)")
        if !report.blocking.isEmpty {
            lines.append("keel: \(report.blocking.count) breaking change\(report.blocking.count == 1 ? " is" : "s are") not acknowledged; make \(report.blocking.count == 1 ? "it" : "them") safe, or acknowledge with --allow CODE@place or an 'acknowledged:' entry in keel.yaml with a reason")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The report as one JSON object, keys sorted, for tools.
enum JSONReport {
    private struct Document: Encodable {
        struct Change: Encodable {
            var code: String
            var `class`: String
            var bump: String
            var subject: String
            var location: String
            var inOldSpec: Bool
            var message: String
            var acknowledged: String?
        }

        var from: String
        var to: String
        var fails: Bool
        var counts: [String: Int]
        var changes: [Change]
        var version: [String: String]
        var versionSufficient: Bool
        var unusedAcknowledgements: [String]
    }

    static func render(_ report: DiffReport) -> String {
        var version = ["old": report.version.old, "new": report.version.new, "required": report.version.required.description]
        version["actual"] = report.version.actual?.description
        version["suggested"] = report.version.suggested
        let document = Document(
            from: report.from, to: report.to, fails: report.fails,
            counts: Dictionary(uniqueKeysWithValues: ChangeClass.allCases.map { ($0.rawValue, report.count($0)) }),
            changes: report.entries.map { entry in
                let change = entry.change
                return .init(code: change.code, class: change.changeClass.rawValue, bump: change.bump.description, subject: change.subject,
                             location: change.location.description, inOldSpec: change.inOldSpec, message: change.message, acknowledged: entry.acknowledgedBecause)
            },
            version: version, versionSufficient: report.version.isSufficient, unusedAcknowledgements: report.unusedAcknowledgements
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(document)) ?? Data(), as: UTF8.self) + "\n"
    }
}
