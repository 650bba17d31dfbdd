import Foundation
import Testing
@testable import FactDeskKit

/// The corroboration algorithms as pure types, fed by what a desk would read, with no desk.
@Suite struct CorroborationAlgorithmTests {
    let day = Date(timeIntervalSince1970: 1_780_000_000)

    func claim(_ id: Int64, source: Int64, _ text: String, speaker: String? = nil) -> Claim {
        Claim(id: id, sourceID: source, text: text, speaker: speaker, state: "new", version: 1, createdBy: "sara",
              createdAt: day, updatedAt: day)
    }

    /// One fact told by three outlets, with the minister's name spelled three ways and the
    /// hours written as a digit and as a word, beside an unrelated claim of a fourth.
    var claims: [Claim] {
        [claim(1, source: 1, "قال وزير الخارجية عراقجي إن المحادثات في مسقط استمرت 4 ساعات وانتهت باتفاق على جولة ثانية"),
         claim(2, source: 2, "أكد أراغتشي أن محادثات مسقط دامت أربع ساعات وأن الطرفين اتفقا على جولة ثانية"),
         claim(3, source: 3, "قال عراقتشي إن جولة المحادثات في مسقط استمرت أربع ساعات وسيتبعها اتفاق على جولة ثانية"),
         claim(4, source: 4, "ارتفعت أسعار القمح في الأسواق المحلية بنسبة 12 في المئة خلال الشهر الماضي")]
    }

    var aliases: AliasTable {
        AliasTable([("عباس عراقجي", "عراقجي"), ("عباس عراقجي", "أراغتشي"), ("عباس عراقجي", "عراقتشي")])
    }

    func builder(links: [ClusterBuilder.Link] = []) -> ClusterBuilder {
        ClusterBuilder(claims: claims, aliases: aliases, published: [:],
                       articles: Dictionary(uniqueKeysWithValues: claims.map { ($0.sourceID, $0.text) }), links: links)
    }

    @Test func theSameFactToldBySeveralSourcesIsOneCluster() async {
        let clusters = await builder().clusters(minSources: 2)
        #expect(clusters.count == 1)
        #expect(clusters.first?.sourceIDs == [1, 2, 3])
        #expect(clusters.first?.claims.map(\.id) == [1, 2, 3])
        // Asking for more sources than told it leaves it out.
        #expect(await builder().clusters(minSources: 4).isEmpty)
    }

    @Test func aConfirmedLinkJoinsAndAnUnrelatedOneKeepsApart() async {
        let joined = await builder(links: [ClusterBuilder.Link(first: 1, second: 4, kind: ClaimLink.Kind.same.rawValue)])
            .clusters(minSources: 2)
        #expect(joined.first?.sourceIDs == [1, 2, 3, 4])

        // "Unrelated" between two claims is never a reason to join them; the others still join.
        let apart = await builder(links: [ClusterBuilder.Link(first: 1, second: 4, kind: ClaimLink.Kind.unrelated.rawValue)])
            .clusters(minSources: 2)
        #expect(apart.count == 1)
        #expect(apart.first?.sourceIDs == [1, 2, 3])
    }

    @Test func spellingsOfOneNameAreSuggestedUntilTheyAreOneEntitysAliases() {
        // The index's terms, as the desk's vocabulary holds them, with how many claims hold each.
        func term(_ word: String) -> String { SearchIndex.terms(word).first ?? word }
        let vocabulary: [(term: String, claims: Int)] = [(term("عراقجي"), 7), (term("عراقتشي"), 3), (term("أراغتشي"), 2),
                                                         (term("طهران"), 9), (term("مسقط"), 4)]
        let groups = AliasSuggester(aliases: AliasTable()).groups(of: vocabulary, limit: 10)
        let spellings = groups.map { Set($0.members.map(\.term)) }
        #expect(spellings.contains { $0.isSuperset(of: [term("عراقجي"), term("عراقتشي")]) })
        #expect(!spellings.contains { $0.contains(term("طهران")) || $0.contains(term("مسقط")) })
        // Most used first within a group.
        for group in groups { #expect(group.members.map(\.claims) == group.members.map(\.claims).sorted(by: >)) }
        #expect(AliasSuggester(aliases: AliasTable()).groups(of: vocabulary, limit: 0).isEmpty)

        let known = AliasTable([("عباس عراقجي", "عراقجي"), ("عباس عراقجي", "عراقتشي"), ("عباس عراقجي", "أراغتشي")])
        #expect(AliasSuggester(aliases: known).groups(of: vocabulary, limit: 10)
            .allSatisfy { !Set($0.members.map(\.term)).isSuperset(of: [term("عراقجي"), term("عراقتشي")]) })
    }
}
