import Foundation
import Testing
@testable import FactDeskKit

// MARK: - Messages, addresses and relays, without a server

@Suite
struct MailMessageTests {
    static let arabicSubject = "تم إسناد الادعاء رقم 12 إليك: «قال عراقجي إن المحادثات استمرت أربع ساعات»"

    static func message(subject: String = arabicSubject, fromName: String? = "مكتب التحقق",
                        text: String = "نص", html: String = "<p>نص</p>") throws -> MailMessage {
        try MailMessage(from: MailAddress("desk@factdesk.example", name: fromName),
                        to: [MailAddress("layla@factdesk.example", name: "ليلى العلي")],
                        subject: subject, text: text, html: html)
    }

    /// The header section of a rendered message, as its lines.
    static func headerLines(_ message: MailMessage) -> [Substring] {
        let text = String(decoding: message.rendered(), as: UTF8.self)
        return text.components(separatedBy: "\r\n\r\n")[0].split(separator: "\r\n", omittingEmptySubsequences: false)
    }

    @Test(arguments: [
        "desk@factdesk.example", "a.b+tag@sub.example.org", "x@y",
    ])
    func addressesThatAreAccepted(_ text: String) throws {
        #expect(try MailAddress(text).address == text)
    }

    @Test(arguments: [
        "", "no-at-sign", "two@@example.org", "@example.org", "desk@", "de sk@example.org", "desk@exa mple.org",
        "desk@example.org\r\nBcc: x@y", "<desk@example.org>", "desk@example.org>", "ليلى@example.org",
        "a..b@example.org", ".a@example.org", "desk@-example.org", "desk@example..org",
        String(repeating: "a", count: 64) + "@" + String(repeating: "b", count: 63) + "." + String(repeating: "c", count: 63)
            + "." + String(repeating: "d", count: 63),
    ])
    func addressesThatAreRefused(_ text: String) {
        #expect(throws: MailError.self) { try MailAddress(text) }
    }

    @Test func aRefusedAddressSaysWhatToWrite() {
        let error = #expect(throws: MailError.self) { try MailAddress("desk example.org") }
        #expect(error?.description.contains("name@example.org") == true)
        #expect(error?.isPermanent == true)
        #expect(error?.description.contains("\n") == false)
    }

