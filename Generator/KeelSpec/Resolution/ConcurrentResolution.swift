import Foundation

extension SpecResolver {
    /// Below this many items a section is resolved on the calling thread: starting workers would cost more.
    static let concurrencyThreshold = 64

    /// `resolve` applied to every item of a section, on all cores, with the results and the diagnostics in the
    /// items' order, as one thread would give them.
    ///
    /// Loading runs before any emitter, so this is the one phase of a generation where the other cores wait. Each
    /// worker reads with a resolver of its own (the index and the settings are shared, read-only) and collects its
    /// own diagnostics, appended to this resolver's afterwards in the order of the items.
    func resolveEach<Item, Resolved>(_ items: [Item], _ resolve: (SpecResolver, Item) -> Resolved) -> [Resolved] {
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, items.count / Self.concurrencyThreshold)
        guard workers > 1 else { return items.map { resolve(self, $0) } }
        return withoutActuallyEscaping(resolve) { resolve in
            // More runs than workers, so a run of slow items does not leave the other cores idle.
            let runs = ResolutionRuns(items: items, count: workers * 4, parent: self, resolve: resolve)
            DispatchQueue.concurrentPerform(iterations: workers * 4) { runs.run($0) }
            return runs.merged(into: diagnostics)
        }
    }
}

/// The runs of one `resolveEach`, filled from concurrent threads. Unchecked: while they run, the items, the parent
/// resolver and what `resolve` captures are only read; each run writes its own slot, under the lock.
private final class ResolutionRuns<Item, Resolved>: @unchecked Sendable {
    private let items: [Item]
    private let parent: SpecResolver
    private let resolve: (SpecResolver, Item) -> Resolved
    private let count: Int
    private let lock = NSLock()
    private var done: [(results: [Resolved], diagnostics: [Diagnostic])?]

    init(items: [Item], count: Int, parent: SpecResolver, resolve: @escaping (SpecResolver, Item) -> Resolved) {
        self.items = items
        self.parent = parent
        self.resolve = resolve
        self.count = count
        done = Array(repeating: nil, count: count)
    }

    /// Resolves the `run`th of `count` equal parts of the items with a worker resolver of its own.
    func run(_ run: Int) {
        let worker = SpecResolver(sharing: parent)
        let range = items.count * run / count ..< items.count * (run + 1) / count
        let results = items[range].map { resolve(worker, $0) }
        lock.withLock { done[run] = (results, worker.diagnostics.diagnostics) }
    }

    /// Every run's results in order; their diagnostics appended to `collector` in the same order.
    func merged(into collector: DiagnosticCollector) -> [Resolved] {
        lock.withLock {
            done.flatMap { run -> [Resolved] in
                guard let run else { preconditionFailure("concurrentPerform returned before every run finished") }
                collector.append(run.diagnostics)
                return run.results
            }
        }
    }
}
