import Foundation
import GRDB

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

extension ClaimStore {
    /// Claims in other sources that report the same fact as this one, best first.
    ///
    /// Candidates come from the search index (the claim's rarest terms, its numbers and the
    /// spellings of the people it names), never from a scan of every claim; each is then
    /// scored by ``RelatedMatcher``. Confirmed links come first and `unrelated` ones never.
    public func related(to id: Int64, limit: Int = 10, minimumScore: Double = Relatedness.shown) throws -> [RelatedClaim] {
        try read { db in
            try related(to: id, limit: limit, minimumScore: minimumScore, context: try RelatedContext(store: self, db), db)
        }
    }

    /// What every `related` question on one desk shares: its aliases, its verdict states,
    /// and the features of claims already read.
    final class RelatedContext {
        let aliases: AliasTable
        let finals: Set<String>
        private var features: [Int64: FactFeatures] = [:]

        init(store: ClaimStore, _ db: Database) throws {
            aliases = try store.aliasTable(db)
            finals = Set(try store.installedWorkflow(db).workflow.finalStates)
        }

        func features(of claim: Claim) -> FactFeatures {
            guard let id = claim.id else { return FactFeatures(text: claim.text, aliases: aliases) }
            if let known = features[id] { return known }
            let computed = FactFeatures(text: claim.text, aliases: aliases)
            features[id] = computed
            return computed
        }
    }

    func related(to id: Int64, limit: Int, minimumScore: Double, context: RelatedContext,
                 _ db: Database) throws -> [RelatedClaim] {
        let claim = try fetchClaim(id, db)
        let published = try String.fetchOne(db, sql: "SELECT published_on FROM source WHERE id = ?", arguments: [claim.sourceID])
        let features = context.features(of: claim)
        let links = try self.links(of: id, db)
        var results: [RelatedClaim] = []
        for candidate in try candidates(for: claim, features: features, aliases: context.aliases, db) {
            guard let candidateID = candidate.claim.id else { continue }
            let link = links[candidateID]
            if link == .unrelated { continue }
            var match = RelatedMatcher.compare(
                features, context.features(of: candidate.claim),
                publishedA: published, publishedB: candidate.published)
            if let link {
                match.score = link == .same ? 1 : max(match.score, Relatedness.strong)
                match.reasons.insert(link == .same ? "confirmed: the same fact" : "confirmed: contradicts", at: 0)
            }
            guard match.score >= minimumScore else { continue }
            results.append(RelatedClaim(
                claim: candidate.claim, score: match.score, reasons: match.reasons, link: link,
                decidedBy: context.finals.contains(candidate.claim.state) ? try decider(of: candidateID, db) : nil))
        }
        results.sort { ($0.score, -($0.claim.id ?? 0)) > ($1.score, -($1.claim.id ?? 0)) }
        return Array(results.prefix(limit))
    }

    /// How many claims each candidate query takes on each side of the claim, in import order.
    static let candidatesPerSide = 25

    /// Claims of other sources that share something precise with the claim, or are linked to it.
    ///
    /// Each query is narrow, so the index answers it without ranking a large match set: the
    /// same quantity as a phrase (`"4 ساع"`), the two and the three rarest terms together,
    /// and each named person's spellings. Of each query's matches the
    /// store reads only those imported nearest the claim, which are the likeliest reports
    /// of the same event.
    private func candidates(for claim: Claim, features: FactFeatures, aliases: AliasTable,
                            _ db: Database) throws -> [(claim: Claim, published: String?)] {
        guard let id = claim.id else { return [] }
        var terms = Set(SearchIndex.terms(claim.text).filter { !Stopwords.stems.contains($0) })
        terms = terms.filter { $0.count > 2 && FactFeatures.number($0) == nil && !$0.hasPrefix("month") }
        let rarest = try rarestTerms(terms, count: 3, db).map(SearchIndex.quoted)
        var queries = features.quantities.sorted().map { SearchIndex.quoted($0) }
        if rarest.count >= 2 { queries.append(rarest.prefix(2).joined(separator: " AND ")) }
        if rarest.count >= 3 { queries.append(rarest.joined(separator: " AND ")) }
        for entity in features.entities.sorted() {
            let spellings = aliases.stems(naming: [entity]).sorted().map(SearchIndex.quoted).joined(separator: " OR ")
            queries.append(spellings)
        }
        var found: [(Claim, String?)] = []
        var seen: Set<Int64> = [id]
        func take(_ rows: [Row]) throws {
            for row in rows {
                let other = try Claim(row: row)
                if let otherID = other.id, seen.insert(otherID).inserted { found.append((other, row["published"])) }
            }
        }
        let select = """
            SELECT claim.*, source.published_on AS published FROM claim_search
            JOIN claim ON claim.id = claim_search.rowid JOIN source ON source.id = claim.source_id
            WHERE claim_search MATCH ? AND claim.source_id <> ?
            """
        for query in queries {
            try take(try Row.fetchAll(db, sql: select + " AND claim_search.rowid < ? ORDER BY claim_search.rowid DESC LIMIT ?",
                                      arguments: [query, claim.sourceID, id, Self.candidatesPerSide]))
            try take(try Row.fetchAll(db, sql: select + " AND claim_search.rowid > ? ORDER BY claim_search.rowid LIMIT ?",
                                      arguments: [query, claim.sourceID, id, Self.candidatesPerSide]))
        }
        try take(try Row.fetchAll(db, sql: """
            SELECT claim.*, source.published_on AS published FROM claim JOIN source ON source.id = claim.source_id
            WHERE claim.id IN (SELECT claim_b FROM claim_link WHERE claim_a = ?1 UNION SELECT claim_a FROM claim_link WHERE claim_b = ?1)
            """, arguments: [id]))
        return found
    }

    /// Matches counted per term when choosing the rarest: terms more common than this are
    /// all equally common, and counting stops there so the cost does not grow with the desk.
    static let frequencyCap = 400

    /// The terms that the fewest claims contain, so that the queries built on them are narrow.
    private func rarestTerms(_ terms: Set<String>, count: Int, _ db: Database) throws -> [String] {
        let statement = try db.cachedStatement(sql: """
            SELECT count(*) FROM (SELECT rowid FROM claim_search WHERE claim_search MATCH ? LIMIT \(Self.frequencyCap))
            """)
        var frequencies: [(term: String, doc: Int)] = []
        for term in terms {
            // A term only this claim has finds nothing else.
            if let doc = try Int.fetchOne(statement, arguments: [SearchIndex.quoted(term)]), doc > 1 {
                frequencies.append((term, doc))
            }
        }
        return frequencies.sorted { ($0.doc, $0.term) < ($1.doc, $1.term) }.prefix(count).map(\.term)
    }

    /// Who ran the transition that put the claim in its current state.
    private func decider(of claimID: Int64, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: """
            SELECT actor FROM event WHERE claim_id = ? AND to_state IS NOT NULL AND kind = 'transition'
            ORDER BY seq DESC LIMIT 1
            """, arguments: [claimID])
    }

    private func links(of id: Int64, _ db: Database) throws -> [Int64: ClaimLink.Kind] {
        let links = try ClaimLink.filter(ClaimLink.Columns.claimA == id || ClaimLink.Columns.claimB == id).fetchAll(db)
        return Dictionary(links.map { ($0.other(than: id), $0.kind) }, uniquingKeysWith: { $1 })
    }

    func aliasTable(_ db: Database) throws -> AliasTable {
        AliasTable(try Alias.fetchAll(db).map { ($0.entity, $0.variant) })
    }
}
