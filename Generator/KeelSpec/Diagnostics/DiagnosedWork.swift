import Foundation

/// Work over the items of a spec on every core that reports as one thread would: the results, and the diagnostics
/// of each run of items, come back in the items' order.
///
/// Loading runs before any emitter, so it is the one phase of a generation where the other cores wait.
enum DiagnosedWork {
    /// `body` applied to every item. Each run of items gets a worker of its own from `makeWorker`, given a collector
    /// of its own; the runs' diagnostics are appended to `diagnostics` afterwards, run by run. With fewer than
    /// `perWorker` items for each of two cores, everything runs on the calling thread with one worker on `diagnostics`.
    static func map<Item, Worker, Result>(_ items: [Item], perWorker: Int, into diagnostics: DiagnosticCollector,
                                          makeWorker: (DiagnosticCollector) -> Worker, _ body: (Worker, Item) -> Result) -> [Result] {
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, items.count / perWorker)
        guard workers > 1 else {
            let worker = makeWorker(diagnostics)
            return items.map { body(worker, $0) }
        }
        // More runs than workers, so a run of slow items does not leave the other cores idle.
        let count = min(items.count, workers * 4)
        return withoutActuallyEscaping(makeWorker) { makeWorker in
            withoutActuallyEscaping(body) { body in
                let runs = Runs(items: items, count: count) { range in
                    let collector = DiagnosticCollector()
                    let worker = makeWorker(collector)
                    return (items[range].map { body(worker, $0) }, collector.diagnostics)
                }
                DispatchQueue.concurrentPerform(iterations: count) { runs.run($0) }
                return runs.merged(into: diagnostics)
            }
        }
    }

    /// The runs of one `map`, filled from concurrent threads. Unchecked: while they run, the items and what the
    /// closures capture are only read; each run writes its own slot, under the lock.
    private final class Runs<Item, Result>: @unchecked Sendable {
        private let items: [Item]
        private let count: Int
        private let work: (Range<Int>) -> ([Result], [Diagnostic])
        private let lock = NSLock()
        private var done: [([Result], [Diagnostic])?]

        init(items: [Item], count: Int, work: @escaping (Range<Int>) -> ([Result], [Diagnostic])) {
            self.items = items
            self.count = count
            self.work = work
            done = Array(repeating: nil, count: count)
        }

        /// Does the `run`th of `count` equal parts of the items.
        func run(_ run: Int) {
            let outcome = work(items.count * run / count ..< items.count * (run + 1) / count)
            lock.withLock { done[run] = outcome }
        }

        /// Every run's results in order; their diagnostics appended to `collector` in the same order.
        func merged(into collector: DiagnosticCollector) -> [Result] {
            lock.withLock {
                done.flatMap { run -> [Result] in
                    guard let (results, diagnostics) = run else { preconditionFailure("concurrentPerform returned before every run finished") }
                    collector.append(diagnostics)
                    return results
                }
            }
        }
    }
}
