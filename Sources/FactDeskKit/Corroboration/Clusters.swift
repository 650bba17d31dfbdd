import Foundation

/// A fact reported by several sources: the claims that report it.
public struct FactCluster: Sendable, Equatable {
    public var claims: [Claim]
    public var sourceIDs: [Int64] {
        Array(Set(claims.map(\.sourceID))).sorted()
    }
}

/// Spellings in the desk that may name one person, for an editor to confirm.
public struct AliasSuggestion: Sendable, Equatable {
    /// The consonants the spellings share.
    public var skeleton: String
    /// Each spelling as a claim writes it, with the number of claims that contain it.
    public var spellings: [(word: String, claims: Int)]

    public static func == (lhs: AliasSuggestion, rhs: AliasSuggestion) -> Bool {
        lhs.skeleton == rhs.skeleton && lhs.spellings.elementsEqual(rhs.spellings) { $0 == $1 }
    }
}

// MARK: - Clusters and alias suggestions

extension ClaimStore {
    /// Facts reported by at least `minSources` sources: claims joined by strong matches
    /// and confirmed links, largest first.
    ///
    /// One pass over the desk, without a question to the index per claim: every claim's
    /// features are worked out (on every core), claims are paired when they share a rare
    /// term, quantity or person (one that at most ``clusterBlock`` claims hold) and were
    /// imported within ``rankedSpan`` of each other, and each pair is scored as `related`
    /// scores it, with every term weighed by how many claims of the desk hold it.
    public func clusters(minSources: Int = 2) async throws -> [FactCluster] {
        try await storage.reading { tx in
            let aliases = AliasTable(try await tx.aliases().map { ($0.entity, $0.variant) })
            var claims: [Claim] = []
            try await tx.eachClaim { claims.append($0) }
            let features = await parallelMap(claims) { FactFeatures(claim: $0, aliases: aliases) }
            var published: [Int64: Int] = [:]
            var articles: [(source: Int64, body: String)] = []
            for source in Set(claims.map(\.sourceID)).sorted() {
                published[source] = try await tx.publishedOn(source: source).flatMap(CivilDate.dayNumber)
                articles.append((source, try await tx.source(source)?.body ?? ""))
            }
            let frames = Dictionary(uniqueKeysWithValues: zip(articles.map(\.source),
                                                              await parallelMap(articles) { EventFrame(article: $0.body) }))
            // Which claims hold each term, quantity and person, in id order.
            var postings: [WordKey: [Int32]] = [:]
            for (index, feature) in features.enumerated() {
                for term in feature.terms { postings[term, default: []].append(Int32(index)) }
                for quantity in feature.quantities { postings[WordKey("#" + quantity), default: []].append(Int32(index)) }
                for entity in feature.entities { postings[WordKey("@" + entity), default: []].append(Int32(index)) }
            }
            let total = Double(max(1, claims.count))
            var weights: [WordKey: Double] = [:]
            for (term, holders) in postings where !term.text.hasPrefix("#") && !term.text.hasPrefix("@") {
                var count = Double(holders.count)
                if count >= Double(Self.frequencyCap) { count = max(count, total / 20) }
                weights[term] = log(1 + (total - count + 0.5) / (count + 0.5))
            }
            var pairs: Set<UInt64> = []
            for holders in postings.values where holders.count >= 2 && holders.count <= Self.clusterBlock {
                for (position, a) in holders.enumerated() {
                    for b in holders[(position + 1)...] {
                        guard (claims[Int(b)].id ?? 0) - (claims[Int(a)].id ?? 0) <= Self.rankedSpan else { break }
                        if claims[Int(a)].sourceID != claims[Int(b)].sourceID { pairs.insert(UInt64(a) << 32 | UInt64(b)) }
                    }
                }
            }
            var links: [UInt64: String] = [:]
            let position = Dictionary(uniqueKeysWithValues: claims.enumerated().compactMap { index, claim in claim.id.map { ($0, index) } })
            try await tx.eachRow(of: .claimLink) { row in
                guard case .integer(let first) = row[0], case .integer(let second) = row[1], case .text(let kind) = row[2],
                      let a = position[first], let b = position[second] else { return }
                links[UInt64(min(a, b)) << 32 | UInt64(max(a, b))] = kind
            }
            let (sources, dates, frameOf, termWeights) = (claims.map(\.sourceID), published, frames, weights)
            let strong = await parallelMap(Array(pairs.subtracting(links.keys))) { pair -> UInt64? in
                let a = Int(pair >> 32), b = Int(pair & 0xFFFF_FFFF)
                let (x, y) = (sources[a], sources[b])
                let match = RelatedMatcher.compare(features[a], features[b], days: (dates[x], dates[y]),
                                                   frames: (frameOf[x] ?? EventFrame(), frameOf[y] ?? EventFrame()),
                                                   weight: { termWeights[$0] ?? 1 })
                return match.score >= Relatedness.strong ? pair : nil
            }.compactMap { $0 } + links.filter { $0.value != ClaimLink.Kind.unrelated.rawValue }.map(\.key)

            var parent: [Int: Int] = [:]
            func root(_ index: Int) -> Int {
                var node = index
                while let up = parent[node], up != node { node = up }
                return node
            }
            for pair in strong {
                let (a, b) = (root(Int(pair >> 32)), root(Int(pair & 0xFFFF_FFFF)))
                if a != b { parent[max(a, b)] = min(a, b) }
            }
            let joined = Set(parent.keys).union(parent.values)
            return Dictionary(grouping: joined, by: root).values
                .map { members in FactCluster(claims: members.sorted().map { claims[$0] }) }
                .filter { $0.sourceIDs.count >= minSources }
                .sorted { ($0.sourceIDs.count, $0.claims.count, -($0.claims.first?.id ?? 0))
                          > ($1.sourceIDs.count, $1.claims.count, -($1.claims.first?.id ?? 0)) }
        }
    }