    @Test func aMessageNeedsARecipient() throws {
        #expect(throws: MailError.self) {
            try MailMessage(from: MailAddress("desk@factdesk.example"), to: [], subject: "s", text: "t", html: "h")
        }
    }

    @Test(arguments: ["Bcc", "subject", "Content-Type", "Bad Name", "X:Y", ""])
    func headersAMessageWritesItselfCannotBeAdded(_ name: String) {
        #expect(throws: MailError.self) { try MailMessage.Header(name, "value") }
    }

    @Test(arguments: [
        arabicSubject,
        String(repeating: "ع", count: 300),
        String(repeating: "😀", count: 40) + " " + arabicSubject,
        "A plain subject that is long enough to need folding onto more than one line of the header section",
        "Subject\r\nBcc: x@y.example with a break",
        String(repeating: "x", count: 120),
    ])
    func noHeaderLineIsLongerThan78AndEncodedWordsHoldWholeCharacters(_ subject: String) throws {
        let lines = Self.headerLines(try Self.message(subject: subject))
        #expect(lines.allSatisfy { $0.count <= 78 }, "\(lines.filter { $0.count > 78 })")
        #expect(lines.allSatisfy { $0.utf8.allSatisfy { $0 < 128 } })
        #expect(!lines.contains { $0.hasPrefix("Bcc") })
        let words = lines.flatMap { $0.split(separator: " ") }.filter { $0.hasPrefix("=?UTF-8?B?") }
        for word in words {
            #expect(word.count <= 75)
            let payload = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            let bytes = try #require(Data(base64Encoded: String(payload)))
            #expect(String(validating: bytes, as: UTF8.self) != nil, "a word splits a character: \(word)")
        }
    }

    @Test func anArabicSubjectTakesMoreThanOneEncodedWord() throws {
        let lines = Self.headerLines(try Self.message())
        let subject = lines.drop { !$0.hasPrefix("Subject:") }.prefix { $0.hasPrefix("Subject:") || $0.hasPrefix(" ") }
        #expect(subject.count > 1)
        #expect(subject.allSatisfy { $0.contains("=?UTF-8?B?") })
    }

    @Test func aPlainASCIISubjectStaysReadable() throws {
        let lines = Self.headerLines(try Self.message(subject: "Claim 12 was assigned to you"))
        #expect(lines.contains("Subject: Claim 12 was assigned to you"))
    }

    @Test func bodiesAreBase64InLinesOf76() throws {
        let text = String(repeating: "قال عراقجي إن المحادثات استمرت أربع ساعات\n", count: 20)
        let rendered = String(decoding: try Self.message(text: text).rendered(), as: UTF8.self)
        #expect(rendered.contains("MIME-Version: 1.0\r\n"))
        #expect(rendered.contains("Content-Type: multipart/alternative;\r\n boundary=\""))
        #expect(rendered.contains("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n"))
        #expect(rendered.contains("Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n"))
        let lines = rendered.split(separator: "\r\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 78 })
        #expect(!rendered.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(lines.filter { $0.count == 76 }.count > 10)
        let plain = try #require(rendered.range(of: "text/plain")), html = try #require(rendered.range(of: "text/html"))
        #expect(plain.lowerBound < html.lowerBound)
    }

    @Test func twoRenderingsUseDifferentBoundaries() throws {
        let message = try Self.message()
        #expect(message.rendered() != message.rendered())
    }

    @Test func dataBlocksDoubleALeadingDotAndEndWithALoneDot() {
        let message = Array(".first\r\nmiddle.\r\n.\r\n..two\r\nlast".utf8)
        let block = String(decoding: SMTPClient.dataBlock(message), as: UTF8.self)
        #expect(block == "..first\r\nmiddle.\r\n..\r\n...two\r\nlast\r\n.\r\n")
    }

    @Test(arguments: [
        ("smtp://mail.example.org", false, SMTPRelay(host: "mail.example.org", port: 587, security: .plain)),
        ("smtp://mail.example.org", true, SMTPRelay(host: "mail.example.org", port: 587, security: .starttls)),
        ("smtps://desk%40example.org@mail.example.org", false,
         SMTPRelay(host: "mail.example.org", port: 465, security: .tls, username: "desk@example.org")),
        ("SMTP://relay:2525", false, SMTPRelay(host: "relay", port: 2525, security: .plain)),
    ])
    func relaysAreRead(_ text: String, starttls: Bool, expected: SMTPRelay) throws {
        #expect(try SMTPRelay(url: text, starttls: starttls) == expected)
    }

    @Test(arguments: [
        ("mail.example.org", false), ("http://mail.example.org", false), ("smtp://", false),
        ("smtp://user:secret@mail.example.org", false), ("smtp://mail.example.org:99999", false),
        ("smtp://mail.example.org/path", false), ("smtps://mail.example.org", true),
    ])
    func relaysThatAreRefusedSayWhatToWrite(_ text: String, starttls: Bool) {
        let error = #expect(throws: MailError.self) { try SMTPRelay(url: text, starttls: starttls) }
        #expect(error?.description.contains("smtp") == true)
        #expect(error?.description.contains("secret") == false)
    }
}

// MARK: - Sending to a real server

@Suite(.needsReceivers, .timeLimit(.minutes(1)))
struct MailTests {
    static let arabicSubject = MailMessageTests.arabicSubject
    static let text = "مرحبا ليلى،\n.سطر يبدأ بنقطة\n.\nوهذا السطر الأخير."
    static let html = "<p dir=\"rtl\">مرحبا <b>ليلى</b></p>\n.<p>نقطة</p>"

