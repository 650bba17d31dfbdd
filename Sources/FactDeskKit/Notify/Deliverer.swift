import Foundation

/// An email ready to send, whatever sends it.
public struct OutgoingMail: Sendable, Equatable {
    public var to: String
    public var toName: String?
    public var from: String
    public var subject: String
    public var text: String
    public var html: String
    /// Headers beyond the addresses and subject: `List-Unsubscribe`, `Auto-Submitted`.
    public var headers: [String: String]
    /// The same on every retry, so that a mail system may tell a repeat.
    public var messageID: String
}

/// What sends the outbox's messages: the live senders (SMTP or sendmail, and HTTP), or a
/// test's.
public struct Senders: Sendable {
    public var email: @Sendable (OutgoingMail, MailSetting, String?) async throws -> Void
    public var webhook: @Sendable (Data, Webhook, String, Date) async throws -> Int

    public init(email: @escaping @Sendable (OutgoingMail, MailSetting, String?) async throws -> Void,
                webhook: @escaping @Sendable (Data, Webhook, String, Date) async throws -> Int) {
        (self.email, self.webhook) = (email, webhook)
    }
}

/// A delivery that no retry can send: its webhook removed or disabled, or a row that is not
/// what its signed event recorded. It is given up at once.
struct Undeliverable: Error, CustomStringConvertible {
    var description: String
}

extension Notifier {
    /// How many deliveries a round leases at a time: one, so that a lease (``Notifier/Options/leaseSeconds``,
    /// longer than any one send may take) never runs out while its delivery waits behind others.
    static let deliveriesPerLease = 1

    /// Sends what is due: leases due deliveries (no other deliverer sends them meanwhile),
    /// sends each, and records the attempt, a retry time, or the end.
    public func deliver(_ options: Options, senders: Senders) async throws -> Round {
        var round = Round()
        while true {
            let now = clock()
            let leased = try await storage.writing {
                try await $0.leaseDeliveries(holder: options.holder, now: now, until: now.addingTimeInterval(options.leaseSeconds),
                                             limit: Self.deliveriesPerLease)
            }
            for delivery in leased {
                switch try await send(delivery, options, senders) {
                case .sent: round.sent += 1
                case .pending: round.failed += 1
                case .failed: round.gaveUp += 1
                }
            }
            if leased.count < Self.deliveriesPerLease { return round }
        }
    }

    /// Sends one leased delivery and records what came of it.
    func send(_ leased: Delivery, _ options: Options, _ senders: Senders) async throws -> Delivery.Status {
        var delivery = leased
        let started = clock()
        var status: Int64 = 0
        var failure: String?
        var final = false
        do {
            switch delivery.channel {
            case .webhook:
                status = Int64(try await sendWebhook(delivery, options, senders))
                if !(200..<300).contains(status) { failure = "answered \(status)" }
            case .email:
                try await sendEmail(delivery, options, senders)
                status = 250
            }
        } catch let error as Undeliverable {
            (failure, final) = (error.description, true)
        } catch {
            failure = String(describing: error)
        }
        let now = clock()
        delivery.attempts += 1
        delivery.lastError = failure.map { String($0.prefix(500)) }
        if failure == nil {
            (delivery.status, delivery.sentAt) = (.sent, now)
        } else if final || now.timeIntervalSince(delivery.createdAt) >= options.giveUpAfter {
            delivery.status = .failed
        } else {
            delivery.nextAt = now.addingTimeInterval(Self.backoff(attempts: delivery.attempts, first: options.firstRetry))
        }
        let attempt = DeliveryAttempt(deliveryID: delivery.id ?? 0, at: started, status: status, error: delivery.lastError,
                                      milliseconds: Int64(now.timeIntervalSince(started) * 1000))
        let recorded = delivery
        try await storage.writing { tx in
            guard try await tx.save(recorded, holder: options.holder) else { return }
            try await tx.insert(attempt)
            if recorded.channel == .webhook, let id = Int64(recorded.target) {
                try await noteWebhook(id, working: failure == nil, at: now, tx)
            }
        }
        return delivery.status
    }

    /// The wait before retry `attempts`: the first retry's, four times longer each time, at
    /// most two hours, give or take a fifth (so that many failures do not retry together).
    static func backoff(attempts: Int64, first: TimeInterval) -> TimeInterval {
        let base = min(first * pow(4, Double(max(0, attempts - 1))), 7_200)
        return base * Double.random(in: 0.8...1.2)
    }

    /// Records whether a webhook works: a failure starts its failing time, a success ends
    /// it, and one failing for five days is disabled and the editors told.
    func noteWebhook(_ id: Int64, working: Bool, at now: Date, _ tx: any StorageWriter) async throws {
        guard var hook = try await tx.webhook(id) else { return }
        if working {
            guard hook.failingSince != nil else { return }
            hook.failingSince = nil
        } else if let since = hook.failingSince {
            guard hook.disabledAt == nil, now.timeIntervalSince(since) >= Webhook.disableAfter else { return }
            (hook.disabledAt, hook.disabledReason) = (now, "failing since \(ISO8601.string(from: since))")
            let editors = try await tx.reviewers().filter { $0.active && $0.role == .editor }.map(\.handle)
            _ = try await tell(editors.map {
                InboxItem(handle: $0, topic: .webhookDisabled, seq: nil, claimID: nil,
                          key: "webhook-disabled:\(id):\(StoredTime.text(now)):\($0)", detail: "\(id) \(hook.url)", createdAt: now)
            }, tx)
        } else {
            hook.failingSince = now
        }
        try await tx.saveState(hook)
    }

