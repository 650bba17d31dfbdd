/// How the desk sends its notifications: through an SMTP relay, or a local sendmail command.
public enum MailTransport: Sendable, Equatable {
    case smtp(SMTPRelay)
    /// A sendmail-compatible command, such as `/usr/sbin/sendmail -t -i`.
    case sendmail(String)

    /// Sends `message`; `password` is the SMTP relay user's, and a sendmail command, which
    /// logs in by itself if at all, ignores it.
    public func send(_ message: MailMessage, password: String?) async throws(MailError) {
        switch self {
        case .smtp(let relay): try await SMTPClient(relay: relay).send(message, password: password)
        case .sendmail(let command): try await SendmailPipe(command: command).send(message)
        }
    }
}
