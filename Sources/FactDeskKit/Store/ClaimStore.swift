import Foundation
import GRDB

/// The desk's store: one SQLite file holding reviewers, sources, claims, notes,
/// evidence and the append-only history.
///
/// Every write method is one IMMEDIATE transaction that re-reads what it changes,
/// checks it, writes the change and its audit event, and commits; nothing half-done
/// is ever visible. Several processes may share one desk file: the store uses a WAL
/// `DatabasePool` and waits up to the busy timeout for another writer.
///
/// All of FactDesk's SQL lives in this folder. Commands and the workflow engine call
/// these methods and never see a database.
public struct ClaimStore: Sendable {
    /// The storage the domain's calls go through.
    let storage: any DeskStorage
    /// The desk file's database, when the desk is a file.
    let file: (any DatabaseWriter)?
    /// The path or URL messages name, or `:memory:`.
    public let path: String
    let busyTimeout: Double
    let clock: @Sendable () -> Date
    /// Signs every event this store writes; see ``signing(with:)``.
    public let signer: EventSigner
    /// Signatures of password and token events this store has found good.
    let verifiedSignatures = VerifiedSignatures()

    init(writer: any DatabaseWriter, path: String, busyTimeout: Double, clock: @escaping @Sendable () -> Date,
         signer: EventSigner) {
        self.storage = SQLiteStorage(writer: writer, path: path, busyTimeout: busyTimeout)
        self.file = writer
        self.path = path
        self.busyTimeout = busyTimeout
        self.clock = clock
        self.signer = signer
    }

    init(storage: any DeskStorage, file: (any DatabaseWriter)? = nil, busyTimeout: Double,
         clock: @escaping @Sendable () -> Date, signer: EventSigner) {
        self.storage = storage
        self.file = file
        self.path = storage.name
        self.busyTimeout = busyTimeout
        self.clock = clock
        self.signer = signer
    }

    /// The same desk, signing what it writes with these keys (or as a service).
    public func signing(with signer: EventSigner) -> ClaimStore {
        ClaimStore(storage: storage, file: file, busyTimeout: busyTimeout, clock: clock, signer: signer)
    }

    /// The keys of the desks this process opens when it is not told which: the keys of
    /// this process's memory, made when first needed (desks in memory, tests).
    public static let processSigner = EventSigner(keys: .memory)

    /// The desk file's database, for tests that look under the storage.
    var writer: any DatabaseWriter {
        guard let file else { preconditionFailure("\(path) is not a desk file") }
        return file
    }

    /// Whether the desk is a PostgreSQL database.
    public var isShared: Bool { storage is PostgreSQLStorage }

    /// On a PostgreSQL desk, the login connected and whether it owns the desk (and so may
    /// act for any reviewer, as `factdesk serve` does); nil for a desk file, where the
    /// person acting is whoever `--as` names.
    public var login: (handle: String, owner: Bool)? {
        (storage as? PostgreSQLStorage).map { ($0.login, $0.isOwner) }
    }

    /// Refuses to serve the web desk over a PostgreSQL login that is not the desk's owner.
    ///
    /// The web desk acts for whoever logs in to it and keeps their sessions, tokens and
    /// lockouts, which on PostgreSQL only the desk's owner may write.
    public func checkMayServe() throws {
        if let login, !login.owner {
            throw StoreError.accessDenied(
                "factdesk serve acts for whoever logs in to the web desk, which on PostgreSQL only the desk's owner may do; connect as the role that owns the desk's tables, not as \(login.handle)")
        }
    }

    // MARK: - Opening

    /// Opens an existing desk, bringing an older schema up to date.
    ///
    /// A missing file, a file that is not a desk and a desk written by a newer FactDesk
    /// are refused before anything is written to them.
    ///
    /// A command that runs one transaction needs one connection (see ``Connection``):
    /// setting up a second, and SQLite reading the schema again for it, is most of a quick
    /// command's time. A desk whose schema needs bringing up to date is migrated through a
    /// pool whatever was asked.
    public static func open(
        path: String, busyTimeout: Double = 5, connectTimeout: Double = 5, clock: @escaping @Sendable () -> Date = Date.init,
        connection: Connection = .pool, signer: EventSigner = processSigner
    ) async throws -> ClaimStore {
        if PostgresAddress.isURL(path) {
            let storage = try await PostgreSQLStorage.open(try PostgresAddress(url: path), connectTimeout: connectTimeout,
                                                           busyTimeout: busyTimeout)
            return ClaimStore(storage: storage, busyTimeout: busyTimeout, clock: clock, signer: signer)
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError.noDesk(path: path)
        }
        try checkHeader(path: path)
        let mode = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
        if let mode, mode & 0o222 == 0 { throw StoreError.readOnly(path: path) }
        if connection != .pool,
           let single = try await openSingle(path: path, readOnly: connection == .readOnly, busyTimeout: busyTimeout, clock: clock,
                                             signer: signer) {
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
            let store = ClaimStore(writer: pool, path: path, busyTimeout: busyTimeout, clock: clock, signer: signer)
            try await store.storage.rebuildSearchIndexIfStale()
            return store
        }
    }