    static func message(subject: String = arabicSubject, to: [MailAddress]? = nil) throws -> MailMessage {
        try MailMessage(
            from: MailAddress("desk@factdesk.example", name: "مكتب التحقق من الأخبار"),
            to: to ?? [MailAddress("layla@factdesk.example", name: "ليلى العلي")],
            subject: subject, text: text, html: html,
            headers: [
                MailMessage.Header("List-Unsubscribe", "<https://factdesk.example/u?t=0123456789abcdef>"),
                MailMessage.Header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                MailMessage.Header("Auto-Submitted", "auto-generated"),
            ])
    }

    @Test func anArabicMessageArrivesAsWritten() async throws {
        let receiver = try await SMTPReceiver.start()
        defer { receiver.stop() }
        let message = try Self.message(to: [MailAddress("layla@factdesk.example", name: "ليلى العلي"), MailAddress("omar@factdesk.example")])
        try await MailTransport.smtp(receiver.relay()).send(message, password: nil)
        let mail = try receiver.message(1)
        #expect(mail.subject == Self.arabicSubject)
        #expect(mail.fromName == "مكتب التحقق من الأخبار")
        #expect(mail.fromAddress == "desk@factdesk.example")
        #expect(mail.to == ["layla@factdesk.example", "omar@factdesk.example"])
        #expect(mail.toNames == ["ليلى العلي", ""])
        #expect(mail.plain == Self.text)
        #expect(mail.html == Self.html)
        #expect(mail.contentType == "multipart/alternative")
        #expect(mail.defects.isEmpty)
        #expect(mail.ascii)
        #expect(mail.bareNewlines == 0)
        #expect(mail.longestHeaderLine <= 78)
        #expect(mail.encodedWords.filter { $0.count > 75 }.isEmpty)
        #expect(mail.encodedWords.count >= 3)
        #expect(mail.headers["Auto-Submitted"] == "auto-generated")
        #expect(mail.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click")
        #expect(mail.headers["List-Unsubscribe"] == "<https://factdesk.example/u?t=0123456789abcdef>")
        #expect(mail.headers["MIME-Version"] == "1.0")
        #expect(mail.headers["Message-ID"] == message.messageID)
        let envelope = try receiver.envelope(1)
        #expect(envelope.from == "desk@factdesk.example")
        #expect(envelope.to == ["layla@factdesk.example", "omar@factdesk.example"])
    }

    @Test func aSubjectOrNameCannotInjectAHeader() async throws {
        let receiver = try await SMTPReceiver.start()
        defer { receiver.stop() }
        let message = try MailMessage(
            from: MailAddress("desk@factdesk.example", name: "Desk\r\nBcc: name@evil.example"),
            to: [MailAddress("layla@factdesk.example")],
            subject: "Claim 12\r\nBcc: x@y.example\nCc: z@y.example", text: "t", html: "h",
            headers: [MailMessage.Header("Auto-Submitted", "auto-generated\r\nBcc: w@y.example")])
        try await MailTransport.smtp(receiver.relay()).send(message, password: nil)
        let mail = try receiver.message(1)
        #expect(!mail.headerNames.contains { ["bcc", "cc"].contains($0.lowercased()) })
        #expect(mail.subject == "Claim 12 Bcc: x@y.example Cc: z@y.example")
        #expect(mail.fromName == "Desk Bcc: name@evil.example")
        #expect(mail.headers["Auto-Submitted"] == "auto-generated Bcc: w@y.example")
        #expect(try receiver.envelope(1).to == ["layla@factdesk.example"])
    }

    @Test func linesThatBeginWithADotArriveUnchanged() async throws {
        let receiver = try await SMTPReceiver.start()
        defer { receiver.stop() }
        let raw = "From: desk@factdesk.example\r\nTo: layla@factdesk.example\r\nSubject: dots\r\n\r\n.one\r\n.\r\n..two\r\nend\r\n"
        try await SMTPClient(relay: receiver.relay()).send(
            bytes: Array(raw.utf8), from: "desk@factdesk.example", to: ["layla@factdesk.example"], password: nil)
        #expect(try receiver.raw(1) == Data(raw.utf8))
    }

