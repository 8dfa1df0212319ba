import Foundation

/// Runs saved cases again (the regression cases of `fuzz/crashes`), one line each.
enum Replay {
    /// True when every case was accepted or rejected with located diagnostics; a crash ends the process.
    static func run(_ directories: [String], harness: Harness) -> Bool {
        var failures = 0, count = 0
        for directory in directories {
            for (name, input) in FuzzCase.readAll(in: directory) {
                count += 1
                CrashRecorder.arm(input, directory: nil, message: "keel-fuzz: CRASH replaying \(directory)/\(name)")
                let outcome = harness.run(input)
                CrashRecorder.disarm()
                switch outcome {
                case let .accepted(files):
                    say("\(name): accepted, \(files) files rendered")
                case let .rejected(diagnostics):
                    say("\(name): rejected, \(diagnostics.count) located diagnostics, first: \(diagnostics[0])")
                case let .unlocated(diagnostics):
                    failures += 1
                    say("\(name): UNLOCATED: " + (diagnostics.isEmpty ? "refused without a diagnostic" : diagnostics.map(\.description).joined(separator: " | ")))
                }
            }
        }
        say("keel-fuzz: replayed \(count) cases, \(failures) with unlocated diagnostics, 0 crashes, 0 hangs")
        return failures == 0
    }
}
