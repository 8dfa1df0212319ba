import Foundation

/// The command line of `keel-fuzz`.
struct Options {
    var runs = 100_000
    var seed: UInt64 = 1
    var maxSeconds: Double?
    var timeout = 10.0
    var maxMemoryMB = 4096
    var root = "."
    var crashes: String?
    var replay: [String] = []

    static let usage = """
        usage: keel-fuzz [--runs N] [--seed S] [--max-seconds T] [--timeout T] [--max-memory-mb M] [--root DIR] [--crashes DIR]
               keel-fuzz --replay DIR [--replay DIR ...]
        Mutates the repository's specs and runs the generator on each (validation, then every output in memory).
        Fails on a crash (the process dies on the signal), a run over --timeout seconds (exit 3), or a diagnostic
        without a file:line:col in the input (exit 1). Each failing input is saved under --crashes (default
        ROOT/fuzz/crashes). --replay runs every case of DIR (a .yaml file or a directory of them) instead.
        """

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        func value(_ flag: String) throws -> String {
            guard let next = rest.popFirst() else { throw UsageError("\(flag) needs a value") }
            return next
        }
        func number<T: LosslessStringConvertible>(_ flag: String) throws -> T {
            let text = try value(flag)
            guard let number = T(text) else { throw UsageError("\(flag): '\(text)' is not a number") }
            return number
        }
        while let flag = rest.popFirst() {
            switch flag {
            case "--runs": runs = try number(flag)
            case "--seed": seed = try number(flag)
            case "--max-seconds": maxSeconds = try number(flag)
            case "--timeout": timeout = try number(flag)
            case "--max-memory-mb": maxMemoryMB = try number(flag)
            case "--root": root = try value(flag)
            case "--crashes": crashes = try value(flag)
            case "--replay": replay.append(try value(flag))
            case "-h", "--help": throw UsageError(nil)
            default: throw UsageError("unknown option \(flag)")
            }
        }
    }

    var crashDirectory: String { crashes ?? root + "/fuzz/crashes" }
}

struct UsageError: Error {
    let message: String?
    init(_ message: String?) { self.message = message }
}
