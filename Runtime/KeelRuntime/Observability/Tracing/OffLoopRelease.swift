import Dispatch
import NIOPosix

/// Holds a value whose release must not run on an event loop thread, and releases it on a Dispatch thread when the
/// last reference goes there.
///
/// swift-otel's exporter shuts its HTTP client down in its `deinit` with `syncShutdown()`, which traps on an event
/// loop thread. A stopping Hummingbird server drops its responder, and with it the middleware's tracer, on one.
final class OffLoopRelease<Value: Sendable>: Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }

    deinit {
        guard MultiThreadedEventLoopGroup.currentEventLoop != nil else { return }
        let value = self.value
        DispatchQueue.global().async { withExtendedLifetime(value) {} }
    }
}
