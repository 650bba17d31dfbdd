import Foundation
import GRDB

// MARK: - Audit

extension ClaimStore {
    /// The triggers that keep the history append-only.
    static let historyTriggers = ["event_no_update", "event_no_delete", "event_next_seq_only"]

    /// Walks the whole history and every claim in one read, checking the hash chain, the
    /// anchor if one is given, and that replaying the events reproduces every claim.
    public func verifyAudit(anchor: (seq: Int64, hash: String)? = nil) throws -> AuditReport {
        try read { db in
            var verifier = AuditVerifier(anchor: anchor)
            let present = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
            for trigger in Self.historyTriggers where !present.contains(trigger) {
                verifier.protectionMissing(trigger)
            }
            let events = try Row.fetchCursor(db, sql: """
                SELECT seq, at, actor, claim_id, source_id, action, from_state, to_state, details, prev_hash, hash,
                       json_extract(details, '$.assignee') AS assignee
                FROM event ORDER BY seq
                """)
            while let row = try events.next() {
                verifier.take(AuditVerifier.StoredEvent(
                    content: HashChain.Content(
                        seq: row["seq"], at: row["at"], actor: row["actor"], claimID: row["claim_id"],
                        sourceID: row["source_id"], action: row["action"], from: row["from_state"],
                        to: row["to_state"], details: row["details"]),
                    prevHash: row["prev_hash"], hash: row["hash"], assignee: row["assignee"]))
            }
            let claims = try Row.fetchCursor(db, sql: "SELECT id, state, assignee FROM claim ORDER BY id")
            while let row = try claims.next() {
                verifier.check(claim: row["id"], state: row["state"], assignee: row["assignee"])
            }
            return verifier.finish()
        }
    }

    /// The last event's sequence number and hash, for publishing outside the desk.
    public func auditHead() throws -> (seq: Int64, hash: String) {
        try read { db in
            let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1")
            return (row?["seq"] ?? 0, row?["hash"] ?? HashChain.genesis)
        }
    }

    /// A consistent copy of the desk at `path`, made with SQLite's online backup while
    /// other processes may go on writing.
    public func backup(to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else { throw StoreError.alreadyExists(path: path) }
        do {
            let copy = try DatabaseQueue(path: path)
            try writer.backup(to: copy)
            try copy.close()
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: path)
            throw StoreError.from(error, path: path, busyTimeout: busyTimeout)
        }
    }
}
