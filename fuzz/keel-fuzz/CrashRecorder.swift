import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Keeps the input under test ready to be saved when the process dies on it (a trap, a bad access) or a run
/// takes too long or too much memory, so every failure leaves a case to replay.
///
/// Before each run the input is serialized into a plain buffer; a signal handler writes it out with
/// `mkdir`/`open`/`write`, which are safe in a signal handler, then lets the signal end the process.
enum CrashRecorder {
    /// Operations for the handler: 1 = mkdir(path), 2 = write file(path, bytes), 3 = print(bytes), 0 = end.
    nonisolated(unsafe) private static var record: UnsafeMutableRawPointer?
    /// The actions in place before ours, indexed by signal number, restored before the signal ends the process.
    nonisolated(unsafe) private static var previous: UnsafeMutablePointer<sigaction>?
    private static let lock = NSLock()
    nonisolated(unsafe) private static var runStart: UInt64?
    private static let signals = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]

    /// Installs the signal handlers (on a stack of their own, so a stack overflow is caught too) and the watchdog.
    static func install(timeoutSeconds: Double, maxMemoryMB: Int) {
        let stackSize = 1 << 20
        var stack = stack_t()
        stack.ss_sp = malloc(stackSize)
        stack.ss_size = stackSize
        sigaltstack(&stack, nil)
        previous = .allocate(capacity: 65)
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                CrashRecorder.dump(printing: true)
                // The handler before ours (Swift's backtracer) reports the crash; should it return, the process still ends.
                sigaction(signal, CrashRecorder.previous! + Int(signal), nil)
                raise(signal)
                _exit(128 + signal)
            }
            // SA_NODEFER: the raise above reaches the previous handler at once, not after ours returns.
            action.sa_flags = SA_ONSTACK | SA_NODEFER
            sigaction(signal, &action, previous! + Int(signal))
        }
        Thread.detachNewThread { watch(timeoutSeconds: timeoutSeconds, maxMemoryMB: maxMemoryMB) }
    }

    /// Makes `input` the case saved (as directory `directory`, when given) if the next run fails; `message` is printed then.
    static func arm(_ input: FuzzCase, directory: String?, message: String) {
        var buffer: [UInt8] = []
        func append(_ op: UInt8, _ bytes: [UInt8]) {
            buffer.append(op)
            withUnsafeBytes(of: UInt64(bytes.count)) { buffer += $0 }
            buffer += bytes
        }
        if let directory {
            append(1, Array(directory.utf8) + [0])
            for file in input.diskFiles {
                append(2, Array((directory + "/" + file.name).utf8) + [0])
                withUnsafeBytes(of: UInt64(file.bytes.count)) { buffer += $0 }
                buffer += file.bytes
            }
        }
        append(3, Array((message + "\n").utf8))
        buffer.append(0)
        let fresh = UnsafeMutableRawPointer.allocate(byteCount: buffer.count, alignment: 8)
        buffer.withUnsafeBytes { fresh.copyMemory(from: $0.baseAddress!, byteCount: buffer.count) }
        lock.withLock {
            record?.deallocate()
            record = fresh
            runStart = DispatchTime.now().uptimeNanoseconds
        }
    }

    /// The run ended: the watchdog stops timing it.
    static func disarm() {
        lock.withLock { runStart = nil }
    }

    /// Writes out the armed input, and its message when `printing`; only calls that are safe in a signal handler.
    private static func dump(printing: Bool) {
        guard var cursor = record.map(UnsafeRawPointer.init) else { return }
        func chunk() -> (UnsafeRawPointer, Int) {
            let length = Int(cursor.loadUnaligned(as: UInt64.self))
            defer { cursor += 8 + length }
            return (cursor + 8, length)
        }
        func writeAll(_ fd: Int32, _ start: UnsafeRawPointer, _ length: Int) {
            var done = 0
            while done < length {
                let written = write(fd, start + done, length - done)
                if written <= 0 { return }
                done += written
            }
        }
        while true {
            let op = cursor.load(as: UInt8.self)
            cursor += 1
            switch op {
            case 1:
                let (path, _) = chunk()
                mkdir(path.assumingMemoryBound(to: CChar.self), 0o755)
            case 2:
                let (path, _) = chunk()
                let (bytes, length) = chunk()
                let fd = open(path.assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                if fd >= 0 {
                    writeAll(fd, bytes, length)
                    close(fd)
                }
            case 3:
                let (bytes, length) = chunk()
                if printing { writeAll(2, bytes, length) }
            default:
                return
            }
        }
    }

    /// Ends the process when a run outlasts the timeout or the process outgrows the memory limit, saving the input first.
    private static func watch(timeoutSeconds: Double, maxMemoryMB: Int) {
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        while true {
            usleep(100_000)
            let residentMB = ((try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8))?
                .split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0) * pageSize >> 20
            lock.withLock {
                guard let start = runStart else { return }
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                guard seconds > timeoutSeconds || residentMB > maxMemoryMB else { return }
                let why = seconds > timeoutSeconds ? "ran longer than \(Int(timeoutSeconds)) s" : "grew to \(residentMB) MB"
                FileHandle.standardError.write(Data("keel-fuzz: HANG: the generator \(why) on the input saved as a crash case\n".utf8))
                dump(printing: false)
                _exit(3)
            }
        }
    }
}
