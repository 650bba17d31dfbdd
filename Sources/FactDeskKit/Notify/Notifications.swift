import Crypto
import Foundation

// MARK: - Reviewers' settings and follows

extension Notifications {
    /// The settings of a reviewer who set none: every notification emailed (once there is
    /// an address), in English.
    public static func defaultSetting(_ handle: String) -> NotifySetting {
        NotifySetting(handle: handle, email: nil, mode: .each, language: "en", seq: 0)
    }

    public func setting(of handle: String) async throws -> NotifySetting {
        try await storage.reading { tx in
            guard try await tx.reviewer(handle) != nil else { throw DeskError.reviewerNotFound(handle) }
            return try await tx.notifySetting(handle) ?? Self.defaultSetting(handle)
        }
    }

    /// What a change of settings changes: each part left as it is when nil.
    public enum EmailChange: Sendable, Equatable {
        case keep, set(String), clear
    }

    /// Changes how a reviewer is told: their address, their mode, their language. Their own
    /// doing, or an editor's; recorded as a signed `reviewer.notify` event that holds the
    /// address's SHA-256, never the address.
    @discardableResult
    public func configure(_ handle: String, email: EmailChange = .keep, mode: NotifyMode? = nil, language: String? = nil,
                          by actor: String) async throws -> NotifySetting {
        var address: String?
        if case .set(let text) = email { address = try Self.checkAddress(text) }
        if let language, !["ar", "en"].contains(language) {
            throw DeskError.invalidValue("'\(language)' is not a language of the desk's emails; give ar or en")
        }
        return try await writing { tx in
            guard try await tx.reviewer(handle) != nil else { throw DeskError.reviewerNotFound(handle) }
            _ = try await tx.permit(.access(of: handle), by: actor)
            var setting = try await tx.notifySetting(handle) ?? Self.defaultSetting(handle)
            switch email {
            case .keep: break
            case .set: setting.email = address
            case .clear: setting.email = nil
            }
            if let mode { setting.mode = mode }
            if let language { setting.language = language }
            let event = try await tx.record(AuditEvent(at: clock(), actor: actor, .reviewerNotify(.init(
                handle: handle, mode: setting.mode.description, language: setting.language,
                emailSha256: setting.email.map(sha256Hex)))), signer)
            setting.seq = event.seq ?? 0
            try await tx.save(setting)
            return setting
        }
    }

    /// Follows a claim, or stops: a follower is told of its verdicts, reopenings and approvals.
    /// A reviewer's own choice, not an event.
    public func follow(_ claimID: Int64, _ following: Bool = true, by actor: String) async throws {
        try await storage.writing { tx in
            _ = try await tx.activeReviewer(actor)
            _ = try await tx.existingClaim(claimID)
            try await tx.setFollowing(following, claim: claimID, handle: actor, at: clock())
        }
    }

    public func followers(of claimID: Int64) async throws -> [String] {
        try await storage.reading { try await $0.followers(of: claimID) }
    }
}

// MARK: - The inbox

extension Notifications {
    /// An inbox item with what a person reads of it: the event it came from and its claim.
    public struct Entry: Sendable, Equatable {
        public var item: InboxItem
        public var event: AuditEvent?
        public var claim: Claim?
    }

    /// A reviewer's inbox, newest first.
    public func inbox(of handle: String, unreadOnly: Bool = false, limit: Int = 100) async throws -> [Entry] {
        try await storage.reading { tx in
            guard try await tx.reviewer(handle) != nil else { throw DeskError.reviewerNotFound(handle) }
            var entries: [Entry] = []
            for item in try await tx.inbox(of: handle, unreadOnly: unreadOnly, after: nil, limit: max(1, min(limit, 1_000))) {
                entries.append(Entry(item: item, event: try await item.seq.asyncMap { try await tx.event(seq: $0) } ?? nil,
                                     claim: try await item.claimID.asyncMap { try await tx.claim($0) } ?? nil))
            }
            return entries
        }
    }

    public func unreadCount(of handle: String) async throws -> Int {
        try await storage.reading { try await $0.unreadCount(of: handle) }
    }

    /// Marks one of a reviewer's items read, or all of them with nil; says how many it marked.
    /// Not an event: the read flag is the reader's own bookkeeping.
    @discardableResult
    public func markRead(_ item: Int64?, by handle: String) async throws -> Int {
        try await storage.writing { tx in
            _ = try await tx.activeReviewer(handle)
            let marked = try await tx.markRead(handle, item: item, at: clock())
            if let item, marked == 0, try await tx.inbox(of: handle, unreadOnly: false, after: item - 1, limit: 1).first?.id != item {
                throw DeskError.inboxItemNotFound(item)
            }
            return marked
        }
    }
}

