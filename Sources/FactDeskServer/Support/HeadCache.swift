import Synchronization

/// Values read from the desk, kept until its history moves on.
///
/// Every change to a desk's content is an event, so a value computed when the history's
/// last event was N is still true while it is N: a page read many times between two
/// changes (a claim under discussion, a queue) is worked out once. The head is read on
/// each request; any write, from the web or the command line, makes the next read a miss.
final class HeadCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let entries = Mutex<[Key: (head: Int64, value: Value)]>([:])
    private let limit: Int

    init(limit: Int = 1_000) {
        self.limit = limit
    }

    func value(for key: Key, head: Int64, compute: () async throws -> Value) async throws -> Value {
        if let entry = entries.withLock({ $0[key] }), entry.head == head { return entry.value }
        let value = try await compute()
        entries.withLock { entries in
            if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
            if (entries[key]?.head ?? .min) <= head { entries[key] = (head, value) }
        }
        return value
    }
}
