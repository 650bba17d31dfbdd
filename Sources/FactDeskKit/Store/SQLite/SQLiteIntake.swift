import Foundation
import GRDB

/// Feeds, their items, the poller's lease, and readers' tips on a desk file.
extension SQLiteTransaction {
    func sourceID(url: String) throws -> Int64? {
        try db.row("""
            SELECT id FROM source WHERE url = ?1
            UNION ALL SELECT source_id FROM source_page WHERE url = ?1
            UNION ALL SELECT source_id FROM feed_item WHERE link = ?1 AND source_id IS NOT NULL LIMIT 1
            """, [url]) { $0[0] as Int64 }
    }

    func feeds() throws -> [Feed] {
        try db.rows("SELECT * FROM feed ORDER BY id") { $0.feed() }
    }

    func feed(_ id: Int64) throws -> Feed? {
        try db.row("SELECT * FROM feed WHERE id = ?", [id]) { $0.feed() }
    }

    func feed(url: String) throws -> Feed? {
        try db.row("SELECT * FROM feed WHERE url = ?", [url]) { $0.feed() }
    }

    func feedHasItem(feed: Int64, link: String) throws -> Bool {
        try db.row("SELECT 1 FROM feed_item WHERE feed_id = ? AND link = ?", [feed, link]) { _ in true } ?? false
    }

    func event(seq: Int64) throws -> AuditEvent? {
        try db.row("SELECT * FROM event WHERE seq = ?", [seq]) { try $0.event() }
    }

    func tips(status: Tip.Status?, limit: Int) throws -> [Tip] {
        try db.rows("SELECT * FROM tip WHERE ? IS NULL OR status = ? ORDER BY id DESC LIMIT ?",
                    [status?.rawValue, status?.rawValue, limit]) { $0.tip() }
    }

    func tip(_ id: Int64) throws -> Tip? {
        try db.row("SELECT * FROM tip WHERE id = ?", [id]) { $0.tip() }
    }

    func tip(code: String) throws -> Tip? {
        try db.row("SELECT * FROM tip WHERE code = ?", [code]) { $0.tip() }
    }

    func mergedCounts(into ids: [Int64]) throws -> [Int64: Int] {
        guard !ids.isEmpty else { return [:] }
        var counts: [Int64: Int] = [:]
        try db.eachRow("""
            SELECT merged_into, count(*) AS n FROM tip WHERE merged_into IN (\(databaseQuestionMarks(count: ids.count)))
            GROUP BY merged_into
            """, StatementArguments(ids)) { counts[$0["merged_into"]] = $0["n"] }
        return counts
    }

    func tipContact(_ id: Int64) throws -> TipContact? {
        try db.row("SELECT * FROM tip_contact WHERE tip_id = ?", [id]) {
            TipContact(tipID: $0["tip_id"], contact: $0["contact"], sender: $0["sender"],
                       receivedAt: StoredTime.date($0["received_at"]) ?? .distantPast)
        }
    }

    func tipsSent(by sender: String, since: Date) throws -> Int {
        try db.row("SELECT count(*) AS n FROM tip_contact WHERE sender = ? AND received_at > ?",
                   [sender, StoredTime.text(since)]) { $0["n"] as Int } ?? 0
    }

    // MARK: Writes

