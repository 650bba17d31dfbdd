import Foundation
import Testing
@testable import FactDeskKit

@Suite struct FactFeatureTests {
    @Test(arguments: ["استمرت أربع ساعات", "استمرت 4 ساعات", "استمرت ٤ ساعات", "استمرت اربعة ساعات"])
    func digitsAndNumberWordsAreOneNumber(text: String) {
        let features = FactFeatures(text: text)
        #expect(features.numbers == ["4"])
        #expect(features.quantities == ["4 ساع"])
    }

    @Test(arguments: [("في أبريل", 4), ("في نيسان", 4), ("6 شباط/فبراير", 2), ("في كانون الثاني", 1), ("في تشرين الأول", 10), ("20 آب", 8)])
    func monthsAreTheSameInBothCalendars(text: String, month: Int) {
        #expect(FactFeatures(text: text).months == [month])
    }

    @Test func weekdaysNeedTheArticleSoAhadIsNotSunday() {
        #expect(FactFeatures(text: "يوم السبت والجمعة").weekdays == [6, 5])
        #expect(FactFeatures(text: "أحد المسؤولين").weekdays.isEmpty)
        #expect(FactFeatures(text: "يوم الاثنين").numbers.isEmpty)
    }

    @Test func theThreeSpellingsOfAraghchiShareOneSkeleton() {
        let skeletons = Set(["عراقجي", "أراغتشي", "عراقتشي"].map { ConsonantSkeleton.of($0) })
        #expect(skeletons == ["رقج"])
        #expect(ConsonantSkeleton.of("روبيو") != ConsonantSkeleton.of("عراقجي"))
    }

    @Test func anAliasMakesTwoSpellingsOneEntity() {
        let aliases = AliasTable([("Araghchi", "عراقجي"), ("Araghchi", "أراغتشي")])
        #expect(FactFeatures(text: "قال عراقجي", aliases: aliases).entities == ["Araghchi"])
        #expect(FactFeatures(text: "وأعلن أراغتشي", aliases: aliases).entities == ["Araghchi"])
        #expect(FactFeatures(text: "قال عراقتشي", aliases: aliases).entities.isEmpty)
    }
}

@Suite struct RelatedMatcherTests {
    @Test func theSameQuantityInWordsAndDigitsMatchesStrongly() {
        let a = FactFeatures(text: "وقال إن المحادثات استمرت حوالي 4 ساعات.")
        let b = FactFeatures(text: "أفاد التلفزيون بأن المحادثات استمرت قرابة أربع ساعات.")
        let match = RelatedMatcher.compare(a, b)
        #expect(match.score >= Relatedness.strong)
        #expect(match.reasons.contains("same quantity: 4 ساع"))
    }

    @Test func differentMonthsWeekdaysAndCitiesKeepEventsApart() {
        let a = FactFeatures(text: "انعقدت الجولة الأولى من المحادثات يوم الجمعة في فبراير في مسقط")
        let b = FactFeatures(text: "انعقدت الجولة الأولى من المحادثات يوم السبت في نيسان في روما")
        let same = RelatedMatcher.compare(a, a)
        let different = RelatedMatcher.compare(a, b)
        #expect(different.score < Relatedness.strong)
        #expect(different.score < same.score / 3)
        #expect(different.reasons.contains("different months"))
        #expect(different.reasons.contains("different weekdays"))
        #expect(different.reasons.contains("different places"))
    }

    @Test func publicationDatesWeeksApartLowerTheScore() {
        let a = FactFeatures(text: "استمرت المحادثات أربع ساعات في روما")
        let near = RelatedMatcher.compare(a, a, publishedA: "2025-04-19", publishedB: "2025-04-20")
        let far = RelatedMatcher.compare(a, a, publishedA: "2025-02-06", publishedB: "2025-04-19")
        #expect(far.score < near.score)
        #expect(far.reasons.contains("published 72 days apart"))
    }
}

@Suite struct RelatedClaimsTests {
    func claimID(_ store: ClaimStore, containing words: String) async throws -> Int64 {
        try #require(try await store.review.claims(ClaimFilter()).first { $0.text.contains(words) }?.id)
    }

