import PostgresNIO
import ServiceLifecycle
import Synchronization

/// Where a PostgreSQL desk's transactions get their connections: a `PostgresClient` that
/// keeps at most a given number of them, run as a service for as long as the desk is used.
///
/// ``start(limit:)`` makes the client and returns the service that runs it; transactions
/// may ask for connections from then on, and wait for one while all are in use. Without a
/// running client a transaction is refused at once rather than left waiting.
final class PostgresConnections: Sendable {
    let address: PostgresAddress
    let connectTimeout: Double
    private let client = Mutex<PostgresClient?>(nil)

    init(address: PostgresAddress, connectTimeout: Double) {
        self.address = address
        self.connectTimeout = connectTimeout
    }

    /// A new client of at most `limit` connections, as a service to run; nil when a client
    /// already serves the desk.
    func start(limit: Int) -> Runner? {
        let made = PostgresSession.client(address, timeout: connectTimeout, limit: limit)
        let started = client.withLock { current -> Bool in
            guard current == nil else { return false }
            current = made
            return true
        }
        return started ? Runner(connections: self, client: made) : nil
    }

    /// Runs `body` on a connection of the running client, waiting for one while all are in use.
    func withSession<T>(busyTimeout: Double, _ body: (PostgresSession) async throws -> T) async throws -> T {
        guard let client = client.withLock({ $0 }) else {
            throw StoreError.database("the connections to \(address.display) are not running; a desk is used within ClaimStore.connected")
        }
        do {
            return try await client.withConnection { connection in
                try await body(PostgresSession(address: address, connection: connection, busyTimeout: busyTimeout))
            }
        } catch {
            throw PostgresSession.translate(error, address: address, connecting: true, timeout: connectTimeout,
                                            busyTimeout: busyTimeout)
        }
    }

    /// The service that runs one client: it keeps the client's connections, and closes them
    /// when cancelled or told to shut down gracefully.
    struct Runner: ServiceLifecycle.Service {
        let connections: PostgresConnections
        let client: PostgresClient

        func run() async throws {
            await client.run()
            connections.client.withLock { current in
                if current === client { current = nil }
            }
        }
    }
}
