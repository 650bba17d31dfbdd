import Foundation
import GRDB
import ServiceLifecycle

/// The desk file: ``DeskStorage`` over SQLite through GRDB. Only SQL and row mapping, and
/// the connections they run on.
///
/// The only place that imports GRDB is this folder: the schema (``Migrations``), the rows
/// (`SQLiteRows.swift`), the statements, opening and copying files, and SQLite's errors.
///
/// A transaction holds one connection for as long as its body runs: `BEGIN IMMEDIATE` (a
/// write, waiting for another process's writer at most the busy timeout) or `BEGIN DEFERRED`
/// (a read, one moment of the desk in WAL mode), then `COMMIT`, or `ROLLBACK` when the body
/// throws. A desk opened on one connection (a command, a desk in memory) runs its reads and
/// writes on it in turn. A desk opened as a pool has one writing connection and up to
/// ``readers`` reading ones, opened as reads need them; in-process writers wait for the
/// writing connection in line, other processes through SQLite's locks.
struct SQLiteStorage: DeskStorage {
    let path: String
    let busyTimeout: Double
    /// The database the desk was opened on: a connection of its own, or a pool kept for
    /// SQLite's online backup (transactions run on the connections below).
    let writer: any DatabaseWriter
    private let writers: ConnectionPool<DatabaseQueue>
    private let readers: ConnectionPool<DatabaseQueue>

    /// The most reading connections a pool opens.
    static let readers = 4

    var name: String { path }
    var isShared: Bool { false }
    var login: DeskLogin? { nil }

    /// None: a desk file's connections are opened as transactions need them.
    func connectionService(limit: Int) -> (any ServiceLifecycle.Service)? { nil }

    func backup(to destination: DeskLocation, busyTimeout: Double, connectTimeout: Double) async throws {
        if case .file(let path) = destination {
            try backup(toFile: path)
        } else {
            try await copyRows(to: destination, busyTimeout: busyTimeout, connectTimeout: connectTimeout)
        }
    }

    /// A storage over a desk's database: a `DatabaseQueue` is its one connection; for a
    /// `DatabasePool`, connections of its own are opened on the pool's file.
    init(writer: any DatabaseWriter, path: String, busyTimeout: Double) {
        self.path = path
        self.busyTimeout = busyTimeout
        self.writer = writer
        if let queue = writer as? DatabaseQueue {
            writers = ConnectionPool(limit: 1, opened: [queue]) { throw StoreError.database("a desk's single connection was lost") }
            readers = writers
            return
        }
        let file = writer.path
        writers = ConnectionPool(limit: 1) {
            try DatabaseQueue(path: file, configuration: Self.configuration(busyTimeout: busyTimeout))
        }
        readers = ConnectionPool(limit: Self.readers) {
            var configuration = Self.configuration(busyTimeout: busyTimeout)
            configuration.readonly = true
            return try DatabaseQueue(path: file, configuration: configuration)
        }
    }

    func expectedHistoryProtection() throws -> [ProtectionObject] {
        SQLiteTransaction.expectedTriggers
    }

    func reading<T>(_ body: (any StorageReader) async throws -> T) async throws -> T {
        try await transaction(on: readers, begin: "BEGIN DEFERRED TRANSACTION", write: false, body)
    }

    func writing<T>(_ body: (any StorageWriter) async throws -> T) async throws -> T {
        try await transaction(on: writers, begin: "BEGIN IMMEDIATE TRANSACTION", write: true, body)
    }

    private func transaction<T>(on pool: ConnectionPool<DatabaseQueue>, begin: String, write: Bool,
                                _ body: (SQLiteSession) async throws -> T) async throws -> T {
        let session = SQLiteSession(connection: try await translating { try await pool.take() })
        do {
            try await translating { try session.connection.inDatabase { try $0.execute(sql: begin) } }
            if write { WriteTrace.begun() }
            let result = try await translating { try await body(session) }
            if write { WriteTrace.committing() }
            try await translating { try session.connection.inDatabase { try $0.execute(sql: "COMMIT") } }
            if write { WriteTrace.committed() }
            await pool.give(session.connection)
            return result
        } catch {
            session.connection.inDatabase { db in
                if db.isInsideTransaction { try? db.execute(sql: "ROLLBACK") }
            }
            await pool.give(session.connection)
            throw error
        }
    }

    /// Closes the connections this storage holds (none may be in use), so that the last
    /// connection to close folds the write-ahead log into the file.
    func close() async throws {
        for connection in await writers.drain() + readers.drain() { try connection.close() }
    }

    private func translating<R>(_ body: () async throws -> R) async throws -> R {
        do {
            return try await body()
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path, busyTimeout: busyTimeout)
        }
    }
}

