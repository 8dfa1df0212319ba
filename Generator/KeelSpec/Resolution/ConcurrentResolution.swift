extension SpecResolver {
    /// Below this many items for each core, a section is resolved on the calling thread: starting workers would cost more.
    static let concurrencyThreshold = 64

    /// `resolve` applied to every item of a section, on every core (`DiagnosedWork`): each run of items is read by a
    /// resolver of its own, sharing this one's index and settings, read-only.
    func resolveEach<Item, Resolved>(_ items: [Item], _ resolve: (SpecResolver, Item) -> Resolved) -> [Resolved] {
        DiagnosedWork.map(items, perWorker: Self.concurrencyThreshold, into: diagnostics,
                          makeWorker: { SpecResolver(sharing: self, diagnostics: $0) }, resolve)
    }
}
