import KeelSpec

extension DiffContext {
    func diffResources() {
        diffNamed(old.resources, new.resources, by: \.resource) { resource in
            add(.endpointRemoved, "endpoints of resource '\(resource.resource)' (\(resource.path)) removed; clients calling them get 404", subject: "endpoints.\(resource.resource)", at: .old(resource.location))
        } added: { resource in
            add(.endpointAdded, "endpoints of resource '\(resource.resource)' added at \(resource.path)", subject: "endpoints.\(resource.resource)", at: .new(resource.location))
        } changed: { before, resource in
            let subject = "endpoints.\(resource.resource)"
            let place = Place.new(resource.location)
            let what = "resource '\(resource.resource)'"
            if before.path != resource.path {
                add(.endpointMoved, "\(what) moved from \(before.path) to \(resource.path); clients calling the old path get 404", subject: subject, at: place)
            }
            if before.table != resource.table {
                add(.responseChanged, "\(what) now serves table '\(resource.table)' instead of '\(before.table)'; its requests and responses have another shape", subject: subject, at: place)
            }
            for operation in before.operations where !resource.operations.contains(operation) {
                add(.operationRemoved, "\(what): operation '\(operation.rawValue)' removed; clients calling it get 405", subject: "\(subject).\(operation.rawValue)", at: place)
            }
            for operation in resource.operations where !before.operations.contains(operation) {
                add(.operationAdded, "\(what): operation '\(operation.rawValue)' added", subject: "\(subject).\(operation.rawValue)", at: place)
            }
            // Authentication, feature and rate limit belong to the whole resource: compared once, with the reads.
            diffAccess(Access(requiresAuth: before.requiresAuth, roles: before.roles.read, feature: before.feature, rateLimit: before.rateLimit),
                       Access(requiresAuth: resource.requiresAuth, roles: resource.roles.read, feature: resource.feature, rateLimit: resource.rateLimit),
                       what: what, subject: subject, at: place)
            if resource.operations.contains(where: \.writes) {
                diffAccess(Access(requiresAuth: resource.requiresAuth, roles: before.roles.write), Access(requiresAuth: resource.requiresAuth, roles: resource.roles.write),
                           what: "\(what) (writes)", subject: "\(subject).write", at: place)
            }
            diffList(before.list, resource.list, what: what, subject: "\(subject).list", at: place)
        }
    }

    private func diffList(_ old: ResourceEndpoint.ListOptions, _ new: ResourceEndpoint.ListOptions, what: String, subject: String, at place: Place) {
        let removedFilters = old.filter.filter { !new.filter.contains($0) }, removedSorts = old.sort.filter { !new.sort.contains($0) }
        if !removedFilters.isEmpty {
            add(.filterRemoved, "\(what): filter\(removedFilters.count == 1 ? "" : "s") on \(quoted(removedFilters)) removed; list calls using \(removedFilters.count == 1 ? "it" : "them") get 400", subject: subject, at: place)
        }
        if !removedSorts.isEmpty {
            add(.sortRemoved, "\(what): sort on \(quoted(removedSorts)) removed; list calls using \(removedSorts.count == 1 ? "it" : "them") get 400", subject: subject, at: place)
        }
        let added = new.filter.filter { !old.filter.contains($0) }.map { "filter '\($0)'" } + new.sort.filter { !old.sort.contains($0) }.map { "sort '\($0)'" }
        if !added.isEmpty {
            add(.listOptionAdded, "\(what): \(added.joined(separator: ", ")) added", subject: subject, at: place)
        }
        if old.pageSize != new.pageSize {
            add(.defaultChanged, "\(what): default page size \(old.pageSize) -> \(new.pageSize); clients that do not ask for a size get pages of another length", subject: subject, at: place)
        }
        if new.maxPageSize < old.maxPageSize {
            add(.constraintTightened, "\(what): max_page_size \(old.maxPageSize) -> \(new.maxPageSize); larger page requests are rejected with 400", subject: subject, at: place)
        } else if new.maxPageSize > old.maxPageSize {
            add(.constraintLoosened, "\(what): max_page_size \(old.maxPageSize) -> \(new.maxPageSize)", subject: subject, at: place)
        }
    }
}
