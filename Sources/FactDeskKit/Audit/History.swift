import Foundation

// MARK: - History

extension Audit {
    /// Walks the history newest first, of the whole desk or of one claim, handing each
    /// event to `body` as it is read so that a long history is never held in memory.
    public func history(claimID: Int64? = nil, limit: Int? = nil, _ body: (AuditEvent) throws -> Void) async throws {
        try await storage.reading { tx in
            if let claimID { _ = try await tx.existingClaim(claimID) }
            try await tx.eachEvent(claim: claimID, limit: limit, body)
        }
    }
}
