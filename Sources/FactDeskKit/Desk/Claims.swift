import Foundation

/// A claim with everything a reviewer needs to decide it.
public struct ClaimDetail: Sendable {
    public var claim: Claim
    public var source: Source
    public var notes: [Note]
    public var evidence: [Evidence]
    public var history: [AuditEvent]
}

// MARK: - Claims

extension Review {
    /// Records a claim found in a source. The words must appear in the source exactly,
    /// and the claim keeps their span; with `paraphrase` they are stored unanchored.
    @discardableResult
    public func addClaim(sourceID: Int64, text: String, speaker: String? = nil,
                         paraphrase: Bool = false, by actor: String) async throws -> Claim {
        try StoredText.check([("text", text), ("speaker", speaker)])
        let words = text.trimmingWhitespace()
        guard !words.isEmpty else { throw DeskError.emptyClaimText }
        return try await writing { tx in
            try await addClaim(sourceID: sourceID, words: words, speaker: speaker, paraphrase: paraphrase, by: actor, tx)
        }
    }

    /// ``addClaim(sourceID:text:speaker:paraphrase:by:)`` inside a transaction that is already
    /// open; `words` are checked and trimmed.
    func addClaim(sourceID: Int64, words: String, speaker: String?, paraphrase: Bool, by actor: String,
                  _ tx: any StorageWriter) async throws -> Claim {
        _ = try await tx.activeReviewer(actor)
        guard let source = try await tx.source(sourceID) else { throw DeskError.sourceNotFound(sourceID) }
        let span = TextSpan.locate(words, in: source.body)
        let now = clock()
        if span == nil && !paraphrase { throw DeskError.textNotInSource(source: sourceID) }
        let speaker = speaker.flatMap { $0.isEmpty ? nil : $0 } ?? Attribution.find(in: words).name
        let claim = Claim(
            sourceID: sourceID, spanStart: span?.lowerBound, spanEnd: span?.upperBound, text: words,
            speaker: speaker, state: try await tx.deskWorkflow().workflow.initialState, assignee: nil,
            version: 1, createdBy: actor, createdAt: now, updatedAt: now,
            worthiness: 0, reasons: [])
        return try await tx.add(claim, worthiness: Worthiness.assess(words, speaker: speaker), signer: signer)
    }

    /// How many of the most recent matching claims a search ranks.
    public static let searchWindow = 500
    /// A query is common when this many of the newest claims hold ``searchWindow`` matches.
    public static let recentClaims: Int64 = 20_000

    /// The claims whose words match a query, best match first.
    ///
    /// The query goes through the same Arabic normalization and stemming as the index,
    /// and is never read as FTS5 syntax: quotes, stars and parentheses are just text.
    /// The ranking covers the ``searchWindow`` most recent matches (newest ids). A query so
    /// common that the ``recentClaims`` newest claims already hold that many matches (إيران
    /// in a news archive) lists its newest matches first instead: ranking needs the word's
    /// count over the whole index, a scan of hundreds of thousands of entries, and among
    /// that many matches recency is what a reader wants.
    public func search(_ query: String, states: [String] = [], limit: Int = 20) async throws -> [Claim] {
        try await search(query, states: states, limit: limit, window: Self.searchWindow, recent: Self.recentClaims)
    }

    func search(_ query: String, states: [String], limit: Int, window: Int, recent: Int64) async throws -> [Claim] {
        guard let terms = TermQuery.allTerms(of: query) else { return [] }
        return try await storage.reading { tx in
            let newest = try await tx.newestClaimID()
            if try await tx.countMatches(terms, states: states, above: newest - recent, cap: window) >= window {
                return try await tx.claims(matching: terms, MatchRange(states: states, below: .max, limit: limit))
            }
            return try await tx.bestMatches(terms, states: states, window: window, limit: limit)
        }
    }

    /// How many claims match a query in these states, counting no further than `cap`.
    func countMatches(_ query: String, states: [String], cap: Int) async throws -> Int {
        guard let terms = TermQuery.allTerms(of: query) else { return 0 }
        return try await storage.reading { try await $0.countMatches(terms, states: states, above: 0, cap: cap) }
    }

    /// The claims a filter selects, in its order.
    public func claims(_ filter: ClaimFilter) async throws -> [Claim] {
        try await storage.reading { try await $0.claims(filter) }
    }

    /// The claim with this id.
    public func claim(_ id: Int64) async throws -> Claim {
        try await storage.reading { try await $0.existingClaim(id) }
    }

    /// The claim with its source, notes, evidence and history.
    public func claimDetail(_ id: Int64) async throws -> ClaimDetail {
        try await storage.reading { tx in
            let claim = try await tx.existingClaim(id)
            guard let source = try await tx.source(claim.sourceID) else { throw DeskError.sourceNotFound(claim.sourceID) }
            return ClaimDetail(claim: claim, source: source, notes: try await tx.notes(claim: id),
                               evidence: try await tx.evidence(claim: id), history: try await tx.events(claim: id))
        }
    }

    /// A source with every claim from it in full, for its report.
    public func report(source id: Int64) async throws -> ArticleReport {
        let claimIDs = try await storage.reading { tx in
            guard try await tx.source(id) != nil else { throw DeskError.sourceNotFound(id) }
            return try await tx.claims(ClaimFilter(sourceID: id)).compactMap(\.id)
        }
        let details = try await claimIDs.asyncMap(claimDetail)
        var report = ArticleReport(source: try await imports.source(id).source, claims: details, workflow: try await team.workflow())
        report.changes = try await imports.changes(of: id)
        if !report.changes.isEmpty {
            var filter = ClaimFilter(sourceID: id)
            filter.revised = true
            report.revisedClaims = Set(try await storage.reading { try await $0.claims(filter) }.compactMap(\.id))
        }
        return report
    }

    /// The current version of each claim, to be checked again when the change is written.
    public func versions(of ids: [Int64]) async throws -> [Int64: Int64] {
        try await storage.reading { tx in
            var versions: [Int64: Int64] = [:]
            for id in ids { versions[id] = try await tx.existingClaim(id).version }
            return versions
        }
    }
}
