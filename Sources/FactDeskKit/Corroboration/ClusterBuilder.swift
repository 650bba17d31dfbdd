import Foundation

/// Joins the claims of a desk into facts reported by several sources: the clustering
/// behind `clusters`, fed by one read of the desk and testable without one.
///
/// Every claim's features are worked out (on every core); claims are paired when they share
/// a rare term, quantity or person (one that at most ``block`` claims hold) and were
/// imported within ``Corroboration/rankedSpan`` of each other; each pair is scored as
/// ``RelatedMatcher`` scores related claims, with every term weighed by how many claims
/// hold it; strong pairs and confirmed links (never `unrelated` ones) join their claims.
public struct ClusterBuilder: Sendable {
    /// A reviewer's confirmed relation between two claims.
    public struct Link: Sendable, Equatable {
        public var first: Int64
        public var second: Int64
        public var kind: String

        public init(first: Int64, second: Int64, kind: String) {
            self.first = first
            self.second = second
            self.kind = kind
        }
    }

    /// Every claim of the desk, in id order.
    public var claims: [Claim]
    public var aliases: AliasTable
    /// The day number each source says it was published, where it says.
    public var published: [Int64: Int]
    /// Each source's text, for the events it reports.
    public var articles: [Int64: String]
    public var links: [Link]

    /// The most claims a term, quantity or person may be held by for claims to be paired
    /// on it: commoner ones say too little to pair on.
    public static let block = 200

    public init(claims: [Claim], aliases: AliasTable, published: [Int64: Int], articles: [Int64: String], links: [Link]) {
        self.claims = claims
        self.aliases = aliases
        self.published = published
        self.articles = articles
        self.links = links
    }

    /// The facts reported by at least `minSources` sources, largest first.
    public func clusters(minSources: Int) async -> [FactCluster] {
        let aliases = aliases
        let features = await parallelMap(claims) { FactFeatures(claim: $0, aliases: aliases) }
        let sourceOrder = articles.keys.sorted()
        let texts = sourceOrder.map { articles[$0] ?? "" }
        let frames = Dictionary(uniqueKeysWithValues: zip(sourceOrder, await parallelMap(texts) { EventFrame(article: $0) }))
        let (pairs, weights) = candidatePairs(features)
        let linked = linkedPairs()
        let (sources, dates, termWeights) = (claims.map(\.sourceID), published, weights)
        let strong = await parallelMap(Array(pairs.subtracting(linked.keys))) { pair -> UInt64? in
            let a = Int(pair >> 32), b = Int(pair & 0xFFFF_FFFF)
            let (x, y) = (sources[a], sources[b])
            let match = RelatedMatcher.compare(features[a], features[b], days: (dates[x], dates[y]),
                                               frames: (frames[x] ?? EventFrame(), frames[y] ?? EventFrame()),
                                               weight: { termWeights[$0] ?? 1 })
            return match.score >= Relatedness.strong ? pair : nil
        }.compactMap { $0 } + linked.filter { $0.value != ClaimLink.Kind.unrelated.rawValue }.map(\.key)
        return groups(joining: strong, minSources: minSources)
    }

    /// The pairs of claims of different sources that share a term, quantity or person held
    /// by few claims, and every term's weight by its rarity on the desk.
    private func candidatePairs(_ features: [FactFeatures]) -> (pairs: Set<UInt64>, weights: [WordKey: Double]) {
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
            if count >= Double(Corroboration.frequencyCap) { count = max(count, total / 20) }
            weights[term] = log(1 + (total - count + 0.5) / (count + 0.5))
        }
        var pairs: Set<UInt64> = []
        for holders in postings.values where holders.count >= 2 && holders.count <= Self.block {
            for (position, a) in holders.enumerated() {
                for b in holders[(position + 1)...] {
                    guard (claims[Int(b)].id ?? 0) - (claims[Int(a)].id ?? 0) <= Corroboration.rankedSpan else { break }
                    if claims[Int(a)].sourceID != claims[Int(b)].sourceID { pairs.insert(UInt64(a) << 32 | UInt64(b)) }
                }
            }
        }
        return (pairs, weights)
    }

    /// The confirmed links between claims of the desk, by the pair of their positions.
    private func linkedPairs() -> [UInt64: String] {
        let position = Dictionary(uniqueKeysWithValues: claims.enumerated().compactMap { index, claim in claim.id.map { ($0, index) } })
        var linked: [UInt64: String] = [:]
        for link in links {
            guard let a = position[link.first], let b = position[link.second] else { continue }
            linked[UInt64(min(a, b)) << 32 | UInt64(max(a, b))] = link.kind
        }
        return linked
    }

    /// The claims the pairs join, as clusters of at least `minSources` sources, largest first.
    private func groups(joining pairs: [UInt64], minSources: Int) -> [FactCluster] {
        var parent: [Int: Int] = [:]
        func root(_ index: Int) -> Int {
            var node = index
            while let up = parent[node], up != node { node = up }
            return node
        }
        for pair in pairs {
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

/// Finds spellings in a desk's index that may name one person (عراقجي, أراغتشي, عراقتشي):
/// Arabic words of four letters or more that share a consonant skeleton of three or more,
/// spelled differently beyond their long vowels, and not already one entity's aliases.
/// Pure: fed by the index's vocabulary, testable without a desk.
public struct AliasSuggester: Sendable {
    /// A group of index terms that share a skeleton, each with how many claims hold it.
    public struct Group: Sendable, Equatable {
        public var skeleton: String
        /// Most used first.
        public var members: [(term: String, claims: Int)]

        public static func == (lhs: Group, rhs: Group) -> Bool {
            lhs.skeleton == rhs.skeleton && lhs.members.elementsEqual(rhs.members) { $0 == $1 }
        }
    }

    public var aliases: AliasTable

    public init(aliases: AliasTable) {
        self.aliases = aliases
    }

    /// The `limit` groups of the vocabulary with the most spellings, then the most claims.
    public func groups(of vocabulary: [(term: String, claims: Int)], limit: Int) -> [Group] {
        var groups: [String: [(term: String, claims: Int)]] = [:]
        for (term, claims) in vocabulary {
            guard term.count >= 4, term.unicodeScalars.allSatisfy({ (0x0621...0x064A).contains($0.value) }) else { continue }
            let skeleton = ConsonantSkeleton.of(term)
            guard skeleton.count >= 3 else { continue }
            groups[skeleton, default: []].append((term, claims))
        }
        let candidates = groups.filter { _, members in
            let devoweled = Set(members.map { $0.term.filter { !"اوي".contains($0) } })
            let entities = Set(members.map { aliases.entities(in: [$0.term]) })
            return devoweled.count >= 2 && !(entities.count == 1 && entities.first?.isEmpty == false)
        }
        return candidates
            .sorted(by: { ($0.value.count, $0.value.map(\.claims).reduce(0, +), $0.key) > ($1.value.count, $1.value.map(\.claims).reduce(0, +), $1.key) })
            .prefix(max(0, limit))
            .map { skeleton, members in
                Group(skeleton: skeleton, members: members.sorted(by: { ($0.claims, $1.term) > ($1.claims, $0.term) }))
            }
    }
}
