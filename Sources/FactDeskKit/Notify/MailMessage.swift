import Foundation

/// A notification email: who sends it and to whom, a subject, and the same text as plain
/// text and as HTML.
///
/// ``rendered()`` writes it as RFC 5322 bytes that are ASCII only: the subject and names in
/// RFC 2047 encoded-words, both bodies in base64. Any relay carries such a message without
/// 8BITMIME or SMTPUTF8, and no line of a body can be taken for the end of the data.
public struct MailMessage: Sendable, Equatable {
    /// A header the caller adds, such as `List-Unsubscribe` or `Auto-Submitted`.
    public struct Header: Sendable, Equatable {
        public let name: String
        public let value: String

        /// Refuses a name that is not a header name, and the headers a message writes itself.
        public init(_ name: String, _ value: String) throws(MailError) {
            guard !name.isEmpty, name.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) && $0 != ":" }) else {
                throw .invalidMessage("'\(MailError.shown(name))' is not a header name; use letters, digits and dashes, as in List-Unsubscribe")
            }
            guard !Self.written.contains(name.lowercased()) else {
                throw .invalidMessage("a message writes its own \(name) header; set it through MailMessage instead")
            }
            let value = HeaderText.singleLine(value)
            guard value.split(separator: " ").allSatisfy({ $0.utf8.count <= 900 }) else {
                throw .invalidMessage("the \(name) header has a word longer than 900 characters; shorten it")
            }
            self.name = name
            self.value = value
        }

        /// Headers that the message writes, and those it must never carry (Bcc, Cc: only
        /// the listed recipients receive a notification).
        static let written: Set<String> = [
            "from", "to", "cc", "bcc", "subject", "date", "message-id", "mime-version",
            "content-type", "content-transfer-encoding", "sender", "reply-to", "return-path",
        ]
    }

    public var from: MailAddress
    /// One or more recipients, all in the `To` header.
    public private(set) var to: [MailAddress]
    public var subject: String
    public var text: String
    public var html: String
    public var headers: [Header]
    /// `<unique@domain>`, made from a random UUID and the sender's domain unless given.
    public var messageID: String
    public var date: Date

    public init(from: MailAddress, to: [MailAddress], subject: String, text: String, html: String,
                headers: [Header] = [], messageID: String? = nil, date: Date = Date()) throws(MailError) {
        guard !to.isEmpty else { throw .invalidMessage("a message needs at least one recipient") }
        let id = messageID.map(HeaderText.singleLine) ?? "<\(UUID().uuidString.lowercased())@\(from.domain)>"
        guard id.hasPrefix("<"), id.hasSuffix(">"), id.count <= 250, !id.contains(" "),
              id.unicodeScalars.allSatisfy(\.isASCII) else {
            throw .invalidMessage("'\(MailError.shown(id))' is not a Message-ID; write it as <unique@example.org>")
        }
        (self.from, self.to, self.subject, self.text, self.html) = (from, to, subject, text, html)
        (self.headers, self.messageID, self.date) = (headers, id, date)
    }

    /// The message as RFC 5322 bytes, with CRLF line endings, ready for SMTP's DATA.
    public func rendered() -> [UInt8] {
        rendered(boundary: "=_factdesk_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())
    }

    /// The message with a given multipart boundary, which must not occur in base64 text.
    func rendered(boundary: String) -> [UInt8] {
        var head = HeaderText.field("Date", [Self.dateFormatter.string(from: date)])
        head += HeaderText.field("From", HeaderText.mailbox(from, firstLimit: HeaderText.lineLimit - 6))
        head += HeaderText.field("To", recipientWords)
        head += HeaderText.field("Subject", HeaderText.unstructured(subject, after: "Subject"))
        head += HeaderText.field("Message-ID", [messageID])
        for header in headers {
            head += HeaderText.field(header.name, HeaderText.unstructured(header.value, after: header.name, keepLongWords: true))
        }
        head += "MIME-Version: 1.0\r\n"
        head += "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"\r\n"
        var body = "\r\n"
        for (type, content) in [("plain", text), ("html", html)] {
            body += "--\(boundary)\r\n"
            body += "Content-Type: text/\(type); charset=utf-8\r\n"
            body += "Content-Transfer-Encoding: base64\r\n\r\n"
            body += Self.base64Lines(Self.canonicalLines(content))
        }
        body += "--\(boundary)--\r\n"
        return Array((head + body).utf8)
    }

    /// The `To` header's words: every mailbox, commas between them.
    private var recipientWords: [String] {
        var words: [String] = []
        for (index, recipient) in to.enumerated() {
            var mailbox = HeaderText.mailbox(recipient, firstLimit: index == 0 ? HeaderText.lineLimit - 4 : HeaderText.lineLimit - 1)
            if index < to.count - 1, let last = mailbox.popLast() { mailbox.append(last + ",") }
            words += mailbox
        }
        return words
    }

    /// Text with CRLF line endings, the canonical form of text in MIME (RFC 2046, 4.1.1).
    static func canonicalLines(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x0A && previous != 0x0D { bytes.append(0x0D) }
            if previous == 0x0D && byte != 0x0A { bytes.append(0x0A) }
            bytes.append(byte)
            previous = byte
        }
        if previous == 0x0D { bytes.append(0x0A) }
        return bytes
    }

    /// `bytes` in base64, in lines of 76 characters (RFC 2045, 6.8).
    static func base64Lines(_ bytes: [UInt8]) -> String {
        let encoded = Data(bytes).base64EncodedString()
        var result = ""
        var start = encoded.startIndex
        while start < encoded.endIndex {
            let end = encoded.index(start, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            result += encoded[start..<end] + "\r\n"
            start = end
        }
        return result
    }

    /// RFC 5322's date, in English whatever the machine's locale.
    private static var dateFormatter: DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter
    }
}