    /// Posts a webhook's event, if its row is what its signed `webhook.add` event recorded.
    func sendWebhook(_ delivery: Delivery, _ options: Options, _ senders: Senders) async throws -> Int {
        let (hook, message) = try await storage.reading { tx -> (Webhook, EventMessage) in
            guard let id = Int64(delivery.target), let hook = try await tx.webhook(id) else {
                throw Undeliverable(description: "webhook \(delivery.target) was removed")
            }
            if hook.disabledAt != nil { throw Undeliverable(description: "webhook \(id) is disabled") }
            guard let added = try await tx.event(seq: hook.addedSeq), case .webhookAdd(let recorded) = added.payload,
                  WebhookCheck.matches(hook, recorded, by: added.actor, seq: hook.addedSeq, secretRead: true),
                  try await SignedRecords.isTrusted(added, tx, checked: verifiedSignatures) else {
                throw Undeliverable(description: "webhook \(id)'s row is not what its signed webhook.add event recorded; "
                                    + "run `factdesk audit verify`, then remove the webhook and add it again")
            }
            guard let seq = delivery.seq, let event = try await tx.event(seq: seq) else {
                throw Undeliverable(description: "event \(delivery.seq ?? 0) is not in the history")
            }
            // A row planted or changed by hand gets no event the webhook did not ask for.
            guard seq > hook.addedSeq, hook.takes(event.action) else {
                throw Undeliverable(description: "webhook \(id) did not ask for event \(seq) (\(event.action))")
            }
            let claim = try await event.claimID.asyncMap { try await tx.claim($0) } ?? nil
            return (hook, EventMessage(event: event, claim: claim, baseURL: options.baseURL))
        }
        let body = hook.format == .slack ? try message.slackJSON() : try message.json()
        return try await senders.webhook(body, hook, delivery.messageID, clock())
    }

    /// Emails a reviewer their item or digest, if their address and the desk's transport are
    /// what signed events set.
    func sendEmail(_ delivery: Delivery, _ options: Options, _ senders: Senders) async throws {
        let handle = delivery.target
        let (mail, transport, password) = try await storage.reading { tx -> (OutgoingMail, MailSetting, String?) in
            guard let setting = try await tx.notifySetting(handle), let address = setting.email else {
                throw Undeliverable(description: "\(handle) has no email address any more")
            }
            guard try await tx.reviewer(handle)?.active == true else {
                throw Undeliverable(description: "\(handle) is no longer an active reviewer")
            }
            guard let set = try await tx.event(seq: setting.seq), case .reviewerNotify(let recorded) = set.payload,
                  NotifySettingCheck.matches(setting, recorded), try await SignedRecords.isTrusted(set, tx, checked: verifiedSignatures) else {
                throw Undeliverable(description: "\(handle)'s address is not the one a signed reviewer.notify event set; "
                                    + "run `factdesk audit verify`, then set it again with `factdesk reviewer email`")
            }
            guard let transport = try await tx.mailSetting() else {
                throw DeskError.invalidValue("the desk has no way to send mail yet; an editor runs `factdesk mail set`")
            }
            guard let chosen = try await tx.event(seq: transport.seq), case .mailSet(let recordedMail) = chosen.payload,
                  MailSettingCheck.matches(transport, (recordedMail, transport.seq)),
                  try await SignedRecords.isTrusted(chosen, tx, checked: verifiedSignatures) else {
                throw Undeliverable(description: "the desk's mail transport is not what a signed mail.set event set; "
                                    + "run `factdesk audit verify`, then set it again with `factdesk mail set`")
            }
            guard let from = delivery.inboxFrom, let to = delivery.inboxTo else {
                throw Undeliverable(description: "delivery \(delivery.id ?? 0) names no inbox items")
            }
            var entries: [Notifications.Entry] = []
            for item in try await tx.inbox(of: handle, unreadOnly: false, after: from - 1, limit: Int(max(1, min(to - from + 1, 500))))
                where (item.id ?? 0) <= to {
                entries.append(Notifications.Entry(item: item, event: try await item.seq.asyncMap { try await tx.event(seq: $0) } ?? nil,
                                                   claim: try await item.claimID.asyncMap { try await tx.claim($0) } ?? nil))
            }
            guard !entries.isEmpty else { throw Undeliverable(description: "its inbox items are gone") }
            let name = try await tx.reviewer(handle)?.displayName ?? handle
            let written = NotificationText.mail(entries, digest: delivery.isDigest, language: setting.language,
                                                name: name, includeNotes: transport.includeNotes, baseURL: options.baseURL)
            var headers = ["Auto-Submitted": "auto-generated"]
            if let settings = NotificationText.settingsLink(options.baseURL) {
                headers["List-Unsubscribe"] = "<\(settings)>"
            }
            let domain = transport.sender.split(separator: "@").last.map(String.init) ?? "factdesk.invalid"
            let mail = OutgoingMail(to: address, toName: name, from: transport.sender, subject: written.subject, text: written.text,
                                    html: written.html, headers: headers, messageID: "<fd\(delivery.id ?? 0).\(sha256Hex(delivery.key).prefix(16))@\(domain)>")
            var password = ProcessInfo.processInfo.environment["FACTDESK_SMTP_PASSWORD"]
            if password == nil { password = try await tx.mailPassword() }
            return (mail, transport, password)
        }
        try await senders.email(mail, transport, password)
    }
}
