import Foundation
import KeelSpec

/// Notices changes to a project's inputs (keel.yaml, the spec files, template overrides) by polling their
/// modification times and sizes: portable, and cheap for the few files a spec has.
struct InputWatcher {
    let configPath: String
    private var state: [String: String] = [:]

    init(configPath: String) {
        self.configPath = configPath
        state = Self.state(configPath: configPath)
    }

    var fileCount: Int { state.count }

    /// Returns once an input was changed, added or removed since the last call (or since `init`).
    mutating func waitForChange(interval: TimeInterval = 0.3) {
        while true {
            Thread.sleep(forTimeInterval: interval)
            let now = Self.state(configPath: configPath)
            if now != state {
                state = now
                return
            }
        }
    }

    /// Each input's path -> size and modification time. Read afresh each time: keel.yaml may point elsewhere now.
    private static func state(configPath: String) -> [String: String] {
        var paths = [configPath]
        if case let .success(settings) = ProjectLoader.load(configPath: configPath) {
            paths += SpecLoader.specFiles(at: settings.spec)
            if let templates = settings.templates {
                let names = (FileManager.default.enumerator(atPath: templates)?.allObjects as? [String]) ?? []
                paths += names.map { templates + "/" + $0 }
            }
        }
        var state: [String: String] = [:]
        for path in paths {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
            state[path] = "\(size):\(modified)"
        }
        return state
    }
}
