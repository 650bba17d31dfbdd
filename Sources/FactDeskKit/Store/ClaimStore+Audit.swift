import Foundation
import GRDB
import GRDBSQLite

// MARK: - Audit

extension ClaimStore {
    /// The triggers that keep the history append-only.
    static let historyTriggers = ["event_no_update", "event_no_delete", "event_next_seq_only"]

    /// Walks the whole history and every claim in one read, checking the hash chain, the
    /// anchor if one is given, and that replaying the events reproduces every claim.
    ///
    /// On a desk file with a long history, the later half of the events is checked at the
    /// same time on another core, in a second read of the same events (events never change,
    /// so both reads see the same ones up to the head read here), and joined to the first.
    public func verifyAudit(anchor: (seq: Int64, hash: String)? = nil) throws -> AuditReport {
        try verifyAudit(anchor: anchor, parallelFrom: 20_000)
    }

    /// ``verifyAudit(anchor:)``, checking the history in two halves at once when it holds at
    /// least `parallelFrom` events and the desk is a file.
    func verifyAudit(anchor: (seq: Int64, hash: String)?, parallelFrom: Int64) throws -> AuditReport {
        try read { db in
            var verifier = AuditVerifier(anchor: anchor)
            let present = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
            for trigger in Self.historyTriggers where !present.contains(trigger) {
                verifier.protectionMissing(trigger)
            }
            let bounds = try Row.fetchOne(db, sql: "SELECT min(seq) AS low, max(seq) AS high, count(*) AS n FROM event")
            let low: Int64 = bounds?["low"] ?? 0, high: Int64 = bounds?["high"] ?? 0, count: Int64 = bounds?["n"] ?? 0
            if writer is DatabasePool, count >= max(parallelFrom, 2) {
                let middle = low + (high - low) / 2
                let later = laterHalf(after: middle, through: high, anchor: anchor)
                try walkEvents(db, through: middle) { verifier.take($0) }
                verifier.append(try later.wait())
            } else {
                try walkEvents(db) { verifier.take($0) }
            }
            try walk(db, sql: "SELECT id, state, assignee FROM claim ORDER BY id") { handle in
                verifier.check(claim: sqlite3_column_int64(handle, 0), state: Self.text(handle, 1),
                               assignee: Self.text(handle, 2))
            }
            return verifier.finish()
        }
    }

    /// Starts checking the events after `middle` up to `high` on another thread, in a read of its own.
    private func laterHalf(after middle: Int64, through high: Int64,
                           anchor: (seq: Int64, hash: String)?) -> Pending<AuditVerifier> {
        let store = self
        return Pending.start {
            try store.writer.read { db in
                var verifier = AuditVerifier.continuation(anchor: anchor)
                try store.walkEvents(db, after: middle, through: high) { verifier.take($0) }
                return verifier
            }
        }
    }

    /// Calls `body` with every event in order (or those after `after` up to `through`), as
    /// the bytes SQLite holds, without making a string of any column.
    private func walkEvents(_ db: Database, after: Int64 = .min, through: Int64 = .max,
                            _ body: (AuditVerifier.EventBytes) -> Void) throws {
        try walk(db, sql: """
            SELECT seq, at, actor, claim_id, source_id, action, from_state, to_state, details, prev_hash, hash,
                   CASE WHEN claim_id IS NOT NULL AND instr(action, '.') = 0
                        THEN json_extract(details, '$.assignee') END
            FROM event WHERE seq > \(after) AND seq <= \(through) ORDER BY seq
            """) { handle in
            body(AuditVerifier.EventBytes(
                seq: sqlite3_column_int64(handle, 0), at: Self.text(handle, 1), actor: Self.text(handle, 2),
                claimID: Self.integer(handle, 3), sourceID: Self.integer(handle, 4), action: Self.text(handle, 5),
                from: Self.text(handle, 6), to: Self.text(handle, 7), details: Self.text(handle, 8),
                prevHash: Self.text(handle, 9), hash: Self.text(handle, 10), assignee: Self.text(handle, 11)))
        }
    }

    /// Steps a statement to its end, calling `body` on each row with the raw statement.
    private func walk(_ db: Database, sql: String, _ body: (SQLiteStatement) -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            body(handle)
        }
    }

    /// A text column's bytes, valid until the statement steps again; nil for NULL.
    private static func text(_ handle: SQLiteStatement, _ column: Int32) -> UnsafeRawBufferPointer? {
        guard sqlite3_column_type(handle, column) != SQLITE_NULL else { return nil }
        let start = sqlite3_column_text(handle, column)
        return UnsafeRawBufferPointer(start: start, count: Int(sqlite3_column_bytes(handle, column)))
    }

    private static func integer(_ handle: SQLiteStatement, _ column: Int32) -> Int64? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, column)
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
