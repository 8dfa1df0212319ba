import KeelSpec

extension DiffContext {
    func diffCustomEndpoints() {
        diffNamed(old.customEndpoints, new.customEndpoints, by: \.name) { endpoint in
            add(.endpointRemoved, "endpoint '\(endpoint.name)' (\(endpoint.method.rawValue) \(endpoint.path)) removed; clients calling it get 404", subject: "endpoints.\(endpoint.name)", at: .old(endpoint.location))
        } added: { endpoint in
            add(.endpointAdded, "endpoint '\(endpoint.name)' added at \(endpoint.method.rawValue) \(endpoint.path)", subject: "endpoints.\(endpoint.name)", at: .new(endpoint.location))
        } changed: { before, endpoint in
            let subject = "endpoints.\(endpoint.name)"
            let place = Place.new(endpoint.location)
            let what = "endpoint '\(endpoint.name)'"
            if before.method != endpoint.method {
                add(.methodChanged, "\(what): method \(before.method.rawValue) -> \(endpoint.method.rawValue); clients using the old method get 405", subject: subject, at: place)
            }
            if before.path != endpoint.path {
                add(.endpointMoved, "\(what) moved from \(before.path) to \(endpoint.path); clients calling the old path get 404", subject: subject, at: place)
            }
            diffAccess(Access(requiresAuth: before.requiresAuth, roles: before.roles, feature: before.feature, rateLimit: before.rateLimit),
                       Access(requiresAuth: endpoint.requiresAuth, roles: endpoint.roles, feature: endpoint.feature, rateLimit: endpoint.rateLimit),
                       what: what, subject: subject, at: place)
            diffParameters(before.params, endpoint.params, kind: "path parameter", what: what, subject: "\(subject).params", at: place)
            diffParameters(before.query, endpoint.query, kind: "query parameter", what: what, subject: "\(subject).query", at: place)
            diffPayload(before.body, endpoint.body, code: .bodyChanged, noun: "body", usage: .request, what: what, subject: "\(subject).body", at: place)
            diffPayload(before.response, endpoint.response, code: .responseChanged, noun: "response", usage: .response, what: what, subject: "\(subject).response", at: place)
            if before.description != endpoint.description {
                add(.descriptionChanged, "\(what): description changed", subject: subject, at: place)
            }
        }
    }

    private func diffParameters(_ old: [CustomEndpoint.Parameter], _ new: [CustomEndpoint.Parameter], kind: String, what: String, subject prefix: String, at place: Place) {
        diffNamed(old, new, by: \.name) { parameter in
            add(.paramRemoved, "\(what): \(kind) '\(parameter.name)' removed; clients sending it lose what it did", subject: "\(prefix).\(parameter.name)", at: place)
        } added: { parameter in
            let name = "\(what): \(kind) '\(parameter.name)'"
            if parameter.required {
                add(.requiredParamAdded, "\(name) added as required; clients that do not send it get 400", subject: "\(prefix).\(parameter.name)", at: place)
            } else {
                add(.paramAdded, "\(name) added", subject: "\(prefix).\(parameter.name)", at: place)
            }
        } changed: { before, parameter in
            let subject = "\(prefix).\(parameter.name)"
            let name = "\(what): \(kind) '\(parameter.name)'"
            if before.type != parameter.type {
                add(.paramRetyped, "\(name) retyped from \(before.type.rawValue) to \(parameter.type.rawValue); clients sending the old type get 400", subject: subject, at: place)
            }
            if !before.required, parameter.required {
                add(.paramRequired, "\(name) is now required; clients that leave it out get 400", subject: subject, at: place)
            } else if before.required, !parameter.required {
                add(.fieldOptional, "\(name) is now optional", subject: subject, at: place)
            }
            diffBounds(before.bounds, parameter.bounds, what: name, subject: subject, usage: .request, at: place)
            if before.description != parameter.description {
                add(.descriptionChanged, "\(name): description changed", subject: subject, at: place)
            }
        }
    }

    /// A body or response: its fields are compared where their type is (tables, `types:`); here only what it is.
    private func diffPayload(_ old: TypeReference?, _ new: TypeReference?, code: ChangeCode, noun: String, usage: Usage, what: String, subject: String, at place: Place) {
        switch (old, new) {
        case let (nil, after?):
            add(code, "\(what) now has a \(noun) (\(Self.describe(after))) where it had none", subject: subject, at: place)
        case let (before?, nil):
            add(code, "\(what) no longer has a \(noun) (was \(Self.describe(before)))", subject: subject, at: place)
        case let (before?, after?):
            diffReference(before, after, what: "\(what) \(noun)", subject: subject, usage: usage, at: place, code: code)
        case (nil, nil):
            break
        }
    }
}
