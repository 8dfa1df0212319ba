import Foundation

/// Reads keel.yaml's `dependencies:`: `{ inventory: { spec: ../inventory/keel.yaml, credentials: forward, required: true } }`.
enum DependencyReader {
    static func read(_ value: YAMLValue, reader: ValueReader, absolute: (String) -> String) -> [ServiceDependency] {
        guard let entries = value.entries else {
            reader.diagnostics.error(value.location, "'dependencies' must be a mapping of service names to { spec: path/to/keel.yaml }, found \(value.kindDescription)")
            return []
        }
        let dependencies = entries.compactMap { entry -> ServiceDependency? in
            let what = "dependencies.\(entry.key)"
            guard Self.isName(entry.key) else {
                reader.diagnostics.error(entry.keyValue.location, "dependency name '\(entry.key)' must be snake_case (a-z, 0-9, _; a letter first), e.g. inventory")
                return nil
            }
            guard let fields = reader.fields(entry.value, of: what, allowed: ["spec", "credentials", "required"]) else { return nil }
            // Read before `spec` is required, so one run reports both mistakes.
            var credentials = ServiceDependency.Credentials.forward
            if let value = fields.present("credentials"),
               let keyword = reader.keyword(value, "\(what).credentials", allowed: ServiceDependency.Credentials.allCases.map(\.rawValue)) {
                credentials = ServiceDependency.Credentials(rawValue: keyword) ?? .forward
            }
            let required = fields.present("required").flatMap { reader.bool($0, "\(what).required") } ?? false
            guard let specValue = reader.require(fields, "spec", in: what), let spec = reader.string(specValue, "\(what).spec") else { return nil }
            // A directory names the keel.yaml inside it.
            var config = absolute(spec)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: config, isDirectory: &isDirectory), isDirectory.boolValue {
                config += "/" + ProjectLoader.fileName
            }
            guard FileManager.default.fileExists(atPath: config) else {
                reader.diagnostics.error(specValue.location, "\(what).spec: no keel.yaml at \(config); name the keel.yaml of the service this one calls")
                return nil
            }
            return ServiceDependency(name: entry.key, config: config, credentials: credentials, required: required, location: entry.keyValue.location)
        }
        return dependencies.sorted { $0.name < $1.name }
    }

    private static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
