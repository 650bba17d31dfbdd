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

    // MARK: - Links

    /// Records a reviewer's word on two claims of different sources. Any active reviewer may.
    @discardableResult
    public func link(_ first: Int64, _ second: Int64, as kind: ClaimLink.Kind, by actor: String) throws -> ClaimLink {
        guard first != second else { throw DeskError.invalidValue("a claim cannot be linked to itself; give two claim ids") }
        return try write { db in
            let reviewer = try activeReviewer(actor, in: db)
            let a = try fetchClaim(min(first, second), db), b = try fetchClaim(max(first, second), db)
            guard a.sourceID != b.sourceID else {
                throw DeskError.invalidValue("claims \(first) and \(second) come from the same source; link claims of different sources")
            }
            let now = clock()
            let link = ClaimLink(claimA: a.id ?? 0, claimB: b.id ?? 0, kind: kind, linkedBy: reviewer.handle, linkedAt: now)
            try link.upsert(db)
            for (claim, other) in [(first, second), (second, first)] {
                try record(AuditEvent(at: now, actor: reviewer.handle, claimID: claim, action: AuditAction.claimLink,
                                      details: EventDetails(otherClaim: other, relation: kind.rawValue)), in: db)
            }
            return link
        }
    }

    // MARK: - Aliases

    /// Records that these spellings name one person or body. Any active reviewer may.
    public func addAlias(entity: String, variants: [String], by actor: String) throws {
        let name = entity.trimmingWhitespace()
        let spellings = ([name] + variants.map { $0.trimmingWhitespace() }).reduce(into: [String]()) {
            if !$1.isEmpty && !$0.contains($1) { $0.append($1) }
        }
        guard !name.isEmpty, spellings.count > 1 else {
            throw DeskError.invalidValue("give a name and at least one other spelling of it")
        }
        try write { db in
            let reviewer = try activeReviewer(actor, in: db)
            let now = clock()
            var added: [String] = []
            for spelling in spellings {
                if let existing = try Alias.filter(Alias.Columns.variant == spelling).fetchOne(db) {
                    guard existing.entity == name else {
                        throw DeskError.invalidValue(
                            "'\(spelling)' already names '\(existing.entity)'; remove it first with `factdesk alias remove \(spelling)`")
                    }
                    continue
                }
                var alias = Alias(entity: name, variant: spelling, addedBy: reviewer.handle, addedAt: now)
                try alias.insert(db)
                added.append(spelling)
            }
            try record(AuditEvent(at: now, actor: reviewer.handle, action: AuditAction.aliasAdd,
                                  details: EventDetails(entity: name, variants: added)), in: db)
        }
    }

    /// Removes one spelling from the alias table, so it no longer matches its entity.
    public func removeAlias(_ variant: String, by actor: String) throws {
        try write { db in
            let reviewer = try activeReviewer(actor, in: db)
            guard let alias = try Alias.filter(Alias.Columns.variant == variant).fetchOne(db) else {
                throw DeskError.invalidValue("no alias '\(variant)'; `factdesk alias list` shows them")
            }
            _ = try alias.delete(db)
            try record(AuditEvent(at: clock(), actor: reviewer.handle, action: AuditAction.aliasRemove,
                                  details: EventDetails(entity: alias.entity, variants: [variant])), in: db)
        }
    }

    /// Every entity with its spellings.
    public func aliases() throws -> [(entity: String, variants: [String])] {
        try read { db in
            let all = try Alias.order(Alias.Columns.entity, Column("id")).fetchAll(db)
            return Dictionary(grouping: all, by: \.entity)
                .map { ($0.key, $0.value.map(\.variant)) }
                .sorted { $0.entity < $1.entity }
        }
    }

    func aliasTable(_ db: Database) throws -> AliasTable {
        AliasTable(try Alias.fetchAll(db).map { ($0.entity, $0.variant) })
    }
}