// MARK: - Mail and webhooks

extension Notifications {
    /// How the desk sends mail: an SMTP relay, or a sendmail-compatible command.
    public enum Transport: Sendable, Equatable {
        case smtp(url: String, starttls: Bool)
        case sendmail(command: String)
    }

    /// Sets how the desk sends email (editors only, a signed `mail.set` event). The relay's
    /// password is kept apart, outside the history, and read by the server's login alone on
    /// PostgreSQL; `FACTDESK_SMTP_PASSWORD` in the sender's environment is used instead when set.
    @discardableResult
    public func setMail(_ transport: Transport, from sender: String, includeNotes: Bool, password: String?,
                        by actor: String) async throws -> MailSetting {
        let from = try Self.checkAddress(sender)
        let stored: String, starttls: Bool
        switch transport {
        case .smtp(let url, let tls):
            stored = try Self.checkRelay(url)
            starttls = tls
            if tls, stored.hasPrefix("smtps:") {
                throw DeskError.invalidValue("smtps:// is TLS from the start; leave out --starttls, or give smtp:// with it")
            }
        case .sendmail(let command):
            let words = command.split(whereSeparator: \.isWhitespace)
            guard let program = words.first, program.hasPrefix("/") else {
                throw DeskError.invalidValue("give the sendmail command with its full path, e.g. --sendmail \"/usr/sbin/sendmail -t\"")
            }
            try StoredText.check(command, field: "sendmail command")
            (stored, starttls) = ("sendmail:" + words.joined(separator: " "), false)
        }
        if let password { try StoredText.check(password, field: "password") }
        return try await writing { tx in
            _ = try await tx.permit(.sendOutside, by: actor)
            var setting = MailSetting(transport: stored, starttls: starttls, sender: from, includeNotes: includeNotes, seq: 0)
            let event = try await tx.record(AuditEvent(at: clock(), actor: actor, .mailSet(.init(
                transport: setting.recorded, sender: from, includeNotes: includeNotes))), signer)
            setting.seq = event.seq ?? 0
            try await tx.save(setting, password: password)
            return setting
        }
    }

    public func mailSetting() async throws -> MailSetting? {
        try await storage.reading { try await $0.mailSetting() }
    }

    /// Checks an email address as the desk keeps it: `local@domain`, one line, no spaces or
    /// angle brackets, at most 254 characters, trimmed.
    public static func checkAddress(_ text: String) throws(DeskError) -> String {
        let address = text.trimmingCharacters(in: .whitespaces)
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              address.count <= 254, !address.unicodeScalars.contains(where: { $0.value < 0x21 || "<>()[],;:\\\"".unicodeScalars.contains($0) })
        else { throw .invalidValue("'\(text)' is not an email address; give one such as name@example.org") }
        return address
    }

    /// Checks a relay's address: `smtp://[user@]host[:port]` or `smtps://...`, with no password in it.
    static func checkRelay(_ url: String) throws -> String {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(), ["smtp", "smtps"].contains(scheme),
              let host = parts.host, !host.isEmpty, parts.path.isEmpty || parts.path == "/", parts.query == nil else {
            throw DeskError.invalidValue("'\(url)' is not a relay's address; give smtp://[user@]host[:port] or smtps://host[:465]")
        }
        if parts.password != nil {
            throw DeskError.invalidValue("keep the password out of the address: give it on stdin with --password-stdin, or in FACTDESK_SMTP_PASSWORD")
        }
        var clean = "\(scheme)://"
        if let user = parts.percentEncodedUser { clean += user + "@" }
        clean += parts.percentEncodedHost ?? host
        if let port = parts.port { clean += ":\(port)" }
        return clean
    }

    /// The actions a webhook may ask for: the desk's dotted ones and its workflow's transitions.
    func knownActions(_ tx: any StorageReader) async throws -> [String] {
        AuditAction.all + (try await tx.deskWorkflow().workflow.transitions.map(\.name))
    }

    /// Refuses an action a webhook cannot get, naming the one spelt most like it.
    func checkEvents(_ wanted: [String], _ tx: any StorageReader) async throws {
        let known = try await knownActions(tx)
        for event in wanted where !known.contains(event) {
            let guess = closestWord(to: event, in: known, limit: 3)
            throw DeskError.invalidValue("'\(event)' is not an event of this desk; "
                                         + (guess.map { "did you mean '\($0)'?" } ?? "give actions such as \(known.prefix(6).joined(separator: ", "))"))
        }
    }

