import GRDB

/// A storage over an SQLite database, for the tests that look under a desk.
protocol SQLiteDatabaseHolder {
    var writer: any DatabaseWriter { get }
}

extension SQLiteStorage: SQLiteDatabaseHolder {}

extension ClaimStore {
    /// The desk's SQLite database, for tests that look under the storage: never called by
    /// FactDesk itself, which asks the storage for rows.
    var writer: any DatabaseWriter {
        guard let holder = storage as? any SQLiteDatabaseHolder else { preconditionFailure("\(path) is not an SQLite desk") }
        return holder.writer
    }
}
