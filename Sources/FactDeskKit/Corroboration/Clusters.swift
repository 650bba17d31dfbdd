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
    /// This asks the index for every claim's strong matches, so it takes time in
    /// proportion to the desk's size; `related` answers for one claim at once.
    public func clusters(minSources: Int = 2) throws -> [FactCluster] {
        try storage.reading { tx in
            var parent: [Int64: Int64] = [:]
            func root(_ id: Int64) -> Int64 {
                var node = id
                while let up = parent[node], up != node { node = up }
                return node
            }
            var claims: [Int64: Claim] = [:]
            let context = try RelatedContext(tx)
            var ids: [Int64] = []
            try tx.eachClaim { claim in
                guard let id = claim.id else { return }
                claims[id] = claim
                ids.append(id)
            }
            for id in ids {
                for match in try related(to: id, limit: 50, minimumScore: Relatedness.strong, context: context, tx) {
                    guard let other = match.claim.id else { continue }
                    let (a, b) = (root(id), root(other))
                    if a != b { parent[max(a, b)] = min(a, b) }
                }
            }
            let joined = Set(parent.keys).union(parent.values)
            return Dictionary(grouping: joined, by: root).values
                .map { members in FactCluster(claims: members.sorted().compactMap { claims[$0] }) }
                .filter { $0.sourceIDs.count >= minSources }
                .sorted { ($0.sourceIDs.count, $0.claims.count, -($0.claims.first?.id ?? 0))
                          > ($1.sourceIDs.count, $1.claims.count, -($1.claims.first?.id ?? 0)) }
        }
    }

    /// Groups of spellings in the desk that share a consonant skeleton (عراقجي, أراغتشي,
    /// عراقتشي), most used first. Nothing is merged: an editor confirms with `alias add`.
    public func suggestAliases(limit: Int = 20) throws -> [AliasSuggestion] {
        try storage.reading { tx in
            let aliases = AliasTable(try tx.aliases().map { ($0.entity, $0.variant) })
            var groups: [String: [(term: String, doc: Int)]] = [:]
            for (term, doc) in try tx.termVocabulary() {
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
            return try candidates
                .sorted { ($0.value.count, $0.value.map(\.doc).reduce(0, +), $0.key) > ($1.value.count, $1.value.map(\.doc).reduce(0, +), $1.key) }
                .prefix(limit)
                .map { skeleton, members in
                    AliasSuggestion(skeleton: skeleton, spellings: try members.sorted { ($0.doc, $1.term) > ($1.doc, $0.term) }.map {
                        (try exampleWord(for: $0.term, tx) ?? $0.term, $0.doc)
                    })
                }
        }
    }

    /// A word of a claim whose index term is this one, as the claim spells it.
    private func exampleWord(for term: String, _ tx: any StorageReader) throws -> String? {
        guard let text = try tx.claims(matching: .term(term), MatchRange(above: 0, limit: 1)).first?.text else { return nil }
        return text.split(whereSeparator: { $0.isWhitespace || "،,.:؛\"“”«»()".contains($0) })
            .map(String.init)
            .first { SearchIndex.terms($0) == [term] }
    }
}
