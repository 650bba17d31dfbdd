import Foundation
import GRDB
import Testing

/// Fact-checks published elsewhere: `import claimreview`, and the claims they match in
/// `claim show`, `related` and `claim list --checked-elsewhere`.
@Suite struct KnownCheckTests {
    /// A feed as fact-checkers publish it (a DataFeed of DataFeedItems, one bare review),
    /// reviewing facts of the sample articles in other words, and one fact they do not hold.
    static let feed = """
        {"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": [
         {"@type": "DataFeedItem", "item": [{"@context": "https://schema.org", "@type": "ClaimReview",
           "url": "https://checks.example/ar/maximum-pressure", "author": {"@type": "Organization", "name": "مسبار"},
           "datePublished": "2025-04-22",
           "claimReviewed": "ترامب أعاد إحياء حملة الضغط الأقصى على إيران بعد عودته إلى البيت الأبيض في يناير",
           "reviewRating": {"@type": "Rating", "ratingValue": 5, "bestRating": 5, "worstRating": 1, "alternateName": "صحيح"},
           "inLanguage": "ar"}]},
         {"@type": "DataFeedItem", "item": {"@type": "ClaimReview",
           "url": "https://checks.example/ar/enrichment-60", "author": [{"@type": "Organization", "name": "فتبينوا"}],
           "datePublished": "2025-04-23T08:00:00Z", "claimReviewed": "إيران تخصب اليورانيوم حاليا بنسبة 60 في المئة",
           "reviewRating": {"ratingValue": "4", "bestRating": "5", "worstRating": "1", "alternateName": "صحيح في معظمه"},
           "inLanguage": {"@type": "Language", "name": "Arabic", "alternateName": "ar"}}},
         {"@type": "ClaimReview", "url": "https://checks.example/ar/rome-four-hours", "author": {"name": "مسبار"},
           "datePublished": "2025-04-21", "claimReviewed": "استمرت الجولة الثانية من المحادثات في روما أربع ساعات",
           "reviewRating": {"alternateName": "صحيح"}},
         {"@type": "ClaimReview", "url": "https://checks.example/ar/mars", "author": {"name": "مسبار"},
           "datePublished": "2025-04-21", "claimReviewed": "الصين أرسلت أول مركبة فضائية إلى المريخ عام 2021",
           "reviewRating": {"alternateName": "صحيح"}}
        ]}
        """

    /// The five sample articles with their claims extracted, and the feed written beside the desk.
    func desk(on backend: Backend = .file) throws -> Binary {
        let desk = try Binary(backend: backend)
        try desk.expectSuccess(["init", "--name", "Sara Haddad"])
        try desk.expectSuccess(["reviewer", "add", "layla"])
        try desk.expectSuccess(["source", "add", packageRoot.appendingPathComponent("seeds").path])
        try write(Self.feed, to: "feed.json", in: desk)
        return desk
    }

    func write(_ text: String, to name: String, in desk: Binary) throws {
        try Data(text.utf8).write(to: desk.folder.appendingPathComponent(name))
    }

    /// Every claim as `claim list --json` gives it: id and text.
    func claims(_ desk: Binary, _ extra: [String] = []) throws -> [(id: Int, text: String)] {
        let list = try #require(try desk.json(["claim", "list", "--limit", "0"] + extra) as? [[String: Any]])
        return list.compactMap { row in (row["id"] as? Int).map { ($0, row["text"] as? String ?? "") } }
    }

    func knownChecks(_ desk: Binary, claim: Int) throws -> [[String: Any]] {
        let shown = try #require(try desk.json(["claim", "show", String(claim)]) as? [String: Any])
        return try #require(shown["known_checks"] as? [[String: Any]])
    }

    @Test(arguments: Backend.tested)
    func aFeedOfReviewsFindsTheClaimsItChecksInOtherWords(on backend: Backend) async throws {
        let desk = try desk(on: backend)
        // Any reviewer may import (on PostgreSQL: as their own login, with its rights).
        let result = try desk.run(["import", "claimreview", "feed.json"], as: "layla")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("4 fact-checks read: 4 new, 0 updated, 0 already known"))

        let all = try claims(desk)
        let checked = try claims(desk, ["--checked-elsewhere"])
        let checkedIDs = Set(checked.map(\.id))
        // The campaign of maximum pressure, in 001's words (أعاد ترامب إحياء حملته "الحد الأقصى للضغط").
        let pressure = try #require(all.first { $0.text.contains("الحد الأقصى للضغط") })
        // Enrichment to 60%, which 001 writes تثير ... يورانيوم بنسبة تصل إلى 60 في المائة.
        let enrichment = try #require(all.first { $0.text.contains("60 في المائة") })
        // Four hours in Rome, in digits (000) and in words (001, 004).
        let hours = all.filter { $0.text.contains("4 ساعات") || $0.text.contains("أربع ساعات") }
        #expect(hours.count >= 3)
        for claim in [pressure, enrichment] + hours {
            #expect(checkedIDs.contains(claim.id), "claim \(claim.id) is not listed: \(claim.text)")
        }
        // Few claims, and none of them about Mars.
        #expect(checked.count <= hours.count + 4, "\(checked.map(\.text))")
        for claim in checked {
            let urls = try knownChecks(desk, claim: claim.id).compactMap { $0["url"] as? String }
            #expect(!urls.isEmpty && !urls.contains("https://checks.example/ar/mars"))
        }
        // A claim no review checks shows none, and is not listed.
        let other = try #require(all.first { !checkedIDs.contains($0.id) })
        #expect(try knownChecks(desk, claim: other.id).isEmpty)

