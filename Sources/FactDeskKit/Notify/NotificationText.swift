import Foundation

/// What a notification says, in Arabic or English: one line for the inbox and a subject,
/// and the plain and HTML bodies of its email (one item, or a day's digest).
///
/// A note's text goes into an email only when the desk says so (`mail set --include-notes`):
/// by default what reviewers write stays on the desk, and the email says where to read it.
public enum NotificationText {
    /// One line for an inbox item. In an email (`outside`), an alert's free text (a feed's
    /// error, an audit's finding) is left out: the desk's own From address must not carry
    /// words that a row planted in the inbox could hold; the desk shows them.
    public static func line(_ entry: Notifications.Entry, language: String, outside: Bool = false) -> String {
        line(entry, localizer: localizer(language), outside: outside)
    }

    /// The interface's words for a reviewer's language tag; English for a tag it does not speak.
    static func localizer(_ language: String) -> Localizer {
        Localizer(InterfaceLanguage(tag: language) ?? .en)
    }

    /// One line for an inbox item in `localizer`'s language, as ``line(_:language:outside:)`` says.
    static func line(_ entry: Notifications.Entry, localizer: Localizer, outside: Bool = false) -> String {
        let item = entry.item
        let claim = item.claimID.map(String.init) ?? ""
        let actor = entry.event?.actor ?? ""
        var detail = item.detail ?? ""
        if outside, [.tip, .feedFailing, .webhookDisabled].contains(item.topic) { detail = String(detail.prefix { $0.isASCII && $0.isNumber }) }
        if outside, item.topic == .auditFailed {
            return localizer.text("mail_line_audit_failed_outside")
        }
        switch item.topic {
        case .assigned:
            if detail.isEmpty { return localizer.text("mail_line_assigned", ["actor": actor, "claim": claim]) }
            return localizer.text("mail_line_assigned_due", ["actor": actor, "claim": claim, "due": day(detail)])
        case .due:
            return localizer.text("mail_line_due", ["claim": claim, "due": day(detail)])
        case .overdue:
            return localizer.text("mail_line_overdue", ["claim": claim, "due": day(detail)])
        case .escalated:
            let parts = detail.split(separator: " ", maxSplits: 1).map(String.init)
            let (due, assignee) = (parts.first ?? "", parts.count > 1 ? parts[1] : "")
            return localizer.text("mail_line_escalated", ["claim": claim, "assignee": assignee, "due": day(due)])
        case .mention:
            return localizer.text("mail_line_mention", ["actor": actor, "claim": claim])
        case .verdict:
            return localizer.text("mail_line_verdict", ["claim": claim, "verdict": detail])
        case .reopened:
            return localizer.text("mail_line_reopened", ["actor": actor, "claim": claim, "reason": detail])
        case .approval:
            return localizer.text("mail_line_approval", ["actor": actor, "claim": claim, "verdict": detail])
        case .tip:
            return localizer.text("mail_line_tip", ["tip": detail])
        case .feedFailing:
            return localizer.text("mail_line_feed_failing", ["feed": detail])
        case .webhookDisabled:
            return localizer.text("mail_line_webhook_disabled", ["webhook": detail])
        case .auditFailed:
            return localizer.text("mail_line_audit_failed", ["problem": detail])
        }
    }

    /// The date of an ISO 8601 time, with its hour: `2026-12-04 18:00 UTC`.
    static func day(_ iso: String) -> String {
        guard iso.count >= 16 else { return iso }
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5)) + " UTC"
    }

    /// An email's subject, plain body and HTML body.
    public struct Mail: Sendable, Equatable {
        public var subject: String
        public var text: String
        public var html: String
    }

    /// The email of one item, or the digest of several (oldest first).
    public static func mail(_ entries: [Notifications.Entry], digest: Bool, language: String, name: String, includeNotes: Bool,
                            baseURL: String?) -> Mail {
        let localizer = Self.localizer(language)
        let subject = subject(entries, digest: digest, localizer: localizer)
        let hello = localizer.text("mail_hello", ["name": name])
        var text = hello + "\n\n"
        var html = ""
        for entry in entries {
            let said = line(entry, localizer: localizer, outside: true)
            let link = entry.item.claimID.flatMap { EventMessage.link(claim: $0, baseURL: baseURL) }
            text += "• " + said + "\n"
            html += "<li><p>" + escape(said) + "</p>"
            if let claim = entry.claim {
                text += "  «" + claim.text + "»\n"
                html += "<blockquote>" + escape(claim.text) + "</blockquote>"
            }
            if let note = entry.event?.payload.note, entry.item.topic == .mention || entry.item.topic == .verdict {
                let noteLine = includeNotes ? localizer.text("mail_note", ["note": note]) : localizer.text("mail_note_kept")
                text += "  " + noteLine + "\n"
                html += "<p>" + escape(noteLine) + "</p>"
            }
            if let link {
                text += "  " + link + "\n"
                html += "<p><a href=\"" + escape(link) + "\">" + escape(link) + "</a></p>"
            }
            text += "\n"
            html += "</li>"
        }
        let settings = settingsLink(baseURL)
        let command = "factdesk reviewer notify"
        text += "--\n" + localizer.text("mail_footer", ["link": settings ?? command]) + "\n"
        let footer = localizer.html("mail_footer", markup: ["link": settings.map { "<a href=\"" + escape($0) + "\">" + escape($0) + "</a>" } ?? command])
        let (language, direction) = (localizer.language.rawValue, localizer.direction)
        let body = "<!DOCTYPE html><html lang=\"\(language)\" dir=\"\(direction)\"><head><meta charset=\"utf-8\"><title>"
            + escape(subject) + "</title></head><body dir=\"\(direction)\"><p>" + escape(hello)
            + "</p><ul>" + html + "</ul><hr><p><small>" + footer + "</small></p></body></html>"
        return Mail(subject: subject, text: text, html: body)
    }

    /// An email's subject: the line of its one item, or the digest's count and day, in the
    /// plural form that count takes in the reader's language.
    static func subject(_ entries: [Notifications.Entry], digest: Bool, localizer: Localizer) -> String {
        if !digest, entries.count == 1, let entry = entries.first {
            return localizer.text("mail_subject_one", ["line": line(entry, localizer: localizer, outside: true)])
        }
        let date = entries.last.map { String(ISO8601.string(from: $0.item.createdAt).prefix(10)) } ?? ""
        return localizer.count("mail_digest_subject", entries.count, ["date": date])
    }

    /// The web desk's settings page, where a reviewer changes what they get.
    public static func settingsLink(_ baseURL: String?) -> String? {
        guard let baseURL, !baseURL.isEmpty else { return nil }
        return (baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL) + "/settings"
    }

    /// Text made safe to put in the email's HTML.
    static func escape(_ text: String) -> String {
        HTMLText.escaped(text)
    }
}
