extension DiffContext {
    /// Compares two versions of a list of named things (tables, types, fields, endpoints, tiers, ...): `removed`
    /// for each old element whose name is gone, in the old order; then, in the new order, `added` for each new name
    /// and `changed` for each kept element that differs. `removedLast` reports the removed after the others,
    /// which orders a report where they share a place.
    func diffNamed<Element: Equatable>(_ old: [Element], _ new: [Element], by name: (Element) -> String, removedLast: Bool = false,
                                       removed: (Element) -> Void, added: (Element) -> Void, changed: (_ before: Element, _ after: Element) -> Void) {
        let oldElements = Self.index(old, by: name)
        let newNames = Set(new.map(name))
        let gone = old.filter { !newNames.contains(name($0)) }
        if !removedLast { gone.forEach(removed) }
        for element in new {
            if let before = oldElements[name(element)] {
                if before != element { changed(before, element) }
            } else {
                added(element)
            }
        }
        if removedLast { gone.forEach(removed) }
    }
}
