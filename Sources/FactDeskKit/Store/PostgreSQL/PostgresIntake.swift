import Foundation
import PostgresNIO

/// Feeds, their items, the poller's lease, and readers' tips on a PostgreSQL desk.
extension PostgresTransaction {
    func sourceID(url: String) async throws -> Int64? {
        try await first("""
            SELECT id FROM source WHERE url = $1
            UNION ALL SELECT source_id FROM source_page WHERE url = $1
            UNION ALL SELECT source_id FROM feed_item WHERE link = $1 AND source_id IS NOT NULL LIMIT 1
            """, [.text(url)])?.int("id")
    }

    func feeds() async throws -> [Feed] {
        try await rows("SELECT * FROM feed ORDER BY id").map { try $0.feed() }
    }

    func feed(_ id: Int64) async throws -> Feed? {
        try await first("SELECT * FROM feed WHERE id = $1", [.integer(id)])?.feed()
    }

    func feed(url: String) async throws -> Feed? {
        try await first("SELECT * FROM feed WHERE url = $1", [.text(url)])?.feed()
    }

    func feedHasItem(feed: Int64, link: String) async throws -> Bool {
        try await first("SELECT 1 AS n FROM feed_item WHERE feed_id = $1 AND link = $2", [.integer(feed), .text(link)]) != nil
    }

    func event(seq: Int64) async throws -> AuditEvent? {
        try await first("SELECT * FROM event WHERE seq = $1", [.integer(seq)])?.event()
    }

    func tips(status: Tip.Status?, limit: Int) async throws -> [Tip] {
        try await rows("SELECT * FROM tip WHERE $1::text IS NULL OR status = $1::text ORDER BY id DESC LIMIT $2",
                       [.text(status?.rawValue), .integer(Int64(limit))]).map { try $0.tip() }
    }

    func tip(_ id: Int64) async throws -> Tip? {
        try await first("SELECT * FROM tip WHERE id = $1", [.integer(id)])?.tip()
    }

    func tip(code: String) async throws -> Tip? {
        try await first("SELECT * FROM tip WHERE code = $1", [.text(code)])?.tip()
    }

    func mergedCounts(into ids: [Int64]) async throws -> [Int64: Int] {
        guard !ids.isEmpty else { return [:] }
        var counts: [Int64: Int] = [:]
        for row in try await rows("""
            SELECT merged_into, count(*) AS n FROM tip WHERE merged_into = ANY(string_to_array($1, ',')::bigint[]) GROUP BY merged_into
            """, [.text(ids.map(String.init).joined(separator: ","))]) {
            counts[try row.int("merged_into")] = Int(try row.int("n"))
        }
        return counts
    }

    func tipContact(_ id: Int64) async throws -> TipContact? {
        guard let row = try await first("SELECT * FROM tip_contact WHERE tip_id = $1", [.integer(id)]) else { return nil }
        return TipContact(tipID: try row.int("tip_id"), contact: try row.optionalText("contact"), sender: try row.optionalText("sender"),
                          receivedAt: try row.date("received_at"))
    }

    func tipsSent(by sender: String, since: Date) async throws -> Int {
        try await count("SELECT count(*) AS n FROM tip_contact WHERE sender = $1 AND received_at > $2", [.text(sender), .time(since)])
    }

    // MARK: Writes

    func insert(_ feed: Feed) async throws -> Feed {
        var row = feed
        row.id = try await first("""
            INSERT INTO feed (url, outlet, every_seconds, added_by, added_at, added_seq) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id
            """, [.text(feed.url), .text(feed.outlet), .integer(feed.everySeconds), .text(feed.addedBy), .time(feed.addedAt),
                  .integer(feed.addedSeq)])?.int("id")
        return row
    }

    func savePoll(_ feed: Feed) async throws {
        try await run("""
            UPDATE feed SET etag = $1, last_modified = $2, last_checked_at = $3, last_success_at = $4, last_error = $5,
                failures = $6, imported = $7 WHERE id = $8
            """, [.text(feed.etag), .text(feed.lastModified), .time(feed.lastCheckedAt), .time(feed.lastSuccessAt),
                  .text(feed.lastError), .integer(feed.failures), .integer(feed.imported), .integer(feed.id)])
    }

