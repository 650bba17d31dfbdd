import Foundation

/// A claim of another source that reports the same fact, with how strongly and why.
public struct RelatedClaim: Sendable, Equatable {
    public var claim: Claim
    public var score: Double
    public var reasons: [String]
    /// A reviewer's confirmed relation, if any.
    public var link: ClaimLink.Kind?
    /// Who gave the claim its verdict, when its state is final.
    public var decidedBy: String?
}

// MARK: - Related claims

extension Corroboration {
    /// Claims in other sources that report the same fact as this one, best first.
    ///
    /// Candidates come from the search index (the claim's rarest terms, its numbers and the
    /// spellings of the people it names), never from a scan of every claim; each is then
    /// scored by ``RelatedMatcher``. Confirmed links come first and `unrelated` ones never.
    public func related(to id: Int64, limit: Int = 10, minimumScore: Double = Relatedness.shown) async throws -> [RelatedClaim] {
        try await storage.reading { tx in
            try await related(to: id, limit: limit, minimumScore: minimumScore, context: try await RelatedContext(tx), tx)
        }
    }

    /// What every `related` question on one desk shares: its aliases, its verdict states,
    /// the dates of the sources read so far and the features of claims already read.
    final class RelatedContext {
        let aliases: AliasTable
        let finals: Set<String>
        private let tx: any StorageReader
        private var published: [Int64: String?] = [:]
        private var features: [Int64: FactFeatures] = [:]
        private var frequencies: [WordKey: Int] = [:]
        private var frames: [Int64: EventFrame] = [:]
        /// The number of claims on the desk, for weighing terms by their rarity.
        private let claimCount: Double

        init(_ tx: any StorageReader) async throws {
            self.tx = tx
            aliases = AliasTable(try await tx.aliases().map { ($0.entity, $0.variant) })
            finals = Set(try await tx.deskWorkflow().workflow.finalStates)
            claimCount = Double(max(1, try await tx.newestClaimID()))
        }

        /// How many claims hold a term (any word of a ``WordPairs`` group), counted up to
        /// ``Corroboration/frequencyCap``; each term is counted once.
        func frequency(_ term: WordKey) async throws -> Int {
            if let known = frequencies[term] { return known }
            let stems = WordPairs.stems(term.text)
            let query: TermQuery = stems.count == 1 ? .term(stems[0]) : .any(stems.map(TermQuery.term))
            let count = try await tx.countMatches(query, states: [], above: 0, cap: Corroboration.frequencyCap)
            frequencies[term] = count
            return count
        }

        /// How much a counted term says: its inverse document frequency, as BM25 weighs it. A
        /// term counted to the cap is taken to be in one claim of twenty, at least.
        /// What a term not counted on the desk weighs (see `related`).
        var otherTermWeight = 1.0

        func weight(_ term: WordKey) -> Double {
            guard let counted = frequencies[term] else { return otherTermWeight }
            var count = Double(counted)
            if count >= Double(Corroboration.frequencyCap) { count = max(count, claimCount / 20) }
            return log(1 + (claimCount - count + 0.5) / (count + 0.5))
        }

        /// When a source was published, if it says; each source is asked once.
        func published(_ source: Int64) async throws -> String? {
            if let known = published[source] { return known }
            let date = try await tx.publishedOn(source: source)
            published[source] = date
            return date
        }

        /// The event its first sentence frames, of each source asked about once.
        func frame(_ source: Int64) async throws -> EventFrame {
            if let known = frames[source] { return known }
            let frame = try await tx.source(source).map { EventFrame(article: $0.body) } ?? EventFrame()
            frames[source] = frame
            return frame
        }

        /// A claim's features, its speaker's name included: who said it is part of the fact.
        func features(of claim: Claim) -> FactFeatures {
            guard let id = claim.id else { return FactFeatures(claim: claim, aliases: aliases) }
            if let known = features[id] { return known }
            let computed = FactFeatures(claim: claim, aliases: aliases)
            features[id] = computed
            return computed
        }

        private var checks: [KnownCheck]?
        private var checkFeatures: [Int64: FactFeatures] = [:]

        /// The desk's known fact-checks, read once.
        func knownChecks() async throws -> [KnownCheck] {
            if let checks { return checks }
            let all = try await tx.knownChecks()
            checks = all
            return all
        }

        /// The features of a known fact-check's claim, worked out once.
        func checkFeatures(_ check: KnownCheck) -> FactFeatures {
            if let id = check.id, let known = checkFeatures[id] { return known }
            let computed = FactFeatures(text: check.content.claimReviewed, aliases: aliases)
            if let id = check.id { checkFeatures[id] = computed }
            return computed
        }
    }