        let shown = try knownChecks(desk, claim: enrichment.id)
        let review = try #require(shown.first)
        #expect(review["publisher"] as? String == "فتبينوا")
        #expect(review["url"] as? String == "https://checks.example/ar/enrichment-60")
        #expect(review["date"] as? String == "2025-04-23")
        #expect(review["claim_reviewed"] as? String == "إيران تخصب اليورانيوم حاليا بنسبة 60 في المئة")
        #expect(review["rating"] as? String == "صحيح في معظمه" && review["rating_value"] as? String == "4/5")
        #expect(review["language"] as? String == "ar")
        #expect((review["score"] as? Double ?? 0) >= 0.35)

        let text = try desk.run(["claim", "show", String(pressure.id)])
        #expect(text.stdout.contains("checked elsewhere (1)"))
        #expect(text.stdout.contains("مسبار  2025-04-22  صحيح, 5 (1-5)"))
        let related = try desk.run(["related", String(hours[0].id)])
        #expect(related.stdout.contains("https://checks.example/ar/rome-four-hours"))
        #expect(try desk.run(["audit", "verify"]).status == 0)
    }

    @Test func importingAgainChangesNothingAndACorrectedRatingIsUpdatedAndRecorded() async throws {
        let desk = try desk()
        try desk.expectSuccess(["import", "claimreview", "feed.json"])
        let events = try desk.eventCount()
        let again = try desk.run(["import", "claimreview", "feed.json"])
        #expect(again.stdout.contains("0 new, 0 updated, 4 already known"))
        #expect(try desk.eventCount() == events)

        try write(Self.feed.replacingOccurrences(of: "\"صحيح في معظمه\"", with: "\"مضلل\""), to: "corrected.json", in: desk)
        let corrected = try desk.run(["import", "claimreview", "corrected.json"], as: "sara")
        #expect(corrected.stdout.contains("0 new, 1 updated, 3 already known"))
        #expect(try desk.eventCount() == events + 1)
        let enrichment = try #require(try claims(desk).first { $0.text.contains("60 في المائة") })
        #expect(try knownChecks(desk, claim: enrichment.id).first?["rating"] as? String == "مضلل")
        let last = try #require((try desk.json(["history", "--limit", "1"]) as? [[String: Any]])?.first)
        #expect(last["action"] as? String == "check.import")
        #expect(try desk.run(["audit", "verify"]).status == 0)
    }

    @Test func aRewrittenReviewIsCaughtByTheAudit() throws {
        let desk = try desk()
        try desk.expectSuccess(["import", "claimreview", "feed.json"])
        let queue = try DatabaseQueue(path: desk.deskPath)
        try queue.write { try $0.execute(sql: "UPDATE known_check SET rating = 'زائف' WHERE url LIKE '%enrichment-60'") }
        try queue.close()
        let result = try desk.run(["audit", "verify"])
        #expect(result.status == 70)
        #expect(result.stdout.contains("it is not the review its history recorded (https://checks.example/ar/enrichment-60)"))
    }

    @Test(arguments: [
        ("article.json", #"{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "x"}"#,
         "article.json holds no ClaimReview (only NewsArticle)"),
        ("broken.json", #"{"@type": "ClaimReview", "#, "broken.json is not JSON"),
        ("nameless.json", #"[{"@type": "ClaimReview", "claimReviewed": "x", "reviewRating": {"alternateName": "صحيح"}}]"#,
         "nameless.json: the review at [0] names no author"),
        ("unrated.json", #"{"@type": "ClaimReview", "claimReviewed": "x", "author": {"name": "مسبار"}}"#,
         "unrated.json: the review at the top has no reviewRating"),
        ("ftp.json", #"{"@type": "ClaimReview", "url": "ftp://x.example/a", "claimReviewed": "x", "author": "مسبار", "reviewRating": {"ratingValue": 1}}"#,
         "which is not an http or https address"),
        ("empty.json", "", "empty.json is empty"),
    ])
    func whatIsNotClaimReviewIsRefusedWithItsPathAndNothingIsImported(name: String, text: String, phrase: String) async throws {
        let desk = try desk()
        try write(text, to: name, in: desk)
        let events = try desk.eventCount()
        // The good feed first: a refused file keeps the whole import out.
        let result = try desk.run(["import", "claimreview", "feed.json", name])
        #expect(result.status == 65)
        #expect(result.stderr.contains(phrase), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try desk.eventCount() == events)
        #expect(try claims(desk, ["--checked-elsewhere"]).isEmpty)
    }

    @Test func whatTheDeskExportsLoadsBackAndMatchesItsOwnClaims() throws {
        let desk = try desk()
        try desk.expectSuccess(["assign", "5", "--to", "sara"])
        try desk.expectSuccess(["verify", "5", "--note", "both sides", "--evidence", "https://example.org/a"])
        try desk.expectSuccess(["export", "claimreview", "--base-url", "https://desk.example/r", "--out", "ours.json"])
        try desk.expectSuccess(["export", "claimreview", "--out", "no-url.json"])
        let result = try desk.run(["import", "claimreview", "ours.json", "no-url.json"])
        #expect(result.stdout.contains("2 fact-checks read: 2 new"), "\(result.stdout) \(result.stderr)")
        let urls = try knownChecks(desk, claim: 5).map { $0["url"] as Any }
        #expect(urls.contains { $0 as? String == "https://desk.example/r/5" })
        #expect(urls.contains { $0 is NSNull })
        #expect(try desk.run(["import", "claimreview", "no-url.json"]).stdout.contains("0 new, 0 updated, 1 already known"))
    }
}
