import Foundation

// The `--json` shapes of notifications: settings, the mail transport, webhooks and their
// deliveries, and inbox items (also `GET /api/inbox`).
extension JSONView {
    public struct NotifySettingView: Encodable, Sendable {
        public var handle: String
        @Nullable public var email: String?
        public var mode: String
        public var language: String

        public init(_ setting: NotifySetting) {
            (handle, email, mode, language) = (setting.handle, setting.email, setting.mode.description, setting.language)
        }
    }

    public struct MailSettingView: Encodable, Sendable {
        public var transport: String
        public var sender: String
        public var includeNotes: Bool

        enum CodingKeys: String, CodingKey {
            case transport, sender
            case includeNotes = "include_notes"
        }

        public init(_ setting: MailSetting) {
            (transport, sender, includeNotes) = (setting.recorded, setting.sender, setting.includeNotes)
        }
    }

    /// A webhook; its secret only when it was just made.
    public struct WebhookView: Encodable, Sendable {
        public var id: Int64
        public var url: String
        public var events: [String]
        public var format: String
        public var allowPrivate: Bool
        public var addedBy: String
        @Nullable public var failingSince: String?
        @Nullable public var disabledAt: String?
        public var secret: String?

        enum CodingKeys: String, CodingKey {
            case id, url, events, format, secret
            case allowPrivate = "allow_private"
            case addedBy = "added_by"
            case failingSince = "failing_since"
            case disabledAt = "disabled_at"
        }

        public init(_ hook: Webhook, secret: String?) {
            (id, url, events, format, allowPrivate) = (hook.id ?? 0, hook.url, hook.events.isEmpty ? ["all"] : hook.events,
                                                       hook.format.rawValue, hook.allowPrivate)
            (addedBy, failingSince, disabledAt) = (hook.addedBy, hook.failingSince.map(ISO8601.string(from:)),
                                                   hook.disabledAt.map(ISO8601.string(from:)))
            self.secret = secret
        }
    }

    public struct AttemptView: Encodable, Sendable {
        public var at: String
        public var status: Int64
        @Nullable public var error: String?
        public var milliseconds: Int64
    }

    /// A delivery with its attempts, as `webhook deliveries --json` gives it.
    public struct DeliveryView: Encodable, Sendable {
        public var id: Int64
        public var seq: Int64?
        public var webhookID: String
        public var status: String
        public var attempts: [AttemptView]
        @Nullable public var nextAttempt: String?
        @Nullable public var sentAt: String?

        enum CodingKeys: String, CodingKey {
            case id, seq, status, attempts
            case webhookID = "webhook_id"
            case nextAttempt = "next_attempt"
            case sentAt = "sent_at"
        }

        public init(_ log: Notifications.DeliveryLog) {
            (id, seq, webhookID, status) = (log.delivery.id ?? 0, log.delivery.seq, log.delivery.messageID, log.delivery.status.rawValue)
            attempts = log.attempts.map {
                AttemptView(at: ISO8601.string(from: $0.at), status: $0.status, error: $0.error, milliseconds: $0.milliseconds)
            }
            nextAttempt = log.delivery.status == .pending ? ISO8601.string(from: log.delivery.nextAt) : nil
            sentAt = log.delivery.sentAt.map(ISO8601.string(from:))
        }
    }

    /// An inbox item: what it says, in the reader's language, and where it leads.
    public struct InboxView: Encodable, Sendable {
        public var id: Int64
        public var topic: String
        public var text: String
        @Nullable public var claimID: Int64?
        @Nullable public var seq: Int64?
        public var at: String
        public var read: Bool

        enum CodingKeys: String, CodingKey {
            case id, topic, text, seq, at, read
            case claimID = "claim_id"
        }

        public init(_ entry: Notifications.Entry, language: String) {
            (id, topic, text) = (entry.item.id ?? 0, entry.item.topic.rawValue, NotificationText.line(entry, language: language))
            (claimID, seq, at, read) = (entry.item.claimID, entry.item.seq, ISO8601.string(from: entry.item.createdAt),
                                        entry.item.readAt != nil)
        }
    }
}