    /// Adds a webhook (editors only, a signed `webhook.add` event): checks its address (not a
    /// private one, unless `allowPrivate`), makes its secret, and returns the secret, shown once.
    public func addWebhook(_ address: String, events: [String], format: Webhook.Format, allowPrivate: Bool,
                           by actor: String) async throws -> (webhook: Webhook, secret: String) {
        let url = try PageFetcher.check(address.trimmingCharacters(in: .whitespacesAndNewlines))
        let wanted = events.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        try await storage.reading { tx in
            _ = try await tx.permit(.sendOutside, by: actor)
            try await checkEvents(wanted, tx)
        }
        if !allowPrivate {
            do { try await PublicAddress.check(url) } catch FetchError.privateAddress(_, let ip) {
                throw DeskError.invalidValue("\(url) leads to \(ip), a private address; the desk posts only to public ones "
                                             + "unless the webhook is added with --allow-private")
            }
        }
        var key = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in key.indices { key[index] = UInt8.random(in: 0...255, using: &generator) }
        let secret = "whsec_" + Data(key).base64EncodedString()
        let hook = try await writing { tx in
            _ = try await tx.permit(.sendOutside, by: actor)
            try await checkEvents(wanted, tx)
            let now = clock()
            let seq = ((try await tx.historyHead())?.seq ?? 0) + 1
            let hook = try await tx.insert(Webhook(url: url, events: wanted, format: format, secret: secret, allowPrivate: allowPrivate,
                                                   addedBy: actor, addedAt: now, addedSeq: seq))
            let event = try await tx.record(AuditEvent(at: now, actor: actor, .webhookAdd(.init(
                webhook: hook.id ?? 0, url: url, events: wanted, format: format.rawValue, allowPrivate: allowPrivate,
                secretSha256: sha256Hex(secret)))), signer)
            guard event.seq == seq else { throw StoreError.database("the webhook's event was not the next in the history") }
            return hook
        }
        return (hook, secret)
    }

    public func webhooks() async throws -> [Webhook] {
        try await storage.reading { try await $0.webhooks() }
    }

    /// Removes a webhook (editors only); its deliveries' log stays.
    @discardableResult
    public func removeWebhook(_ id: Int64, by actor: String) async throws -> Webhook {
        try await writing { tx in
            _ = try await tx.permit(.sendOutside, by: actor)
            guard let hook = try await tx.webhook(id) else { throw DeskError.webhookNotFound(id) }
            try await tx.deleteWebhook(id)
            _ = try await tx.record(AuditEvent(at: clock(), actor: actor, .webhookRemove(.init(webhook: id, url: hook.url))), signer)
            return hook
        }
    }

    /// A delivery with its attempts.
    public struct DeliveryLog: Sendable, Equatable {
        public var delivery: Delivery
        public var attempts: [DeliveryAttempt]
    }

    /// A webhook's deliveries, newest first, with their attempts (editors only).
    public func deliveries(webhook id: Int64, limit: Int = 50, by actor: String) async throws -> [DeliveryLog] {
        try await storage.reading { tx in
            _ = try await tx.permit(.sendOutside, by: actor)
            guard try await tx.webhook(id) != nil else { throw DeskError.webhookNotFound(id) }
            var logs: [DeliveryLog] = []
            for delivery in try await tx.deliveries(.webhook, target: String(id), limit: max(1, min(limit, 1_000))) {
                logs.append(DeliveryLog(delivery: delivery, attempts: try await tx.attempts(delivery: delivery.id ?? 0)))
            }
            return logs
        }
    }

    /// Sends a delivery again, under the same `webhook-id` (editors only): it is due at once.
    @discardableResult
    public func redeliver(_ id: Int64, by actor: String) async throws -> Delivery {
        try await storage.writing { tx in
            _ = try await tx.permit(.sendOutside, by: actor)
            guard var delivery = try await tx.delivery(id) else { throw DeskError.deliveryNotFound(id) }
            // A new day of retries, from the first wait.
            (delivery.status, delivery.nextAt, delivery.lastError, delivery.attempts, delivery.createdAt) = (.pending, clock(), nil, 0, clock())
            _ = try await tx.save(delivery, holder: nil)
            return delivery
        }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}

// MARK: - The event feed

extension Notifications {
    /// The events after a number, oldest first, as webhooks get them: for `/api/events`.
    public func events(after seq: Int64, limit: Int, baseURL: String?) async throws -> [EventMessage] {
        try await storage.reading { tx in
            var messages: [EventMessage] = []
            for event in try await tx.events(after: max(0, seq), limit: max(1, min(limit, 1_000))) {
                let claim = try await event.claimID.asyncMap { try await tx.claim($0) } ?? nil
                messages.append(EventMessage(event: event, claim: claim, baseURL: baseURL))
            }
            return messages
        }
    }
}
