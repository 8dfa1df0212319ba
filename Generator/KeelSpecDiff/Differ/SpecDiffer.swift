import KeelSpec

/// Compares two resolved specs: every change, classed by whom it breaks (clients, running replicas, data).
///
/// Pure: reads the two models only. Changes come in file order of the new spec, those located in the old spec
/// last.
public enum SpecDiffer {
    public static func diff(old: Spec, new: Spec) -> [SpecChange] {
        let context = DiffContext(old: old, new: new)
        context.diffService()
        context.diffLicensing()
        context.diffTables()
        context.diffTypes()
        context.diffResources()
        context.diffCustomEndpoints()
        context.diffConfigAndGateway()
        context.diffData()
        return context.log.changes.enumerated().sorted { a, b in
            let (l, r) = (a.element, b.element)
            if l.inOldSpec != r.inOldSpec { return !l.inOldSpec }
            return l.location == r.location ? a.offset < b.offset : l.location < r.location
        }.map(\.element)
    }
}

/// What every part of the differ reads: both specs, the API surface, and the log it writes to.
final class DiffContext {
    let old: Spec
    let new: Spec
    let surface: ApiSurface
    let log = ChangeLog()

    init(old: Spec, new: Spec) {
        self.old = old
        self.new = new
        surface = ApiSurface(old: old, new: new)
    }

    /// Elements by key; the first wins (the validator rejects duplicates anyway).
    static func index<Element>(_ elements: [Element], by key: (Element) -> String) -> [String: Element] {
        Dictionary(elements.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
    }

    func add(_ code: ChangeCode, _ message: String, subject: String, at place: Place) {
        log.add(code, message, subject: subject, at: place)
    }
}

/// Quoted, comma-separated names for messages: `'a', 'b'`.
func quoted(_ names: [String]) -> String {
    names.map { "'\($0)'" }.joined(separator: ", ")
}
