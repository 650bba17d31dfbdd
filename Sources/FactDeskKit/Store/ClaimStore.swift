import Foundation

/// A desk, opened: where it lives, and the areas of its work.
///
/// The composition root: opening or creating a desk resolves its ``DeskLocation`` once,
/// the backend opens itself there, and the store holds only a ``DeskContext`` (the storage,
/// the clock and the signer). The work is done by use cases over that context, one per
/// area: ``review`` (claims, transitions, notes, evidence), ``team``, ``logins``,
/// ``imports``, ``corroboration``, ``audit`` (the history) and ``publishing``.
///
/// Every write is one transaction that re-reads what it changes, checks it, writes the
/// change and its audit event, and commits; nothing half-done is ever visible. Several
/// processes may share one desk: a writer waits up to the busy timeout for another.
/// Commands and the web desk call the use cases and never see a database: each backend
/// holds its own SQL below ``DeskStorage``.
public struct ClaimStore: Sendable {
    let context: DeskContext
    /// The path or URL messages name, or `:memory:`.
    public let path: String

    init(storage: any DeskStorage, busyTimeout: Double, clock: @escaping @Sendable () -> Date, signer: EventSigner) {
        context = DeskContext(storage: storage, busyTimeout: busyTimeout, clock: clock, signer: signer,
                              verifiedSignatures: VerifiedSignatures())
        path = storage.name
    }

    /// The storage the use cases' calls go through.
    var storage: any DeskStorage { context.storage }
    var busyTimeout: Double { context.busyTimeout }
    /// Signs every event this store writes; see ``signing(with:)``.
    public var signer: EventSigner { context.signer }

    public var review: Review { Review(context: context) }
    public var team: Team { Team(context: context) }
    public var logins: Logins { Logins(context: context) }
    public var imports: Imports { Imports(context: context) }
    public var corroboration: Corroboration { Corroboration(context: context) }
    public var audit: Audit { Audit(context: context) }
    public var publishing: Publishing { Publishing(context: context) }
    public var feeds: Feeds { Feeds(context: context) }
    public var tips: Tips { Tips(context: context) }
    public var notifications: Notifications { Notifications(context: context) }
    public var interface: InterfacePreferences { InterfacePreferences(context: context) }
    public var notifier: Notifier { Notifier(context: context) }

    /// The same desk, signing what it writes with these keys (or as a service).
    public func signing(with signer: EventSigner) -> ClaimStore {
        ClaimStore(storage: storage, busyTimeout: busyTimeout, clock: context.clock, signer: signer)
    }

    /// The keys of the desks this process opens when it is not told which: the keys of
    /// this process's memory, made when first needed (desks in memory, tests).
    public static let processSigner = EventSigner(keys: .memory)

    /// Whether the desk is shared through a database server (PostgreSQL).
    public var isShared: Bool { storage.isShared }

