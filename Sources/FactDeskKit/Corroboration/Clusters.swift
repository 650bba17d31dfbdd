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

extension Corroboration {
    /// Facts reported by at least `minSources` sources: claims joined by strong matches
    /// and confirmed links, largest first (``ClusterBuilder``, from one read of the desk).
    public func clusters(minSources: Int = 2) async throws -> [FactCluster] {
        let desk = try await storage.reading { tx in
            var claims: [Claim] = []
            try await tx.eachClaim { claims.append($0) }
            var published: [Int64: Int] = [:]
            var articles: [Int64: String] = [:]
            for source in Set(claims.map(\.sourceID)) {
                published[source] = try await tx.publishedOn(source: source).flatMap(CivilDate.dayNumber)
                articles[source] = try await tx.source(source)?.body ?? ""
            }
            var links: [ClusterBuilder.Link] = []
            try await tx.eachRow(of: .claimLink) { row in
                guard case .integer(let first) = row[0], case .integer(let second) = row[1], case .text(let kind) = row[2] else { return }
                links.append(ClusterBuilder.Link(first: first, second: second, kind: kind))
            }
            return ClusterBuilder(claims: claims, aliases: AliasTable(try await tx.aliases().map { ($0.entity, $0.variant) }),
                                  published: published, articles: articles, links: links)
        }
        return await desk.clusters(minSources: minSources)
    }

    /// Groups of spellings in the desk that share a consonant skeleton (عراقجي, أراغتشي,
    /// عراقتشي), most used first. Nothing is merged: an editor confirms with `alias add`.
    public func suggestAliases(limit: Int = 20) async throws -> [AliasSuggestion] {
        try await storage.reading { tx in
            let suggester = AliasSuggester(aliases: AliasTable(try await tx.aliases().map { ($0.entity, $0.variant) }))
            var suggestions: [AliasSuggestion] = []
            for group in suggester.groups(of: try await tx.termVocabulary(), limit: limit) {
                var spellings: [(String, Int)] = []
                for member in group.members {
                    spellings.append((try await exampleWord(for: member.term, tx) ?? member.term, member.claims))
                }
                suggestions.append(AliasSuggestion(skeleton: group.skeleton, spellings: spellings))
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
