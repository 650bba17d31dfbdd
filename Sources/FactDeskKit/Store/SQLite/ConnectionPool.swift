/// A bounded set of connections that transactions take turns on: one is handed to each
/// transaction for as long as it runs, opened when none is idle and the limit allows, or
/// else waited for, first come first served.
///
/// A waiting transaction holds no thread, only its place in line. A wait is not given up
/// when its task is cancelled: the transactions ahead of it are short and each gives its
/// connection back.
actor ConnectionPool<Connection: Sendable> {
    private let limit: Int
    private let open: @Sendable () throws -> Connection
    private var idle: [Connection]
    /// How many connections exist: idle, in use, or being opened.
    private var count: Int
    private var waiting: [CheckedContinuation<Connection, Never>] = []

    /// A pool that opens up to `limit` connections with `open`, starting with `opened`.
    init(limit: Int, opened: [Connection] = [], open: @escaping @Sendable () throws -> Connection) {
        self.limit = max(limit, opened.count, 1)
        self.open = open
        self.idle = opened
        self.count = opened.count
    }

    /// An idle connection, a new one, or the next one given back.
    func take() async throws -> Connection {
        if let connection = idle.popLast() { return connection }
        guard count < limit else {
            return await withCheckedContinuation { waiting.append($0) }
        }
        count += 1
        do {
            return try open()
        } catch {
            count -= 1
            throw error
        }
    }

    /// Hands a connection to the first transaction waiting, or keeps it for the next.
    func give(_ connection: Connection) {
        if waiting.isEmpty {
            idle.append(connection)
        } else {
            waiting.removeFirst().resume(returning: connection)
        }
    }

    /// Takes the idle connections out of the pool, for them to be closed.
    func drain() -> [Connection] {
        defer { idle.removeAll() }
        return idle
    }
}
