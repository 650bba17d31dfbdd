import Foundation

// MARK: - Backups and moves

extension ClaimStore {
    /// Copies the desk, as it is at one moment, to a new file or an empty PostgreSQL
    /// database, while others may go on writing.
    ///
    /// File to file uses SQLite's online backup; any other pair copies every row (see
    /// ``DeskStorage/copyRows(to:busyTimeout:connectTimeout:)``). The copy holds the same
    /// history, with the same head and hashes, so an anchor taken before the move verifies on it.
    public func backup(to destination: String, connectTimeout: Double = 5) throws {
        try storage.backup(to: try DeskLocation(destination), busyTimeout: busyTimeout, connectTimeout: connectTimeout)
    }
}

extension DeskStorage {
    /// Copies every table row for row to a new desk at `destination` (ids, times and the
    /// history's exact text kept), then indexes the claims for search. Login sessions are
    /// not copied. The copy is written in one transaction and appears complete or not at all.
    func copyRows(to destination: DeskLocation, busyTimeout: Double, connectTimeout: Double) throws {
        _ = try destination.create(busyTimeout: busyTimeout, connectTimeout: connectTimeout) { target, _ in
            try reading { from in
                for table in DeskTable.allCases {
                    var batch: [[StoredValue]] = []
                    try from.eachRow(of: table) { row in
                        batch.append(row)
                        if batch.count == 4_000 {
                            try target.insertRows(batch, into: table)
                            batch.removeAll(keepingCapacity: true)
                        }
                    }
                    if !batch.isEmpty { try target.insertRows(batch, into: table) }
                }
            }
            try target.clearSearchIndex(version: SearchIndex.version)
            var terms: [(claimID: Int64, terms: String)] = []
            try target.eachClaim { claim in
                guard let id = claim.id else { return }
                terms.append((id, SearchIndex.indexText(claim.text)))
                if terms.count == 5_000 {
                    try target.storeSearchTerms(terms)
                    terms.removeAll(keepingCapacity: true)
                }
            }
            try target.storeSearchTerms(terms)
            try target.finishCopy()
        }
    }
}
