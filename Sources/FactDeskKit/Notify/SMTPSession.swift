import Foundation
import NIOCore
import NIOSSL

/// A server's reply: its code and the text of all its lines.
struct SMTPReply: Sendable, Equatable {
    let code: Int
    let lines: [String]

    /// The reply as one line, for an error message.
    var text: String { "\(code) " + lines.joined(separator: " ") }
}

/// One SMTP conversation over an open connection, command by command (RFC 5321).
struct SMTPSession {
    let host: String
    var lines: NIOAsyncChannelInboundStream<String>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    let channel: any Channel

    /// More lines than any EHLO reply has; a server that sends more is not speaking SMTP.
    private static let maximumReplyLines = 100

    /// Runs the conversation to QUIT; `upgrade` is the TLS context and server name for
    /// STARTTLS, `login` the user and password to authenticate with.
    mutating func run(_ from: String, to recipients: [String], data: [UInt8],
                      upgrade: (NIOSSLContext, String?)?, login: (user: String, password: String)?) async throws {
        try await expect(nil, shown: "the connection", 220)
        var capabilities = try await hello()
        if let (context, serverName) = upgrade {
            guard capabilities.contains(where: { $0 == "STARTTLS" }) else {
                throw MailError.tls(host: host, reason: "it does not offer STARTTLS; use smtps:// if it speaks TLS from the start, or turn STARTTLS off")
            }
            try await expect("STARTTLS", 220)
            try await channel.eventLoop.submit { [channel] in
                try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: context, serverHostname: serverName), position: .first)
            }.get()
            do {
                capabilities = try await hello()
            } catch let error as MailError {
                // A server that refuses the handshake may hang up before its alert is read: still a TLS failure.
                guard case .unreachable = error else { throw error }
                throw MailError.tls(host: host, reason: "the handshake did not complete (\(error)); check the relay's certificate or the CA file")
            } catch {
                throw MailError.tls(host: host, reason: "the handshake did not complete (\(error)); check the relay's certificate or the CA file")
            }
        }
        if let login { try await authenticate(login.user, login.password, capabilities: capabilities) }
        try await expect("MAIL FROM:<\(from)>", 250)
        for recipient in recipients {
            try await expect("RCPT TO:<\(recipient)>", 250, 251)
        }
        try await expect("DATA", 354)
        try await outbound.write(ByteBuffer(bytes: data))
        try await expect(nil, shown: "the message", 250)
        // The message is accepted: a server that hangs up instead of answering QUIT changes nothing.
        _ = try? await send("QUIT")
    }

    /// EHLO, and the capabilities the server lists after its greeting line, in capitals.
    private mutating func hello() async throws -> [String] {
        let reply = try await expect("EHLO \(SMTPClient.localName)", 250)
        return reply.lines.dropFirst().map { $0.uppercased() }
    }

    /// AUTH PLAIN when offered, AUTH LOGIN otherwise (RFC 4954, RFC 4616).
    private mutating func authenticate(_ user: String, _ password: String, capabilities: [String]) async throws {
        let mechanisms = Set(capabilities.flatMap { line -> [Substring] in
            let words = line.split(whereSeparator: { $0 == " " || $0 == "=" })
            return words.first == "AUTH" ? Array(words.dropFirst()) : []
        })
        func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
        if mechanisms.contains("PLAIN") {
            try await expect("AUTH PLAIN " + base64("\0\(user)\0\(password)"), shown: "AUTH PLAIN for \(user)", 235)
        } else if mechanisms.contains("LOGIN") {
            try await expect("AUTH LOGIN", 334)
            try await expect(base64(user), shown: "AUTH LOGIN's user name", 334)
            try await expect(base64(password), shown: "AUTH LOGIN for \(user)", 235)
        } else {
            throw MailError.authentication(
                host: host, reason: mechanisms.isEmpty
                    ? "it offers no login; remove the user from the relay's address"
                    : "it offers only \(mechanisms.sorted().joined(separator: ", ")), and FactDesk logs in with PLAIN or LOGIN")
        }
    }

    /// Sends `command` (or nothing, to read a greeting or the end of the data) and reads the
    /// reply, which must have one of `codes`.
    @discardableResult
    private mutating func expect(_ command: String?, shown: String? = nil, _ codes: Int...) async throws -> SMTPReply {
        let name = shown ?? command ?? ""
        let reply = try await send(command, shown: name)
        guard codes.contains(reply.code) else {
            if (400...599).contains(reply.code) {
                throw MailError.refused(host: host, command: name, reply: reply.text, code: reply.code)
            }
            throw MailError.unexpectedReply(host: host, command: name, reply: reply.text)
        }
        return reply
    }

    private mutating func send(_ command: String?, shown: String? = nil) async throws -> SMTPReply {
        if let command { try await outbound.write(ByteBuffer(string: command + "\r\n")) }
        return try await reply(to: shown ?? command ?? "")
    }

    /// Reads one reply, however many lines it has: `250-` continues, `250 ` ends.
    private mutating func reply(to command: String) async throws -> SMTPReply {
        var texts: [String] = []
        var code: Int?
        while texts.count < Self.maximumReplyLines {
            guard let line = try await lines.next() else {
                throw MailError.unreachable(host: host, reason: "the server closed the connection after \(command)")
            }
            let characters = Array(line.utf8)
            guard characters.count >= 3, let lineCode = Int(String(decoding: characters[0..<3], as: UTF8.self)),
                  (200...599).contains(lineCode), code == nil || code == lineCode,
                  characters.count == 3 || characters[3] == UInt8(ascii: " ") || characters[3] == UInt8(ascii: "-") else {
                throw MailError.unexpectedReply(host: host, command: command, reply: line)
            }
            code = lineCode
            texts.append(String(decoding: characters.dropFirst(4), as: UTF8.self))
            if characters.count == 3 || characters[3] == UInt8(ascii: " ") {
                return SMTPReply(code: lineCode, lines: texts)
            }
        }
        throw MailError.unexpectedReply(host: host, command: command, reply: "more than \(Self.maximumReplyLines) lines")
    }
}
