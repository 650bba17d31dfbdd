import Foundation
import PostgresNIO
import ServiceLifecycle

/// A desk in a PostgreSQL database: ``DeskStorage`` over postgres-nio. Only SQL, row
/// mapping and the connections they need.
///
/// A read is a REPEATABLE READ transaction, so everything it reads is one moment of the
/// desk. A write takes the desk's advisory lock first, so writers follow one another as
/// on a desk file, each seeing all that the ones before it committed; a writer waits for
/// the lock at most the busy timeout (then 75). A connection lost in the middle of a
/// transaction leaves nothing of it: PostgreSQL rolls it back.
///
/// Opening (and creating) a desk takes one connection of its own, which says at once
/// whether the server answers and lets the login in. The transactions after it take their
/// connections from a `PostgresClient` with a limit (``PostgresConnections``), which must
/// be running while they do.
struct PostgreSQLStorage: DeskStorage {
    let address: PostgresAddress
    let connectTimeout: Double
    let busyTimeout: Double
    /// The role this storage is logged in as (`session_user`).
    let role: String
    /// Whether that role owns the desk's tables (and may act for any reviewer).
    let isOwner: Bool
    /// The client the transactions take their connections from.
    let connections: PostgresConnections

    /// The number that names the desk's write lock ("FDsk").
    static let writeLock: Int64 = 0x4644_736B

    var name: String { address.display }
    var isShared: Bool { true }
    var login: DeskLogin? { DeskLogin(handle: role, isOwner: isOwner) }

    func connectionService(limit: Int) -> (any ServiceLifecycle.Service)? {
        connections.start(limit: limit)
    }

    func backup(to destination: DeskLocation, busyTimeout: Double, connectTimeout: Double) async throws {
        try await copyRows(to: destination, busyTimeout: busyTimeout, connectTimeout: connectTimeout)
    }

    private init(address: PostgresAddress, connectTimeout: Double, busyTimeout: Double, login: String, isOwner: Bool) {
        self.address = address
        self.connectTimeout = connectTimeout
        self.busyTimeout = busyTimeout
        self.role = login
        self.isOwner = isOwner
        self.connections = PostgresConnections(address: address, connectTimeout: connectTimeout)
    }

    // MARK: - Opening

    /// Opens the desk in a database, bringing an older schema up to date when the owner
    /// opens it; a database that is not a desk, or a desk of a newer FactDesk, is refused.
    static func open(_ address: PostgresAddress, connectTimeout: Double, busyTimeout: Double) async throws -> PostgreSQLStorage {
        try await withSession(address, connectTimeout: connectTimeout, busyTimeout: busyTimeout) { session in
            // One round trip says who is logged in, whether they own the desk, and what the
            // database holds; a second, which migrations it has had and its index's version.
            let (login, isOwner, found) = try await identify(session)
            guard found else { throw StoreError.notADesk(path: address.display) }
            let storage = PostgreSQLStorage(address: address, connectTimeout: connectTimeout, busyTimeout: busyTimeout,
                                            login: login, isOwner: isOwner)
            let rows = try await session.query("""
                SELECT name, (SELECT version FROM search_index) AS version FROM factdesk_migration
                """).map(PGRow.init)
            let applied = Set(try rows.map { try $0.text("name") })
            let known = Set(PostgresSchema.migrations.map(\.name))
            if !applied.isSubset(of: known) { throw StoreError.newerDesk(path: address.display) }
            var stale = (try rows.first?.optionalInt("version") ?? 0) < SearchIndex.version
            if applied.count < known.count {
                guard isOwner else {
                    throw StoreError.accessDenied(
                        "\(address.display) needs its schema brought up to date; run any factdesk command on it as the desk's owner first")
                }
                try await storage.transaction(session, write: true) { _ in
                    try await migrate(session, PostgresSchema.migrations, skipping: applied)
                }
                stale = true
            }
            if stale {
                try await storage.transaction(session, write: true) { try await SearchIndex.rebuildIfStale($0) }
            }
            return storage
        }
    }

    /// Creates a desk in an empty database: the schema, then whatever `fill` writes, all in
    /// one transaction, so that a failure leaves the database as empty as it was.
    /// `migrations` are all of them but for a desk made as an older release made it.
    static func create(_ address: PostgresAddress, connectTimeout: Double, busyTimeout: Double,
                       migrations: [(name: String, sql: String)] = PostgresSchema.migrations,
                       fill: (any StorageWriter, _ login: String) async throws -> Void) async throws -> PostgreSQLStorage {
        try await withSession(address, connectTimeout: connectTimeout, busyTimeout: busyTimeout) { session in
            let login = try await session.query("SELECT session_user::text AS login").first.map { try PGRow($0).text("login") }
                ?? address.user
            let storage = PostgreSQLStorage(address: address, connectTimeout: connectTimeout, busyTimeout: busyTimeout,
                                            login: login, isOwner: true)
            try await storage.transaction(session, write: true) { tx in
                if try await appliedMigrations(session) != nil { throw StoreError.alreadyExists(path: address.display) }
                let tables = try PGRow(try await session.query("""
                    SELECT count(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                      AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'
                    """)[0]).int("n")
                if tables > 0 { throw StoreError.notEmpty("\(address.database) at \(address.place)") }
                try await session.execute(PostgresSchema.migrationTable)
                try await migrate(session, migrations, skipping: [])
                try await fill(tx, login)
            }
            return storage
        }
    }

