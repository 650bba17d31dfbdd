import Foundation

/// The result of work started on another thread, for the thread that started it to wait on.
final class Pending<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Result<Value, any Error>?

    private init() {}

    /// Runs `work` on a new thread; ``wait()`` returns its result.
    static func start(_ work: @escaping @Sendable () throws -> Value) -> Pending<Value> {
        let pending = Pending<Value>()
        Thread.detachNewThread { pending.finish(Result { try work() }) }
        return pending
    }

    /// Hands over the result and wakes the waiting thread.
    private func finish(_ result: Result<Value, any Error>) {
        condition.lock()
        self.result = result
        condition.signal()
        condition.unlock()
    }

    /// Waits for the result, then returns the value or throws the error.
    func wait() throws -> Value {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        guard let result else { throw CancellationError() }
        return try result.get()
    }
}