    @Test func theThreeFourHourClaimsFindEachOther() async throws {
        let store = try await seededStore()
        let ids = try await ["استمرت حوالي 4 ساعات", "استمرت حوالي أربع ساعات", "استمرت قرابة أربع ساعات"].asyncMap {
            try await claimID(store, containing: $0)
        }
        let sources = try await ids.asyncMap { try await store.review.claim($0).sourceID }
        #expect(Set(sources).count == 3)
        for id in ids {
            let strong = try await store.corroboration.related(to: id, minimumScore: Relatedness.strong).compactMap(\.claim.id)
            #expect(Set(ids).subtracting([id]).isSubset(of: Set(strong)), "claim \(id) found \(strong)")
        }
    }

    @Test func theFebruaryFirstRoundDoesNotStronglyMatchTheAprilFirstRound() async throws {
        let store = try await seededStore()
        let february = try await claimID(store, containing: "يوم الجمعة 6 شباط/فبراير في عمان")
        let april = try await claimID(store, containing: "جولة أولى في العاصمة العمانية مسقط")
        for (from, to) in [(february, april), (april, february)] {
            let match = try await store.corroboration.related(to: from, limit: 200, minimumScore: 0).first { $0.claim.id == to }
            #expect((match?.score ?? 0) < Relatedness.strong)
        }
    }

    @Test func anAliasMakesTwoSpellingsMatchAndRemovingItUndoesThat() async throws {
        let store = try await ClaimStore.inMemory(
            workflow: try WorkflowSource.named("standard"), editor: NewReviewer(handle: "sara", role: .editor))
        _ = try await store.imports.addSource(NewSource(body: "وصف عراقجي اللقاء بأنه مثمر وبناء للغاية."), by: "sara")
        _ = try await store.imports.addSource(NewSource(body: "وصف أراغتشي اللقاء بأنه مثمر وبناء للغاية."), by: "sara")
        let before = try #require(try await store.corroboration.related(to: 1, minimumScore: 0).first { $0.claim.id == 2 })
        try await store.corroboration.addAlias(entity: "Araghchi", variants: ["عراقجي", "أراغتشي", "عراقتشي"], by: "sara")
        let aliased = try #require(try await store.corroboration.related(to: 1, minimumScore: 0).first { $0.claim.id == 2 })
        #expect(aliased.reasons.contains("shared entities: Araghchi"))
        #expect(aliased.score > before.score)
        try await store.corroboration.removeAlias("أراغتشي", by: "sara")
        let removed = try #require(try await store.corroboration.related(to: 1, minimumScore: 0).first { $0.claim.id == 2 })
        #expect(removed.score == before.score)
        #expect(!removed.reasons.contains { $0.hasPrefix("shared entities") })
    }

    @Test func anAliasFindsAClaimThatSharesNothingButTheName() async throws {
        let store = try await ClaimStore.inMemory(
            workflow: try WorkflowSource.named("standard"), editor: NewReviewer(handle: "sara", role: .editor))
        _ = try await store.imports.addSource(NewSource(body: "التقى عراقجي نظيره العماني صباح اليوم."), by: "sara")
        _ = try await store.imports.addSource(NewSource(body: "أراغتشي يصل إلى العاصمة وسط ترقب كبير."), by: "sara")
        #expect(try await store.corroboration.related(to: 1, minimumScore: 0).isEmpty)
        try await store.corroboration.addAlias(entity: "Araghchi", variants: ["عراقجي", "أراغتشي"], by: "sara")
        #expect(try await store.corroboration.related(to: 1, minimumScore: 0).map(\.claim.id) == [2])
    }

    @Test func aReviewerConfirmsOrRejectsARelationAndItIsAudited() async throws {
        let store = try await seededStore()
        let a = try await claimID(store, containing: "استمرت حوالي 4 ساعات")
        let b = try await claimID(store, containing: "استمرت قرابة أربع ساعات")
        try await store.corroboration.link(a, b, as: .same, by: "sara")
        #expect(try await store.corroboration.related(to: a).first?.claim.id == b)
        #expect(try await store.corroboration.related(to: a).first?.score == 1)
        try await store.corroboration.link(b, a, as: .unrelated, by: "sara")
        await #expect(try !store.corroboration.related(to: a, limit: 100, minimumScore: 0).contains { $0.claim.id == b })
        var links: [EventPayload.LinkSet] = []
        try await store.audit.history(claimID: a) { if case .claimLink(let link) = $0.payload { links.append(link) } }
        #expect(links.map(\.relation) == ["unrelated", "same"])
        #expect(links.allSatisfy { $0.otherClaim == b })
        let sameSource = try await claimID(store, containing: "استمرت حوالي 4 ساعات")
        let sibling = try #require(try await store.review.claims(ClaimFilter(sourceID: try await store.review.claim(sameSource).sourceID)).last?.id)
        await #expect(throws: DeskError.self) { try await store.corroboration.link(sameSource, sibling, as: .same, by: "sara") }
    }

