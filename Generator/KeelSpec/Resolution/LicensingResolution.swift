extension SpecResolver {
    static let defaultTiers = ["community", "professional", "enterprise"]

    func resolveRoles(auth: Service.Auth?) -> [String] {
        guard let entry = index.singles["roles"], !entry.value.isNull else { return Self.defaultRoles }
        guard let list = reader.strings(entry.value, "'roles'") else { return Self.defaultRoles }
        var roles: [String] = []
        for (role, value) in list {
            if !NameRules.isSnakeCase(role) {
                diagnostics.error(value.location, "role '\(role)' must be snake_case")
            } else if roles.contains(role) {
                diagnostics.error(value.location, "role '\(role)' is listed twice")
            } else {
                roles.append(role)
            }
        }
        if auth == Service.Auth.none {
            diagnostics.error(entry.keyValue.location, "'roles' has no meaning when service.auth is none; remove it or set auth to local or jwt")
        }
        return roles
    }

    /// `superuser:`, the role that may do everything and manage users (default `admin`): one of `roles`.
    func resolveSuperuser(roles: [String], auth: Service.Auth?) -> String {
        guard let entry = index.singles["superuser"], !entry.value.isNull else {
            if !roles.contains(Self.defaultSuperuser), let rolesEntry = index.singles["roles"] {
                diagnostics.error(rolesEntry.value.location, "'roles' has no 'admin', the role that may do everything and manage users; add it, or name that role with 'superuser: \(roles.first ?? "owner")'")
            }
            return Self.defaultSuperuser
        }
        guard let name = reader.string(entry.value, "'superuser'") else { return Self.defaultSuperuser }
        if auth == Service.Auth.none {
            diagnostics.error(entry.keyValue.location, "'superuser' has no meaning when service.auth is none; remove it or set auth to local or jwt")
        } else if !roles.contains(name) {
            diagnostics.error(entry.value.location, "superuser '\(name)' is not one of the roles; \(Suggestion.fix(for: name, in: roles, otherwise: "roles are: \(roles.joined(separator: ", "))"))")
        }
        return name
    }

    func resolveTiers(auth: Service.Auth?) -> [Tier] {
        guard let entries = index.named["tiers"] else {
            return Self.defaultTiers.map { Tier(name: $0, limits: [], location: SourceLocation(file: "<default>", line: 1, column: 1)) }
        }
        let tableNames = index.names("tables") + (auth == .local ? ["users"] : [])
        return entries.compactMap { entry in
            guard checkName(entry.name, at: entry.key, what: "tier") else { return nil }
            var limits: [Tier.Limit] = []
            var rate: RateLimit?
            if !entry.value.isNull, let fields = reader.fields(entry.value, of: "tier '\(entry.name)'", allowed: ["limits", "rate_limit", "description"]) {
                if let value = fields.present("description") { _ = reader.string(value, "tier description") }
                rate = fields.present("rate_limit").flatMap { rateLimit($0, of: "tier '\(entry.name)'") }
                if let value = fields.present("limits") {
                    for limit in value.entries ?? [] {
                        guard tableNames.contains(limit.key) else {
                            diagnostics.error(limit.keyValue.location, "tier limit names unknown table '\(limit.key)'\(Suggestion.hint(for: limit.key, in: tableNames))")
                            continue
                        }
                        if let rows = reader.int(limit.value, "limit of '\(limit.key)'", in: 0...Int(Int32.max)) {
                            limits.append(Tier.Limit(table: limit.key, maxRows: rows))
                        }
                    }
                    if value.isMapping == false {
                        diagnostics.error(value.location, "tier limits must be a mapping of table name to row count, found \(value.kindDescription)")
                    }
                }
            }
            return Tier(name: entry.name, limits: limits, location: entry.key.location, rateLimit: rate)
        }
    }

    /// Names that would become the same Swift or TypeScript identifier (`t_1` and `t1` are both `t1`). `owner` names
    /// what holds names that share one location (the values of an enum, the fields of a type).
    func checkIdentifierClashes(_ names: [(String, SourceLocation)], what: String, of owner: String? = nil) {
        var seen: [String: (String, SourceLocation)] = [:]
        for (name, location) in names {
            let identifier = Inflector.lowerCamel(name)
            if let (first, at) = seen[identifier], first != name {
                if let owner {
                    diagnostics.error(location, "\(what)s '\(first)' and '\(name)' of \(owner) both become '\(identifier)' in generated code; rename one")
                } else {
                    diagnostics.error(location, "\(what) '\(name)' and '\(first)' (at \(at)) both become '\(identifier)' in generated code; rename one")
                }
            }
            seen[identifier] = seen[identifier] ?? (name, location)
        }
    }

    func resolveFeatures(tiers: [Tier]) -> [Feature] {
        let tierNames = tiers.map(\.name)
        return (index.named["features"] ?? []).compactMap { entry in
            guard checkName(entry.name, at: entry.key, what: "feature") else { return nil }
            var tierValue = entry.value
            var description: String?
            if entry.value.isMapping {
                guard let fields = reader.fields(entry.value, of: "feature '\(entry.name)'", allowed: ["tier", "description"]),
                      let value = reader.require(fields, "tier", in: "feature '\(entry.name)'") else { return nil }
                tierValue = value
                description = fields.present("description").flatMap { reader.string($0, "feature description") }
            }
            guard let tier = reader.string(tierValue, "the tier of feature '\(entry.name)'") else { return nil }
            guard tierNames.contains(tier) else {
                diagnostics.error(tierValue.location, "feature '\(entry.name)' names unknown tier '\(tier)'\(Suggestion.hint(for: tier, in: tierNames))")
                return nil
            }
            return Feature(name: entry.name, tier: tier, description: description, location: entry.key.location)
        }
    }

    /// Checks a snake_case name; reports and returns false when it is not one.
    func checkName(_ name: String, at value: YAMLValue, what: String) -> Bool {
        guard NameRules.isSnakeCase(name) else {
            diagnostics.error(value.location, "\(what) name '\(name)' must be snake_case (lowercase letters, digits and single underscores)")
            return false
        }
        return true
    }

    /// Checks a list of roles, reporting unknown ones; the superuser is added, since it may do everything.
    func checkRoles(_ value: YAMLValue, roles: [String], what: String) -> [String] {
        var result: [String] = (reader.strings(value, what) ?? []).compactMap { role, item in
            guard roles.contains(role) else {
                diagnostics.error(item.location, "unknown role '\(role)' in \(what); \(Suggestion.fix(for: role, in: roles, otherwise: "roles are: \(roles.joined(separator: ", "))"))")
                return nil
            }
            return role
        }
        if !result.isEmpty, !result.contains(superuser) { result.append(superuser) }
        return result
    }

    /// Checks a reference to a feature; reports unknown ones.
    func checkFeature(_ value: YAMLValue, what: String) -> String? {
        guard let name = reader.string(value, what) else { return nil }
        guard index.contains("features", name) else {
            diagnostics.error(value.location, "\(what) names unknown feature '\(name)'\(Suggestion.hint(for: name, in: index.names("features")))")
            return nil
        }
        return name
    }
}
