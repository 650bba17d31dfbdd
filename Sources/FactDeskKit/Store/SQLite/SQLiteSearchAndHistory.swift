import Foundation
import GRDB
import GRDBSQLite

/// The desk file's search (FTS5), the walk of its history for `audit verify`, and the
/// rows a copy reads and writes.
extension SQLiteTransaction {
    // MARK: - Search

    /// A query as an FTS5 pattern. Index terms hold only letters, digits and points, so
    /// quoting is all they need; nothing a user typed is read as FTS5 syntax.
    static func pattern(_ query: TermQuery) -> String {
        switch query {
        case .term(let term): "\"" + term.replacingOccurrences(of: "\"", with: "") + "\""
        case .phrase(let terms): "\"" + terms.joined(separator: " ").replacingOccurrences(of: "\"", with: "") + "\""
        case .all(let parts): parts.count == 1 ? pattern(parts[0]) : "(" + parts.map(pattern).joined(separator: " AND ") + ")"
        case .any(let parts): parts.count == 1 ? pattern(parts[0]) : "(" + parts.map(pattern).joined(separator: " OR ") + ")"
        }
    }

    private func stateFilter(_ states: [String]) -> (sql: String, arguments: StatementArguments) {
        states.isEmpty ? ("", StatementArguments())
            : (" AND claim.state IN (\(databaseQuestionMarks(count: states.count)))", StatementArguments(states))
    }

