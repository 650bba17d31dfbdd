import Foundation

/// Where a desk lives: a file, this process's memory, or a PostgreSQL database.
///
/// Read once from what a person wrote (`--db`, `FACTDESK_DB`); the backend that opens or
/// creates the desk follows from it, and nothing else asks which kind of desk it is.
public enum DeskLocation: Sendable, Equatable {
    /// A desk file (SQLite) at this path.
    case file(String)
    /// A desk that lives as long as the process that made it: tests and previews.
    case memory
    /// A desk in a PostgreSQL database, shared through its server.
    case postgres(PostgresAddress)

    /// What names a desk in memory.
    public static let memoryName = ":memory:"

    /// Reads a desk's place: a `postgres://` or `postgresql://` URL, `:memory:`, else a
    /// file path. A malformed URL is refused with what to write instead.
    public init(_ text: String) throws {
        if PostgresAddress.isURL(text) {
            self = .postgres(try PostgresAddress(url: text))
        } else if text == Self.memoryName {
            self = .memory
        } else {
            self = .file(text)
        }
    }

    /// The desk as messages name it: its path, or its URL without the password.
    public var display: String {
        switch self {
        case .file(let path): path
        case .memory: Self.memoryName
        case .postgres(let address): address.display
        }
    }

    // MARK: - Opening and creating

    /// The storage of the desk that is here; see ``SQLiteStorage/open(path:busyTimeout:connection:)``
    /// and ``PostgreSQLStorage/open(_:connectTimeout:busyTimeout:)`` for what each refuses.
    func open(busyTimeout: Double, connectTimeout: Double, connection: ClaimStore.Connection) async throws -> any DeskStorage {
        switch self {
        case .file(let path):
            try await SQLiteStorage.open(path: path, busyTimeout: busyTimeout, connection: connection)
        case .memory:
            throw DeskError.invalidValue(
                "\(Self.memoryName) names a desk that lives only as long as the process that made it; give a desk file's path or a PostgreSQL URL")
        case .postgres(let address):
            try await PostgreSQLStorage.open(address, connectTimeout: connectTimeout, busyTimeout: busyTimeout)
        }
    }

    /// Makes a desk here, where none is: the schema, then what `fill` writes, in one
    /// transaction, so that a failure leaves nothing behind. `fill` is told who the
    /// database says is connected, where it has logins of its own (PostgreSQL).
    func create(busyTimeout: Double, connectTimeout: Double,
                fill: (any StorageWriter, _ login: String?) async throws -> Void) async throws -> any DeskStorage {
        switch self {
        case .file(let path):
            return try await SQLiteStorage.create(path: path, busyTimeout: busyTimeout) { try await fill($0, nil) }
        case .memory:
            let storage = try SQLiteStorage.inMemory()
            try await storage.writing { try await fill($0, nil) }
            return storage
        case .postgres(let address):
            return try await PostgreSQLStorage.create(address, connectTimeout: connectTimeout, busyTimeout: busyTimeout) { tx, login in
                try await fill(tx, login)
            }
        }
    }
}

/// Who a database says is connected to a desk, where it has logins of its own (PostgreSQL).
public struct DeskLogin: Sendable, Equatable {
    /// The login role: on a PostgreSQL desk, who is acting.
    public var handle: String
    /// Whether the login owns the desk's tables, and so may act for any reviewer (as
    /// `factdesk serve` does).
    public var isOwner: Bool

    public init(handle: String, isOwner: Bool) {
        self.handle = handle
        self.isOwner = isOwner
    }
}
