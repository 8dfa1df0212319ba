import Foundation

/// Reads keel.yaml's `acknowledged:` list: `- { change: CODE@place, reason: why }`.
enum AcknowledgementReader {
    static func read(_ value: YAMLValue, reader: ValueReader) -> [Acknowledgement] {
        guard let items = value.items else {
            reader.diagnostics.error(value.location, "'acknowledged' must be a list, found \(value.kindDescription)")
            return []
        }
        return items.compactMap { item in
            guard let fields = reader.fields(item, of: "each entry of 'acknowledged'", allowed: ["change", "reason"]),
                  let changeValue = reader.require(fields, "change", in: "an entry of 'acknowledged'"),
                  let reasonValue = reader.require(fields, "reason", in: "an entry of 'acknowledged'"),
                  let change = reader.string(changeValue, "'change'"),
                  let reason = reader.string(reasonValue, "'reason'") else { return nil }
            guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                reader.diagnostics.error(reasonValue.location, "'reason' must say why the change is safe to ship")
                return nil
            }
            guard let acknowledgement = Acknowledgement.parse(change, reason: reason, location: item.location) else {
                reader.diagnostics.error(changeValue.location, "'change' must be CODE@place as keel diff prints it, e.g. API_FIELD_REMOVED@tables.queues.columns.title, found '\(change)'")
                return nil
            }
            return acknowledgement
        }
    }
}
