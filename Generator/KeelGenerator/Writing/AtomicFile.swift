import Foundation

/// Replaces a file atomically (a temporary file beside it, then a rename) without waiting for the disk: readers
/// never see half a file, and a file lost to a power cut is written again by the next run. `Data.write(.atomic)`
/// syncs each file, which made writing a thousand of them take longer than generating them.
enum AtomicFile {
    struct WriteError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "could not write \(path): \(reason)" }
    }

    /// Writes `contents` to `path`, with the permissions a new file gets (0666 less the umask), as `Data.write` did.
    static func save(_ contents: String, to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = "\(directory)/.\(name).keel-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        var contents = contents
        let written = contents.withUTF8 { bytes -> Bool in
            var offset = 0
            while offset < bytes.count {
                let count = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
        let reason = String(cString: strerror(errno))
        guard close(descriptor) == 0, written, rename(temporary, path) == 0 else {
            let failure = WriteError(path: path, reason: written ? String(cString: strerror(errno)) : reason)
            unlink(temporary)
            throw failure
        }
    }
}