    /// How a desk is opened.
    public enum Connection: Sendable, Equatable {
        /// A pool: a writer and readers, for reads on several threads at once (`factdesk serve`).
        case pool
        /// One connection that reads and writes, in IMMEDIATE write transactions.
        case single
        /// One read-only connection, for a command that only reads.
        case readOnly
    }

    /// One connection to an up-to-date desk, or nil when its schema needs migrating.
    private static func openSingle(path: String, readOnly: Bool, busyTimeout: Double,
                                   clock: @escaping @Sendable () -> Date, signer: EventSigner) async throws -> ClaimStore? {
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
            return ClaimStore(writer: queue, path: path, busyTimeout: busyTimeout, clock: clock, signer: signer)
        }
    }

    /// Creates a desk at a path where no file exists, with its workflow and first editor.
    ///
    /// The desk is built in a temporary file beside the target and moved into place
    /// only when complete, so a failed `init` leaves nothing behind.
    public static func create(
        path: String, workflow: WorkflowSource, editor: NewReviewer, deskName: String? = nil,
        busyTimeout: Double = 5, connectTimeout: Double = 5, clock: @escaping @Sendable () -> Date = Date.init,
        signer: EventSigner = processSigner
    ) async throws -> ClaimStore {
        if PostgresAddress.isURL(path) {
            // On PostgreSQL the first editor is whoever is logged in: identity is the login.
            let storage = try await PostgreSQLStorage.create(
                try PostgresAddress(url: path), connectTimeout: connectTimeout, busyTimeout: busyTimeout
            ) { tx, login in
                guard editor.handle == login else {
                    throw StoreError.accessDenied(
                        "on PostgreSQL the desk's first editor is the role that creates it, \(login); connect as \(editor.handle) to make \(editor.handle) its editor")
                }
                var first = editor
                first.handle = login
                try Reviewer.validate(handle: login)
                try await initialize(tx, workflow: workflow, editor: first, deskName: deskName, at: clock(), signer: signer)
            }
            return ClaimStore(storage: storage, busyTimeout: busyTimeout, clock: clock, signer: signer)
        }
        try await createFile(path: path, busyTimeout: busyTimeout, clock: clock) { tx in
            try Reviewer.validate(handle: editor.handle)
            try await initialize(tx, workflow: workflow, editor: editor, deskName: deskName, at: clock(), signer: signer)
        }
        return try await open(path: path, busyTimeout: busyTimeout, clock: clock, signer: signer)
    }

    /// Builds a desk file in a temporary file beside the target, with the schema and what
    /// `fill` writes in one transaction, and moves it into place only when complete, so
    /// that a failure leaves nothing behind.
    static func createFile(path: String, busyTimeout: Double, clock: @escaping @Sendable () -> Date,
                           fill: (any StorageWriter) async throws -> Void) async throws {
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
        guard hardLink(temporary, path) == 0 else {
            if errno == EEXIST { throw StoreError.alreadyExists(path: path) }
            throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// A desk in memory, for tests and previews.
    public static func inMemory(
        workflow: WorkflowSource, editor: NewReviewer, clock: @escaping @Sendable () -> Date = Date.init,
        signer: EventSigner = processSigner
    ) async throws -> ClaimStore {
        var config = Configuration()
        config.allowsUnsafeTransactions = true
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA recursive_triggers = ON") }
        let queue = try DatabaseQueue(configuration: config)
        try Migrations.migrator.migrate(queue)
        let store = ClaimStore(writer: queue, path: ":memory:", busyTimeout: 0, clock: clock, signer: signer)
        try await store.initialize(workflow: workflow, editor: editor, deskName: nil)
        return store
    }

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

/// Where a desk's workflow comes from: a built-in name or a YAML file.
public struct WorkflowSource: Sendable, Equatable {
    public var yaml: String
    public var workflow: Workflow

    /// A built-in workflow (`standard`) or the path of a YAML file.
    public static func named(_ nameOrPath: String) throws -> WorkflowSource {
        if let yaml = BuiltinWorkflows.yaml(named: nameOrPath) {
            return WorkflowSource(yaml: yaml, workflow: try WorkflowLoader(file: "\(nameOrPath) (built in)").load(yaml: yaml))
        }
        guard FileManager.default.fileExists(atPath: nameOrPath) else {
            throw DeskError.invalidValue(
                "no workflow '\(nameOrPath)': give a built-in name (\(BuiltinWorkflows.names.joined(separator: ", "))) or the path of a YAML file")
        }
        let (yaml, workflow) = try WorkflowLoader.read(contentsOf: nameOrPath)
        return WorkflowSource(yaml: yaml, workflow: workflow)
    }
}

/// A reviewer to be added to the desk.
public struct NewReviewer: Sendable, Equatable {
    public var handle: String
    public var displayName: String?
    public var role: Reviewer.Role
    /// Their public key (`ed25519:...`); nil to make a key pair in this machine's key folder.
    public var publicKey: String?

    public init(handle: String, displayName: String? = nil, role: Reviewer.Role = .reviewer, publicKey: String? = nil) {
        self.handle = handle
        self.displayName = displayName
        self.role = role
        self.publicKey = publicKey
    }
}

/// link(2): makes `path` name the file at `existing`, failing if `path` exists.
private func hardLink(_ existing: String, _ path: String) -> Int32 {
    link(existing, path)
}
