import Foundation

/// Where one generation spent its time, for `keel generate --timings` and the generation benchmark.
public struct GenerationTimings: Sendable {
    /// One emitter's share: its wall-clock seconds and the CPU seconds of the thread it ran on (the emitters run
    /// side by side, so on a busy machine the CPU time says more than the wall clock).
    public struct Emitter: Sendable {
        public var name: String
        public var wall: Double
        public var cpu: Double
    }

    /// Reading the spec and the templates.
    public var loading: Double = 0
    /// Reading the migrations directory.
    public var migrationHistory: Double = 0
    /// Every emitter, start to end (wall clock).
    public var emitting: Double = 0
    /// Each emitter, in the pipeline's order.
    public var emitters: [Emitter] = []

    public init() {}
}

/// Monotonic wall-clock and per-thread CPU seconds.
enum Stopwatch {
    static func wall() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func threadCPU() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The wall-clock seconds `body` took, and its result.
    static func measure<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = wall()
        let result = try body()
        return (result, wall() - start)
    }
}
