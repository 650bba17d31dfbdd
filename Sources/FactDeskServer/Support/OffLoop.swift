import Dispatch

/// Runs the store's blocking calls on threads of their own, so that a query or a write
/// waiting for SQLite never holds up the server's event loops.
enum OffLoop {
    private static let queue = DispatchQueue(label: "factdesk.store", qos: .userInitiated, attributes: .concurrent)

    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try body() })
            }
        }
    }
}
