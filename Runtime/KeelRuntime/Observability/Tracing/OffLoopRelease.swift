import Dispatch
import NIOPosix

/// Holds a value whose release must not run on an event loop thread, and releases it on a Dispatch thread when the
/// last reference goes there.
///
/// swift-otel's exporter shuts its HTTP client down in its `deinit` with `syncShutdown()`, which traps on an event
/// loop thread. A stopping Hummingbird server drops its responder, and with it the middleware's tracer, on one.
final class OffLoopRelease<Value: Sendable>: Sendable {
    private final class Box: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// Only the deinit writes it, when no other reference is left; until then it is never nil.
    private nonisolated(unsafe) var box: Box?

    var value: Value { box.unsafelyUnwrapped.value }

    init(_ value: Value) {
        box = Box(value)
    }

    /// Moves the box's last reference to a Dispatch thread. Nothing on this thread may still hold the box when that
    /// thread releases it: a copy kept here (a local, or the stored property) could be released last, on the loop.
    deinit {
        guard MultiThreadedEventLoopGroup.currentEventLoop != nil else { return }
        let last = box.map { Unmanaged.passRetained($0) }
        box = nil
        DispatchQueue.global().async { last?.release() }
    }
}
