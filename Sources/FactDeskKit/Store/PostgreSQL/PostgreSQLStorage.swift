import Foundation

/// A desk in a PostgreSQL database: ``DeskStorage`` over postgres-nio. Only SQL, row
/// mapping and the connections they need.
///
/// A read is a REPEATABLE READ transaction, so everything it reads is one moment of the
/// desk. A write takes the desk's advisory lock first, so writers follow one another as
/// on a desk file, each seeing all that the ones before it committed; a writer waits for
/// the lock at most the busy timeout (then 75). A connection lost in the middle of a
/// transaction leaves nothing of it: PostgreSQL rolls it back.
final class PostgreSQLStorage: DeskStorage, @unchecked Sendable {
    let address: PostgresAddress
    let connectTimeout: Double
    let busyTimeout: Double
    /// The role this storage is logged in as (`session_user`).
    private(set) var role: String = ""
    /// Whether that role owns the desk's tables (and may act for any reviewer).
    private(set) var isOwner = false

    private let lock = NSLock()
    private var idle: [PostgresSession] = []

    /// The number that names the desk's write lock ("FDsk").
    static let writeLock: Int64 = 0x4644_736B

    var name: String { address.display }
    var isShared: Bool { true }
    var login: DeskLogin? { DeskLogin(handle: role, isOwner: isOwner) }

    func backup(to destination: DeskLocation, busyTimeout: Double, connectTimeout: Double) throws {
        try copyRows(to: destination, busyTimeout: busyTimeout, connectTimeout: connectTimeout)
    }

    private init(address: PostgresAddress, connectTimeout: Double, busyTimeout: Double) {
        self.address = address
        self.connectTimeout = connectTimeout
        self.busyTimeout = busyTimeout
    }

    deinit {
        for session in idle { session.close() }
    }

    // MARK: - Opening

    /// Opens the desk in a database, bringing an older schema up to date when the owner
    /// opens it; a database that is not a desk, or a desk of a newer FactDesk, is refused.
    static func open(_ address: PostgresAddress, connectTimeout: Double, busyTimeout: Double) throws -> PostgreSQLStorage {
        let storage = PostgreSQLStorage(address: address, connectTimeout: connectTimeout, busyTimeout: busyTimeout)
        let stale = try storage.withSession { session -> Bool in
            // One round trip says who is logged in, whether they own the desk, and what the
            // database holds; a second, which migrations it has had and its index's version.
            let found = try storage.identify(session)
            guard found else { throw StoreError.notADesk(path: address.display) }
            let rows = try session.query("""
                SELECT name, (SELECT version FROM search_index) AS version FROM factdesk_migration
                """).map(PGRow.init)
            let applied = Set(try rows.map { try $0.text("name") })
            let known = Set(PostgresSchema.migrations.map(\.name))
            if !applied.isSubset(of: known) { throw StoreError.newerDesk(path: address.display) }
            if applied.count < known.count {
                guard storage.isOwner else {
                    throw StoreError.accessDenied(
                        "\(address.display) needs its schema brought up to date; run any factdesk command on it as the desk's owner first")
                }
                try storage.transaction(session, write: true) { _ in
                    try migrate(session, PostgresSchema.migrations, skipping: applied)
                }
                return true
            }
            return (try rows.first?.optionalInt("version") ?? 0) < SearchIndex.version
        }
        if stale { try storage.rebuildSearchIndexIfStale() }
        return storage
    }

    /// Creates a desk in an empty database: the schema, then whatever `fill` writes, all in
    /// one transaction, so that a failure leaves the database as empty as it was.
    /// `migrations` are all of them but for a desk made as an older release made it.
    static func create(_ address: PostgresAddress, connectTimeout: Double, busyTimeout: Double,
                       migrations: [(name: String, sql: String)] = PostgresSchema.migrations,
                       fill: (any StorageWriter, _ login: String) throws -> Void) throws -> PostgreSQLStorage {
        let storage = PostgreSQLStorage(address: address, connectTimeout: connectTimeout, busyTimeout: busyTimeout)
        try storage.withSession { session in
            let login = try session.query("SELECT session_user::text AS login").first.map { try PGRow($0).text("login") } ?? address.user
            storage.role = login
            storage.isOwner = true
            try storage.transaction(session, write: true) { tx in
                if try storage.appliedMigrations(session) != nil { throw StoreError.alreadyExists(path: address.display) }
                let tables = try PGRow(try session.query("""
                    SELECT count(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                      AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'
                    """)[0]).int("n")
                if tables > 0 { throw StoreError.notEmpty("\(address.database) at \(address.place)") }
                try session.execute(PostgresSchema.migrationTable)
                try migrate(session, migrations, skipping: [])
                try fill(tx, login)
            }
        }
        return storage
    }

