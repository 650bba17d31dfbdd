import Foundation
import GRDB

// MARK: - History

extension ClaimStore {
    /// Walks the history newest first, of the whole desk or of one claim, handing each
    /// event to `body` as it is read so that a long history is never held in memory.
    public func history(claimID: Int64? = nil, limit: Int? = nil, _ body: (AuditEvent) throws -> Void) throws {
        try read { db in
            var request = AuditEvent.order(AuditEvent.Columns.seq.desc)
            if let claimID {
                _ = try fetchClaim(claimID, db)
                request = request.filter(AuditEvent.Columns.claimID == claimID)
            }
            if let limit { request = request.limit(limit) }
            let cursor = try request.fetchCursor(db)
            while let event = try cursor.next() {
                try body(event)
            }
        }
    }
}
