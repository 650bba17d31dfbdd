import Foundation

/// How a reviewer is told, as their signed `reviewer.notify` event set it.
///
/// The address itself is kept here, outside the history (which holds only its SHA-256),
/// so that it can be changed or erased; the mailer sends only to an address whose digest
/// the event the row names (`seq`) recorded, by someone allowed to set it.
public struct NotifySetting: Sendable, Equatable {
    public var handle: String
    public var email: String?
    public var mode: NotifyMode
    /// The language of their emails: `ar` or `en`.
    public var language: String
    /// The number of the `reviewer.notify` event that set it.
    public var seq: Int64

    public init(handle: String, email: String?, mode: NotifyMode, language: String, seq: Int64) {
        (self.handle, self.email, self.mode, self.language, self.seq) = (handle, email, mode, language, seq)
    }
}

/// When a reviewer's emails are sent: one per notification, a daily digest at an hour
/// (UTC), or none. The inbox on the web desk gets every notification whatever this says.
public enum NotifyMode: Sendable, Equatable, CustomStringConvertible {
    case each
    /// The hour and minute, in UTC, of the daily digest.
    case digest(hour: Int, minute: Int)
    case none

    /// Reads `each`, `digest@08:00` or `none`.
    public init(_ text: String) throws(DeskError) {
        let text = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch text {
        case "each": self = .each
        case "none": self = .none
        case "digest": self = .digest(hour: 8, minute: 0)
        default:
            let parts = text.split(separator: "@", maxSplits: 1)
            let time = parts.count == 2 ? parts[1].split(separator: ":") : []
            guard parts.first == "digest", time.count == 2, time.allSatisfy({ $0.count == 2 }),
                  let hour = Int(time[0]), let minute = Int(time[1]), (0..<24).contains(hour), (0..<60).contains(minute) else {
                throw .invalidValue("'\(text)' is not a way to be told; give each, digest@HH:MM (UTC, e.g. digest@08:00) or none")
            }
            self = .digest(hour: hour, minute: minute)
        }
    }

    public var description: String {
        switch self {
        case .each: "each"
        case .none: "none"
        case .digest(let hour, let minute): "digest@" + String(format: "%02d:%02d", hour, minute)
        }
    }
}

/// How the desk sends email, as its signed `mail.set` event set it: the transport, the
/// From address, and whether notes' text may go into emails.
public struct MailSetting: Sendable, Equatable {
    /// `smtp://user@host:587`, `smtps://host:465`, or `sendmail:` and the command.
    public var transport: String
    public var starttls: Bool
    public var sender: String
    public var includeNotes: Bool
    /// The number of the `mail.set` event that set it.
    public var seq: Int64

    public init(transport: String, starttls: Bool, sender: String, includeNotes: Bool, seq: Int64) {
        (self.transport, self.starttls, self.sender, self.includeNotes, self.seq) = (transport, starttls, sender, includeNotes, seq)
    }

    /// What the `mail.set` event records of the transport: the address (with `+starttls`) or the command.
    public var recorded: String { transport + (starttls ? " +starttls" : "") }
}

/// An address the desk posts its events to, signed as Standard Webhooks signs them.
///
/// Its address, events, format and the digest of its secret are in the signed
/// `webhook.add` event the row names (`addedSeq`); a row that differs is not posted to.
/// The rest is the deliverer's bookkeeping.
public struct Webhook: Sendable, Equatable {
    public enum Format: String, Sendable, CaseIterable {
        /// The event's JSON, as `history --json` prints it, with a summary of its claim.
        case standard
        /// `{"text": ...}`, which Slack, Mattermost and Rocket.Chat incoming webhooks take.
        case slack
    }

    public var id: Int64?
    public var url: String
    /// The actions it takes; empty for every one.
    public var events: [String]
    public var format: Format
    /// `whsec_` and the base64 of its key.
    public var secret: String
    public var allowPrivate: Bool
    public var addedBy: String
    public var addedAt: Date
    public var addedSeq: Int64
    /// When it began failing (a delivery that gave up or is being retried), nil while it works.
    public var failingSince: Date?
    /// When it was disabled after failing too long, and why.
    public var disabledAt: Date?
    public var disabledReason: String?

