import Foundation

/// Fact-checks other organizations published: imported from their ClaimReview markup and
/// matched to the desk's claims with the engine of `related`. Rules here; rows in the storage.
extension Corroboration {
    /// The score from which a known fact-check counts as checking a claim.
    public static let knownCheckScore = 0.35
    /// How many of the best-ranked claims for a review's words `checkedElsewhere` compares.
    static let knownCheckCandidates = 200
    /// Of how many of the newest claims holding a review's words those are ranked.
    static let knownCheckWindow = 50_000

    /// Records reviews read from ClaimReview files, all in one transaction. A review already
    /// known by its URL is left as it is, or updated (and the update recorded) when its fields
    /// changed, as when a fact-checker corrects a rating. Any active reviewer may.
    public func importKnownChecks(_ reviews: [KnownCheck.Content], by actor: String) async throws -> KnownCheckImport {
        try await writing { tx in
            let reviewer = try await tx.permit(.contribute, by: actor)
            let now = clock()
            var result = KnownCheckImport()
            var taken: Set<String> = []
            for review in reviews {
                try StoredText.check([("fact-check's URL", review.ref), ("fact-check's URL", review.url),
                                      ("publisher", review.publisher), ("publication date", review.publishedOn),
                                      ("claim reviewed", review.claimReviewed), ("rating", review.rating),
                                      ("rating value", review.ratingValue), ("best rating", review.bestRating),
                                      ("worst rating", review.worstRating), ("language", review.language)])
                guard taken.insert(review.ref).inserted else {
                    result.unchanged += 1
                    continue
                }
                var check = KnownCheck(content: review, importedBy: reviewer.handle, importedAt: now)
                if let existing = try await tx.knownCheck(ref: review.ref) {
                    guard existing.content != review else {
                        result.unchanged += 1
                        continue
                    }
                    check.id = existing.id
                    result.updated += 1
                } else {
                    result.added += 1
                }
                _ = try await tx.save(check)
                try await tx.record(AuditEvent(at: now, actor: reviewer.handle,
                                         .checkImport(.init(reference: review.ref, sha256: review.digest,
                                                            text: review.claimReviewed))), signer)
            }
            return result
        }
    }

    /// Every known fact-check, oldest import first.
    public func knownChecks() async throws -> [KnownCheck] {
        try await storage.reading { try await $0.knownChecks() }
    }

    /// Who else reported a claim and who already checked it, in one read that works out the
    /// desk's aliases, counts and the claim's features once for both.
    public func matches(of id: Int64, limit: Int = 10, minimumScore: Double = Relatedness.shown) async throws
        -> (related: [RelatedClaim], knownChecks: [KnownCheckMatch]) {
        try await storage.reading { tx in
            let context = try await RelatedContext(tx)
            let related = try await related(to: id, limit: limit, minimumScore: minimumScore, context: context, tx)
            return (related, try await knownChecks(for: try await tx.existingClaim(id), context: context))
        }
    }

    func knownChecks(for claim: Claim, context: RelatedContext) async throws -> [KnownCheckMatch] {
        let features = context.features(of: claim)
        var matches: [KnownCheckMatch] = []
        for check in try await context.knownChecks() {
            if let match = try await context.match(features, check) { matches.append(match) }
        }
        return matches.sorted { ($0.score, -($0.check.id ?? 0)) > ($1.score, -($1.check.id ?? 0)) }
    }

    /// The ids of the claims some known fact-check matches: for each review, the claims that
    /// rank best for its words (as a search engine ranks them), scored as `claim show` scores them.
    public func checkedElsewhere() async throws -> Set<Int64> {
        try await storage.reading { tx in
            let context = try await RelatedContext(tx)
            var found: Set<Int64> = []
            for check in try await context.knownChecks() {
                let terms = context.checkFeatures(check).terms.sorted().map(\.text).flatMap(WordPairs.stems)
                guard !terms.isEmpty else { continue }
                let candidates = try await tx.bestMatches(.any(terms.map(TermQuery.term)), states: [],
                                                          window: Self.knownCheckWindow, limit: Self.knownCheckCandidates)
                for claim in candidates where !found.contains(claim.id ?? 0) {
                    if try await context.match(context.features(of: claim), check) != nil, let id = claim.id { found.insert(id) }
                }
            }
            return found
        }
    }
}

extension Corroboration.RelatedContext {
    /// Whether a review checks the claim with these features, and how closely.
    ///
    /// The same score as `related`, with two differences: terms are weighed by how rare
    /// the review's own words are on the desk (the claim's other words weigh their mean),
    /// so that the answer does not depend on which question asked it first; and dates of
    /// publication are left out, since a fact-check comes out days or weeks after the claim.
    func match(_ features: FactFeatures, _ check: KnownCheck) async throws -> KnownCheckMatch? {
        let other = checkFeatures(check)
        guard !features.terms.isDisjoint(with: other.terms) || !features.quantities.isDisjoint(with: other.quantities)
        else { return nil }
        var weights: [Double] = []
        for term in other.terms {
            _ = try await frequency(term)
            weights.append(weight(term))
        }
        let mean = weights.isEmpty ? 1 : weights.reduce(0, +) / Double(weights.count)
        let result = RelatedMatcher.compare(features, other, weight: { other.terms.contains($0) ? self.weight($0) : mean })
        guard result.score >= Corroboration.knownCheckScore else { return nil }
        return KnownCheckMatch(check: check, score: result.score, reasons: result.reasons)
    }
}
