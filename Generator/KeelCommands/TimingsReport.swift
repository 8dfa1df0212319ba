import Foundation
import KeelGenerator

/// `keel generate --timings`: where a run spent its time, on stderr so the list of written files stays as it was.
enum TimingsReport {
    static func print(_ timings: GenerationTimings, comparing: Double, writing: Double) {
        func seconds(_ value: Double) -> String { String(format: "%7.3f s", value) }
        var lines = [
            "keel: timings (wall clock; emitters run side by side, CPU is the emitter's own thread)",
            "  loading spec and templates   \(seconds(timings.loading))",
            "  reading migrations           \(seconds(timings.migrationHistory))",
            "  emitting                     \(seconds(timings.emitting))",
        ]
        for emitter in timings.emitters {
            let name = emitter.name.padding(toLength: 26, withPad: " ", startingAt: 0)
            lines.append("    \(name) \(seconds(emitter.wall))  CPU \(seconds(emitter.cpu))")
        }
        lines.append("  comparing with disk          \(seconds(comparing))")
        lines.append("  writing                      \(seconds(writing))")
        Console.error(lines.joined(separator: "\n"))
    }
}