/// The SQL of one transaction on the desk file, on a connection inside an access to it
/// (see ``SQLiteSession``).
struct SQLiteTransaction {
    let db: Database

    // MARK: - Reading

    func claim(_ id: Int64) throws -> Claim? {
        try db.row("SELECT * FROM claim WHERE id = ?", [id], cached: true) { $0.claim() }
    }

    func reviewer(_ handle: String) throws -> Reviewer? {
        try db.row("SELECT * FROM reviewer WHERE handle = ?", [handle], cached: true) { $0.reviewer() }
    }

    func registeredKey(of handle: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT public_key FROM reviewer WHERE handle = ?"), arguments: [handle])
    }

    func installedWorkflow() throws -> InstalledWorkflow? {
        try db.row("SELECT * FROM workflow ORDER BY id DESC LIMIT 1") { try $0.workflow() }
    }

    func installedWorkflows() throws -> [InstalledWorkflow] {
        try db.rows("SELECT * FROM workflow ORDER BY id") { try $0.workflow() }
    }

    func workflowInstallEvent() throws -> (seq: Int64, details: String)? {
        // The partial index event_workflow_install holds only these events.
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT seq, details FROM event WHERE action = 'workflow.install' ORDER BY seq DESC LIMIT 1
            """)) ?? Row.fetchOne(db.cachedStatement(sql: "SELECT seq, details FROM event WHERE seq = 1 AND action = 'desk.create'"))
        return row.map { ($0["seq"], $0["details"]) }
    }

    func claims(_ filter: ClaimFilter) throws -> [Claim] {
        let query = filter.sqliteQuery
        return try db.rows(query.sql, query.arguments) { $0.claim() }
    }

    func countClaims(_ filter: ClaimFilter, cap: Int) throws -> Int {
        var (sql, arguments) = filter.sqliteSelection(columns: "1")
        arguments += [cap]
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(sql) LIMIT ?)", arguments: arguments) ?? 0
    }

    func source(_ id: Int64) throws -> Source? {
        try db.row("SELECT * FROM source WHERE id = ?", [id], cached: true) { $0.source() }
    }

    func publishedOn(source: Int64) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT published_on FROM source WHERE id = ?"), arguments: [source])
    }

    func alias(variant: String) throws -> Alias? {
        try db.row("SELECT * FROM alias WHERE variant = ?", [variant]) { $0.alias() }
    }

    func aliases() throws -> [Alias] {
        try db.rows("SELECT * FROM alias ORDER BY entity, id") { $0.alias() }
    }

    func speakerCounts() throws -> [(speaker: String, state: String, claims: Int)] {
        try Row.fetchAll(db, sql: "SELECT speaker, state, count(*) AS n FROM claim WHERE speaker IS NOT NULL GROUP BY speaker, state")
            .map { ($0["speaker"], $0["state"], $0["n"]) }
    }

    func claims(spokenBy speakers: [String], limit: Int) throws -> [Claim] {
        try db.rows("SELECT * FROM claim WHERE speaker IN (SELECT value FROM json_each(?)) ORDER BY id DESC LIMIT ?",
                    [String(decoding: try JSONEncoder().encode(speakers), as: UTF8.self), limit]) { $0.claim() }
    }

    func knownChecks() throws -> [KnownCheck] {
        try db.rows("SELECT * FROM known_check ORDER BY id") { $0.knownCheck() }
    }

    func knownCheck(ref: String) throws -> KnownCheck? {
        try db.row("SELECT * FROM known_check WHERE ref = ?", [ref]) { $0.knownCheck() }
    }

    func pages(source: Int64) throws -> [SourcePage] {
        try db.rows("SELECT * FROM source_page WHERE source_id = ? ORDER BY id", [source]) { $0.sourcePage() }
    }

    func newestPage(source: Int64) throws -> SourcePage? {
        try db.row("SELECT * FROM source_page WHERE source_id = ? ORDER BY id DESC LIMIT 1", [source]) { $0.sourcePage() }
    }

    func sourceCheck(source: Int64) throws -> SourceCheck? {
        try db.row("SELECT * FROM source_check WHERE source_id = ?", [source]) {
            SourceCheck(sourceID: $0["source_id"], checkedAt: StoredTime.date($0["checked_at"]) ?? .distantPast,
                        etag: $0["etag"], lastModified: $0["last_modified"])
        }
    }

    func webSources(checkedBefore: Date?) throws -> [Int64] {
        try db.rows("""
            SELECT p.source_id AS id FROM source_page p LEFT JOIN source_check c ON c.source_id = p.source_id
            GROUP BY p.source_id HAVING ? IS NULL OR coalesce(max(c.checked_at), max(p.fetched_at)) < ? ORDER BY p.source_id
            """, [checkedBefore.map(StoredTime.text), checkedBefore.map(StoredTime.text)]) { $0["id"] as Int64 }
    }

    func source(sha256: String) throws -> Source? {
        try db.row("SELECT * FROM source WHERE sha256 = ?", [sha256]) { $0.source() }
    }

    func sourceSummaries() throws -> [SourceSummary] {
        let counts = try Row.fetchAll(db, sql: "SELECT source_id, count(*) AS n FROM claim GROUP BY source_id")
        var claims: [Int64: Int] = [:]
        for row in counts { claims[row["source_id"]] = row["n"] }
        return try db.rows("""
            SELECT id, title, outlet, url, language, published_on, '' AS body, sha256, imported_by, imported_at
            FROM source ORDER BY id
            """) { $0.source() }.map { SourceSummary(source: $0, claimCount: claims[$0.id ?? 0] ?? 0) }
    }

    func claimCount(source: Int64) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM claim WHERE source_id = ?", arguments: [source]) ?? 0
    }

    func notes(claim: Int64) throws -> [Note] {
        try db.rows("SELECT * FROM note WHERE claim_id = ? ORDER BY id", [claim]) { $0.note() }
    }

    func evidence(claim: Int64) throws -> [Evidence] {
        try db.rows("SELECT * FROM evidence WHERE claim_id = ? ORDER BY id", [claim]) { $0.evidence() }
    }

    func events(claim: Int64) throws -> [AuditEvent] {
        try db.rows("SELECT * FROM event WHERE claim_id = ? ORDER BY seq", [claim]) { try $0.event() }
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
        try db.row("SELECT * FROM event WHERE claim_id = ? ORDER BY seq DESC LIMIT 1", [claim]) { try $0.event() }
    }

    func eachEvent(claim: Int64?, limit: Int?, _ body: (AuditEvent) throws -> Void) throws {
        var sql = "SELECT * FROM event"
        var arguments = StatementArguments()
        if let claim { sql += " WHERE claim_id = ?"; arguments += [claim] }
        sql += " ORDER BY seq DESC"
        if let limit { sql += " LIMIT ?"; arguments += [limit] }
        try db.eachRow(sql, arguments) { try body(try $0.event()) }
    }

    func desk() throws -> (name: String, createdBy: String, createdAt: Date)? {
        try db.row("SELECT name, created_by, created_at FROM desk LIMIT 1") { ($0["name"], $0["created_by"], $0["created_at"]) }
    }

    func historyHead() throws -> (seq: Int64, hash: String)? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1"))
        else { return nil }
        return (row["seq"], row["hash"])
    }

    func service(_ name: String) throws -> Service? {
        try db.row("SELECT * FROM service WHERE name = ?", [name]) { $0.service() }
    }

    func services() throws -> [Service] {
        try db.rows("SELECT * FROM service ORDER BY name") { $0.service() }
    }

    func reviewers() throws -> [Reviewer] {
        try db.rows("SELECT * FROM reviewer ORDER BY handle") { $0.reviewer() }
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
        try Int.fetchOne(db, sql: "SELECT count(*) FROM reviewer WHERE role = ? AND active",
                         arguments: [Reviewer.Role.editor.rawValue]) ?? 0
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
        try db.row("SELECT * FROM api_token WHERE id = ?", [id]) { $0.token() }
    }

    func apiToken(hash: String) throws -> APIToken? {
        try db.row("SELECT * FROM api_token WHERE token_hash = ?", [hash]) { $0.token() }
    }

    func apiTokens(of handle: String?) throws -> [APIToken] {
        try db.rows("SELECT * FROM api_token WHERE ? IS NULL OR handle = ? ORDER BY id", [handle, handle]) { $0.token() }
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
        return try db.row("""
            SELECT * FROM event WHERE \(Self.detailsField("handle")) = ? AND seq < ?
              AND action IN (\(databaseQuestionMarks(count: actions.count))) AND \(StorageTerms.loginEventActions)
            ORDER BY seq DESC LIMIT 1
            """, StatementArguments([handle, seq] as [any DatabaseValueConvertible] + actions)) { try $0.event() }
    }

    func events(digest: String, actions: [String]) throws -> [AuditEvent] {
        guard !actions.isEmpty else { return [] }
        return try db.rows("""
            SELECT * FROM event WHERE \(Self.detailsField("sha256")) = ?
              AND action IN (\(databaseQuestionMarks(count: actions.count))) AND \(StorageTerms.loginEventActions) ORDER BY seq
            """, StatementArguments([digest] + actions)) { try $0.event() }
    }
}
