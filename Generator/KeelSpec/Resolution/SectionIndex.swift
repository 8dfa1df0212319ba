/// The top-level sections of every spec file merged into one place, with duplicates reported.
///
/// Each section may be split across files. Named sections (tables, types, ...) merge by name;
/// `endpoints` concatenate; single sections (`service`, `gateway`, ...) may appear in one file only.
struct SectionIndex {
    /// A named entry of a mapping section, e.g. one table.
    struct Named {
        let name: String
        let key: YAMLValue
        let value: YAMLValue
    }

    static let singleSections = ["keel", "service", "roles", "superuser", "gateway"]
    static let namedSections = ["tiers", "features", "tables", "types", "config"]
    static let listSections = ["endpoints"]
    static let allSections = ["keel", "service", "tiers", "features", "roles", "superuser", "tables", "endpoints", "types", "config", "gateway"]

    private(set) var singles: [String: YAMLValue.Entry] = [:]
    private(set) var named: [String: [Named]] = [:]
    /// `section.name` -> its definition, to name the first place of a duplicate.
    private var firstDefinitions: [String: Named] = [:]
    private(set) var lists: [String: [YAMLValue]] = [:]
    /// Names of each named section, in order and as a set: resolution asks for them once per reference.
    private var nameLists: [String: [String]] = [:]
    private var nameSets: [String: Set<String>] = [:]

    init(roots: [YAMLValue], reader: ValueReader) {
        let diagnostics = reader.diagnostics
        for root in roots {
            guard let fields = reader.fields(root, of: "the spec", allowed: Self.allSections) else { continue }
            for entry in fields.entries {
                if Self.singleSections.contains(entry.key) {
                    if let first = singles[entry.key] {
                        diagnostics.error(entry.keyValue.location, "'\(entry.key)' is defined twice; first at \(first.keyValue.location)")
                    } else {
                        singles[entry.key] = entry
                    }
                } else if Self.listSections.contains(entry.key) {
                    if entry.value.isNull { continue }
                    guard let items = entry.value.items else {
                        diagnostics.error(entry.value.location, "'\(entry.key)' must be a list, found \(entry.value.kindDescription)")
                        continue
                    }
                    lists[entry.key, default: []] += items
                } else {
                    add(entry, diagnostics: diagnostics)
                }
            }
        }
        for (section, entries) in named {
            nameLists[section] = entries.map(\.name)
            nameSets[section] = Set(entries.map(\.name))
        }
    }

    private mutating func add(_ section: YAMLValue.Entry, diagnostics: DiagnosticCollector) {
        if section.value.isNull { return }
        guard let entries = section.value.entries else {
            diagnostics.error(section.value.location, "'\(section.key)' must be a mapping of names, found \(section.value.kindDescription)")
            return
        }
        let noun = Self.noun(of: section.key)
        for entry in entries {
            if let first = firstDefinitions[section.key + "." + entry.key] {
                diagnostics.error(entry.keyValue.location, "\(noun) '\(entry.key)' is defined twice; first at \(first.key.location)")
                continue
            }
            let definition = Named(name: entry.key, key: entry.keyValue, value: entry.value)
            named[section.key, default: []].append(definition)
            firstDefinitions[section.key + "." + entry.key] = definition
        }
    }

    static func noun(of section: String) -> String {
        switch section {
        case "tiers": "tier"
        case "features": "feature"
        case "tables": "table"
        case "types": "type"
        default: "config key"
        }
    }

    func names(_ section: String) -> [String] { nameLists[section, default: []] }

    func contains(_ section: String, _ name: String) -> Bool { nameSets[section]?.contains(name) ?? false }
}
