/// Why a notification email was not sent, or could not be written.
///
/// The sender retries a transient failure later and gives up on a permanent one, so every
/// case says which it is: a 5xx reply is the server's final word, while a 4xx reply, a
/// connection refused or reset, a timeout or a failed TLS handshake may pass.
public enum MailError: CatalogError, Equatable {
    /// An address that is not `local@domain`.
    case invalidAddress(String, reason: String)
    /// A message that cannot be rendered: no recipient, a header it may not carry.
    case invalidMessage(String)
    /// A relay address that cannot be read, with what to write instead.
    case invalidRelay(String, reason: String)
    /// The server answered `command` with an error reply.
    case refused(host: String, command: String, reply: String, code: Int)
    /// The server said something that is not SMTP, or not what the exchange expects.
    case unexpectedReply(host: String, command: String, reply: String)
    /// No connection, or the connection ended before the exchange did.
    case unreachable(host: String, reason: String)
    /// The exchange took longer than the relay's timeout.
    case timedOut(host: String, seconds: Double)
    /// STARTTLS was asked for and not offered, or the TLS handshake failed.
    case tls(host: String, reason: String)
    /// A username with no password, or a server that offers no login we can use.
    case authentication(host: String, reason: String)
    /// The sendmail command could not run, ran too long, or exited with an error.
    case sendmail(command: String, reason: String)

    /// Whether sending the same message again cannot succeed: a 5xx reply, or a message,
    /// address or setting that is wrong and stays wrong.
    public var isPermanent: Bool {
        switch self {
        case .invalidAddress, .invalidMessage, .invalidRelay, .authentication: true
        case .refused(_, _, _, let code): (500...599).contains(code)
        case .unexpectedReply, .unreachable, .timedOut, .tls, .sendmail: false
        }
    }

    public var kind: FailureKind {
        switch self {
        case .invalidAddress, .invalidMessage, .invalidRelay: .invalidInput
        case .authentication: .permissionDenied
        case .refused, .unexpectedReply, .unreachable, .timedOut, .tls, .sendmail: .unavailable
        }
    }

    public var description: String {
        switch self {
        case .invalidMessage(let reason): reason
        default: englishText()
        }
    }

    public var catalogMessage: CatalogMessage? {
        switch self {
        case .invalidAddress(let text, let reason):
            CatalogMessage("error_mail_invalid_address", ["address": Self.shown(text), "reason": reason])
        case .invalidMessage:
            nil
        case .invalidRelay(let text, let reason):
            CatalogMessage("error_mail_invalid_relay", ["relay": Self.shown(text), "reason": reason])
        case .refused(let host, let command, let reply, let code):
            CatalogMessage((500...599).contains(code) ? "error_mail_refused" : "error_mail_refused_for_now",
                           ["host": host, "command": command, "reply": Self.shown(reply)])
        case .unexpectedReply(let host, let command, let reply):
            CatalogMessage("error_mail_unexpected_reply", ["host": host, "command": command, "reply": Self.shown(reply)])
        case .unreachable(let host, let reason):
            CatalogMessage("error_mail_unreachable", ["host": host, "reason": reason])
        case .timedOut(let host, let seconds):
            CatalogMessage("error_mail_timed_out", ["host": host, "seconds": Self.number(seconds)])
        case .tls(let host, let reason):
            CatalogMessage("error_mail_tls", ["host": host, "reason": reason])
        case .authentication(let host, let reason):
            CatalogMessage("error_mail_authentication", ["host": host, "reason": reason])
        case .sendmail(let command, let reason):
            CatalogMessage("error_mail_sendmail", ["command": command, "reason": reason])
        }
    }

    /// Text from the outside, on one line and not too long to read.
    static func shown(_ text: String) -> String {
        let line = String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
        return line.count > 200 ? String(line.prefix(200)) + "…" : line
    }

    static func seconds(_ value: Double) -> String {
        number(value) + " s"
    }

    /// A number of seconds as plain digits, without a fraction when it is whole.
    static func number(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))" : "\(value)"
    }
}
