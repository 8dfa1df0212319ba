import Foundation

/// What the generation cache compares of files on disk, read with `lstat` and `readdir` directly: Foundation's
/// attribute dictionaries cost more than the rest of an unchanged run with a thousand outputs.
enum FileState {
    /// `size:modification-time` of `path` (the link itself for a symbolic link), or a marker when it is missing.
    static func of(_ path: String) -> String {
        var status = stat()
        guard lstat(path, &status) == 0 else { return "-1:-1" }
        #if canImport(Darwin)
        let time = status.st_mtimespec
        #else
        let time = status.st_mtim
        #endif
        let modified = Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        return "\(status.st_size):\(modified)"
    }

    /// Every entry under `directory`, relative to it, with whether it is a directory (not following links),
    /// in no particular order.
    static func entries(under directory: String) -> [(path: String, isDirectory: Bool)] {
        var found: [(String, Bool)] = []
        var pending = [""]
        while let relative = pending.popLast() {
            guard let stream = opendir(relative.isEmpty ? directory : directory + "/" + relative) else { continue }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                guard name != ".", name != ".." else { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var isDirectory = Int32(entry.pointee.d_type) == Int32(DT_DIR)
                if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                    var status = stat()
                    isDirectory = lstat(directory + "/" + path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
                }
                found.append((path, isDirectory))
                if isDirectory { pending.append(path) }
            }
        }
        return found
    }
}
