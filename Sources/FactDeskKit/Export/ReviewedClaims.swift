import Foundation

// MARK: - Export

extension Publishing {
    /// Every claim in one of these states, with its verdict, corrections and the other
    /// sources that report it, for publishing.
    public func reviewedClaims(states: [String]) async throws -> [ReviewedClaim] {
        try await storage.reading { tx in
            let context = try await Corroboration.RelatedContext(tx)
            let claims = try await tx.claims(ClaimFilter(states: states))
            var reviewed: [ReviewedClaim] = []
            for claim in claims {
                guard let id = claim.id, let source = try await tx.source(claim.sourceID) else { continue }
                let transitions = try await tx.events(claim: id).filter(\.isTransition)
                guard let decision = transitions.last(where: { $0.toState == claim.state }) else { continue }
                let corrections = zip(transitions, transitions.dropFirst()).compactMap { earlier, reopen in
                    context.finals.contains(earlier.toState ?? "") && !context.finals.contains(reopen.toState ?? "")
                        ? (at: reopen.at, previous: earlier.toState ?? "", note: reopen.payload.note) : nil
                }
                let related = try await self.corroboration.related(to: id, limit: 20, minimumScore: Relatedness.strong, context: context, tx)
                var others: [Source] = []
                for sourceID in Set(related.map(\.claim.sourceID)).sorted() {
                    if let other = try await tx.source(sourceID) { others.append(other) }
                }
                reviewed.append(ReviewedClaim(claim: claim, source: source, decidedAt: decision.at, decidedBy: decision.actor,
                                              note: decision.payload.note, corrections: corrections, otherAppearances: others))
            }
            return reviewed
        }
    }
}
