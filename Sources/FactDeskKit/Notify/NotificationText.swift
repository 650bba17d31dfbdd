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
        let ar = language == "ar"
        let item = entry.item
        let claim = item.claimID.map(String.init) ?? ""
        let actor = entry.event?.actor ?? ""
        var detail = item.detail ?? ""
        if outside, [.tip, .feedFailing, .webhookDisabled].contains(item.topic) { detail = String(detail.prefix { $0.isASCII && $0.isNumber }) }
        if outside, item.topic == .auditFailed {
            return ar ? "فشل فحص سجل المكتب؛ شغّل factdesk audit verify" : "The desk's history check failed; run factdesk audit verify"
        }
        switch item.topic {
        case .assigned:
            let due = detail.isEmpty ? "" : (ar ? "، موعده \(day(detail))" : ", due \(day(detail))")
            return ar ? "أسند إليك \(actor) الادعاء رقم \(claim)\(due)" : "\(actor) assigned claim \(claim) to you\(due)"
        case .due:
            return ar ? "يحين موعد الادعاء رقم \(claim) في \(day(detail))" : "Claim \(claim) is due \(day(detail))"
        case .overdue:
            return ar ? "تأخر الادعاء رقم \(claim) عن موعده (\(day(detail)))" : "Claim \(claim) is overdue: it was due \(day(detail))"
        case .escalated:
            let parts = detail.split(separator: " ", maxSplits: 1).map(String.init)
            let (due, assignee) = (parts.first ?? "", parts.count > 1 ? parts[1] : "")
            return ar ? "الادعاء رقم \(claim) المسند إلى \(assignee) متأخر منذ \(day(due))"
                : "Claim \(claim), assigned to \(assignee), is overdue since \(day(due))"
        case .mention:
            return ar ? "ذكرك \(actor) في ملاحظة على الادعاء رقم \(claim)" : "\(actor) mentioned you in a note on claim \(claim)"
        case .verdict:
            return ar ? "صدر الحكم على الادعاء رقم \(claim): \(detail)" : "Claim \(claim) has a verdict: \(detail)"
        case .reopened:
            return ar ? "أعاد \(actor) فتح الادعاء رقم \(claim) (\(detail))" : "\(actor) reopened claim \(claim) (\(detail))"
        case .approval:
            return ar ? "اعتمد \(actor) الحكم على الادعاء رقم \(claim): \(detail)" : "\(actor) approved the verdict on claim \(claim): \(detail)"
        case .tip:
            return ar ? "وصل بلاغ جديد من قارئ (رقم \(detail))" : "A reader sent a new tip (tip \(detail))"
        case .feedFailing:
            return ar ? "تتعثر الخلاصة \(detail)" : "Feed \(detail) is failing"
        case .webhookDisabled:
            return ar ? "عُطّل الخطاف \(detail) بعد إخفاقه خمسة أيام" : "Webhook \(detail) was disabled after failing for 5 days"
        case .auditFailed:
            return ar ? "فشل فحص سجل المكتب: \(detail)" : "The desk's history check failed: \(detail)"
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
        let ar = language == "ar"
        let subject: String
        if digest || entries.count != 1 {
            let date = entries.last.map { String(ISO8601.string(from: $0.item.createdAt).prefix(10)) } ?? ""
            subject = ar ? "FactDesk: \(entries.count) \(entries.count <= 10 ? "إشعارات" : "إشعارًا") ليوم \(date)"
                : "FactDesk: \(entries.count) notification\(entries.count == 1 ? "" : "s") of \(date)"
        } else {
            subject = "FactDesk: " + line(entries[0], language: language, outside: true)
        }
        var text = (ar ? "مرحبًا \(name)،" : "Hello \(name),") + "\n\n"
        var html = ""
        for entry in entries {
            let said = line(entry, language: language, outside: true)
            let link = entry.item.claimID.flatMap { EventMessage.link(claim: $0, baseURL: baseURL) }
            text += "• " + said + "\n"
            html += "<li><p>" + escape(said) + "</p>"
            if let claim = entry.claim {
                text += "  «" + claim.text + "»\n"
                html += "<blockquote>" + escape(claim.text) + "</blockquote>"
            }
            if let note = entry.event?.payload.note, entry.item.topic == .mention || entry.item.topic == .verdict {
                if includeNotes {
                    text += (ar ? "  الملاحظة: " : "  Note: ") + note + "\n"
                    html += "<p>" + (ar ? "الملاحظة: " : "Note: ") + escape(note) + "</p>"
                } else {
                    let kept = ar ? "  الملاحظة محفوظة في المكتب." : "  The note is on the desk."
                    text += kept + "\n"
                    html += "<p>" + escape(kept.trimmingCharacters(in: .whitespaces)) + "</p>"
                }
            }
            if let link {
                text += "  " + link + "\n"
                html += "<p><a href=\"" + escape(link) + "\">" + escape(link) + "</a></p>"
            }
            text += "\n"
            html += "</li>"
        }
        let settings = settingsLink(baseURL)
        let footer = ar ? "تصلك هذه الرسالة لأنك في فريق المكتب. غيّر ما يصلك من: " : "You get this because you are on the desk's team. Change what you get at: "
        text += "--\n" + footer + (settings ?? (ar ? "factdesk reviewer notify" : "factdesk reviewer notify")) + "\n"
        let direction = ar ? "rtl" : "ltr"
        let body = "<!DOCTYPE html><html lang=\"\(language)\" dir=\"\(direction)\"><head><meta charset=\"utf-8\"><title>"
            + escape(subject) + "</title></head><body dir=\"\(direction)\"><p>" + escape(ar ? "مرحبًا \(name)،" : "Hello \(name),")
            + "</p><ul>" + html + "</ul><hr><p><small>" + escape(footer)
            + (settings.map { "<a href=\"" + escape($0) + "\">" + escape($0) + "</a>" } ?? "factdesk reviewer notify")
            + "</small></p></body></html>"
        return Mail(subject: subject, text: text, html: body)
    }

    /// The web desk's settings page, where a reviewer changes what they get.
    public static func settingsLink(_ baseURL: String?) -> String? {
        guard let baseURL, !baseURL.isEmpty else { return nil }
        return (baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL) + "/settings"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
