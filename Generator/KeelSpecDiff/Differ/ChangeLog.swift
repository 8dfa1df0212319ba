/// The changes found so far, in the order the differ finds them.
final class ChangeLog {
    private(set) var changes: [SpecChange] = []

    func add(_ code: ChangeCode, _ message: String, subject: String, at place: Place) {
        changes.append(SpecChange(code, message, subject: subject, at: place))
    }

    func add(_ change: SpecChange) {
        changes.append(change)
    }
}
