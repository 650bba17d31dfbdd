import Foundation
import GRDB

/// Opening, creating and copying desk files.
///
/// Several processes share one desk file: each opens it in WAL mode and waits up to the busy
/// timeout for another writer; GRDB opens write transactions IMMEDIATE.
extension SQLiteStorage {
    /// Opens an existing desk file, bringing an older schema up to date.
    ///
    /// A missing file, a file that is not a desk and a desk written by a newer FactDesk are
    /// refused before anything is written to them. A command that runs one transaction needs
    /// one connection: setting up a second, and SQLite reading the schema again for it, is
    /// most of a quick command's time. A desk whose schema needs bringing up to date is
    /// migrated through a pool whatever was asked.
    static func open(path: String, busyTimeout: Double, connection: ClaimStore.Connection) async throws -> SQLiteStorage {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError.noDesk(path: path)
        }
        try checkHeader(path: path)
        let mode = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
        if let mode, mode & 0o222 == 0 { throw StoreError.readOnly(path: path) }
        if connection != .pool,
           let single = try await openSingle(path: path, readOnly: connection == .readOnly, busyTimeout: busyTimeout) {
            return single
        }
        return try await translating(path: path, busyTimeout: busyTimeout) {
            let pool = try DatabasePool(path: path, configuration: configuration(busyTimeout: busyTimeout))
            let migrator = Migrations.migrator
            let (superseded, complete) = try await pool.read { db in
                guard try db.tableExists("desk") else { throw StoreError.notADesk(path: path) }
                return (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
            }
            if superseded { throw StoreError.newerDesk(path: path) }
            if !complete { try migrator.migrate(pool) }
            let storage = SQLiteStorage(writer: pool, path: path, busyTimeout: busyTimeout)
            try await storage.rebuildSearchIndexIfStale()
            return storage
        }
    }

    /// One connection to an up-to-date desk, or nil when its schema needs migrating.
    private static func openSingle(path: String, readOnly: Bool, busyTimeout: Double) async throws -> SQLiteStorage? {
        try await translating(path: path, busyTimeout: busyTimeout) {
            var config = configuration(busyTimeout: busyTimeout)
            config.readonly = readOnly
            let queue = try DatabaseQueue(path: path, configuration: config)
            let migrator = Migrations.migrator
            let (superseded, complete) = try await queue.read { db in
                guard try db.tableExists("desk") else { throw StoreError.notADesk(path: path) }
                return (try migrator.hasBeenSuperseded(db),
                        try migrator.hasCompletedMigrations(db)
                            && SQLiteTransaction(db: db).searchIndexVersion() >= SearchIndex.version)
            }
            if superseded { throw StoreError.newerDesk(path: path) }
            guard complete else {
                try queue.close()
                return nil
            }
            return SQLiteStorage(writer: queue, path: path, busyTimeout: busyTimeout)
        }
    }

    /// Creates a desk file where no file exists: the schema and what `fill` writes, in one
    /// transaction, built in a temporary file beside the target and moved into place only
    /// when complete, so that a failure leaves nothing behind. Returns the new desk, opened.
    @discardableResult
    static func create(path: String, busyTimeout: Double, fill: (any StorageWriter) async throws -> Void) async throws -> SQLiteStorage {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw StoreError.alreadyExists(path: path)
        }
        let temporary = path + ".init-\(ProcessInfo.processInfo.processIdentifier)"
        defer { removeDatabaseFiles(temporary) }
        try await translating(path: path, busyTimeout: busyTimeout) {
            let pool = try DatabasePool(path: temporary, configuration: configuration(busyTimeout: busyTimeout))
            try Migrations.migrator.migrate(pool)
            let storage = SQLiteStorage(writer: pool, path: path, busyTimeout: busyTimeout)
            try await storage.writing(fill)
            // The storage's connection closes first, so that the pool's, closing last, folds
            // the write-ahead log into the file before it is linked into place.
            try await storage.close()
            try pool.close()
        }
        // link(2) fails if the target appeared meanwhile: never overwrite someone's file.
        guard link(temporary, path) == 0 else {
            if errno == EEXIST { throw StoreError.alreadyExists(path: path) }
            throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        return try await open(path: path, busyTimeout: busyTimeout, connection: .pool)
    }

    /// An empty desk in memory, with its schema: for tests and previews.
    static func inMemory() throws -> SQLiteStorage {
        var config = Configuration()
        config.allowsUnsafeTransactions = true
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA recursive_triggers = ON") }
        let queue = try DatabaseQueue(configuration: config)
        try Migrations.migrator.migrate(queue)
        return SQLiteStorage(writer: queue, path: ":memory:", busyTimeout: 0)
    }

    /// Copies the desk, as it is at one moment, to a new file with SQLite's online backup,
    /// page by page, while others go on writing.
    func backup(toFile destination: String) throws {
        guard !FileManager.default.fileExists(atPath: destination) else { throw StoreError.alreadyExists(path: destination) }
        do {
            let copy = try DatabaseQueue(path: destination)
            try writer.backup(to: copy)
            try copy.close()
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: destination)
            throw StoreError.from(error, path: destination, busyTimeout: busyTimeout)
        }
    }

    // MARK: - Connections

    static func configuration(busyTimeout: Double) -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        // A transaction stays open on its connection while the domain's asynchronous body
        // runs (see ``SQLiteStorage``).
        config.allowsUnsafeTransactions = true
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA recursive_triggers = ON")
        }
        return config
    }

    /// Refuses a file that is not a SQLite database carrying the desk's application id,
    /// reading only its 100-byte header, so that nothing is written to a stranger's file.
    private static func checkHeader(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.cannotOpen(path: path, reason: "the file cannot be read; check its permissions")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        let magic = Data("SQLite format 3\u{0}".utf8)
        guard header.count == 100, header.prefix(16) == magic else {
            throw StoreError.notADesk(path: path)
        }
        let id = header[68..<72].reduce(Int32(0)) { $0 << 8 | Int32($1) }
        guard id == Migrations.applicationID else {
            throw StoreError.notADesk(path: path)
        }
    }

    private static func removeDatabaseFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }

    static func translating<T>(path: String, busyTimeout: Double, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path, busyTimeout: busyTimeout)
        }
    }
}

// MARK: - Errors

extension StoreError {
    /// Translates an SQLite failure into the error a user can act on.
    static func from(_ error: DatabaseError, path: String, busyTimeout: Double) -> StoreError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: .busy(seconds: busyTimeout)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: .notADesk(path: path)
        case .SQLITE_READONLY: .readOnly(path: path)
        case .SQLITE_CANTOPEN: .cannotOpen(path: path, reason: error.message ?? "the file cannot be opened")
        default: .database(error.message ?? "\(error)")
        }
    }
}
