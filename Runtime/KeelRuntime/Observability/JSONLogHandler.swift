import Foundation
import Logging

/// One JSON object per line on standard output: `{"ts", "level", "logger", "message", ...metadata}`,
/// keys sorted, so log collectors parse it without configuration.
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let label: String

    public init(label: String) {
        self.label = label
        _ = Self.ignoreBrokenPipes
    }

    /// A closed standard output (its reader gone) must not kill the service: without this a write to it raises
    /// SIGPIPE, whose default ends the process; ignored, the write fails with EPIPE and the line is dropped.
    private static let ignoreBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [String: String] = [:]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            fields[key] = "\(value)"
        }
        if let error = event.error { fields["error"] = String(reflecting: error) }
        fields["ts"] = DatabaseTimestamp.iso8601(Date())
        fields["level"] = event.level.rawValue
        fields["logger"] = label
        fields["message"] = event.message.description
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var line = try? encoder.encode(fields) else { return }
        line.append(UInt8(ascii: "\n"))
        Self.emit(line)
    }

    /// Writes the line to standard output, dropping what cannot be written (EPIPE, a full disk): a service never
    /// stops for its log, where `FileHandle.write` traps on any error.
    private static func emit(_ line: Data) {
        line.withUnsafeBytes { bytes in
            guard let start = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                let written = write(STDOUT_FILENO, start + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }
}