    @Test func aVerdictTravelsToTheRelatedClaim() async throws {
        let store = try await seededStore()
        let a = try await claimID(store, containing: "استمرت حوالي 4 ساعات")
        let b = try await claimID(store, containing: "استمرت حوالي أربع ساعات")
        try await store.review.apply(TransitionCommand(transition: "assign", claimIDs: [b], actor: "sara", assignee: "sara"))
        try await store.review.apply(TransitionCommand(transition: "verify", claimIDs: [b], actor: "sara", note: "both sides",
                                                evidence: [NewEvidence(url: "https://example.org", stance: .supports)]))
        let match = try #require(try await store.corroboration.related(to: a).first { $0.claim.id == b })
        #expect(match.claim.state == "verified" && match.decidedBy == "sara")
    }

    @Test func theFourHourFactIsAClusterOfThreeSources() async throws {
        let store = try await seededStore()
        let id = try await claimID(store, containing: "استمرت قرابة أربع ساعات")
        let cluster = try #require(try await store.corroboration.clusters().first { $0.claims.contains { $0.id == id } })
        #expect(cluster.sourceIDs.count >= 3)
        #expect(try await store.corroboration.clusters(minSources: 99).isEmpty)
    }

    @Test func suggestionsProposeTheSpellingsOfAraghchiUntilConfirmed() async throws {
        let store = try await seededStore()
        let group = try #require(try await store.corroboration.suggestAliases(limit: 50).first { $0.skeleton == "رقج" })
        #expect(Set(group.spellings.map(\.word)).isSuperset(of: ["عراقجي", "أراغتشي", "عراقتشي"]))
        #expect(try await store.corroboration.aliases().isEmpty)
        try await store.corroboration.addAlias(entity: "عراقجي", variants: ["أراغتشي", "عراقتشي"], by: "sara")
        #expect(try await !store.corroboration.suggestAliases(limit: 50).contains { $0.skeleton == "رقج" })
    }
}

@Suite struct ParaphraseTests {
    @Test func wordsTranslationsUseForOneAnotherAreOneTerm() {
        let enrich = FactFeatures(text: "حق إيران في تخصيب اليورانيوم").terms
        let enrichAgain = FactFeatures(text: "حق إيران في إثراء اليورانيوم").terms
        #expect(enrich == enrichAgain)
        #expect(enrich.contains("~enrich"))
        #expect(WordPairs.concept("عقود") != WordPairs.concept("عقد"), "decades are not a meeting held")
    }

    @Test func namesOfTwoTransliterationsAreAlikeButCommonWordsAreNot() {
        let a: Set<WordKey> = ["ستيف", "قال"], b: Set<WordKey> = ["ستيفن", "قال"]
        let rare = RelatedMatcher.sharedContent(a, b) { $0 == "قال" ? 0.1 : 5 }
        #expect(rare.alike == ["ستيف ~ ستيفن"])
        // The same pair when both spellings are as common as the claim's commonest word.
        let common = RelatedMatcher.sharedContent(["متحد", "اتفاق"], ["متحدث", "اتفاق"]) { $0 == "اتفاق" ? 5 : 1 }
        #expect(common.alike.isEmpty)
        let skeletons = RelatedMatcher.sharedContent(["عراقج"], ["اراغتش"]) { _ in 1 }
        #expect(skeletons.alike == ["عراقج ~ اراغتش"] && skeletons.share > 0.7)
    }

