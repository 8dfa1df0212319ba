import Foundation

/// Writes files so that readers never see half of one, without waiting for the disk: a file lost to a power cut is
/// written again by the next run. `Data.write(.atomic)` syncs each file, which made writing a thousand of them take
/// longer than generating them.
enum AtomicFile {
    struct WriteError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "could not write \(path): \(reason)" }
    }

    /// Creates `path`, which does not exist yet, with the permissions a new file gets (0666 less the umask).
    ///
    /// The bytes go into an unnamed file of the directory (`O_TMPFILE`), which is then linked in under its name: one
    /// directory entry, where a temporary file and a rename make three, and the directory's lock is what threads
    /// writing side by side wait on. Nor can the link replace a file that appeared at `path` since the plan. Where the
    /// file system has no unnamed files, `/proc` is missing or the system is not Linux, it is written as `replace` writes.
    static func create(_ contents: String, at path: String) throws {
        #if os(Linux)
        let directory = (path as NSString).deletingLastPathComponent
        let descriptor = open(directory, O_WRONLY | unnamedFileFlag | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return try replace(path, with: contents) }
        guard writeAll(contents, to: descriptor) else {
            let failure = WriteError(path: path, reason: String(cString: strerror(errno)))
            close(descriptor)
            throw failure
        }
        // linkat(2) names a descriptor through /proc without the privilege AT_EMPTY_PATH needs.
        let failure = linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 ? 0 : errno
        close(descriptor)
        guard failure != 0 else { return }
        if failure == ENOENT, access("/proc/self/fd", F_OK) != 0 { return try replace(path, with: contents) }
        if failure == EEXIST { throw WriteError(path: path, reason: "a file appeared there while Keel was generating; it was left as it is (run Keel again)") }
        throw WriteError(path: path, reason: String(cString: strerror(failure)))
        #else
        try replace(path, with: contents)
        #endif
    }

    /// Replaces `path` (or creates it) with `contents`: a temporary file beside it, then a rename over it.
    static func replace(_ path: String, with contents: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = "\(directory)/.\(name).keel-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        let written = writeAll(contents, to: descriptor)
        let reason = String(cString: strerror(errno))
        guard close(descriptor) == 0, written, rename(temporary, path) == 0 else {
            let failure = WriteError(path: path, reason: written ? String(cString: strerror(errno)) : reason)
            unlink(temporary)
            throw failure
        }
    }

    #if os(Linux)
    /// `O_TMPFILE`: Glibc's macro does not reach Swift. Its value is the same on x86-64 and arm64 (`O_DIRECTORY`
    /// differs, so it comes from Glibc).
    private static let unnamedFileFlag: Int32 = 0o20000000 | O_DIRECTORY
    #endif

    /// Writes all of `contents`, retrying short and interrupted writes; false with `errno` set on failure.
    private static func writeAll(_ contents: String, to descriptor: Int32) -> Bool {
        var contents = contents
        return contents.withUTF8 { bytes -> Bool in
            var offset = 0
            while offset < bytes.count {
                let count = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
    }
}
