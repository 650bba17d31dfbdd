import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Hands messages to an SMTP relay: greeting, EHLO, STARTTLS when asked, a login when a
/// user is set, one envelope, the data, QUIT.
///
/// One connection per message: the desk sends a few notifications an hour, and a fresh
/// connection leaves no session to keep alive or to find broken. The whole exchange runs
/// under the relay's timeout, connecting included, so a silent server never holds a sender.
public struct SMTPClient: Sendable {
    public let relay: SMTPRelay

    public init(relay: SMTPRelay) {
        self.relay = relay
    }

    /// Sends `message` to its recipients; `password` is the relay user's, used for this
    /// login only and kept nowhere.
    public func send(_ message: MailMessage, password: String?) async throws(MailError) {
        try await send(bytes: message.rendered(), from: message.from.address, to: message.to.map(\.address), password: password)
    }

    /// Sends rendered bytes with the given envelope.
    func send(bytes: [UInt8], from: String, to recipients: [String], password: String?) async throws(MailError) {
        let host = relay.host
        var login: (user: String, password: String)?
        if let user = relay.username {
            guard let password else {
                throw .authentication(host: host, reason: "the relay names user \(user) and no password was given; give the relay's password")
            }
            guard relay.security != .plain else {
                throw .authentication(host: host, reason: "a password is sent only over TLS; write smtps://, or turn STARTTLS on")
            }
            login = (user, password)
        }
        let tls = try tlsContext()
        let envelope = Envelope(from: from, to: recipients, data: Self.dataBlock(bytes))
        do {
            try await exchange(envelope, tls: tls, login: login)
        } catch let error as MailError {
            throw error
        } catch {
            throw Self.failure(error, host: host, timeout: relay.timeout)
        }
    }

    /// What the server is told, apart from the message itself.
    private struct Envelope: Sendable {
        let from: String
        let to: [String]
        let data: [UInt8]
    }

    private struct TimedOut: Error {}

    // MARK: - The exchange

    private func exchange(_ envelope: Envelope, tls: NIOSSLContext?, login: (user: String, password: String)?) async throws {
        let milliseconds = Int64(relay.timeout * 1000)
        let started = ContinuousClock.now
        let implicitTLS = relay.security == .tls ? tls : nil
        let serverName = Self.serverName(relay.host)
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.milliseconds(milliseconds))
            .connect(host: relay.host, port: relay.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: implicitTLS, serverHostname: serverName))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPLineDecoder()))
                    return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let remaining = Duration.milliseconds(milliseconds) - (ContinuousClock.now - started)
        let upgrade = relay.security == .starttls ? tls : nil
        let host = relay.host
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await channel.executeThenClose { inbound, outbound in
                    var session = SMTPSession(host: host, lines: inbound.makeAsyncIterator(), outbound: outbound, channel: channel.channel)
                    try await session.run(envelope.from, to: envelope.to, data: envelope.data,
                                          upgrade: upgrade.map { ($0, serverName) }, login: login)
                }
            }
            group.addTask {
                try await Task.sleep(for: remaining)
                throw TimedOut()
            }
            do {
                try await group.next()
                group.cancelAll()
            } catch {
                // Closing ends the session's wait for a reply, so the group can finish.
                channel.channel.close(promise: nil)
                group.cancelAll()
                throw error
            }
        }
    }

    // MARK: - Pieces

    /// The TLS context for a relay that uses TLS: the system's roots, or the given CA file.
    private func tlsContext() throws(MailError) -> NIOSSLContext? {
        guard relay.security != .plain else { return nil }
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        if let caFile = relay.caFile {
            guard FileManager.default.isReadableFile(atPath: caFile) else {
                throw .invalidRelay(caFile, reason: "no readable CA file there; give the PEM file of the authority that signed the relay's certificate")
            }
            configuration.trustRoots = .file(caFile)
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw .tls(host: relay.host, reason: "the TLS settings cannot be used (\(error)); check the CA file")
        }
    }

    /// The name the certificate must carry: the relay's host, or none for an IP address,
    /// whose certificate is then checked against the address connected to.
    static func serverName(_ host: String) -> String? {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1 ? nil : host
    }

    /// `message` as SMTP's DATA carries it: a dot doubled at the start of a line (RFC 5321,
    /// 4.5.2), a final line break, and the lone dot that ends it.
    static func dataBlock(_ message: [UInt8]) -> [UInt8] {
        var block: [UInt8] = []
        block.reserveCapacity(message.count + 64)
        var lineStart = true
        for byte in message {
            if lineStart && byte == UInt8(ascii: ".") { block.append(byte) }
            block.append(byte)
            lineStart = byte == UInt8(ascii: "\n")
        }
        if !lineStart { block += Array("\r\n".utf8) }
        return block + Array(".\r\n".utf8)
    }

    /// The name this machine gives itself in EHLO, or `factdesk.invalid` when it has no
    /// name with a domain.
    static var localName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "factdesk.invalid" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let valid = name.contains(".") && !name.hasPrefix(".") && !name.hasSuffix(".")
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == ".") }
        return valid ? name : "factdesk.invalid"
    }

    /// A failure of the connection or of TLS, as the sender's error.
    static func failure(_ error: any Error, host: String, timeout: Double) -> MailError {
        switch error {
        case is TimedOut, ChannelError.connectTimeout: return .timedOut(host: host, seconds: timeout)
        case let error as NIOSSLError: return .tls(host: host, reason: "\(error)")
        case let error as BoringSSLError: return .tls(host: host, reason: "\(error)")
        case let error as NIOSSLExtraError: return .tls(host: host, reason: "\(error)")
        case let error as NIOConnectionError:
            let first = error.connectionErrors.first.map { "\($0.error)" } ?? error.dnsAError.map { "\($0)" } ?? "no address found"
            return .unreachable(host: host, reason: "cannot connect to port \(error.port) (\(first))")
        case let error as IOError where error.errnoCode == ECONNRESET:
            return .unreachable(host: host, reason: "the connection was reset")
        case let error as IOError:
            return .unreachable(host: host, reason: "\(error)")
        case ChannelError.eof, ChannelError.ioOnClosedChannel, ChannelError.alreadyClosed, ChannelError.outputClosed:
            return .unreachable(host: host, reason: "the server closed the connection")
        case is SMTPLineDecoder.LineTooLong:
            return .unexpectedReply(host: host, command: "a command", reply: "a line longer than \(SMTPLineDecoder.maximumLength) bytes")
        default:
            return .unreachable(host: host, reason: "\(error)")
        }
    }
}

/// Splits what the server says into lines, without their CRLF.
struct SMTPLineDecoder: ByteToMessageDecoder {
    typealias InboundOut = String

    /// Longer than any reply line a server should send (RFC 5321 allows 512), short enough
    /// that a hostile one cannot fill memory.
    static let maximumLength = 4096

    struct LineTooLong: Error {}

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let view = buffer.readableBytesView
        guard let newline = view.firstIndex(of: UInt8(ascii: "\n")) else {
            if view.count > Self.maximumLength { throw LineTooLong() }
            return .needMoreData
        }
        let length = view.distance(from: view.startIndex, to: newline)
        guard length <= Self.maximumLength, var line = buffer.readString(length: length) else { throw LineTooLong() }
        buffer.moveReaderIndex(forwardBy: 1)
        if line.hasSuffix("\r") { line.removeLast() }
        context.fireChannelRead(wrapInboundOut(line))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }
}