    private static func migrate(_ session: PostgresSession, _ migrations: [(name: String, sql: String)],
                                skipping applied: Set<String>) throws {
        for migration in migrations where !applied.contains(migration.name) {
            try session.execute(migration.sql)
            try session.query("INSERT INTO factdesk_migration (name) VALUES ($1)", [.text(migration.name)])
        }
    }

    /// The migrations the database has had, or nil when it holds no desk.
    private func appliedMigrations(_ session: PostgresSession) throws -> Set<String>? {
        let exists = try PGRow(try session.query("SELECT to_regclass('public.factdesk_migration') IS NOT NULL AS found")[0]).bool("found")
        guard exists else { return nil }
        return Set(try session.query("SELECT name FROM factdesk_migration").map { try PGRow($0).text("name") })
    }

    /// Learns who is logged in and whether they own the desk; says whether the database
    /// holds a desk at all.
    private func identify(_ session: PostgresSession) throws -> Bool {
        let row = PGRow(try session.query("""
            SELECT session_user::text AS login,
                   coalesce(pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = to_regclass('public.event')), 'MEMBER'), false) AS owner,
                   to_regclass('public.factdesk_migration') IS NOT NULL AS found
            """)[0])
        role = try row.text("login")
        isOwner = try row.bool("owner")
        return try row.bool("found")
    }

    // MARK: - Transactions

    func reading<T>(_ body: (any StorageReader) throws -> T) throws -> T {
        try withSession { session in try transaction(session, write: false, body) }
    }

    func writing<T>(_ body: (any StorageWriter) throws -> T) throws -> T {
        try withSession { session in try transaction(session, write: true, body) }
    }

    /// The protections the migrations make, made in this session's temporary schema by a
    /// transaction that is rolled back: rendered by this server, kept nowhere.
    func expectedHistoryProtection() throws -> [ProtectionObject] {
        try withSession { session in
            try session.query("BEGIN")
            defer { if !session.isClosed { _ = try? session.query("ROLLBACK") } }
            for statement in PostgresProtection.scratchStatements { try session.query(statement) }
            let rows = try session.query(PostgresProtection.catalogQuery(schema: "pg_my_temp_schema()")).map(PGRow.init)
            return try PostgresProtection.objects(rows, schema: "pg_temp")
        }
    }

    private func transaction<T>(_ session: PostgresSession, write: Bool, _ body: (PostgresTransaction) throws -> T) throws -> T {
        if write {
            try session.query("BEGIN ISOLATION LEVEL READ COMMITTED")
        } else {
            try session.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        }
        do {
            if write {
                try session.query("SELECT set_config('lock_timeout', $1, true)", [.text("\(Int(busyTimeout * 1000))ms")])
                try session.query("SELECT pg_advisory_xact_lock($1)", [.integer(Self.writeLock)])
                WriteTrace.begun()
            }
            let result = try body(PostgresTransaction(session: session))
            if write { WriteTrace.committing() }
            try session.query("COMMIT")
            if write { WriteTrace.committed() }
            return result
        } catch {
            if !session.isClosed { _ = try? session.query("ROLLBACK") }
            throw error
        }
    }

    /// Runs `body` on an idle connection, or a new one, and keeps it for the next call
    /// unless it broke.
    private func withSession<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        lock.lock()
        let reused = idle.popLast()
        lock.unlock()
        let session = try reused ?? {
            let session = try PostgresSession.connect(address, timeout: connectTimeout)
            session.busyTimeout = busyTimeout
            return session
        }()
        defer {
            if session.isClosed {
                session.close()
            } else {
                lock.lock()
                idle.append(session)
                lock.unlock()
            }
        }
        return try body(session)
    }
}
