import Foundation

// MARK: - Export

extension ClaimStore {
    /// Every claim in one of these states, with its verdict, corrections and the other
    /// sources that report it, for publishing.
    public func reviewedClaims(states: [String]) throws -> [ReviewedClaim] {
        try storage.reading { tx in
            let context = try RelatedContext(tx)
            let claims = try tx.claims(ClaimFilter(states: states))
            return try claims.compactMap { claim in
                guard let id = claim.id, let source = try tx.source(claim.sourceID) else { return nil }
                let transitions = try tx.events(claim: id).filter(\.isTransition)
                guard let decision = transitions.last(where: { $0.toState == claim.state }) else { return nil }
                let corrections = zip(transitions, transitions.dropFirst()).compactMap { earlier, reopen in
                    context.finals.contains(earlier.toState ?? "") && !context.finals.contains(reopen.toState ?? "")
                        ? (at: reopen.at, previous: earlier.toState ?? "", note: reopen.payload.note) : nil
                }
                let related = try self.related(to: id, limit: 20, minimumScore: Relatedness.strong, context: context, tx)
                let others = try Set(related.map(\.claim.sourceID)).sorted().compactMap { try tx.source($0) }
                return ReviewedClaim(claim: claim, source: source, decidedAt: decision.at, decidedBy: decision.actor,
                                     note: decision.payload.note, corrections: corrections, otherAppearances: others)
            }
        }
    }
}
