extension SpecResolver {
    func resolveConfig() -> [ConfigKey] {
        var envs: [String: SourceLocation] = [:]
        return (index.named["config"] ?? []).compactMap { entry in
            guard checkName(entry.name, at: entry.key, what: "config key") else { return nil }
            let what = "config key '\(entry.name)'"
            guard let fields = reader.fields(entry.value, of: what, allowed: ["env", "category", "type", "sensitive", "default", "description"]) else { return nil }
            // Without `env`, the variable is the key in upper case (`smtp_host` -> SMTP_HOST).
            let envValue = fields.present("env") ?? YAMLValue(derived: entry.name.uppercased(), file: entry.key.file, mark: entry.key.node.mark)
            let env = Optional(envValue).flatMap { value in
                reader.string(value, "'env'").flatMap { name -> String? in
                    guard NameRules.isEnvName(name) else {
                        diagnostics.error(value.location, "env '\(name)' must be an UPPER_SNAKE_CASE variable name")
                        return nil
                    }
                    if let first = envs[name] {
                        diagnostics.error(value.location, "env '\(name)' already seeds the config key at \(first)")
                    }
                    envs[name] = envs[name] ?? value.location
                    return name
                }
            }
            let category = fields.present("category")
                .flatMap { reader.keyword($0, "'category'", allowed: ConfigKey.Category.allCases.map(\.rawValue)) }
                .flatMap(ConfigKey.Category.init(rawValue:)) ?? .system
            let type = fields.present("type")
                .flatMap { reader.keyword($0, "'type'", allowed: ConfigKey.ValueType.allCases.map(\.rawValue)) }
                .flatMap(ConfigKey.ValueType.init(rawValue:)) ?? .string
            let sensitive = fields.present("sensitive").flatMap { reader.bool($0, "'sensitive'") } ?? false
            let description = fields.present("description").flatMap { reader.string($0, "config description") }
            let defaultValue = fields.present("default").flatMap { configDefault($0, type: type, what: what) }
            guard let env else { return nil }
            return ConfigKey(key: entry.name, env: env, category: category, type: type, sensitive: sensitive,
                             defaultValue: defaultValue, description: description, location: entry.key.location)
        }
    }

    private func configDefault(_ value: YAMLValue, type: ConfigKey.ValueType, what: String) -> String? {
        switch type {
        case .string: return reader.string(value, "default of \(what)")
        case .integer: return reader.int(value, "default of \(what)").map(String.init)
        case .boolean: return reader.bool(value, "default of \(what)").map { $0 ? "true" : "false" }
        case .json: return JSONText.canonical(value.node)
        }
    }
}
