import Foundation
import Testing

@Suite struct ClaimReviewTests {
    /// A desk from the seeds with a verified, a corrected (verified, reopened, disputed) and a skipped claim.
    func desk() throws -> Binary {
        let desk = try Binary()
        try desk.expectSuccess(["init", "--desk", "مرصد الحقيقة"])
        try desk.expectSuccess(["reviewer", "add", "layla"])
        let seeds = packageRoot.appendingPathComponent("seeds")
        try desk.expectSuccess(["source", "add", seeds.appendingPathComponent("000_9a4494d048ed1904.txt").path,
                                "--outlet", "CNN", "--url", "https://arabic.cnn.com/middle-east", "--published", "2025-04-19"])
        for name in ["001_177ee1963ca2ad8b.txt", "004_619dac0934ff31d4.txt"] {
            try desk.expectSuccess(["source", "add", seeds.appendingPathComponent(name).path, "--published", "2025-04-20"])
        }
        try desk.expectSuccess(["assign", "5", "6", "--to", "layla"])
        try desk.expectSuccess(["verify", "5", "--note", "both sides", "--evidence", "https://example.org/a"], as: "layla")
        try desk.expectSuccess(["verify", "6", "--note", "four hours", "--evidence", "https://example.org/b"], as: "layla")
        try desk.expectSuccess(["reopen", "6", "--note", "the transcript says five"])
        try desk.expectSuccess(["dispute", "6", "--note", "five hours, not four", "--evidence", "https://example.org/c"], as: "layla")
        try desk.expectSuccess(["move", "1", "skip", "--note", "context only"])
        return desk
    }

    @Test func everyReviewHasTheRequiredPropertiesAndTypes() throws {
        let desk = try desk()
        let reviews = try #require(try desk.json(["export", "claimreview", "--base-url", "https://desk.example/r",
                                                  "--org-url", "https://desk.example"]) as? [[String: Any]])
        #expect(reviews.count == 2)
        for review in reviews {
            #expect(review["@context"] as? String == "https://schema.org")
            #expect(review["@type"] as? String == "ClaimReview")
            for key in ["claimReviewed", "reviewRating", "url", "author", "datePublished", "itemReviewed"] {
                #expect(review[key] != nil, "missing \(key)")
            }
            let rating = try #require(review["reviewRating"] as? [String: Any])
            #expect(rating["@type"] as? String == "Rating")
            #expect(rating["bestRating"] as? Int == 5 && rating["worstRating"] as? Int == 1)
            let author = try #require(review["author"] as? [String: Any])
            #expect(author["@type"] as? String == "Organization" && author["name"] as? String == "مرصد الحقيقة")
            let item = try #require(review["itemReviewed"] as? [String: Any])
            #expect(item["@type"] as? String == "Claim")
            #expect((item["author"] as? [String: Any])?["@type"] as? String == "Person")
            let appearances = try #require(item["appearance"] as? [[String: Any]])
            #expect(appearances.allSatisfy { $0["@type"] as? String == "CreativeWork" })
            #expect((item["firstAppearance"] as? [String: Any])?["url"] as? String == "https://arabic.cnn.com/middle-east")
        }
    }

    @Test func aCorrectedClaimExportsItsLatestVerdictAndItsHistory() throws {
        let desk = try desk()
        let reviews = try #require(try desk.json(["export", "claimreview", "--base-url", "https://desk.example/r/"]) as? [[String: Any]])
        let corrected = try #require(reviews.first { $0["url"] as? String == "https://desk.example/r/6" })
        let rating = try #require(corrected["reviewRating"] as? [String: Any])
        #expect(rating["ratingValue"] as? Int == 1 && rating["alternateName"] as? String == "زائف")
        let corrections = try #require(corrected["correction"] as? [[String: Any]])
        #expect(corrections.first?["text"] as? String == "الحكم السابق: صحيح. the transcript says five")
        #expect(corrected["reviewBody"] as? String == "five hours, not four")
        let appearances = (corrected["itemReviewed"] as? [String: Any])?["appearance"] as? [[String: Any]]
        #expect((appearances?.count ?? 0) >= 2)
        let english = try #require(try desk.json(["export", "claimreview", "--lang", "en", "--status", "verified"]) as? [[String: Any]])
        #expect(english.count == 1)
        #expect((english.first?["reviewRating"] as? [String: Any])?["alternateName"] as? String == "True")
    }

    @Test func theExportCanGoToAFile() throws {
        let desk = try desk()
        let result = try desk.run(["export", "claimreview", "--out", "reviews.jsonld"])
        #expect(result.status == 0 && result.stdout.isEmpty)
        #expect(result.stderr.contains("no --base-url"))
        let data = try Data(contentsOf: desk.folder.appendingPathComponent("reviews.jsonld"))
        #expect((try JSONSerialization.jsonObject(with: data) as? [Any])?.count == 2)
    }
}
