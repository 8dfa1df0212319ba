import Foundation

/// A value computed on a thread of its own while the caller does other work (the migration history read while the
/// spec loads). A thread rather than the global queue, which with its workers busy started queued work late.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Value?

    init(_ compute: @escaping @Sendable () -> Value) {
        Thread { [self] in
            result = compute()
            done.signal()
        }.start()
    }

    /// The value, once computed.
    func value() -> Value {
        done.wait()
        defer { done.signal() }
        return result!
    }
}
