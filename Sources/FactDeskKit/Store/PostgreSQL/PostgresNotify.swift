import Foundation
import PostgresNIO

/// Notification settings, webhooks, follows, the inbox and the outbox on a PostgreSQL desk.
extension PostgresTransaction {
    func notifySetting(_ handle: String) async throws -> NotifySetting? {
        try await first("SELECT * FROM notify_setting WHERE handle = $1", [.text(handle)])?.notifySetting()
    }

    func interfaceSetting(_ handle: String) async throws -> InterfaceSetting? {
        guard let row = try await first("SELECT language, digits FROM interface_setting WHERE handle = $1", [.text(handle)]) else {
            return nil
        }
        return InterfaceSetting(language: InterfaceLanguage(rawValue: try row.text("language")) ?? .en,
                                digits: DigitStyle(rawValue: try row.text("digits")) ?? .western)
    }

    func deskSetting(_ name: String) async throws -> String? {
        try await first("SELECT value FROM desk_setting WHERE name = $1", [.text(name)])?.text("value")
    }

    func save(_ setting: InterfaceSetting, of handle: String) async throws {
        try await run("""
            INSERT INTO interface_setting (handle, language, digits) VALUES ($1, $2, $3)
            ON CONFLICT (handle) DO UPDATE SET language = excluded.language, digits = excluded.digits
            """, [.text(handle), .text(setting.language.rawValue), .text(setting.digits.rawValue)])
    }