    @Test func starttlsWithTheTestAuthority() async throws {
        let certificate = try TestCertificate.make()
        let receiver = try await SMTPReceiver.start(["--cert", certificate.cert, "--key", certificate.key])
        defer { receiver.stop() }
        let relay = receiver.relay(host: "localhost", security: .starttls, caFile: certificate.cert)
        try await MailTransport.smtp(relay).send(try Self.message(), password: nil)
        #expect(try receiver.message(1).subject == Self.arabicSubject)

        let untrusted = receiver.relay(host: "localhost", security: .starttls)
        let error = await #expect(throws: MailError.self) { try await MailTransport.smtp(untrusted).send(try Self.message(), password: nil) }
        guard case .tls = error else { Issue.record("not a TLS failure: \(String(describing: error))"); return }
        #expect(error?.isPermanent == false)
        #expect(receiver.count == 1)
    }

    @Test func starttlsAskedOfAServerWithoutItStopsBeforeTheMessage() async throws {
        let receiver = try await SMTPReceiver.start()
        defer { receiver.stop() }
        let error = await #expect(throws: MailError.self) {
            try await MailTransport.smtp(receiver.relay(security: .starttls)).send(try Self.message(), password: nil)
        }
        #expect(error?.description.contains("STARTTLS") == true)
        #expect(receiver.count == 0)
    }

    @Test(arguments: [false, true])
    func aLoginUsesThePassword(onlyLogin: Bool) async throws {
        let certificate = try TestCertificate.make()
        let receiver = try await SMTPReceiver.start(
            ["--cert", certificate.cert, "--key", certificate.key, "--user", "desk", "--password", "سر المكتب 1"]
                + (onlyLogin ? ["--only-login"] : []))
        defer { receiver.stop() }
        let relay = receiver.relay(host: "localhost", security: .starttls, username: "desk", caFile: certificate.cert)
        try await MailTransport.smtp(relay).send(try Self.message(), password: "سر المكتب 1")
        #expect(try receiver.envelope(1).authenticated)
        #expect(try receiver.message(1).subject == Self.arabicSubject)

        var hurried = relay
        hurried.timeout = 5
        let error = await #expect(throws: MailError.self) {
            try await MailTransport.smtp(hurried).send(try Self.message(), password: "wrong")
        }
        #expect(error?.description.contains("wrong") == false)
        #expect(error?.isPermanent == true)
        #expect(error?.description.contains("535") == true)
        await #expect(throws: MailError.self) { try await MailTransport.smtp(relay).send(try Self.message(), password: nil) }
        #expect(receiver.count == 1)
    }

    @Test func aLoginIsNeverSentInTheClear() async throws {
        let receiver = try await SMTPReceiver.start()
        defer { receiver.stop() }
        let error = await #expect(throws: MailError.self) {
            try await MailTransport.smtp(receiver.relay(username: "desk")).send(try Self.message(), password: "secret")
        }
        #expect(error?.description.contains("TLS") == true)
    }

    @Test func aRecipientRefusedWith550IsPermanent() async throws {
        let receiver = try await SMTPReceiver.start(["--reject", "gone@factdesk.example"])
        defer { receiver.stop() }
        let message = try Self.message(to: [MailAddress("gone@factdesk.example")])
        let error = await #expect(throws: MailError.self) { try await MailTransport.smtp(receiver.relay()).send(message, password: nil) }
        #expect(error?.isPermanent == true)
        #expect(error?.description.contains("127.0.0.1") == true)
        #expect(error?.description.contains("550 5.1.1") == true)
        #expect(error?.description.contains("RCPT TO:<gone@factdesk.example>") == true)
        #expect(receiver.count == 0)
    }

    @Test func aClosedPortIsTransient() async throws {
        let port = try SMTPReceiver.freePort()
        let relay = SMTPRelay(host: "127.0.0.1", port: port, security: .plain, timeout: 5)
        let error = await #expect(throws: MailError.self) { try await MailTransport.smtp(relay).send(try Self.message(), password: nil) }
        guard case .unreachable = error else { Issue.record("not unreachable: \(String(describing: error))"); return }
        #expect(error?.isPermanent == false)
        #expect(error?.description.contains("127.0.0.1") == true)
    }

    @Test func aSilentServerTimesOut() async throws {
        let receiver = try await SMTPReceiver.start(["--silent"])
        defer { receiver.stop() }
        var relay = receiver.relay()
        relay.timeout = 1
        let started = Date()
        let error = await #expect(throws: MailError.self) { try await MailTransport.smtp(relay).send(try Self.message(), password: nil) }
        guard case .timedOut = error else { Issue.record("not a timeout: \(String(describing: error))"); return }
        #expect(error?.isPermanent == false)
        #expect(Date().timeIntervalSince(started) < 5)
    }

    // MARK: - sendmail

    @Test func theSendmailCommandReceivesTheMessage() async throws {
        let folder = try temporaryFolder()
        let script = try Self.script(in: folder, "cat > \"$2\"\necho \"$1\" > \"$2.argument\"")
        let output = folder.appendingPathComponent("received.eml").path
        let message = try Self.message()
        try await MailTransport.sendmail("\(script)  -t\t\(output)").send(message, password: nil)
        let mail = try SMTPReceiver.parse(output)
        #expect(mail.subject == Self.arabicSubject)
        #expect(mail.plain == Self.text)
        #expect(mail.html == Self.html)
        #expect(try String(contentsOfFile: output + ".argument", encoding: .utf8) == "-t\n")

        let bytes = message.rendered()
        try await SendmailPipe(command: "\(script) -t \(output)").send(bytes: bytes)
        #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == Data(bytes))
    }

    @Test func aFailingSendmailCommandIsTransientAndSaysWhy() async throws {
        let folder = try temporaryFolder()
        let script = try Self.script(in: folder, "cat > /dev/null\necho >&2\necho 'sendmail: no such user here' >&2\necho more >&2\nexit 75")
        let error = await #expect(throws: MailError.self) { try await MailTransport.sendmail(script).send(try Self.message(), password: nil) }
        #expect(error?.isPermanent == false)
        #expect(error?.description.contains("75") == true)
        #expect(error?.description.contains("sendmail: no such user here") == true)
        #expect(error?.description.contains("more") == false)
        await #expect(throws: MailError.self) {
            try await MailTransport.sendmail(folder.appendingPathComponent("missing").path).send(try Self.message(), password: nil)
        }
    }

    @Test func aSendmailCommandThatHangsIsStopped() async throws {
        let folder = try temporaryFolder()
        let script = try Self.script(in: folder, "exec sleep 30")
        let started = Date()
        let error = await #expect(throws: MailError.self) { try await SendmailPipe(command: script, timeout: 0.5).send(try Self.message()) }
        #expect(error?.isPermanent == false)
        #expect(error?.description.contains("stopped") == true)
        #expect(Date().timeIntervalSince(started) < 5)
    }

    static func script(in folder: URL, _ body: String) throws -> String {
        let path = folder.appendingPathComponent("sendmail.sh").path
        try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }
}

