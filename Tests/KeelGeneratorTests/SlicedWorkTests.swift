import Foundation
import Testing
@testable import KeelGenerator

/// The slices of an emitter's work, shared between threads: every slice once, the results in slice order.
struct SlicedWorkTests {
    @Test(arguments: [0, 1, 2, 16, 100])
    func resultsComeInSliceOrder(count: Int) {
        // Slices finishing out of order, so a result put in the wrong place would show.
        let results = SlicedWork.map(slices: count) { slice in
            usleep(UInt32((slice * 7919) % 5 * 200))
            return slice * slice
        }
        #expect(results == (0 ..< count).map { $0 * $0 })
    }

    @Test func runsInsideConcurrentPerform() {
        // Where the emitters call it: a helper must not wait for the outer loop's threads.
        let total = LockedSum(0)
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            total.add(SlicedWork.map(slices: 8) { $0 }.reduce(0, +))
        }
        #expect(total.value == 4 * 28)
    }
}

private final class LockedSum: @unchecked Sendable {
    private let lock = NSLock()
    private var sum: Int

    init(_ value: Int) { sum = value }

    func add(_ value: Int) { lock.withLock { sum += value } }

    var value: Int { lock.withLock { sum } }
}