    public init(id: Int64? = nil, url: String, events: [String], format: Format, secret: String, allowPrivate: Bool,
                addedBy: String, addedAt: Date, addedSeq: Int64) {
        (self.id, self.url, self.events, self.format, self.secret) = (id, url, events, format, secret)
        (self.allowPrivate, self.addedBy, self.addedAt, self.addedSeq) = (allowPrivate, addedBy, addedAt, addedSeq)
    }

    /// Whether it takes events of this action.
    public func takes(_ action: String) -> Bool { events.isEmpty || events.contains(action) }

    /// A webhook failing this long is disabled, and the editors told.
    public static let disableAfter: TimeInterval = 5 * 86_400
}

/// Something a reviewer should know, in their inbox on the web desk: derived from the
/// history (an assignment, a mention, a verdict, a tip) or from the clock (a deadline near
/// or past), once each, with its read flag. Marking it read is not an event.
public struct InboxItem: Sendable, Equatable {
    public enum Topic: String, Sendable, CaseIterable {
        case assigned, due, overdue, escalated, mention, verdict, reopened, approval, tip
        case feedFailing = "feed-failing"
        case webhookDisabled = "webhook-disabled"
        case auditFailed = "audit-failed"
    }

    public var id: Int64?
    public var handle: String
    public var topic: Topic
    /// The event it came from, when it came from one.
    public var seq: Int64?
    public var claimID: Int64?
    /// What makes it once: the topic, its event or deadline, and its reader.
    public var key: String
    /// What it says beyond its event: a deadline, a feed's error.
    public var detail: String?
    public var createdAt: Date
    public var readAt: Date?

    public init(id: Int64? = nil, handle: String, topic: Topic, seq: Int64?, claimID: Int64?, key: String, detail: String?,
                createdAt: Date, readAt: Date? = nil) {
        (self.id, self.handle, self.topic, self.seq, self.claimID) = (id, handle, topic, seq, claimID)
        (self.key, self.detail, self.createdAt, self.readAt) = (key, detail, createdAt, readAt)
    }
}

/// One message to send: an email to a reviewer (of one inbox item, or a digest of several)
/// or an event posted to a webhook, kept until it is sent or given up.
///
/// Rows are derived from the history by number, under a cursor, in the same transaction
/// that moves the cursor, so a crash loses none; each is sent by one deliverer at a time,
/// which leases it (``StorageWriter/leaseDeliveries(holder:now:until:limit:)``).
public struct Delivery: Sendable, Equatable {
    public enum Channel: String, Sendable { case email, webhook }
    public enum Status: String, Sendable { case pending, sent, failed }

    public var id: Int64?
    public var channel: Channel
    /// The reviewer's handle, or the webhook's number.
    public var target: String
    /// The event posted to a webhook.
    public var seq: Int64?
    /// The inbox item an email tells of; for a digest, the first and last items it gathers.
    public var inboxFrom: Int64?
    public var inboxTo: Int64?
    /// What makes it once.
    public var key: String
    public var createdAt: Date
    public var status: Status = .pending
    public var attempts: Int64 = 0
    public var nextAt: Date
    public var lastError: String?
    public var sentAt: Date?

    public init(id: Int64? = nil, channel: Channel, target: String, seq: Int64? = nil, inboxFrom: Int64? = nil, inboxTo: Int64? = nil,
                key: String, createdAt: Date) {
        (self.id, self.channel, self.target, self.seq, self.inboxFrom, self.inboxTo) = (id, channel, target, seq, inboxFrom, inboxTo)
        (self.key, self.createdAt, self.nextAt) = (key, createdAt, createdAt)
    }

    /// Whether it is a daily digest rather than one item's email.
    public var isDigest: Bool { key.hasPrefix("digest:") }

    /// The `webhook-id` its posts carry, the same on every retry, by which receivers drop repeats.
    public var messageID: String { "msg_fd\(id ?? 0)" }
}

/// One attempt to send a delivery: when, the answer (an HTTP status or an SMTP reply code;
/// 0 for none), the error, and how long it took.
public struct DeliveryAttempt: Sendable, Equatable {
    public var deliveryID: Int64
    public var at: Date
    public var status: Int64
    public var error: String?
    public var milliseconds: Int64

    public init(deliveryID: Int64, at: Date, status: Int64, error: String?, milliseconds: Int64) {
        (self.deliveryID, self.at, self.status, self.error, self.milliseconds) = (deliveryID, at, status, error, milliseconds)
    }
}