    func insert(_ feed: Feed) throws -> Feed {
        try db.execute(sql: """
            INSERT INTO feed (url, outlet, every_seconds, added_by, added_at, added_seq) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [feed.url, feed.outlet, feed.everySeconds, feed.addedBy, StoredTime.text(feed.addedAt), feed.addedSeq])
        var row = feed
        row.id = db.lastInsertedRowID
        return row
    }

    func savePoll(_ feed: Feed) throws {
        try db.execute(sql: """
            UPDATE feed SET etag = ?, last_modified = ?, last_checked_at = ?, last_success_at = ?, last_error = ?,
                failures = ?, imported = ? WHERE id = ?
            """, arguments: [feed.etag, feed.lastModified, feed.lastCheckedAt.map(StoredTime.text), feed.lastSuccessAt.map(StoredTime.text),
                             feed.lastError, feed.failures, feed.imported, feed.id])
    }

    func deleteFeed(_ id: Int64) throws {
        try db.execute(sql: "DELETE FROM feed_item WHERE feed_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM feed WHERE id = ?", arguments: [id])
    }

    func insertFeedItem(feed: Int64, link: String, source: Int64?, at: Date) throws {
        try db.execute(sql: """
            INSERT INTO feed_item (feed_id, link, source_id, seen_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (feed_id, link) DO UPDATE SET source_id = excluded.source_id, seen_at = excluded.seen_at
            """, arguments: [feed, link, source, StoredTime.text(at)])
    }

    func takeLease(_ name: String, holder: String, until: Date, now: Date) throws -> Bool {
        try db.row("""
            INSERT INTO desk_lease (name, holder, until) VALUES (?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
                WHERE desk_lease.holder = excluded.holder OR desk_lease.until < ?
            RETURNING holder
            """, [name, holder, StoredTime.text(until), StoredTime.text(now)]) { $0["holder"] as String } == holder
    }

    func insert(_ tip: Tip) throws -> Tip {
        try db.execute(sql: "INSERT INTO tip (code, received_at, text, url, language) VALUES (?, ?, ?, ?, ?)",
                       arguments: [tip.code, StoredTime.text(tip.receivedAt), tip.text, tip.url, tip.language])
        var row = tip
        row.id = db.lastInsertedRowID
        return row
    }

    func saveTriage(_ tip: Tip) throws {
        try db.execute(sql: """
            UPDATE tip SET status = ?, claim_id = ?, merged_into = ?, note = ?, decided_by = ?, decided_at = ? WHERE id = ?
            """, arguments: [tip.status.rawValue, tip.claimID, tip.mergedInto, tip.note, tip.decidedBy,
                             tip.decidedAt.map(StoredTime.text), tip.id])
    }

    func insert(_ contact: TipContact) throws {
        try db.execute(sql: "INSERT INTO tip_contact (tip_id, contact, sender, received_at) VALUES (?, ?, ?, ?)",
                       arguments: [contact.tipID, contact.contact, contact.sender, StoredTime.text(contact.receivedAt)])
    }

    func forgetSenders(before: Date) throws {
        try db.execute(sql: "UPDATE tip_contact SET sender = NULL WHERE sender IS NOT NULL AND received_at < ?",
                       arguments: [StoredTime.text(before)])
    }

    func forgetContact(tip: Int64) throws {
        try db.execute(sql: "UPDATE tip_contact SET contact = NULL, sender = NULL WHERE tip_id = ?", arguments: [tip])
    }
}

extension Row {
    func feed() -> Feed {
        var feed = Feed(id: self["id"], url: self["url"], outlet: self["outlet"], everySeconds: self["every_seconds"],
                        addedBy: self["added_by"], addedAt: StoredTime.date(self["added_at"]) ?? .distantPast, addedSeq: self["added_seq"])
        (feed.etag, feed.lastModified, feed.lastError) = (self["etag"], self["last_modified"], self["last_error"])
        feed.lastCheckedAt = (self["last_checked_at"] as String?).flatMap(StoredTime.date)
        feed.lastSuccessAt = (self["last_success_at"] as String?).flatMap(StoredTime.date)
        (feed.failures, feed.imported) = (self["failures"], self["imported"])
        return feed
    }

    func tip() -> Tip {
        var tip = Tip(id: self["id"], code: self["code"], receivedAt: StoredTime.date(self["received_at"]) ?? .distantPast,
                      text: self["text"], url: self["url"], language: self["language"])
        tip.status = Tip.Status(rawValue: self["status"] ?? "") ?? .new
        (tip.claimID, tip.mergedInto, tip.note, tip.decidedBy) = (self["claim_id"], self["merged_into"], self["note"], self["decided_by"])
        tip.decidedAt = (self["decided_at"] as String?).flatMap(StoredTime.date)
        return tip
    }
}
