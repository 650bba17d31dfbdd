import Foundation

/// `items.map(transform)`, run in a task group on every core. Results keep the items' order.
///
/// For pure work on independent items (extracting claims from a batch of articles) done
/// before a write transaction opens, so that the desk stays locked only for the writes.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @escaping @Sendable (T) -> R) async -> [R] {
    guard items.count > 1 else { return items.map(transform) }
    // Items go in runs, a few per core, rather than one task per item.
    let runs = min(items.count, max(ProcessInfo.processInfo.activeProcessorCount, 1) * 4)
    return await withTaskGroup(of: (run: Int, results: [R]).self) { group in
        for run in 0..<runs {
            group.addTask { (run, stride(from: run, to: items.count, by: runs).map { transform(items[$0]) }) }
        }
        var slots = [R?](repeating: nil, count: items.count)
        for await done in group {
            for (step, result) in done.results.enumerated() { slots[done.run + step * runs] = result }
        }
        return slots.compactMap { $0 }
    }
}
