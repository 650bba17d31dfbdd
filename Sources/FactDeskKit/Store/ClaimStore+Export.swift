import Foundation
import GRDB

// MARK: - Export

extension ClaimStore {
    /// Every claim in one of these states, with its verdict, corrections and the other
    /// sources that report it, for publishing.
    public func reviewedClaims(states: [String]) throws -> [ReviewedClaim] {
        try read { db in
            let context = try RelatedContext(store: self, db)
            let claims = try Claim.all().filtered(by: ClaimFilter(states: states)).fetchAll(db)
            return try claims.compactMap { claim in
                guard let id = claim.id, let source = try Source.fetchOne(db, key: claim.sourceID) else { return nil }
                let transitions = try AuditEvent
                    .filter(AuditEvent.Columns.claimID == id && !(Column("action").like("%.%")))
                    .order(AuditEvent.Columns.seq).fetchAll(db)
                guard let decision = transitions.last(where: { $0.toState == claim.state }) else { return nil }
                let corrections = zip(transitions, transitions.dropFirst()).compactMap { earlier, reopen in
                    context.finals.contains(earlier.toState ?? "") && !context.finals.contains(reopen.toState ?? "")
                        ? (at: reopen.at, previous: earlier.toState ?? "", note: reopen.details.note) : nil
                }
                let related = try self.related(to: id, limit: 20, minimumScore: Relatedness.strong, context: context, db)
                let others = try Set(related.map(\.claim.sourceID)).sorted().compactMap { try Source.fetchOne(db, key: $0) }
                return ReviewedClaim(claim: claim, source: source, decidedAt: decision.at, decidedBy: decision.actor,
                                     note: decision.details.note, corrections: corrections, otherAppearances: others)
            }
        }
    }
}