    func deleteFeed(_ id: Int64) async throws {
        try await run("DELETE FROM feed_item WHERE feed_id = $1", [.integer(id)])
        try await run("DELETE FROM feed WHERE id = $1", [.integer(id)])
    }

    func insertFeedItem(feed: Int64, link: String, source: Int64?, at: Date) async throws {
        try await run("""
            INSERT INTO feed_item (feed_id, link, source_id, seen_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (feed_id, link) DO UPDATE SET source_id = excluded.source_id, seen_at = excluded.seen_at
            """, [.integer(feed), .text(link), .integer(source), .time(at)])
    }

    func takeLease(_ name: String, holder: String, until: Date, now: Date) async throws -> Bool {
        try await first("""
            INSERT INTO desk_lease (name, holder, until) VALUES ($1, $2, $3)
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
                WHERE desk_lease.holder = excluded.holder OR desk_lease.until < $4
            RETURNING holder
            """, [.text(name), .text(holder), .time(until), .time(now)])?.optionalText("holder") == holder
    }

    func insert(_ tip: Tip) async throws -> Tip {
        var row = tip
        row.id = try await first("""
            INSERT INTO tip (code, received_at, text, url, language) VALUES ($1, $2, $3, $4, $5) RETURNING id
            """, [.text(tip.code), .time(tip.receivedAt), .text(tip.text), .text(tip.url), .text(tip.language)])?.int("id")
        return row
    }

    func saveTriage(_ tip: Tip) async throws {
        try await run("""
            UPDATE tip SET status = $1, claim_id = $2, merged_into = $3, note = $4, decided_by = $5, decided_at = $6 WHERE id = $7
            """, [.text(tip.status.rawValue), .integer(tip.claimID), .integer(tip.mergedInto), .text(tip.note), .text(tip.decidedBy),
                  .time(tip.decidedAt), .integer(tip.id)])
    }

    func insert(_ contact: TipContact) async throws {
        try await run("INSERT INTO tip_contact (tip_id, contact, sender, received_at) VALUES ($1, $2, $3, $4)",
                      [.integer(contact.tipID), .text(contact.contact), .text(contact.sender), .time(contact.receivedAt)])
    }

    func forgetSenders(before: Date) async throws {
        try await run("SELECT factdesk_forget_tip_senders($1)", [.time(before)])
    }

    func forgetContact(tip: Int64) async throws {
        try await run("UPDATE tip_contact SET contact = NULL, sender = NULL WHERE tip_id = $1", [.integer(tip)])
    }
}

extension PGRow {
    func feed() throws -> Feed {
        var feed = Feed(id: try int("id"), url: try text("url"), outlet: try optionalText("outlet"), everySeconds: try int("every_seconds"),
                        addedBy: try text("added_by"), addedAt: try date("added_at"), addedSeq: try int("added_seq"))
        (feed.etag, feed.lastModified, feed.lastError) = (try optionalText("etag"), try optionalText("last_modified"), try optionalText("last_error"))
        (feed.lastCheckedAt, feed.lastSuccessAt) = (try optionalDate("last_checked_at"), try optionalDate("last_success_at"))
        (feed.failures, feed.imported) = (try int("failures"), try int("imported"))
        return feed
    }

    func tip() throws -> Tip {
        var tip = Tip(id: try int("id"), code: try text("code"), receivedAt: try date("received_at"), text: try optionalText("text"),
                      url: try optionalText("url"), language: try optionalText("language"))
        tip.status = Tip.Status(rawValue: try text("status")) ?? .new
        (tip.claimID, tip.mergedInto) = (try optionalInt("claim_id"), try optionalInt("merged_into"))
        (tip.note, tip.decidedBy, tip.decidedAt) = (try optionalText("note"), try optionalText("decided_by"), try optionalDate("decided_at"))
        return tip
    }
}
