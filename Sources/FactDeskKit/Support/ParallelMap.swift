import Dispatch

/// `items.map(transform)`, run on every core. Results keep the items' order.
///
/// For pure work on independent items (extracting claims from a batch of articles) done
/// before a write transaction opens, so that the desk stays locked only for the writes.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    guard items.count > 1 else { return items.map(transform) }
    let slots = UnsafeMutablePointer<R?>.allocate(capacity: items.count)
    slots.initialize(repeating: nil, count: items.count)
    defer {
        slots.deinitialize(count: items.count)
        slots.deallocate()
    }
    // Each iteration writes its own slot, and concurrentPerform returns only when all are done.
    nonisolated(unsafe) let shared = slots
    // Items go in runs, a few per core, rather than one dispatch per item.
    let runs = min(items.count, 64)
    DispatchQueue.concurrentPerform(iterations: runs) { run in
        for index in stride(from: run, to: items.count, by: runs) {
            shared[index] = transform(items[index])
        }
    }
    return (0..<items.count).compactMap { slots[$0] }
}