    @Test func articlesFramingAnotherCityOrRoundReportAnotherEvent() {
        let rome = EventFrame(article: "اختتمت في العاصمة الإيطالية روما، السبت، جولة ثانية من المفاوضات.\nتفاصيل.")
        let muscat = EventFrame(article: "أجرى مسؤولون محادثات غير مباشرة في العاصمة العمانية مسقط.")
        let first = EventFrame(article: "وبعد الجولة الأولى من المناقشات، يوم الجمعة في عمان، يبدو أن الطرفين سيجتمعان.")
        let unframed = EventFrame(article: "أعربت روسيا عن دعمها للمفاوضات.")
        #expect(rome == EventFrame(places: ["روما"], rounds: [2]))
        #expect(rome.conflict(with: muscat) == "articles about events in different places")
        #expect(rome.conflict(with: first) == "articles about different rounds")
        #expect(rome.conflict(with: unframed) == nil && rome.conflict(with: rome) == nil)
        let a = FactFeatures(text: "اتفق الوفدان على الاجتماع مرة أخرى الأسبوع المقبل")
        let apart = RelatedMatcher.compare(a, a, frames: (rome, first))
        #expect(apart.score < RelatedMatcher.compare(a, a, frames: (rome, unframed)).score / 2)
        #expect(apart.reasons.contains("articles about different rounds"))
    }
}

/// What this round's scorer added: speakers in the features, the capitals as governments,
/// and `related` finishing its best candidates first without changing what it lists.
@Suite struct RelatedScorerTests {
    @Test func whoSaidAClaimIsPartOfItsFeatures() {
        let claim = Claim(sourceID: 1, text: "وقال: يمكنني القول إن هناك تقدما", speaker: "عباس عراقجي، وزير الخارجية",
                          state: "new", version: 1, createdBy: "sara", createdAt: Date(), updatedAt: Date())
        let features = FactFeatures(claim: claim)
        #expect(features.terms.contains(WordKey(LightStemmer.stem("عراقجي"))))
        #expect(!features.terms.contains(WordKey(LightStemmer.stem("الخارجية"))), "the role is not the speaker's name")
        #expect(!FactFeatures(text: claim.text).terms.contains(WordKey(LightStemmer.stem("عراقجي"))))
    }

    @Test func tehranAndWashingtonStandForTheGovernmentsNotForAVenue() {
        let features = FactFeatures(text: "قال أكبر دبلوماسي في طهران إن واشنطن وافقت")
        #expect(features.places.isEmpty)
        #expect(features.terms.isSuperset(of: ["~iran", "~usa"]))
        #expect(FactFeatures(text: "انعقدت المحادثات في روما").places == ["روما"])
    }

    @Test func aNameInLatinLettersIsComparedByItsSkeleton() {
        #expect(NameSpelling.forms(["trump", "~talks", "abc"]).map(\.term) == ["trump"])
    }

    @Test func wordsOfTitlesAreNoNamesThoughTheirConsonantsAgree() {
        #expect(NameSpelling.forms(["اكبر", "كبير", "عراقج"]).map(\.term) == ["عراقج"])
    }

    @Test func theSamePersonQuotedCountsHoweverTheNameIsSpelt() {
        func claim(_ text: String, _ speaker: String?) -> FactFeatures {
            FactFeatures(claim: Claim(sourceID: 1, text: text, speaker: speaker, state: "new", version: 1,
                                      createdBy: "sara", createdAt: Date(), updatedAt: Date()))
        }
        let a = claim("وصف المحادثات بأنها خطوة إلى الأمام", "عراقجي، كبير الدبلوماسيين الإيرانيين")
        let b = claim("وقال إن الاجتماع كان جيدا", "عباس أراغتشي، أكبر دبلوماسي في طهران")
        let c = claim("وقال إن الاجتماع كان جيدا", "ماركو روبيو، وزير الخارجية الأمريكي")
        let same = RelatedMatcher.compare(a, b)
        #expect(same.reasons.contains { $0.hasPrefix("same speaker") })
        #expect(!RelatedMatcher.compare(a, c).reasons.contains { $0.hasPrefix("same speaker") })
        #expect(same.score > RelatedMatcher.compare(a, c).score)
    }

    @Test func aShortListIsTheStartOfALongOne() async throws {
        let store = try await seededStore()
        for id in try await store.review.claims(ClaimFilter(limit: 1_000)).compactMap(\.id) {
            let long = try await store.corroboration.related(to: id, limit: 50)
            for limit in [3] {
                #expect(try await store.corroboration.related(to: id, limit: limit) == Array(long.prefix(limit)), "claim \(id), limit \(limit)")
            }
        }
    }
}
