import Foundation
import KeelSpec

/// The mutation loop: pick an input from the pool, mutate it, run the generator, keep inputs that showed
/// something new (a message never seen before), save every failure.
struct Fuzzer {
    let options: Options
    let harness: Harness
    var pool: [FuzzCase]
    let seedCount: Int
    /// Inputs the generator accepted: mutants of these reach the emitters, so half the picks come from here.
    var valid: [FuzzCase] = []
    let mutator: Mutator
    var random: SplitMix
    /// Diagnostic messages with names and numbers blanked: a new one means the input reached new code.
    var messages = Set<String>()
    var accepted = 0, rejected = 0, unlocated: [String] = []
    var slowest = 0.0

    init(options: Options, harness: Harness, seeds: [FuzzCase]) {
        self.options = options
        self.harness = harness
        pool = seeds
        seedCount = seeds.count
        mutator = Mutator(seeds: seeds)
        random = SplitMix(seed: options.seed)
    }

    /// Runs the seeds as they are, then mutants, until `--runs` or `--max-seconds`; true when nothing failed.
    mutating func run() -> Bool {
        let start = Date()
        var lastReport = start
        var runs = 0
        while runs < options.runs {
            let elapsed = Date().timeIntervalSince(start)
            if let limit = options.maxSeconds, elapsed >= limit { break }
            if Date().timeIntervalSince(lastReport) >= 10 {
                lastReport = Date()
                report(runs: runs, seconds: elapsed, final: false)
            }
            let base = !valid.isEmpty && random.oneIn(2) ? random.pick(valid) : random.pick(pool)
            let input = runs < seedCount ? pool[runs] : mutator.mutate(base, &random)
            let name = "s\(options.seed)-r\(runs)"
            let directory = options.crashDirectory + "/" + name
            CrashRecorder.arm(input, directory: directory, message: "keel-fuzz: CRASH on input \(runs) (seed \(options.seed)); saved to \(directory)")
            let began = DispatchTime.now().uptimeNanoseconds
            let outcome = harness.run(input)
            CrashRecorder.disarm()
            slowest = max(slowest, Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9)
            runs += 1
            switch outcome {
            case .accepted:
                accepted += 1
                if valid.count < 2_000 { valid.append(input) } else { valid[random.below(valid.count)] = input }
            case let .rejected(diagnostics):
                rejected += 1
                if learn(diagnostics) { keep(input) }
            case let .unlocated(diagnostics):
                unlocated.append(directory)
                try? input.write(to: directory)
                let shown = diagnostics.isEmpty ? "refused without a diagnostic" : diagnostics.map(\.description).joined(separator: "\n  ")
                FileHandle.standardError.write(Data("keel-fuzz: UNLOCATED diagnostic on input \(runs - 1), saved to \(directory):\n  \(shown)\n".utf8))
            }
        }
        report(runs: runs, seconds: Date().timeIntervalSince(start), final: true)
        return unlocated.isEmpty
    }

    private mutating func learn(_ diagnostics: [Diagnostic]) -> Bool {
        var new = false
        for diagnostic in diagnostics where messages.insert(Self.shape(of: diagnostic.message)).inserted {
            new = true
        }
        return new
    }

    /// Adds an input to the pool; a full pool replaces a mutant, never a seed.
    private mutating func keep(_ input: FuzzCase) {
        if pool.count < 5_000 { pool.append(input) } else { pool[seedCount + random.below(pool.count - seedCount)] = input }
    }

    /// The message with quoted names and numbers blanked.
    static func shape(of message: String) -> String {
        var result = "", inQuote = false
        for character in message {
            if character == "'" { inQuote.toggle(); result.append(character); continue }
            if inQuote { continue }
            if character.isNumber { if result.last != "0" { result.append("0") } } else { result.append(character) }
        }
        return result
    }

    private func report(runs: Int, seconds: Double, final: Bool) {
        let rate = seconds > 0 ? Double(runs) / seconds : 0
        let line = String(format: "keel-fuzz: %d inputs in %.1f s (%.1f/s), seed %llu: %d accepted and rendered, %d rejected with located diagnostics, "
            + "%d unlocated, 0 crashes, 0 hangs; slowest input %.2f s; %d message kinds, pool %d",
            runs, seconds, rate, options.seed, accepted, rejected, unlocated.count, slowest, messages.count, pool.count)
        if final { say(line) } else { FileHandle.standardError.write(Data((line + "\n").utf8)) }
    }
}

/// Writes a line to standard output unbuffered, so the output is complete even if the process dies next.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
