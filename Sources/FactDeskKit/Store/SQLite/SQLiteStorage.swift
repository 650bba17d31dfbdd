import Foundation
import GRDB

/// The desk file: ``DeskStorage`` over SQLite through GRDB. Only SQL and row mapping.
struct SQLiteStorage: DeskStorage {
    let writer: any DatabaseWriter
    let path: String
    let busyTimeout: Double

    var name: String { path }

    func reading<T>(_ body: (any StorageReader) throws -> T) throws -> T {
        try translating { try writer.read { try body(SQLiteTransaction(db: $0)) } }
    }

    func writing<T>(_ body: (any StorageWriter) throws -> T) throws -> T {
        let result = try translating {
            try writer.write { db in
                WriteTrace.begun()
                let result = try body(SQLiteTransaction(db: db))
                WriteTrace.committing()
                return result
            }
        }
        WriteTrace.committed()
        return result
    }

    private func translating<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path, busyTimeout: busyTimeout)
        }
    }
}

/// One transaction on the desk file.
struct SQLiteTransaction: StorageWriter {
    let db: Database

    // MARK: - Reading

    func claim(_ id: Int64) throws -> Claim? {
        try Claim.fetchOne(db.cachedStatement(sql: "SELECT * FROM claim WHERE id = ?"), arguments: [id])
    }

    func reviewer(_ handle: String) throws -> Reviewer? {
        try Reviewer.fetchOne(db.cachedStatement(sql: "SELECT * FROM reviewer WHERE handle = ?"), arguments: [handle])
    }

    func registeredKey(of handle: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT public_key FROM reviewer WHERE handle = ?"), arguments: [handle])
    }

    func installedWorkflow() throws -> InstalledWorkflow? {
        try InstalledWorkflow.order(Column("id").desc).fetchOne(db)
    }

    func installedWorkflows() throws -> [InstalledWorkflow] {
        try InstalledWorkflow.order(Column("id")).fetchAll(db)
    }

