import Foundation

/// Where a write transaction is, told to the crash script (`.ci/crash.py`) so that it knows
/// where each of its kills landed.
///
/// With `FACTDESK_TEST_WRITE_TRACE` naming a file, every write transaction appends `begin`
/// once it has begun, `commit` just before it commits and `done` once committed,
/// each a line written straight to the file (no buffer a kill could lose). With
/// `FACTDESK_TEST_WRITE_PAUSE` (seconds) it also waits that long before committing, so that
/// kills can be aimed inside the transaction.
///
/// Compiled in only when the package is built with `FACTDESK_WRITE_TRACE=1`, as the crash
/// test builds it; any other build, the shipped binary among them, has empty calls here that
/// read no environment and write nothing.
#if FACTDESK_WRITE_TRACE
enum WriteTrace {
    private static let settings: (file: Int32, pause: Double)? = {
        let environment = ProcessInfo.processInfo.environment
        let pause = environment["FACTDESK_TEST_WRITE_PAUSE"].flatMap(Double.init) ?? 0
        guard let path = environment["FACTDESK_TEST_WRITE_TRACE"] else {
            return pause > 0 ? (-1, pause) : nil
        }
        return (open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644), pause)
    }()

    /// The transaction has begun (on PostgreSQL, and holds the desk's write lock).
    static func begun() { mark("begin\n") }

    /// The transaction's changes are made; it commits next.
    static func committing() {
        mark("commit\n")
        if let pause = settings?.pause, pause > 0 { usleep(UInt32(min(pause, 10) * 1_000_000)) }
    }

    /// The transaction is committed.
    static func committed() { mark("done\n") }

    private static func mark(_ line: StaticString) {
        guard let file = settings?.file, file >= 0 else { return }
        _ = write(file, line.utf8Start, line.utf8CodeUnitCount)
    }
}
#else
enum WriteTrace {
    @inline(__always) static func begun() {}
    @inline(__always) static func committing() {}
    @inline(__always) static func committed() {}
}
#endif