    func related(to id: Int64, limit: Int, minimumScore: Double, context: RelatedContext,
                 _ tx: any StorageReader) async throws -> [RelatedClaim] {
        let claim = try await tx.existingClaim(id)
        let published = try await context.published(claim.sourceID)
        let features = context.features(of: claim)
        let links = Dictionary(try await tx.links(of: id).map { ($0.other(than: id), $0.kind) }, uniquingKeysWith: { $1 })
        let candidates = try await candidates(for: claim, features: features, context: context, tx)
        // The claim's own terms are counted (``candidates`` did); a candidate's other terms
        // weigh what the claim's terms weigh on average, so that a question costs the
        // claim's counts, not those of every candidate's words.
        let ownWeights = features.terms.map(context.weight)
        context.otherTermWeight = ownWeights.isEmpty ? 1 : ownWeights.reduce(0, +) / Double(ownWeights.count)
        // A candidate's score from its words alone bounds its score: publication dates and
        // article frames only lower it (a confirmed link counts as 1). Candidates are
        // finished best bound first, until the list is full with scores no later bound beats,
        // so dates, frames and verdicts are read for a few claims, not for every candidate.
        var bounded: [(claim: Claim, features: FactFeatures, bound: Double, link: ClaimLink.Kind?)] = []
        for candidate in candidates {
            guard let candidateID = candidate.id else { continue }
            let link = links[candidateID]
            if link == .unrelated { continue }
            let candidateFeatures = context.features(of: candidate)
            let bound = link != nil ? 1 : RelatedMatcher.compare(features, candidateFeatures, weight: context.weight).score
            if bound >= minimumScore { bounded.append((candidate, candidateFeatures, bound, link)) }
        }
        bounded.sort { ($0.bound, -($0.claim.id ?? 0)) > ($1.bound, -($1.claim.id ?? 0)) }
        let ranks: (RelatedClaim, RelatedClaim) -> Bool = { ($0.score, -($0.claim.id ?? 0)) > ($1.score, -($1.claim.id ?? 0)) }
        var results: [RelatedClaim] = []
        for candidate in bounded {
            if results.count >= limit, candidate.bound < results[limit - 1].score { break }
            var match = RelatedMatcher.compare(
                features, candidate.features,
                publishedA: published, publishedB: try await context.published(candidate.claim.sourceID),
                frames: (try await context.frame(claim.sourceID), try await context.frame(candidate.claim.sourceID)),
                weight: context.weight)
            if let link = candidate.link {
                match.score = link == .same ? 1 : max(match.score, Relatedness.strong)
                match.reasons.insert(link == .same ? "confirmed: the same fact" : "confirmed: contradicts", at: 0)
            }
            guard match.score >= minimumScore else { continue }
            results.append(RelatedClaim(claim: candidate.claim, score: match.score, reasons: match.reasons,
                                        link: candidate.link, decidedBy: nil))
            results.sort(by: ranks)
        }
        results = Array(results.prefix(limit))
        for index in results.indices where context.finals.contains(results[index].claim.state) {
            if let id = results[index].claim.id { results[index].decidedBy = try await tx.decider(of: id) }
        }
        return results
    }

    /// How many claims each candidate query takes on each side of the claim, in import order.
    static let candidatesPerSide = 25
    /// How many of the best-ranked matches of the claim's content are candidates, and how
    /// far from the claim (in claims imported before or after it) they are looked for.
    static let rankedCandidates = 40
    static let rankedSpan: Int64 = 20_000

    /// Claims of other sources that share something precise with the claim, or are linked to it.
    ///
    /// Each query is narrow, so the index answers it without ranking a large match set: the
    /// same quantity as a phrase (`"4 ساع"`), the two and the three rarest terms together,
    /// and each named person's spellings. Of each query's matches the
    /// store reads only those imported nearest the claim, which are the likeliest reports
    /// of the same event.
    private func candidates(for claim: Claim, features: FactFeatures, context: RelatedContext,
                            _ tx: any StorageReader) async throws -> [Claim] {
        guard let id = claim.id else { return [] }
        var terms = Set(SearchIndex.terms(claim.text).filter { !Stopwords.stems.contains($0) })
        terms = terms.filter { $0.count > 2 && FactFeatures.number($0) == nil && !$0.hasPrefix("month") }
        let rarest = try await rarestTerms(terms, count: 3, context).map(TermQuery.term)
        var queries: [TermQuery] = features.quantities.sorted().map { .phrase($0.split(separator: " ").map(String.init)) }
        if rarest.count >= 2 { queries.append(.all(Array(rarest.prefix(2)))) }
        if rarest.count >= 3 { queries.append(.all(rarest)) }
        for entity in features.entities.sorted() {
            queries.append(.any(context.aliases.stems(naming: [entity]).sorted().map(TermQuery.term)))
        }
        // The claim's whole content, as a search engine would take it: any of its terms
        // (a word group's every word) that is not on a large share of the desk.
        var content: [String] = []
        for term in features.terms.sorted() where try await context.frequency(term) < Self.frequencyCap {
            content.append(term.text)
        }
        var found: [Claim] = []
        var seen: Set<Int64> = [id]
        func take(_ claims: [Claim]) throws {
            for other in claims {
                if let otherID = other.id, seen.insert(otherID).inserted { found.append(other) }
            }
        }
        for query in queries {
            try take(try await tx.claims(matching: query, MatchRange(excludingSource: claim.sourceID, below: id, limit: Self.candidatesPerSide)))
            try take(try await tx.claims(matching: query, MatchRange(excludingSource: claim.sourceID, above: id, limit: Self.candidatesPerSide)))
        }
        // Ranked as a search engine ranks: of the claims imported around this one, those
        // that share the most of its rarer terms.
        if !content.isEmpty {
            try take(try await tx.bestMatches(.any(content.flatMap(WordPairs.stems).map(TermQuery.term)), near: id,
                                              within: Self.rankedSpan, excludingSource: claim.sourceID, limit: Self.rankedCandidates))
        }
        for link in try await tx.links(of: id) {
            if let linked = try await tx.claim(link.other(than: id)) { try take([linked]) }
        }
        return found
    }

    /// Matches counted per term when choosing the rarest: terms more common than this are
    /// all equally common, and counting stops there so the cost does not grow with the desk.
    static let frequencyCap = 400

    /// The terms that the fewest claims contain, so that the queries built on them are narrow.
    private func rarestTerms(_ terms: Set<String>, count: Int, _ context: RelatedContext) async throws -> [String] {
        var frequencies: [(term: String, doc: Int)] = []
        for term in terms {
            // A term only this claim has finds nothing else.
            let doc = try await context.frequency(WordKey(term))
            if doc > 1 { frequencies.append((term, doc)) }
        }
        return frequencies.sorted { ($0.doc, $0.term) < ($1.doc, $1.term) }.prefix(count).map(\.term)
    }
}