    /// The most claims a term, quantity or person may be held by for `clusters` to pair
    /// the claims that hold it: commoner ones say too little to pair on.
    static let clusterBlock = 200

    /// Groups of spellings in the desk that share a consonant skeleton (عراقجي, أراغتشي,
    /// عراقتشي), most used first. Nothing is merged: an editor confirms with `alias add`.
    public func suggestAliases(limit: Int = 20) async throws -> [AliasSuggestion] {
        try await storage.reading { tx in
            let aliases = AliasTable(try await tx.aliases().map { ($0.entity, $0.variant) })
            var groups: [String: [(term: String, doc: Int)]] = [:]
            for (term, doc) in try await tx.termVocabulary() {
                guard term.count >= 4, term.unicodeScalars.allSatisfy({ (0x0621...0x064A).contains($0.value) }) else { continue }
                let skeleton = ConsonantSkeleton.of(term)
                guard skeleton.count >= 3 else { continue }
                groups[skeleton, default: []].append((term, doc))
            }
            let candidates = groups.filter { _, members in
                let devoweled = Set(members.map { $0.term.filter { !"اوي".contains($0) } })
                let entities = Set(members.map { aliases.entities(in: [$0.term]) })
                return devoweled.count >= 2 && !(entities.count == 1 && entities.first?.isEmpty == false)
            }
            var suggestions: [AliasSuggestion] = []
            for (skeleton, members) in candidates
                .sorted(by: { ($0.value.count, $0.value.map(\.doc).reduce(0, +), $0.key) > ($1.value.count, $1.value.map(\.doc).reduce(0, +), $1.key) })
                .prefix(max(0, limit)) {
                var spellings: [(String, Int)] = []
                for member in members.sorted(by: { ($0.doc, $1.term) > ($1.doc, $0.term) }) {
                    spellings.append((try await exampleWord(for: member.term, tx) ?? member.term, member.doc))
                }
                suggestions.append(AliasSuggestion(skeleton: skeleton, spellings: spellings))
            }
            return suggestions
        }
    }

    /// A word of a claim whose index term is this one, as the claim spells it.
    private func exampleWord(for term: String, _ tx: any StorageReader) async throws -> String? {
        guard let text = try await tx.claims(matching: .term(term), MatchRange(above: 0, limit: 1)).first?.text else { return nil }
        return text.split(whereSeparator: { $0.isWhitespace || "،,.:؛\"“”«»()".contains($0) })
            .map(String.init)
            .first { SearchIndex.terms($0) == [term] }
    }
}
