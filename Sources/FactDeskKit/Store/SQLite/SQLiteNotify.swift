import Foundation
import GRDB

/// Notification settings, webhooks, follows, the inbox and the outbox on a desk file.
extension SQLiteTransaction {
    func notifySetting(_ handle: String) throws -> NotifySetting? {
        try db.row("SELECT * FROM notify_setting WHERE handle = ?", [handle]) { try $0.notifySetting() }
    }

    func interfaceSetting(_ handle: String) throws -> InterfaceSetting? {
        try db.row("SELECT language, digits FROM interface_setting WHERE handle = ?", [handle]) { row in
            InterfaceSetting(language: InterfaceLanguage(rawValue: row["language"]) ?? .en,
                             digits: DigitStyle(rawValue: row["digits"]) ?? .western)
        }
    }

    func deskSetting(_ name: String) throws -> String? {
        try db.row("SELECT value FROM desk_setting WHERE name = ?", [name]) { $0["value"] as String }
    }

    func save(_ setting: InterfaceSetting, of handle: String) throws {
        try db.execute(sql: """
            INSERT INTO interface_setting (handle, language, digits) VALUES (?, ?, ?)
            ON CONFLICT (handle) DO UPDATE SET language = excluded.language, digits = excluded.digits
            """, arguments: [handle, setting.language.rawValue, setting.digits.rawValue])
    }

