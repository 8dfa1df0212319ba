import Foundation
import Synchronization

/// Counts each caller's requests in fixed windows, in the database, so every replica of the service counts
/// against the same limit.
///
/// A database write per request would cost more than the request, so a replica reserves requests in slices: a
/// caller's first request reserves one, each later reservation twice the one before, up to
/// `RateLimit.largestReservation` (a new window starts with the size the last one reached), and the replica
/// admits requests from its slice without asking the database.
/// The shared count grows only by reservations and one never takes more than the limit leaves, so no more than
/// the limit are admitted across replicas; a caller near its limit may be refused by one replica while another
/// still holds part of a slice. Once the count is full the replica refuses the bucket without asking again until
/// the window ends.
final class RateLimiter: Sendable {
    private struct Slice {
        var windowStart: Int64
        var windowEnd: Int64
        /// Reserved and not yet used by this replica.
        var left = 0
        /// The shared count after this replica's last reservation.
        var total = 0
        var nextReservation = 1
        var full = false
        /// The reservation under way; requests that find the slice empty wait for it rather than reserving too,
        /// so a burst does not scatter the limit over reservations that each admit one request.
        var pending: Task<Void, any Error>?
    }

    private enum Step {
        case decided(RateLimitOutcome)
        case wait(Task<Void, any Error>)
    }

    private let store: RateLimitStore
    private let slices = Mutex<[String: Slice]>([:])
    /// When this replica next deletes ended windows (Unix milliseconds).
    private let nextSweep = Atomic<Int64>(0)
    static let sweepInterval: Int64 = 60_000

    init(database: any Database) {
        store = RateLimitStore(database: database)
    }

    /// Counts one request of `bucket` against `limit`; the outcome says whether it may go on.
    func admit(_ bucket: String, limit: RateLimit) async throws -> RateLimitOutcome {
        let length = Int64(limit.period.rawValue) * 1000
        try await sweepIfDue(Self.milliseconds(Date()))
        while true {
            // Read again after each wait: the window may have ended meanwhile.
            let at = Self.milliseconds(Date())
            let start = at / length * length
            let reset = Int((start + length - at + 999) / 1000)
            let step = slices.withLock { slices -> Step in
                var slice = slices[bucket] ?? Slice(windowStart: start, windowEnd: start + length)
                if slice.windowStart != start {
                    // A new window: a caller that needed large reservations in the last one starts with one as large.
                    var next = Slice(windowStart: start, windowEnd: start + length)
                    next.nextReservation = slice.nextReservation
                    slice = next
                }
                defer { slices[bucket] = slice }
                if slice.left > 0 {
                    slice.left -= 1
                    return .decided(Self.outcome(true, slice, limit, reset))
                }
                if slice.full { return .decided(Self.outcome(false, slice, limit, reset)) }
                if let pending = slice.pending { return .wait(pending) }
                let size = slice.nextReservation
                slice.nextReservation = min(size * 2, limit.largestReservation)
                let reservation = Task { try await self.reserve(size, of: bucket, limit: limit, windowStart: start) }
                slice.pending = reservation
                return .wait(reservation)
            }
            switch step {
            case .decided(let outcome): return outcome
            case .wait(let reservation): try await reservation.value
            }
        }
    }

    /// Adds `size` to the shared count and keeps what the limit leaves of it.
    private func reserve(_ size: Int, of bucket: String, limit: RateLimit, windowStart: Int64) async throws {
        let length = Int64(limit.period.rawValue) * 1000
        let total: Int
        do {
            total = try await store.add(size, bucket: bucket, windowStart: windowStart, expiresAt: windowStart + length)
        } catch {
            update(bucket, windowStart) { $0.pending = nil }
            throw error
        }
        let granted = max(0, min(size, limit.requests - (total - size)))
        update(bucket, windowStart) { slice in
            slice.pending = nil
            slice.total = max(slice.total, total)
            slice.left += granted
            if granted == 0 { slice.full = true }
        }
    }

    /// Changes the bucket's slice if it is still of the window.
    private func update(_ bucket: String, _ windowStart: Int64, _ change: (inout Slice) -> Void) {
        slices.withLock { slices in
            guard var slice = slices[bucket], slice.windowStart == windowStart else { return }
            change(&slice)
            slices[bucket] = slice
        }
    }

    private static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    private static func outcome(_ admitted: Bool, _ slice: Slice, _ limit: RateLimit, _ reset: Int) -> RateLimitOutcome {
        RateLimitOutcome(admitted: admitted, limit: limit.requests, remaining: max(0, limit.requests - slice.total) + slice.left, reset: reset)
    }

    /// About once a minute per replica: forgets ended windows here and deletes their rows.
    private func sweepIfDue(_ at: Int64) async throws {
        let due = nextSweep.load(ordering: .relaxed)
        guard at >= due, nextSweep.compareExchange(expected: due, desired: at + Self.sweepInterval, ordering: .relaxed).exchanged else { return }
        slices.withLock { slices in slices = slices.filter { $0.value.windowEnd > at } }
        try await store.sweep(before: at)
    }
}
