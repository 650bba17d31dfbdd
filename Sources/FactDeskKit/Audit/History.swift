import Foundation

// MARK: - History

extension ClaimStore {
    /// Walks the history newest first, of the whole desk or of one claim, handing each
    /// event to `body` as it is read so that a long history is never held in memory.
    public func history(claimID: Int64? = nil, limit: Int? = nil, _ body: (AuditEvent) throws -> Void) throws {
        try storage.reading { tx in
            if let claimID { _ = try tx.existingClaim(claimID) }
            try tx.eachEvent(claim: claimID, limit: limit, body)
        }
    }
}