    func setDeskSetting(_ name: String, to value: String) throws {
        try db.execute(sql: "INSERT INTO desk_setting (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                       arguments: [name, value])
    }

    func notifySettings() throws -> [NotifySetting] {
        try db.rows("SELECT * FROM notify_setting ORDER BY handle") { try $0.notifySetting() }
    }

    func mailSetting() throws -> MailSetting? {
        try db.row("SELECT * FROM mail_setting WHERE id = 1") {
            MailSetting(transport: $0["transport"], starttls: $0["starttls"], sender: $0["sender"],
                        includeNotes: $0["include_notes"], seq: $0["seq"])
        }
    }

    func mailPassword() throws -> String? {
        try db.row("SELECT password FROM mail_setting WHERE id = 1") { $0["password"] as String? } ?? nil
    }

    func webhooks() throws -> [Webhook] {
        try db.rows("SELECT * FROM webhook ORDER BY id") { $0.webhook() }
    }

    func webhook(_ id: Int64) throws -> Webhook? {
        try db.row("SELECT * FROM webhook WHERE id = ?", [id]) { $0.webhook() }
    }

    func followers(of claim: Int64) throws -> [String] {
        try db.rows("SELECT handle FROM follow WHERE claim_id = ? ORDER BY handle", [claim]) { $0["handle"] as String }
    }

    func notifyCursor(_ name: String) throws -> Int64 {
        try db.row("SELECT seq FROM notify_cursor WHERE name = ?", [name]) { $0["seq"] as Int64 } ?? 0
    }

    func events(after seq: Int64, limit: Int) throws -> [AuditEvent] {
        try db.rows("SELECT * FROM event WHERE seq > ? ORDER BY seq LIMIT ?", [seq, limit]) { try $0.event() }
    }

    func inbox(of handle: String, unreadOnly: Bool, after: Int64?, limit: Int) throws -> [InboxItem] {
        try db.rows("""
            SELECT * FROM inbox WHERE handle = ? AND (? = 0 OR read_at IS NULL) AND id > ? ORDER BY id \(after == nil ? "DESC" : "ASC") LIMIT ?
            """, [handle, unreadOnly, after ?? 0, limit]) { $0.inboxItem() }
    }

    func unreadCount(of handle: String) throws -> Int {
        try db.row("SELECT count(*) AS n FROM inbox WHERE handle = ? AND read_at IS NULL", [handle]) { $0["n"] as Int } ?? 0
    }

    func deliveries(_ channel: Delivery.Channel, target: String, limit: Int) throws -> [Delivery] {
        try db.rows("SELECT * FROM outbox WHERE channel = ? AND target = ? ORDER BY id DESC LIMIT ?",
                    [channel.rawValue, target, limit]) { $0.delivery() }
    }

    func delivery(_ id: Int64) throws -> Delivery? {
        try db.row("SELECT * FROM outbox WHERE id = ?", [id]) { $0.delivery() }
    }

    func attempts(delivery: Int64) throws -> [DeliveryAttempt] {
        try db.rows("SELECT * FROM delivery_attempt WHERE delivery_id = ? ORDER BY id", [delivery]) {
            DeliveryAttempt(deliveryID: $0["delivery_id"], at: StoredTime.date($0["at"]) ?? .distantPast, status: $0["status"],
                            error: $0["error"], milliseconds: $0["milliseconds"])
        }
    }

    // MARK: Writes

    func save(_ setting: NotifySetting) throws {
        try db.execute(sql: """
            INSERT INTO notify_setting (handle, email, mode, language, seq) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (handle) DO UPDATE SET email = excluded.email, mode = excluded.mode, language = excluded.language,
                seq = excluded.seq
            """, arguments: [setting.handle, setting.email, setting.mode.description, setting.language, setting.seq])
    }

    func save(_ mail: MailSetting, password: String?) throws {
        try db.execute(sql: """
            INSERT INTO mail_setting (id, transport, starttls, sender, include_notes, password, seq) VALUES (1, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET transport = excluded.transport, starttls = excluded.starttls, sender = excluded.sender,
                include_notes = excluded.include_notes, password = excluded.password, seq = excluded.seq
            """, arguments: [mail.transport, mail.starttls, mail.sender, mail.includeNotes, password, mail.seq])
    }

    func insert(_ webhook: Webhook) throws -> Webhook {
        try db.execute(sql: """
            INSERT INTO webhook (url, events, format, secret, allow_private, added_by, added_at, added_seq)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [webhook.url, webhook.events.joined(separator: ","), webhook.format.rawValue, webhook.secret,
                             webhook.allowPrivate, webhook.addedBy, StoredTime.text(webhook.addedAt), webhook.addedSeq])
        var row = webhook
        row.id = db.lastInsertedRowID
        return row
    }

    func saveState(_ webhook: Webhook) throws {
        try db.execute(sql: "UPDATE webhook SET failing_since = ?, disabled_at = ?, disabled_reason = ? WHERE id = ?",
                       arguments: [webhook.failingSince.map(StoredTime.text), webhook.disabledAt.map(StoredTime.text),
                                   webhook.disabledReason, webhook.id])
    }

    func deleteWebhook(_ id: Int64) throws {
        try db.execute(sql: "DELETE FROM webhook WHERE id = ?", arguments: [id])
    }

    func setFollowing(_ following: Bool, claim: Int64, handle: String, at: Date) throws {
        if following {
            try db.execute(sql: "INSERT INTO follow (claim_id, handle, since) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                           arguments: [claim, handle, StoredTime.text(at)])
        } else {
            try db.execute(sql: "DELETE FROM follow WHERE claim_id = ? AND handle = ?", arguments: [claim, handle])
        }
    }

    func setNotifyCursor(_ name: String, to seq: Int64) throws {
        try db.execute(sql: """
            INSERT INTO notify_cursor (name, seq) VALUES (?, ?)
            ON CONFLICT (name) DO UPDATE SET seq = max(notify_cursor.seq, excluded.seq)
            """, arguments: [name, seq])
    }

    func insert(_ item: InboxItem) throws -> InboxItem? {
        try db.execute(sql: """
            INSERT INTO inbox (handle, topic, seq, claim_id, key, detail, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (key) DO NOTHING
            """, arguments: [item.handle, item.topic.rawValue, item.seq, item.claimID, item.key, item.detail,
                             StoredTime.text(item.createdAt)])
        guard db.changesCount > 0 else { return nil }
        var row = item
        row.id = db.lastInsertedRowID
        return row
    }

    func markRead(_ handle: String, item: Int64?, at: Date) throws -> Int {
        try db.execute(sql: "UPDATE inbox SET read_at = ? WHERE handle = ? AND read_at IS NULL AND (? IS NULL OR id = ?)",
                       arguments: [StoredTime.text(at), handle, item, item])
        return db.changesCount
    }

    func insert(_ delivery: Delivery) throws -> Delivery? {
        try db.execute(sql: """
            INSERT INTO outbox (channel, target, seq, inbox_from, inbox_to, key, created_at, next_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (key) DO NOTHING
            """, arguments: [delivery.channel.rawValue, delivery.target, delivery.seq, delivery.inboxFrom, delivery.inboxTo,
                             delivery.key, StoredTime.text(delivery.createdAt), StoredTime.text(delivery.nextAt)])
        guard db.changesCount > 0 else { return nil }
        var row = delivery
        row.id = db.lastInsertedRowID
        return row
    }

    func leaseDeliveries(holder: String, now: Date, until: Date, limit: Int) throws -> [Delivery] {
        try db.rows("""
            UPDATE outbox SET lease_holder = ?, lease_until = ? WHERE id IN (
                SELECT id FROM outbox WHERE status = 'pending' AND next_at <= ?
                    AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_at, id LIMIT ?)
            RETURNING *
            """, [holder, StoredTime.text(until), StoredTime.text(now), StoredTime.text(now), limit]) {
            $0.delivery()
        }.sorted { ($0.nextAt, $0.id ?? 0) < ($1.nextAt, $1.id ?? 0) }
    }

    func save(_ delivery: Delivery, holder: String?) throws -> Bool {
        try db.execute(sql: """
            UPDATE outbox SET status = ?, attempts = ?, next_at = ?, last_error = ?, sent_at = ?, created_at = ?, lease_holder = NULL,
                lease_until = NULL WHERE id = ? AND (? IS NULL OR lease_holder = ?)
            """, arguments: [delivery.status.rawValue, delivery.attempts, StoredTime.text(delivery.nextAt), delivery.lastError,
                             delivery.sentAt.map(StoredTime.text), StoredTime.text(delivery.createdAt), delivery.id, holder, holder])
        return db.changesCount > 0
    }

    func insert(_ attempt: DeliveryAttempt) throws {
        try db.execute(sql: "INSERT INTO delivery_attempt (delivery_id, at, status, error, milliseconds) VALUES (?, ?, ?, ?, ?)",
                       arguments: [attempt.deliveryID, StoredTime.text(attempt.at), attempt.status, attempt.error, attempt.milliseconds])
    }
}

extension Row {
    func notifySetting() throws -> NotifySetting {
        NotifySetting(handle: self["handle"], email: self["email"], mode: (try? NotifyMode(self["mode"] ?? "")) ?? .none,
                      language: self["language"], seq: self["seq"])
    }

    func webhook() -> Webhook {
        var hook = Webhook(id: self["id"], url: self["url"],
                           events: (self["events"] as String? ?? "").split(separator: ",").map(String.init),
                           format: Webhook.Format(rawValue: self["format"] ?? "") ?? .standard, secret: self["secret"] ?? "",
                           allowPrivate: self["allow_private"], addedBy: self["added_by"],
                           addedAt: StoredTime.date(self["added_at"]) ?? .distantPast, addedSeq: self["added_seq"])
        hook.failingSince = (self["failing_since"] as String?).flatMap(StoredTime.date)
        hook.disabledAt = (self["disabled_at"] as String?).flatMap(StoredTime.date)
        hook.disabledReason = self["disabled_reason"]
        return hook
    }

    func inboxItem() -> InboxItem {
        InboxItem(id: self["id"], handle: self["handle"], topic: InboxItem.Topic(rawValue: self["topic"] ?? "") ?? .mention,
                  seq: self["seq"], claimID: self["claim_id"], key: self["key"], detail: self["detail"],
                  createdAt: StoredTime.date(self["created_at"]) ?? .distantPast,
                  readAt: (self["read_at"] as String?).flatMap(StoredTime.date))
    }

    func delivery() -> Delivery {
        var delivery = Delivery(id: self["id"], channel: Delivery.Channel(rawValue: self["channel"] ?? "") ?? .email,
                                target: self["target"], seq: self["seq"], inboxFrom: self["inbox_from"], inboxTo: self["inbox_to"],
                                key: self["key"], createdAt: StoredTime.date(self["created_at"]) ?? .distantPast)
        delivery.status = Delivery.Status(rawValue: self["status"] ?? "") ?? .pending
        (delivery.attempts, delivery.lastError) = (self["attempts"], self["last_error"])
        delivery.nextAt = StoredTime.date(self["next_at"]) ?? .distantPast
        delivery.sentAt = (self["sent_at"] as String?).flatMap(StoredTime.date)
        return delivery
    }
}
