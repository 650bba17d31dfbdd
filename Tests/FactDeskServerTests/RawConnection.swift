import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A TCP connection to the server that sends bytes by hand, for requests no HTTP client
/// would send: a bad chunk size, a body cut short, a head sent a line at a time.
///
/// Its blocking calls run on a thread of their own, never on the test's task.
final class RawConnection: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// What the server sent back, and whether it closed the connection.
    struct Answer {
        var text: String
        var closed: Bool
        var elapsed: Duration

        /// The status code of the first response line, or 0 when there is none.
        var status: Int {
            let parts = text.prefix { $0 != "\r" }.split(separator: " ")
            return parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        }
    }

    private let socket: Int32

    init(port: Int) throws {
        #if canImport(Glibc)
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socket >= 0 else { throw Failure(description: "no socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(socket)
            throw Failure(description: "could not connect to port \(port)")
        }
    }

    deinit {
        close(socket)
    }

    /// Sends the bytes; false once the server has closed the connection.
    @discardableResult
    func send(_ text: String) -> Bool {
        send(Array(text.utf8))
    }

    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            #if canImport(Glibc)
            let flags = Int32(MSG_NOSIGNAL)
            #else
            let flags: Int32 = 0
            #endif
            let count = bytes[sent...].withUnsafeBytes { Foundation.send(socket, $0.baseAddress, $0.count, flags) }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    /// Tells the server that nothing more will come (a half-close, as `curl` does on end of input).
    func endSending() {
        shutdown(socket, Int32(SHUT_WR))
    }

    /// Reads until the server closes the connection or `seconds` pass.
    func answer(within seconds: Double) async -> Answer {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: self.read(within: seconds)) }
        }
    }

    private func read(within seconds: Double) -> Answer {
        let clock = ContinuousClock()
        let start = clock.now
        let end = start + .milliseconds(Int(seconds * 1_000))
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while clock.now < end {
            let left = end - clock.now
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(left.components.seconds * 1_000 + left.components.attoseconds / 1_000_000_000_000_000)
            guard poll(&poller, 1, max(milliseconds, 1)) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 {
                return Answer(text: String(decoding: bytes, as: UTF8.self), closed: true, elapsed: clock.now - start)
            }
            bytes += buffer[..<count]
        }
        return Answer(text: String(decoding: bytes, as: UTF8.self), closed: false, elapsed: clock.now - start)
    }
}
