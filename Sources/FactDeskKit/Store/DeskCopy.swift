import Foundation

// MARK: - Backups and moves

extension ClaimStore {
    /// Copies the desk, as it is at one moment, to a new file or an empty PostgreSQL
    /// database, while others may go on writing.
    ///
    /// File to file uses SQLite's online backup; any other pair copies every row (see
    /// ``DeskStorage/copyRows(to:busyTimeout:connectTimeout:)``). The copy holds the same
    /// history, with the same head and hashes, so an anchor taken before the move verifies on it.
    public func backup(to destination: String, connectTimeout: Double = 5) async throws {
        try await storage.backup(to: try DeskLocation(destination), busyTimeout: busyTimeout, connectTimeout: connectTimeout)
    }
}

extension DeskStorage {
    /// Copies every table row for row to a new desk at `destination` (ids, times and the
    /// history's exact text kept), then indexes the claims for search. Login sessions are
    /// not copied. The copy is written in one transaction and appears complete or not at all.
    func copyRows(to destination: DeskLocation, busyTimeout: Double, connectTimeout: Double) async throws {
        _ = try await destination.create(busyTimeout: busyTimeout, connectTimeout: connectTimeout) { target, _ in
            try await reading { from in
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
    }
}
