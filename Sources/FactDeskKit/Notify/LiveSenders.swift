import Foundation

extension Senders {
    /// The real senders: email through the desk's transport (``MailTransport``), webhooks over HTTP (``WebhookSender``).
    ///
    /// A relay with a private certificate authority is trusted through the file that
    /// `FACTDESK_SMTP_CA_FILE` names where the sender runs: a machine's setting, not the desk's.
    public static let live = Senders(
        email: { mail, setting, password in
            let transport: MailTransport
            if setting.transport.hasPrefix("sendmail:") {
                transport = .sendmail(String(setting.transport.dropFirst("sendmail:".count)))
            } else {
                let caFile = ProcessInfo.processInfo.environment["FACTDESK_SMTP_CA_FILE"]
                transport = .smtp(try SMTPRelay(url: setting.transport, starttls: setting.starttls, caFile: caFile))
            }
            let message = try MailMessage(
                from: try MailAddress(setting.sender, name: "FactDesk"), to: [try MailAddress(mail.to, name: mail.toName)],
                subject: mail.subject, text: mail.text, html: mail.html,
                headers: try mail.headers.sorted { $0.key < $1.key }.map { try MailMessage.Header($0.key, $0.value) },
                messageID: mail.messageID)
            try await transport.send(message, password: password)
        },
        webhook: { body, hook, id, now in
            try await WebhookSender().post(body, to: hook, id: id, at: now)
        })
}
