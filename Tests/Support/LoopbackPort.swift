import Foundation
import KeelRuntime

/// Ports on 127.0.0.1 for servers a test starts on a port it must know in advance.
public enum LoopbackPort {
    /// A TCP socket bound to a port the kernel picked, not listening: a connection to the port is refused, and no other
    /// socket can take the port while the descriptor is open. Close it, or hand it to a server that listens on it.
    public static func reserve() throws -> (descriptor: CInt, port: Int) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ConfigurationError("cannot open a socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound else {
            let failure = errno
            close(descriptor)
            throw ConfigurationError("cannot bind a loopback port: errno \(failure)")
        }
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// A port nobody listens on now, for a server that binds it itself: another socket may take it first, so prefer
    /// `reserve()` where the server can take a bound socket.
    public static func free() throws -> Int {
        let (descriptor, port) = try reserve()
        close(descriptor)
        return port
    }
}
