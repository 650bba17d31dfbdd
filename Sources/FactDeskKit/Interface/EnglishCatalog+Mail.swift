extension EnglishCatalog {
    /// The English strings of the mail part: inbox lines, email subjects and bodies.
    static let mail: [String: String] = [
        "mail_line_assigned": "{actor} assigned claim {claim} to you",
        "mail_line_assigned_due": "{actor} assigned claim {claim} to you, due {due}",
        "mail_line_due": "Claim {claim} is due {due}",
        "mail_line_overdue": "Claim {claim} is overdue: it was due {due}",
        "mail_line_escalated": "Claim {claim}, assigned to {assignee}, is overdue since {due}",
        "mail_line_mention": "{actor} mentioned you in a note on claim {claim}",
        "mail_line_verdict": "Claim {claim} has a verdict: {verdict}",
        "mail_line_reopened": "{actor} reopened claim {claim} ({reason})",
        "mail_line_approval": "{actor} approved the verdict on claim {claim}: {verdict}",
        "mail_line_tip": "A reader sent a new tip (tip {tip})",
        "mail_line_feed_failing": "Feed {feed} is failing",
        "mail_line_webhook_disabled": "Webhook {webhook} was disabled after failing for 5 days",
        "mail_line_audit_failed": "The desk's history check failed: {problem}",
        "mail_line_audit_failed_outside": "The desk's history check failed; run factdesk audit verify",
        "mail_subject_one": "FactDesk: {line}",
        "mail_digest_subject#one": "FactDesk: {n} notification of {date}",
        "mail_digest_subject#other": "FactDesk: {n} notifications of {date}",
        "mail_hello": "Hello {name},",
        "mail_note": "Note: {note}",
        "mail_note_kept": "The note is on the desk.",
        "mail_footer": "You get this because you are on the desk's team. Change what you get at: {link}",
    ]
}