    func newestClaimID() throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT max(id) FROM claim") ?? 0
    }

    func claims(matching query: TermQuery, _ range: MatchRange) throws -> [Claim] {
        let (filter, filterArguments) = stateFilter(range.states)
        var sql = """
            SELECT claim.* FROM claim_search JOIN claim ON claim.id = claim_search.rowid
            WHERE claim_search MATCH ?\(filter)
            """
        var arguments: StatementArguments = [Self.pattern(query)] + filterArguments
        if let source = range.excludingSource { sql += " AND claim.source_id <> ?"; arguments += [source] }
        if let below = range.below { sql += " AND claim_search.rowid < ?"; arguments += [below] }
        if let above = range.above { sql += " AND claim_search.rowid > ?"; arguments += [above] }
        sql += range.newestFirst ? " ORDER BY claim_search.rowid DESC LIMIT ?" : " ORDER BY claim_search.rowid LIMIT ?"
        arguments += [range.limit]
        return try db.rows(sql, arguments, cached: true) { $0.claim() }
    }

    func countMatches(_ query: TermQuery, states: [String], above: Int64, cap: Int) throws -> Int {
        let (filter, filterArguments) = stateFilter(states)
        let join = states.isEmpty ? "" : " JOIN claim ON claim.id = claim_search.rowid"
        return try Int.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) FROM (SELECT claim_search.rowid FROM claim_search\(join)
                                  WHERE claim_search MATCH ? AND claim_search.rowid > ?\(filter) LIMIT ?)
            """), arguments: [Self.pattern(query), above] + filterArguments + [cap]) ?? 0
    }

    func bestMatches(_ query: TermQuery, states: [String], window: Int, limit: Int) throws -> [Claim] {
        let (filter, filterArguments) = stateFilter(states)
        return try db.rows("""
            SELECT claim.* FROM (
                SELECT claim_search.rowid AS id, claim_search.rank AS rank
                FROM claim_search JOIN claim ON claim.id = claim_search.rowid
                WHERE claim_search MATCH ?\(filter) ORDER BY claim_search.rowid DESC LIMIT \(window)) AS hit
            JOIN claim ON claim.id = hit.id
            ORDER BY hit.rank, claim.id LIMIT ?
            """, [Self.pattern(query)] + filterArguments + [limit]) { $0.claim() }
    }

    func bestMatches(_ query: TermQuery, near id: Int64, within span: Int64, excludingSource: Int64, limit: Int) throws -> [Claim] {
        try db.rows("""
            SELECT claim.* FROM claim_search JOIN claim ON claim.id = claim_search.rowid
            WHERE claim_search MATCH ? AND claim_search.rowid BETWEEN ? AND ? AND claim.source_id <> ?
            ORDER BY claim_search.rank, claim.id LIMIT ?
            """, [Self.pattern(query), id - span, id + span, excludingSource, limit], cached: true) { $0.claim() }
    }

    func termVocabulary() throws -> [(term: String, claims: Int)] {
        try Row.fetchAll(db, sql: "SELECT term, doc FROM claim_search_vocab").map { ($0["term"], $0["doc"]) }
    }

    func searchIndexVersion() throws -> Int64 {
        guard try db.tableExists("search_index") else { return SearchIndex.version }
        return try Int64.fetchOne(db, sql: "SELECT version FROM search_index") ?? 0
    }

    /// Every claim, in id order, read as the cursor is stepped.
    func claimCursor() throws -> MapCursor<RowCursor, Claim> {
        try Row.fetchCursor(db, sql: "SELECT * FROM claim ORDER BY id").map { $0.claim() }
    }

    func links(of claim: Int64) throws -> [ClaimLink] {
        try db.rows("SELECT * FROM claim_link WHERE claim_a = ? OR claim_b = ?", [claim, claim]) { $0.link() }
    }

    func decider(of claim: Int64) throws -> String? {
        try String.fetchOne(db, sql: """
            SELECT actor FROM event WHERE claim_id = ? AND to_state IS NOT NULL AND kind = 'transition'
            ORDER BY seq DESC LIMIT 1
            """, arguments: [claim])
    }

    func clearSearchIndex(version: Int64) throws {
        try db.execute(sql: "INSERT INTO claim_search (claim_search) VALUES ('delete-all')")
        try db.execute(sql: "UPDATE search_index SET version = ?", arguments: [version])
    }

    func storeSearchTerms(claimID: Int64, terms: String) throws {
        try db.cachedStatement(sql: "INSERT INTO claim_search (rowid, terms) VALUES (?, ?)")
            .execute(arguments: [claimID, terms])
    }

    func storeSearchTerms(_ batch: [(claimID: Int64, terms: String)]) throws {
        for (id, terms) in batch { try storeSearchTerms(claimID: id, terms: terms) }
    }

    // MARK: - The history, byte for byte

    /// The desk's triggers as a desk fresh from its migrations has them: made once per
    /// process, in memory.
    static let expectedTriggers: [ProtectionObject] = {
        do {
            let queue = try DatabaseQueue()
            try Migrations.migrator.migrate(queue)
            return try queue.read { try SQLiteTransaction(db: $0).historyProtection() }
        } catch {
            preconditionFailure("the desk's schema does not build in memory: \(error)")
        }
    }()

    /// Every trigger of the desk, with its table and full SQL (SQLite has no trigger functions).
    func historyProtection() throws -> [ProtectionObject] {
        try Row.fetchAll(db, sql: "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'").map {
            ProtectionObject(kind: .trigger, name: $0["name"], table: $0["tbl_name"], definition: $0["sql"] as String? ?? "")
        }
    }

    /// Calls `body` with every event, as the bytes SQLite holds, without making a string of any column.
    func walkEvents(after seq: Int64, limit: Int, _ body: (AuditVerifier.EventBytes) -> Void) throws {
        // Whole numbers, written into the query.
        try walk(sql: """
            SELECT seq, at, actor, claim_id, source_id, action, from_state, to_state, details, prev_hash, hash,
                   signer, signature
            FROM event WHERE seq > \(seq) ORDER BY seq LIMIT \(limit)
            """) { handle in
            body(AuditVerifier.EventBytes(
                seq: sqlite3_column_int64(handle, 0), at: Self.text(handle, 1), actor: Self.text(handle, 2),
                claimID: Self.integer(handle, 3), sourceID: Self.integer(handle, 4), action: Self.text(handle, 5),
                from: Self.text(handle, 6), to: Self.text(handle, 7), details: Self.text(handle, 8),
                prevHash: Self.text(handle, 9), hash: Self.text(handle, 10), signer: Self.text(handle, 11),
                signature: Self.text(handle, 12)))
        }
    }

    func walkClaims(_ body: (ClaimRow) -> Void) throws {
        try walk(sql: """
            SELECT id, source_id, span_start, span_end, text, speaker, state, assignee, due_at,
                   version, created_at, updated_at, worthiness, reasons FROM claim ORDER BY id
            """) { handle in
            func string(_ column: Int32) -> String? { Self.text(handle, column).map { String(decoding: $0, as: UTF8.self) } }
            body(ClaimRow(id: sqlite3_column_int64(handle, 0), sourceID: sqlite3_column_int64(handle, 1),
                          spanStart: Self.integer(handle, 2), spanEnd: Self.integer(handle, 3), text: string(4) ?? "",
                          speaker: string(5), state: string(6) ?? "", assignee: string(7), dueAt: string(8),
                          version: sqlite3_column_int64(handle, 9), createdAt: string(10) ?? "", updatedAt: string(11) ?? "",
                          worthiness: sqlite3_column_int64(handle, 12), reasons: string(13) ?? ""))
        }
    }

    /// Steps a statement to its end, calling `body` on each row with the raw statement.
    private func walk(sql: String, _ body: (SQLiteStatement) -> Void) throws {
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

    // MARK: - Copies

    /// Every row of a table, in the table's key order, as the table's columns.
    func rowCursor(of table: DeskTable) throws -> MapCursor<RowCursor, [StoredValue]> {
        let rows = try Row.fetchCursor(db, sql: "SELECT \(table.columns.joined(separator: ", ")) FROM \(table.rawValue) ORDER BY \(table.key)")
        return rows.map { row in
            table.columns.indices.map { index in
                switch row[index] as DatabaseValue {
                case let value where value.isNull: .null
                case let value:
                    switch value.storage {
                    case .int64(let number):
                        table.booleanColumns.contains(table.columns[index]) ? .boolean(number != 0) : .integer(number)
                    case .double(let number): .real(number)
                    case .string(let text): .text(text)
                    case .blob(let data): .text(String(decoding: data, as: UTF8.self))
                    case .null: .null
                    }
                }
            }
        }
    }

    func insertRows(_ rows: [[StoredValue]], into table: DeskTable) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO \(table.rawValue) (\(table.columns.joined(separator: ", ")))
            VALUES (\(databaseQuestionMarks(count: table.columns.count)))\(table.onConflict)
            """)
        for row in rows {
            try statement.execute(arguments: StatementArguments(row.map { value -> (any DatabaseValueConvertible)? in
                switch value {
                case .text(let text): text
                case .integer(let number): number
                case .real(let number): number
                case .boolean(let flag): flag
                case .null: nil
                }
            }))
        }
    }

    func finishCopy() throws {}
}