    /// Runs `body` on a connection of its own, closed after.
    private static func withSession<T>(_ address: PostgresAddress, connectTimeout: Double, busyTimeout: Double,
                                       _ body: (PostgresSession) async throws -> T) async throws -> T {
        let session = try await PostgresSession.connect(address, timeout: connectTimeout, busyTimeout: busyTimeout)
        do {
            let result = try await body(session)
            await session.close()
            return result
        } catch {
            await session.close()
            throw error
        }
    }

    private static func migrate(_ session: PostgresSession, _ migrations: [(name: String, sql: String)],
                                skipping applied: Set<String>) async throws {
        for migration in migrations where !applied.contains(migration.name) {
            try await session.execute(migration.sql)
            try await session.query("INSERT INTO factdesk_migration (name) VALUES ($1)", [.text(migration.name)])
        }
    }

    /// The migrations the database has had, or nil when it holds no desk.
    private static func appliedMigrations(_ session: PostgresSession) async throws -> Set<String>? {
        let exists = try PGRow(try await session.query("SELECT to_regclass('public.factdesk_migration') IS NOT NULL AS found")[0])
            .bool("found")
        guard exists else { return nil }
        return Set(try await session.query("SELECT name FROM factdesk_migration").map { try PGRow($0).text("name") })
    }

    /// Who is logged in, whether they own the desk, and whether the database holds a desk at all.
    private static func identify(_ session: PostgresSession) async throws -> (login: String, owner: Bool, found: Bool) {
        let row = PGRow(try await session.query("""
            SELECT session_user::text AS login,
                   coalesce(pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = to_regclass('public.event')), 'MEMBER'), false) AS owner,
                   to_regclass('public.factdesk_migration') IS NOT NULL AS found
            """)[0])
        return (try row.text("login"), try row.bool("owner"), try row.bool("found"))
    }

    // MARK: - Transactions

    func reading<T>(_ body: (any StorageReader) async throws -> T) async throws -> T {
        try await connections.withSession(busyTimeout: busyTimeout) { session in
            try await transaction(session, write: false, body)
        }
    }

    func writing<T>(_ body: (any StorageWriter) async throws -> T) async throws -> T {
        try await connections.withSession(busyTimeout: busyTimeout) { session in
            try await transaction(session, write: true, body)
        }
    }

    /// The protections the migrations make, made in this session's temporary schema by a
    /// transaction that is rolled back: rendered by this server, kept nowhere.
    func expectedHistoryProtection() async throws -> [ProtectionObject] {
        try await connections.withSession(busyTimeout: busyTimeout) { session in
            try await session.query("BEGIN")
            do {
                for statement in PostgresProtection.scratchStatements { try await session.query(statement) }
                let rows = try await session.query(PostgresProtection.catalogQuery(schema: "pg_my_temp_schema()")).map(PGRow.init)
                let objects = try PostgresProtection.objects(rows, schema: "pg_temp")
                try await session.query("ROLLBACK")
                return objects
            } catch {
                if !session.isClosed {
                    do { try await session.query("ROLLBACK") } catch { await session.close() }
                }
                throw error
            }
        }
    }

    private func transaction<T>(_ session: PostgresSession, write: Bool,
                                _ body: (PostgresTransaction) async throws -> T) async throws -> T {
        if write {
            try await session.query("BEGIN ISOLATION LEVEL READ COMMITTED")
        } else {
            try await session.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        }
        do {
            if write {
                try await session.query("SELECT set_config('lock_timeout', $1, true)", [.text("\(Int(busyTimeout * 1000))ms")])
                try await session.query("SELECT pg_advisory_xact_lock($1)", [.integer(Self.writeLock)])
                WriteTrace.begun()
            }
            let result = try await body(PostgresTransaction(session: session))
            if write { WriteTrace.committing() }
            try await session.query("COMMIT")
            if write { WriteTrace.committed() }
            return result
        } catch {
            if !session.isClosed {
                do {
                    try await session.query("ROLLBACK")
                } catch {
                    // A connection that cannot say where its transaction stands is not used again.
                    await session.close()
                }
            }
            throw error
        }
    }
}
