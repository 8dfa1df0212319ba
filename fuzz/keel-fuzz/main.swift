import Foundation
import KeelGenerator
import KeelSpec

// keel-fuzz: a mutation fuzzer over specs. See docs/fuzzing.md.

let options: Options
do {
    options = try Options(Array(CommandLine.arguments.dropFirst()))
} catch let error as UsageError {
    if let message = error.message { FileHandle.standardError.write(Data("keel-fuzz: \(message)\n".utf8)) }
    FileHandle.standardError.write(Data((Options.usage + "\n").utf8))
    exit(error.message == nil ? 0 : 2)
}

let templates: TemplateLibrary
switch TemplateLibrary.load(overrideDirectory: nil) {
case let .success(loaded): templates = loaded
case let .failure(error):
    FileHandle.standardError.write(Data("keel-fuzz: \(error)\n".utf8))
    exit(2)
}
let history: MigrationHistory
switch MigrationHistory.read(directory: options.root + "/specs/example/generated/migrations", displayRelativeTo: options.root) {
case let .success(read): history = read
case let .failure(error):
    FileHandle.standardError.write(Data("keel-fuzz: the example's migrations: \(error)\n".utf8))
    exit(2)
}
let harness = Harness(templates: templates, exampleHistory: history)
CrashRecorder.install(timeoutSeconds: options.timeout, maxMemoryMB: options.maxMemoryMB)

if !options.replay.isEmpty {
    exit(Replay.run(options.replay, harness: harness) ? 0 : 1)
}
let seeds = Seeds.load(root: options.root)
guard !seeds.isEmpty else {
    FileHandle.standardError.write(Data("keel-fuzz: no seed specs under \(options.root); pass --root with the repository\n".utf8))
    exit(2)
}
try? FileManager.default.createDirectory(atPath: options.crashDirectory, withIntermediateDirectories: true)
var fuzzer = Fuzzer(options: options, harness: harness, seeds: seeds)
exit(fuzzer.run() ? 0 : 1)
