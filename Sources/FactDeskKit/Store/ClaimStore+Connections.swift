import ServiceLifecycle

extension ClaimStore {
    /// The most connections a command keeps to a PostgreSQL desk.
    public static let commandConnections = 2

    /// The service that keeps a PostgreSQL desk's connections, at most `limit` of them: the
    /// desk's transactions may start as soon as it is made, and run while it runs. Nil for a
    /// desk file, which needs none, and when the desk's connections already run.
    ///
    /// `factdesk serve` runs it in its `ServiceGroup`, beside the web server.
    public func connectionService(limit: Int) -> (any ServiceLifecycle.Service)? {
        storage.connectionService(limit: limit)
    }

    /// Runs `body` with the desk's connections running (see ``connectionService(limit:)``),
    /// and closes them when it is done: how a command uses a desk.
    public func connected<T>(limit: Int = commandConnections, _ body: (ClaimStore) async throws -> T) async throws -> T {
        guard let service = connectionService(limit: limit) else { return try await body(self) }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await service.run() }
            defer { group.cancelAll() }
            return try await body(self)
        }
    }
}
