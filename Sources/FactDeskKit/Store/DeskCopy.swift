import Foundation
import GRDB

// MARK: - Backups and moves

extension ClaimStore {
    /// Copies the desk, as it is at one moment, to a new file or an empty PostgreSQL
    /// database, while others may go on writing.
    ///
    /// File to file uses SQLite's online backup. Any other pair copies every table row
    /// for row (ids, times and the history's exact text kept), then indexes the claims
    /// for search: the copy holds the same history, with the same head and hashes, so an
    /// anchor taken before the move verifies on it. Login sessions are not copied. The copy
    /// is written in one transaction and appears complete or not at all.
    public func backup(to destination: String, connectTimeout: Double = 5) async throws {
        if !PostgresAddress.isURL(destination), let file {
            try fileBackup(of: file, to: destination)
            return
        }
        let source = storage
        let copy = { (target: any StorageWriter) async throws in
            try await source.reading { from in
                for table in DeskTable.allCases {
                    var batch: [[StoredValue]] = []
                    try await from.eachRow(of: table) { row in
                        batch.append(row)
                        if batch.count == 4_000 {
                            try await target.insertRows(batch, into: table)
                            batch.removeAll(keepingCapacity: true)
                        }
                    }
                    if !batch.isEmpty { try await target.insertRows(batch, into: table) }
                }
            }
            try await target.clearSearchIndex(version: SearchIndex.version)
            var terms: [(claimID: Int64, terms: String)] = []
            try await target.eachClaim { claim in
                guard let id = claim.id else { return }
                terms.append((id, SearchIndex.indexText(claim.text)))
                if terms.count == 5_000 {
                    try await target.storeSearchTerms(terms)
                    terms.removeAll(keepingCapacity: true)
                }
            }
            try await target.storeSearchTerms(terms)
            try await target.finishCopy()
        }
        if PostgresAddress.isURL(destination) {
            _ = try await PostgreSQLStorage.create(try PostgresAddress(url: destination), connectTimeout: connectTimeout,
                                                   busyTimeout: busyTimeout) { target, _ in try await copy(target) }
        } else {
            try await Self.createFile(path: destination, busyTimeout: busyTimeout, clock: clock, fill: copy)
        }
    }

    private func fileBackup(of file: any DatabaseWriter, to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else { throw StoreError.alreadyExists(path: path) }
        do {
            let copy = try DatabaseQueue(path: path)
            try file.backup(to: copy)
            try copy.close()
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: path)
            throw StoreError.from(error, path: path, busyTimeout: busyTimeout)
        }
    }
}