    func workflowInstallEvent() throws -> (seq: Int64, details: String)? {
        // The partial index event_workflow_install holds only these events.
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT seq, details FROM event WHERE action = 'workflow.install' ORDER BY seq DESC LIMIT 1
            """)) ?? Row.fetchOne(db.cachedStatement(sql: "SELECT seq, details FROM event WHERE seq = 1 AND action = 'desk.create'"))
        return row.map { ($0["seq"], $0["details"]) }
    }

    func claims(_ filter: ClaimFilter) throws -> [Claim] {
        var request = Claim.all().filtered(by: filter)
        if let limit = filter.limit { request = request.limit(limit, offset: filter.offset) }
        return try request.fetchAll(db)
    }

    func countClaims(_ filter: ClaimFilter, cap: Int) throws -> Int {
        try Claim.all().filtered(by: filter).limit(cap).fetchCount(db)
    }

    func source(_ id: Int64) throws -> Source? {
        try Source.fetchOne(db, key: id)
    }

    func publishedOn(source: Int64) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT published_on FROM source WHERE id = ?"), arguments: [source])
    }

    func alias(variant: String) throws -> Alias? {
        try Alias.filter(Alias.Columns.variant == variant).fetchOne(db)
    }

    func aliases() throws -> [Alias] {
        try Alias.order(Alias.Columns.entity, Column("id")).fetchAll(db)
    }

    func speakerCounts() throws -> [(speaker: String, state: String, claims: Int)] {
        try Row.fetchAll(db, sql: "SELECT speaker, state, count(*) AS n FROM claim WHERE speaker IS NOT NULL GROUP BY speaker, state")
            .map { ($0["speaker"], $0["state"], $0["n"]) }
    }

    func claims(spokenBy speakers: [String], limit: Int) throws -> [Claim] {
        try Claim.fetchAll(db, sql: "SELECT * FROM claim WHERE speaker IN (SELECT value FROM json_each(?)) ORDER BY id DESC LIMIT ?",
                           arguments: [String(decoding: try JSONEncoder().encode(speakers), as: UTF8.self), limit])
    }

    func knownChecks() throws -> [KnownCheck] {
        try Row.fetchAll(db, sql: "SELECT * FROM known_check ORDER BY id").map(Self.knownCheck)
    }

    func knownCheck(ref: String) throws -> KnownCheck? {
        try Row.fetchOne(db, sql: "SELECT * FROM known_check WHERE ref = ?", arguments: [ref]).map(Self.knownCheck)
    }

    private static func knownCheck(_ row: Row) -> KnownCheck {
        var content = KnownCheck.Content(
            url: row["url"], publisher: row["publisher"], publishedOn: row["published_on"], claimReviewed: row["claim_reviewed"],
            rating: row["rating"], ratingValue: row["rating_value"], bestRating: row["best_rating"],
            worstRating: row["worst_rating"], language: row["language"])
        content.ref = row["ref"]
        return KnownCheck(id: row["id"], content: content, importedBy: row["imported_by"],
                          importedAt: StoredTime.date(row["imported_at"]) ?? .distantPast)
    }

    func source(sha256: String) throws -> Source? {
        try Source.filter(Source.Columns.sha256 == sha256).fetchOne(db)
    }

    func sourceSummaries() throws -> [SourceSummary] {
        let counts = try Row.fetchAll(db, sql: "SELECT source_id, count(*) AS n FROM claim GROUP BY source_id")
        var claims: [Int64: Int] = [:]
        for row in counts { claims[row["source_id"]] = row["n"] }
        return try Source.fetchAll(db, sql: """
            SELECT id, title, outlet, url, language, published_on, '' AS body, sha256, imported_by, imported_at
            FROM source ORDER BY id
            """).map { SourceSummary(source: $0, claimCount: claims[$0.id ?? 0] ?? 0) }
    }

    func claimCount(source: Int64) throws -> Int {
        try Claim.filter(Claim.Columns.sourceID == source).fetchCount(db)
    }

    func notes(claim: Int64) throws -> [Note] {
        try Note.filter(Note.Columns.claimID == claim).order(Column("id")).fetchAll(db)
    }

    func evidence(claim: Int64) throws -> [Evidence] {
        try Evidence.filter(Evidence.Columns.claimID == claim).order(Column("id")).fetchAll(db)
    }

    func events(claim: Int64) throws -> [AuditEvent] {
        try AuditEvent.filter(AuditEvent.Columns.claimID == claim).order(AuditEvent.Columns.seq).fetchAll(db)
    }

    func evidenceCount(claim: Int64) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM evidence WHERE claim_id = ?"), arguments: [claim]) ?? 0
    }

    func transitionRuns(claim: Int64) throws -> [(transition: String, actor: String)] {
        try Row.fetchAll(db, sql: """
            SELECT action, actor FROM event WHERE claim_id = ? AND kind = 'transition' ORDER BY seq DESC
            """, arguments: [claim]).map { ($0["action"], $0["actor"]) }
    }

    func lastEvent(claim: Int64) throws -> AuditEvent? {
        try AuditEvent.filter(AuditEvent.Columns.claimID == claim).order(AuditEvent.Columns.seq.desc).fetchOne(db)
    }

    func eachEvent(claim: Int64?, limit: Int?, _ body: (AuditEvent) throws -> Void) throws {
        var request = AuditEvent.order(AuditEvent.Columns.seq.desc)
        if let claim { request = request.filter(AuditEvent.Columns.claimID == claim) }
        if let limit { request = request.limit(limit) }
        let cursor = try request.fetchCursor(db)
        while let event = try cursor.next() { try body(event) }
    }

    func desk() throws -> (name: String, createdBy: String, createdAt: Date)? {
        try DeskRow.fetchOne(db).map { ($0.name, $0.createdBy, $0.createdAt) }
    }

    func historyHead() throws -> (seq: Int64, hash: String)? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1"))
        else { return nil }
        return (row["seq"], row["hash"])
    }

    func service(_ name: String) throws -> Service? {
        try Row.fetchOne(db, sql: "SELECT * FROM service WHERE name = ?", arguments: [name]).map(Self.service)
    }

    func services() throws -> [Service] {
        try Row.fetchAll(db, sql: "SELECT * FROM service ORDER BY name").map(Self.service)
    }

    private static func service(_ row: Row) -> Service {
        Service(name: row["name"], publicKey: row["public_key"], active: row["active"], addedBy: row["added_by"],
                addedAt: StoredTime.date(row["added_at"]) ?? .distantPast)
    }

    func reviewers() throws -> [Reviewer] {
        try Reviewer.order(Reviewer.Columns.handle).fetchAll(db)
    }

    func openClaims(notIn finalStates: [String]) throws -> [String: Int] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT assignee, count(*) AS n FROM claim
            WHERE assignee IS NOT NULL AND state NOT IN (SELECT value FROM json_each(?))
            GROUP BY assignee
            """, arguments: [String(decoding: try JSONEncoder().encode(finalStates), as: UTF8.self)])
        return Dictionary(uniqueKeysWithValues: rows.map { (String($0["assignee"] ?? ""), Int($0["n"] ?? 0)) })
    }

    func activeEditorCount() throws -> Int {
        try Reviewer.filter(Reviewer.Columns.role == Reviewer.Role.editor.rawValue && Reviewer.Columns.active == true)
            .fetchCount(db)
    }

    func claimCountsByState() throws -> [String: Int] {
        Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT state, count(*) AS n FROM claim GROUP BY state")
            .map { ($0["state"] as String, $0["n"] as Int) })
    }

    func reviewerLoads(finalStates: [String], now: Date) throws -> [DeskStats.ReviewerLoad] {
        let finals = databaseQuestionMarks(count: max(1, finalStates.count))
        return try Row.fetchAll(db, sql: """
            SELECT assignee,
                   sum(state NOT IN (\(finals))) AS open,
                   sum(state IN (\(finals))) AS done,
                   sum(state NOT IN (\(finals)) AND coalesce(due_at < ?, 0)) AS overdue
            FROM claim WHERE assignee IS NOT NULL GROUP BY assignee ORDER BY assignee
            """, arguments: StatementArguments(finalStates + finalStates + finalStates + [now]))
            .map { DeskStats.ReviewerLoad(handle: $0["assignee"], open: $0["open"], done: $0["done"], overdue: $0["overdue"]) }
    }

    func assignmentsAndVerdicts(assigning: [String], finalStates: [String], _ body: (Date, Date) throws -> Void) throws {
        guard !assigning.isEmpty, !finalStates.isEmpty else { return }
        let assigningMarks = databaseQuestionMarks(count: assigning.count)
        let finalMarks = databaseQuestionMarks(count: finalStates.count)
        let rows = try Row.fetchCursor(db, sql: """
            SELECT assigned, decided FROM (
                SELECT min(CASE WHEN action IN (\(assigningMarks)) THEN at END) AS assigned,
                       min(CASE WHEN kind = 'transition' AND to_state IN (\(finalMarks)) THEN at END) AS decided
                FROM event
                WHERE claim_id IS NOT NULL
                  AND (action IN (\(assigningMarks)) OR (kind = 'transition' AND to_state IN (\(finalMarks))))
                GROUP BY claim_id)
            WHERE assigned IS NOT NULL AND decided >= assigned
            """, arguments: StatementArguments(assigning + finalStates + assigning + finalStates))
        while let row = try rows.next() {
            if let assigned = row["assigned"] as Date?, let decided = row["decided"] as Date? { try body(assigned, decided) }
        }
    }

    func verdictTimes(finalStates: [String], since: Date) throws -> [Date] {
        guard !finalStates.isEmpty else { return [] }
        return try Date.fetchAll(db, sql: """
            SELECT at FROM event WHERE kind = 'transition' AND at >= ?
              AND to_state IN (\(databaseQuestionMarks(count: finalStates.count)))
            """, arguments: StatementArguments([since] + finalStates))
    }

    func passwordHash(of handle: String) throws -> String? {
        try String.fetchOne(db, sql: """
            SELECT password_hash FROM credential JOIN reviewer USING (handle) WHERE handle = ? AND active
            """, arguments: [handle])
    }

    func lockedUntil(keys: [String]) throws -> Date? {
        guard !keys.isEmpty else { return nil }
        return try Date.fetchOne(db, sql: "SELECT max(until) FROM login_lock WHERE key IN (\(databaseQuestionMarks(count: keys.count)))",
                                 arguments: StatementArguments(keys))
    }

    func session(tokenHash: String) throws -> (handle: String, csrf: String, createdAt: Date, lastSeenAt: Date)? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT handle, csrf, created_at, last_seen_at FROM login_session WHERE token_hash = ?
            """, arguments: [tokenHash]) else { return nil }
        return (row["handle"], row["csrf"], row["created_at"], row["last_seen_at"])
    }

    func apiToken(id: Int64) throws -> APIToken? {
        try Row.fetchOne(db, sql: "SELECT * FROM api_token WHERE id = ?", arguments: [id]).map(Self.token)
    }

    func apiToken(hash: String) throws -> APIToken? {
        try Row.fetchOne(db, sql: "SELECT * FROM api_token WHERE token_hash = ?", arguments: [hash]).map(Self.token)
    }

    func apiTokens(of handle: String?) throws -> [APIToken] {
        try Row.fetchAll(db, sql: "SELECT * FROM api_token WHERE ? IS NULL OR handle = ? ORDER BY id",
                         arguments: [handle, handle]).map(Self.token)
    }

    func mayReadCredentials() throws -> Bool {
        true
    }

    /// A field of an event's details, NULL when the details are not JSON: the expression
    /// the indexes of migration v12 are made on (written out there, as a migration never
    /// changes), which a query must repeat for SQLite to use them.
    static func detailsField(_ name: String) -> String {
        "CASE WHEN json_valid(details) THEN json_extract(details, '$.\(name)') END"
    }

    func apiTokenDigest(id: Int64) throws -> String? {
        try String.fetchOne(db, sql: "SELECT token_hash FROM api_token WHERE id = ?", arguments: [id])
    }

    func newestEvent(actions: [String], handle: String, before seq: Int64) throws -> AuditEvent? {
        guard !actions.isEmpty else { return nil }
        return try AuditEvent.fetchOne(db, sql: """
            SELECT * FROM event WHERE \(Self.detailsField("handle")) = ? AND seq < ?
              AND action IN (\(databaseQuestionMarks(count: actions.count))) AND \(StorageTerms.loginEventActions)
            ORDER BY seq DESC LIMIT 1
            """, arguments: StatementArguments([handle, seq] as [any DatabaseValueConvertible] + actions))
    }

    func events(digest: String, actions: [String]) throws -> [AuditEvent] {
        guard !actions.isEmpty else { return [] }
        return try AuditEvent.fetchAll(db, sql: """
            SELECT * FROM event WHERE \(Self.detailsField("sha256")) = ?
              AND action IN (\(databaseQuestionMarks(count: actions.count))) AND \(StorageTerms.loginEventActions) ORDER BY seq
            """, arguments: StatementArguments([digest] + actions))
    }

    private static func token(_ row: Row) -> APIToken {
        APIToken(id: row["id"], name: row["name"], handle: row["handle"], createdAt: row["created_at"],
                 expiresAt: row["expires_at"], revokedAt: row["revoked_at"])
    }

    // MARK: - Writing

    func saveProgress(_ claim: Claim) throws {
        try db.cachedStatement(sql: """
            UPDATE claim SET state = ?, assignee = ?, due_at = ?, version = ?, updated_at = ? WHERE id = ?
            """).execute(arguments: [claim.state, claim.assignee, claim.dueAt.map(StoredTime.text), claim.version,
                                     StoredTime.text(claim.updatedAt), claim.id])
    }

    func insert(_ note: Note) throws -> Note {
        var row = note
        try row.insert(db)
        return row
    }

    func insert(_ evidence: Evidence) throws -> Evidence {
        var row = evidence
        try row.insert(db)
        return row
    }

    func append(_ event: AuditEvent, at: String, details: String) throws {
        try db.cachedStatement(sql: """
            INSERT INTO event (seq, at, actor, claim_id, source_id, action, from_state, to_state, details, prev_hash, hash,
                               signer, signature)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                event.seq, at, event.actor, event.claimID, event.sourceID, event.action, event.fromState, event.toState,
                details, event.prevHash, event.hash, event.signer, event.signature])
    }

    func insert(_ claim: Claim, searchTerms: String) throws -> Claim {
        try db.cachedStatement(sql: """
            INSERT INTO claim (source_id, span_start, span_end, text, speaker, state, assignee, version,
                               created_by, created_at, updated_at, worthiness, reasons, due_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                claim.sourceID, claim.spanStart, claim.spanEnd, claim.text, claim.speaker, claim.state, claim.assignee,
                claim.version, claim.createdBy, StoredTime.text(claim.createdAt), StoredTime.text(claim.updatedAt),
                claim.worthiness, String(decoding: CanonicalJSON.array(claim.reasons), as: UTF8.self),
                claim.dueAt.map(StoredTime.text)])
        var stored = claim
        stored.id = db.lastInsertedRowID
        try storeSearchTerms(claimID: db.lastInsertedRowID, terms: searchTerms)
        return stored
    }

    func insert(_ source: Source) throws -> Source {
        var row = source
        try row.insert(db)
        return row
    }

    func createDesk(name: String, createdBy: String, at: Date) throws {
        try DeskRow(name: name, createdBy: createdBy, createdAt: at).insert(db)
    }

    func insert(_ workflow: InstalledWorkflow) throws -> InstalledWorkflow {
        var row = workflow
        try row.insert(db)
        return row
    }

    func save(_ link: ClaimLink) throws {
        try link.upsert(db)
    }

    func insert(_ alias: Alias) throws {
        var row = alias
        try row.insert(db)
    }

    func save(_ check: KnownCheck) throws -> KnownCheck {
        var saved = check
        let values: [(any DatabaseValueConvertible)?] = check.content.fields + [check.importedBy, StoredTime.text(check.importedAt)]
        let columns = KnownCheck.contentColumns + ["imported_by", "imported_at"]
        if let id = check.id {
            try db.execute(sql: "UPDATE known_check SET " + columns.map { "\($0) = ?" }.joined(separator: ", ") + " WHERE id = ?",
                           arguments: StatementArguments(values + [id]))
        } else {
            try db.execute(sql: "INSERT INTO known_check (" + columns.joined(separator: ", ") + ") VALUES ("
                               + columns.map { _ in "?" }.joined(separator: ", ") + ")",
                           arguments: StatementArguments(values))
            saved.id = db.lastInsertedRowID
        }
        return saved
    }

    func delete(_ alias: Alias) throws {
        _ = try alias.delete(db)
    }

    func insert(_ reviewer: Reviewer) throws -> Reviewer {
        var row = reviewer
        try row.insert(db)
        return row
    }

    func update(_ reviewer: Reviewer) throws {
        try reviewer.update(db)
    }

    func save(_ service: Service) throws {
        try db.execute(sql: """
            INSERT INTO service (name, public_key, active, added_by, added_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET public_key = excluded.public_key, active = excluded.active,
                added_by = excluded.added_by, added_at = excluded.added_at
            """, arguments: [service.name, service.publicKey, service.active, service.addedBy, StoredTime.text(service.addedAt)])
    }

    func setPasswordHash(_ hash: String, of handle: String, at: Date) throws {
        try db.execute(sql: """
            INSERT INTO credential (handle, password_hash, set_at) VALUES (?, ?, ?)
            ON CONFLICT(handle) DO UPDATE SET password_hash = excluded.password_hash, set_at = excluded.set_at
            """, arguments: [handle, hash, StoredTime.text(at)])
    }

    func setDatabasePassword(_ password: String, of handle: String) throws {}

    func deleteSessions(of handle: String) throws {
        try db.execute(sql: "DELETE FROM login_session WHERE handle = ?", arguments: [handle])
    }

    func deleteSession(tokenHash: String) throws {
        try db.execute(sql: "DELETE FROM login_session WHERE token_hash = ?", arguments: [tokenHash])
    }

    func deleteSessions(createdBefore: Date) throws {
        try db.execute(sql: "DELETE FROM login_session WHERE created_at < ?", arguments: [StoredTime.text(createdBefore)])
    }

    func insertSession(tokenHash: String, handle: String, csrf: String, at: Date) throws {
        try db.execute(sql: """
            INSERT INTO login_session (token_hash, handle, csrf, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)
            """, arguments: [tokenHash, handle, csrf, StoredTime.text(at), StoredTime.text(at)])
    }

    func touchSession(tokenHash: String, at: Date) throws {
        try db.execute(sql: "UPDATE login_session SET last_seen_at = ? WHERE token_hash = ?",
                       arguments: [StoredTime.text(at), tokenHash])
    }

    func forgetFailures(before: Date) throws {
        try db.execute(sql: "DELETE FROM login_failure WHERE at < ?", arguments: [StoredTime.text(before)])
    }

    func forgetFailures(key: String) throws {
        try db.execute(sql: "DELETE FROM login_failure WHERE key = ?", arguments: [key])
    }

    func recordFailure(key: String, at: Date, countingSince since: Date) throws -> Int {
        try db.execute(sql: "INSERT INTO login_failure (key, at) VALUES (?, ?)", arguments: [key, StoredTime.text(at)])
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM login_failure WHERE key = ? AND at >= ?",
                                arguments: [key, StoredTime.text(since)]) ?? 0
    }

    func lock(key: String, until: Date) throws {
        try db.execute(sql: """
            INSERT INTO login_lock (key, until) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET until = excluded.until
            """, arguments: [key, StoredTime.text(until)])
    }

    func insertAPIToken(name: String, tokenHash: String, handle: String, createdAt: Date, expiresAt: Date?) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO api_token (name, token_hash, handle, created_at, expires_at) VALUES (?, ?, ?, ?, ?)
            """, arguments: [name, tokenHash, handle, StoredTime.text(createdAt), expiresAt.map(StoredTime.text)])
        return db.lastInsertedRowID
    }

    func revokeAPIToken(id: Int64, at: Date) throws {
        try db.execute(sql: "UPDATE api_token SET revoked_at = ? WHERE id = ?", arguments: [StoredTime.text(at), id])
    }
}
