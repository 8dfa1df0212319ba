import Logging
import Synchronization

/// Every line a service logs, kept for a test to read: message and metadata (the logger's and the line's).
public final class CapturedLog: Sendable {
    public struct Line: Sendable {
        public var level: Logger.Level
        public var message: String
        public var metadata: [String: String]
    }

    private let lines = Mutex<[Line]>([])

    public init() {}

    /// A logger at debug level writing here.
    public func logger(label: String) -> Logger {
        var logger = Logger(label: label) { _ in Handler(log: self) }
        logger.logLevel = .debug
        return logger
    }

    public var all: [Line] { lines.withLock { $0 } }

    /// The lines logged under the trace id `traceID`.
    public func lines(traceID: String) -> [Line] {
        all.filter { $0.metadata["trace_id"] == traceID }
    }

    fileprivate func append(_ line: Line) {
        lines.withLock { $0.append(line) }
    }

    private struct Handler: LogHandler {
        let log: CapturedLog
        var logLevel: Logger.Level = .debug
        var metadata: Logger.Metadata = [:]

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }.mapValues { "\($0)" }
            log.append(Line(level: event.level, message: event.message.description, metadata: merged))
        }
    }
}