    /// On a PostgreSQL desk, the login connected and whether it owns the desk (and so may
    /// act for any reviewer, as `factdesk serve` does); nil for a desk file, where the
    /// person acting is whoever `--as` names.
    public var login: (handle: String, owner: Bool)? {
        storage.login.map { ($0.handle, $0.isOwner) }
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
    /// A missing file, a file or database that is not a desk and a desk written by a newer
    /// FactDesk are refused before anything is written to them.
    public static func open(
        path: String, busyTimeout: Double = 5, connectTimeout: Double = 5, clock: @escaping @Sendable () -> Date = Date.init,
        connection: Connection = .pool, signer: EventSigner = processSigner
    ) async throws -> ClaimStore {
        try await open(DeskLocation(path), busyTimeout: busyTimeout, connectTimeout: connectTimeout, clock: clock,
                 connection: connection, signer: signer)
    }

    /// Opens the desk at a location; see ``open(path:busyTimeout:connectTimeout:clock:connection:signer:)``.
    public static func open(
        _ location: DeskLocation, busyTimeout: Double = 5, connectTimeout: Double = 5,
        clock: @escaping @Sendable () -> Date = Date.init, connection: Connection = .pool, signer: EventSigner = processSigner
    ) async throws -> ClaimStore {
        let storage = try await location.open(busyTimeout: busyTimeout, connectTimeout: connectTimeout, connection: connection)
        return ClaimStore(storage: storage, busyTimeout: busyTimeout, clock: clock, signer: signer)
    }

    /// How a desk is opened. A command that runs one transaction needs one connection:
    /// setting up a second is most of a quick command's time on a desk file.
    public enum Connection: Sendable, Equatable {
        /// A pool: a writer and readers, for reads on several threads at once (`factdesk serve`).
        case pool
        /// One connection that reads and writes, in IMMEDIATE write transactions.
        case single
        /// One read-only connection, for a command that only reads.
        case readOnly
    }

    /// Creates a desk where there is none, with its workflow and first editor.
    ///
    /// The desk is written in one transaction (a file in a temporary file beside the target,
    /// moved into place only when complete), so a failed `init` leaves nothing behind.
    public static func create(
        path: String, workflow: WorkflowSource, editor: NewReviewer, deskName: String? = nil,
        busyTimeout: Double = 5, connectTimeout: Double = 5, clock: @escaping @Sendable () -> Date = Date.init,
        signer: EventSigner = processSigner
    ) async throws -> ClaimStore {
        try await create(DeskLocation(path), workflow: workflow, editor: editor, deskName: deskName, busyTimeout: busyTimeout,
                   connectTimeout: connectTimeout, clock: clock, signer: signer)
    }

    /// Creates a desk at a location; see ``create(path:workflow:editor:deskName:busyTimeout:connectTimeout:clock:signer:)``.
    public static func create(
        _ location: DeskLocation, workflow: WorkflowSource, editor: NewReviewer, deskName: String? = nil,
        busyTimeout: Double = 5, connectTimeout: Double = 5, clock: @escaping @Sendable () -> Date = Date.init,
        signer: EventSigner = processSigner
    ) async throws -> ClaimStore {
        let storage = try await location.create(busyTimeout: busyTimeout, connectTimeout: connectTimeout) { tx, login in
            var first = editor
            if let login {
                // Where the database has logins, the first editor is whoever is logged in:
                // identity is the login.
                guard editor.handle == login else {
                    throw StoreError.accessDenied(
                        "on PostgreSQL the desk's first editor is the role that creates it, \(login); connect as \(editor.handle) to make \(editor.handle) its editor")
                }
                first.handle = login
            }
            try Reviewer.validate(handle: first.handle)
            try await Team.initialize(tx, workflow: workflow, editor: first, deskName: deskName, at: clock(), signer: signer)
        }
        return ClaimStore(storage: storage, busyTimeout: busyTimeout, clock: clock, signer: signer)
    }

    /// A desk in memory, for tests and previews.
    public static func inMemory(
        workflow: WorkflowSource, editor: NewReviewer, clock: @escaping @Sendable () -> Date = Date.init,
        signer: EventSigner = processSigner
    ) async throws -> ClaimStore {
        let store = ClaimStore(storage: try SQLiteStorage.inMemory(), busyTimeout: 0, clock: clock, signer: signer)
        try await store.team.initialize(workflow: workflow, editor: editor, deskName: nil)
        return store
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
    /// The address their notifications are emailed to, set with them (a `reviewer.notify` event).
    public var email: String?
    /// The language of their emails, `ar` or `en`.
    public var language: String?

    public init(handle: String, displayName: String? = nil, role: Reviewer.Role = .reviewer, publicKey: String? = nil,
                email: String? = nil, language: String? = nil) {
        (self.email, self.language) = (email, language)
        self.handle = handle
        self.displayName = displayName
        self.role = role
        self.publicKey = publicKey
    }
}