// MARK: - The receiver

/// A self-signed certificate for `localhost` and 127.0.0.1, which the tests trust as the
/// relay's authority.
struct TestCertificate {
    let cert: String
    let key: String

    static func make() throws -> TestCertificate {
        let folder = try temporaryFolder()
        let certificate = TestCertificate(cert: folder.appendingPathComponent("cert.pem").path, key: folder.appendingPathComponent("key.pem").path)
        let (status, output) = try SMTPReceiver.run([
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", certificate.key, "-out", certificate.cert, "-days", "2", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ])
        guard status == 0 else { throw ReceiverError(message: "openssl failed: \(output)") }
        return certificate
    }
}

struct ReceiverError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// What Python's email package reads in a received message (`Fixtures/mail_parse.py`).
struct ReceivedMail: Decodable {
    let subject: String
    let fromAddress: String
    let fromName: String
    let to: [String]
    let toNames: [String]
    let headerNames: [String]
    let headers: [String: String]
    let contentType: String
    let plain: String?
    let html: String?
    let defects: [String]
    let longestLine: Int
    let longestHeaderLine: Int
    let encodedWords: [String]
    let bareNewlines: Int
    let ascii: Bool
}

/// The envelope the receiver saw: MAIL FROM, RCPT TO, and whether the client logged in.
struct ReceivedEnvelope: Decodable {
    let from: String
    let to: [String]
    let authenticated: Bool
}

/// aiosmtpd on 127.0.0.1 (`Fixtures/smtp_receiver.py`), saving each message in a folder.
final class SMTPReceiver: Sendable {
    static let fixtures = packageRoot.appendingPathComponent("Tests/FactDeskKitTests/Fixtures")

    let process: Process
    let folder: URL
    let port: Int

    private init(process: Process, folder: URL, port: Int) {
        (self.process, self.folder, self.port) = (process, folder, port)
    }

    static func start(_ arguments: [String] = []) async throws -> SMTPReceiver {
        let folder = try temporaryFolder()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", fixtures.appendingPathComponent("smtp_receiver.py").path, "--dir", folder.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        // What aiosmtpd logs, kept beside the messages for a test that fails.
        FileManager.default.createFile(atPath: folder.appendingPathComponent("receiver.log").path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: folder.appendingPathComponent("receiver.log"))
        try process.run()
        let line = await firstLine(output.fileHandleForReading)
        guard let line, line.hasPrefix("ready "), let port = Int(line.dropFirst(6)) else {
            process.terminate()
            throw ReceiverError(message: "the SMTP receiver did not start (it said \(line ?? "nothing")); is aiosmtpd installed for python3?")
        }
        return SMTPReceiver(process: process, folder: folder, port: port)
    }

    /// Kills the receiver. SIGKILL, because a process started from a thread that blocks
    /// SIGTERM (as Dispatch's do) inherits the block.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func relay(host: String = "127.0.0.1", security: SMTPRelay.Security = .plain, username: String? = nil,
               caFile: String? = nil) -> SMTPRelay {
        SMTPRelay(host: host, port: port, security: security, username: username, caFile: caFile, timeout: 20)
    }

    /// How many messages arrived.
    var count: Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }.count
    }

    func raw(_ number: Int) throws -> Data { try Data(contentsOf: folder.appendingPathComponent("\(number).eml")) }

    func message(_ number: Int) throws -> ReceivedMail { try Self.parse(folder.appendingPathComponent("\(number).eml").path) }

    func envelope(_ number: Int) throws -> ReceivedEnvelope {
        try JSONDecoder().decode(ReceivedEnvelope.self, from: Data(contentsOf: folder.appendingPathComponent("\(number).json")))
    }

    static func parse(_ path: String) throws -> ReceivedMail {
        let (status, output) = try run(["python3", fixtures.appendingPathComponent("mail_parse.py").path, path])
        guard status == 0 else { throw ReceiverError(message: "mail_parse.py failed: \(String(decoding: output, as: UTF8.self))") }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ReceivedMail.self, from: output)
    }

    /// A port nothing listens on: one the system just gave out and took back.
    static func freePort() throws -> Int {
        let (status, output) = try run(["python3", "-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
        guard status == 0, let port = Int(String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw ReceiverError(message: "no free port")
        }
        return port
    }

    static func run(_ arguments: [String]) throws -> (Int32, Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }

    /// The first line `handle` gives, read off the test's threads; nil at its end.
    static func firstLine(_ handle: FileHandle) async -> String? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var bytes: [UInt8] = []
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    bytes += chunk
                    if bytes.contains(UInt8(ascii: "\n")) { break }
                }
                let line = bytes.split(separator: UInt8(ascii: "\n")).first.map { String(decoding: $0, as: UTF8.self) }
                continuation.resume(returning: line)
            }
        }
    }
}