    func setDeskSetting(_ name: String, to value: String) async throws {
        try await run("INSERT INTO desk_setting (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                      [.text(name), .text(value)])
    }

    func notifySettings() async throws -> [NotifySetting] {
        try await rows("SELECT * FROM notify_setting ORDER BY handle").map { try $0.notifySetting() }
    }

    func mailSetting() async throws -> MailSetting? {
        guard let row = try await first("SELECT id, transport, starttls, sender, include_notes, seq FROM mail_setting WHERE id = 1")
        else { return nil }
        return MailSetting(transport: try row.text("transport"), starttls: try row.int("starttls") != 0, sender: try row.text("sender"),
                           includeNotes: try row.int("include_notes") != 0, seq: try row.int("seq"))
    }

    func mailPassword() async throws -> String? {
        try await first("SELECT password FROM mail_setting WHERE id = 1")?.optionalText("password")
    }

    /// The columns of a webhook every reviewer's login may read: all but its secret, which
    /// only the desk's owner (the server) and editors read, as the deliverer needs it.
    private static let webhookColumns = """
        id, url, events, format, allow_private, added_by, added_at, added_seq, failing_since, disabled_at, disabled_reason
        """

    func webhooks() async throws -> [Webhook] {
        let secret = try await maySeeWebhookSecrets() ? ", secret" : ""
        return try await rows("SELECT \(Self.webhookColumns)\(secret) FROM webhook ORDER BY id").map { try $0.webhook() }
    }

    func webhook(_ id: Int64) async throws -> Webhook? {
        let secret = try await maySeeWebhookSecrets() ? ", secret" : ""
        return try await first("SELECT \(Self.webhookColumns)\(secret) FROM webhook WHERE id = $1", [.integer(id)])?.webhook()
    }

    private func maySeeWebhookSecrets() async throws -> Bool {
        try await first("SELECT has_column_privilege('webhook', 'secret', 'SELECT') AS ok")?.bool("ok") ?? false
    }

    func followers(of claim: Int64) async throws -> [String] {
        try await rows("SELECT handle FROM follow WHERE claim_id = $1 ORDER BY handle", [.integer(claim)]).map { try $0.text("handle") }
    }

    func notifyCursor(_ name: String) async throws -> Int64 {
        try await first("SELECT seq FROM notify_cursor WHERE name = $1", [.text(name)])?.int("seq") ?? 0
    }

    func events(after seq: Int64, limit: Int) async throws -> [AuditEvent] {
        try await rows("SELECT * FROM event WHERE seq > $1 ORDER BY seq LIMIT $2", [.integer(seq), .integer(Int64(limit))])
            .map { try $0.event() }
    }

    func inbox(of handle: String, unreadOnly: Bool, after: Int64?, limit: Int) async throws -> [InboxItem] {
        try await rows("""
            SELECT * FROM inbox WHERE handle = $1 AND (NOT $2 OR read_at IS NULL) AND id > $3 ORDER BY id \(after == nil ? "DESC" : "ASC") LIMIT $4
            """, [.text(handle), .boolean(unreadOnly), .integer(after ?? 0), .integer(Int64(limit))]).map { try $0.inboxItem() }
    }

    func unreadCount(of handle: String) async throws -> Int {
        try await count("SELECT count(*) AS n FROM inbox WHERE handle = $1 AND read_at IS NULL", [.text(handle)])
    }

    func deliveries(_ channel: Delivery.Channel, target: String, limit: Int) async throws -> [Delivery] {
        try await rows("SELECT * FROM outbox WHERE channel = $1 AND target = $2 ORDER BY id DESC LIMIT $3",
                       [.text(channel.rawValue), .text(target), .integer(Int64(limit))]).map { try $0.delivery() }
    }

    func delivery(_ id: Int64) async throws -> Delivery? {
        try await first("SELECT * FROM outbox WHERE id = $1", [.integer(id)])?.delivery()
    }

    func attempts(delivery: Int64) async throws -> [DeliveryAttempt] {
        try await rows("SELECT * FROM delivery_attempt WHERE delivery_id = $1 ORDER BY id", [.integer(delivery)]).map {
            DeliveryAttempt(deliveryID: try $0.int("delivery_id"), at: try $0.date("at"), status: try $0.int("status"),
                            error: try $0.optionalText("error"), milliseconds: try $0.int("milliseconds"))
        }
    }

    // MARK: Writes

    func save(_ setting: NotifySetting) async throws {
        try await run("""
            INSERT INTO notify_setting (handle, email, mode, language, seq) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (handle) DO UPDATE SET email = excluded.email, mode = excluded.mode, language = excluded.language,
                seq = excluded.seq
            """, [.text(setting.handle), .text(setting.email), .text(setting.mode.description), .text(setting.language),
                  .integer(setting.seq)])
    }

    func save(_ mail: MailSetting, password: String?) async throws {
        try await run("""
            INSERT INTO mail_setting (id, transport, starttls, sender, include_notes, password, seq) VALUES (1, $1, $2, $3, $4, $5, $6)
            ON CONFLICT (id) DO UPDATE SET transport = excluded.transport, starttls = excluded.starttls, sender = excluded.sender,
                include_notes = excluded.include_notes, password = excluded.password, seq = excluded.seq
            """, [.text(mail.transport), .integer(mail.starttls ? 1 : 0), .text(mail.sender), .integer(mail.includeNotes ? 1 : 0),
                  .text(password), .integer(mail.seq)])
    }

    func insert(_ webhook: Webhook) async throws -> Webhook {
        var row = webhook
        row.id = try await first("""
            INSERT INTO webhook (url, events, format, secret, allow_private, added_by, added_at, added_seq)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id
            """, [.text(webhook.url), .text(webhook.events.joined(separator: ",")), .text(webhook.format.rawValue), .text(webhook.secret),
                  .integer(webhook.allowPrivate ? 1 : 0), .text(webhook.addedBy), .time(webhook.addedAt), .integer(webhook.addedSeq)])?
            .int("id")
        return row
    }

    func saveState(_ webhook: Webhook) async throws {
        try await run("UPDATE webhook SET failing_since = $1, disabled_at = $2, disabled_reason = $3 WHERE id = $4",
                      [.time(webhook.failingSince), .time(webhook.disabledAt), .text(webhook.disabledReason), .integer(webhook.id)])
    }

    func deleteWebhook(_ id: Int64) async throws {
        try await run("DELETE FROM webhook WHERE id = $1", [.integer(id)])
    }

    func setFollowing(_ following: Bool, claim: Int64, handle: String, at: Date) async throws {
        if following {
            try await run("INSERT INTO follow (claim_id, handle, since) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                          [.integer(claim), .text(handle), .time(at)])
        } else {
            try await run("DELETE FROM follow WHERE claim_id = $1 AND handle = $2", [.integer(claim), .text(handle)])
        }
    }

    func setNotifyCursor(_ name: String, to seq: Int64) async throws {
        try await run("""
            INSERT INTO notify_cursor (name, seq) VALUES ($1, $2)
            ON CONFLICT (name) DO UPDATE SET seq = greatest(notify_cursor.seq, excluded.seq)
            """, [.text(name), .integer(seq)])
    }

    func insert(_ item: InboxItem) async throws -> InboxItem? {
        guard let id = try await first("""
            INSERT INTO inbox (handle, topic, seq, claim_id, key, detail, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (key) DO NOTHING RETURNING id
            """, [.text(item.handle), .text(item.topic.rawValue), .integer(item.seq), .integer(item.claimID), .text(item.key),
                  .text(item.detail), .time(item.createdAt)])?.int("id") else { return nil }
        var row = item
        row.id = id
        return row
    }

    func markRead(_ handle: String, item: Int64?, at: Date) async throws -> Int {
        try await rows("""
            UPDATE inbox SET read_at = $1 WHERE handle = $2 AND read_at IS NULL AND ($3::bigint IS NULL OR id = $3::bigint) RETURNING id
            """, [.time(at), .text(handle), .integer(item)]).count
    }

    func insert(_ delivery: Delivery) async throws -> Delivery? {
        guard let id = try await first("""
            INSERT INTO outbox (channel, target, seq, inbox_from, inbox_to, key, created_at, next_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (key) DO NOTHING RETURNING id
            """, [.text(delivery.channel.rawValue), .text(delivery.target), .integer(delivery.seq), .integer(delivery.inboxFrom),
                  .integer(delivery.inboxTo), .text(delivery.key), .time(delivery.createdAt), .time(delivery.nextAt)])?.int("id")
        else { return nil }
        var row = delivery
        row.id = id
        return row
    }

    func leaseDeliveries(holder: String, now: Date, until: Date, limit: Int) async throws -> [Delivery] {
        // SKIP LOCKED: a second server's lease of the same rows, made meanwhile, passes them over
        // rather than waiting; the lease then keeps them from it until it runs out.
        try await rows("""
            UPDATE outbox SET lease_holder = $1, lease_until = $2 WHERE id IN (
                SELECT id FROM outbox WHERE status = 'pending' AND next_at <= $3 AND (lease_until IS NULL OR lease_until < $3)
                ORDER BY next_at, id LIMIT $4 FOR UPDATE SKIP LOCKED)
            RETURNING *
            """, [.text(holder), .time(until), .time(now), .integer(Int64(limit))]).map { try $0.delivery() }
            .sorted { ($0.nextAt, $0.id ?? 0) < ($1.nextAt, $1.id ?? 0) }
    }

    func save(_ delivery: Delivery, holder: String?) async throws -> Bool {
        try await rows("""
            UPDATE outbox SET status = $1, attempts = $2, next_at = $3, last_error = $4, sent_at = $5, created_at = $8, lease_holder = NULL,
                lease_until = NULL WHERE id = $6 AND ($7::text IS NULL OR lease_holder = $7::text) RETURNING id
            """, [.text(delivery.status.rawValue), .integer(delivery.attempts), .time(delivery.nextAt), .text(delivery.lastError),
                  .time(delivery.sentAt), .integer(delivery.id), .text(holder), .time(delivery.createdAt)]).count > 0
    }

    func insert(_ attempt: DeliveryAttempt) async throws {
        try await run("INSERT INTO delivery_attempt (delivery_id, at, status, error, milliseconds) VALUES ($1, $2, $3, $4, $5)",
                      [.integer(attempt.deliveryID), .time(attempt.at), .integer(attempt.status), .text(attempt.error),
                       .integer(attempt.milliseconds)])
    }
}

extension PGRow {
    func notifySetting() throws -> NotifySetting {
        NotifySetting(handle: try text("handle"), email: try optionalText("email"), mode: (try? NotifyMode(try text("mode"))) ?? .none,
                      language: try text("language"), seq: try int("seq"))
    }

    func webhook() throws -> Webhook {
        var hook = Webhook(id: try int("id"), url: try text("url"), events: try text("events").split(separator: ",").map(String.init),
                           format: Webhook.Format(rawValue: try text("format")) ?? .standard,
                           secret: (try? optionalText("secret")) ?? nil ?? "", allowPrivate: try int("allow_private") != 0,
                           addedBy: try text("added_by"), addedAt: try date("added_at"), addedSeq: try int("added_seq"))
        (hook.failingSince, hook.disabledAt) = (try optionalDate("failing_since"), try optionalDate("disabled_at"))
        hook.disabledReason = try optionalText("disabled_reason")
        return hook
    }

    func inboxItem() throws -> InboxItem {
        InboxItem(id: try int("id"), handle: try text("handle"), topic: InboxItem.Topic(rawValue: try text("topic")) ?? .mention,
                  seq: try optionalInt("seq"), claimID: try optionalInt("claim_id"), key: try text("key"), detail: try optionalText("detail"),
                  createdAt: try date("created_at"), readAt: try optionalDate("read_at"))
    }

    func delivery() throws -> Delivery {
        var delivery = Delivery(id: try int("id"), channel: Delivery.Channel(rawValue: try text("channel")) ?? .email,
                                target: try text("target"), seq: try optionalInt("seq"), inboxFrom: try optionalInt("inbox_from"),
                                inboxTo: try optionalInt("inbox_to"), key: try text("key"), createdAt: try date("created_at"))
        delivery.status = Delivery.Status(rawValue: try text("status")) ?? .pending
        (delivery.attempts, delivery.lastError) = (try int("attempts"), try optionalText("last_error"))
        (delivery.nextAt, delivery.sentAt) = (try date("next_at"), try optionalDate("sent_at"))
        return delivery
    }
}
