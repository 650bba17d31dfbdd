import Foundation
import Testing

/// `speaker list` and `speaker show`: a speaker page from the claims' speakers, after aliases.
@Suite struct SpeakerCommandTests {
    func desk() throws -> Binary {
        let desk = try Binary()
        try desk.expectSuccess(["init", "--name", "Sara Haddad"])
        try desk.expectSuccess(["reviewer", "add", "layla"])
        try desk.expectSuccess(["source", "add", packageRoot.appendingPathComponent("seeds").path])
        try desk.expectSuccess(["alias", "add", "عراقجي", "أراغتشي", "عراقتشي"])
        return desk
    }

    func speakers(_ desk: Binary) throws -> [[String: Any]] {
        try #require(try desk.json(["speaker", "list"]) as? [[String: Any]])
    }

    @Test func aSpeakerGathersTheirSpellingsAndCountsTheirVerdicts() async throws {
        let desk = try desk()
        let araghchi = try #require(try speakers(desk).first { $0["name"] as? String == "عراقجي" })
        let spellings = try #require(araghchi["spellings"] as? [String])
        for spelling in ["عراقجي", "أراغتشي", "عراقتشي", "عباس عراقجي"] { #expect(spellings.contains(spelling), "\(spellings)") }
        #expect((araghchi["roles"] as? [String])?.contains("رئيس الدبلوماسية الإيرانية") == true)
        #expect((araghchi["claims"] as? Int ?? 0) >= 15)

        // ترامب said alone joins دونالد ترامب, named with his role; إدارة ترامب stays apart.
        let all = try speakers(desk)
        let trump = try #require(all.first { $0["name"] as? String == "دونالد ترامب" })
        #expect((trump["spellings"] as? [String])?.contains("ترامب") == true)
        #expect(!all.contains { $0["name"] as? String == "ترامب" })
        #expect(all.contains { $0["name"] as? String == "إدارة ترامب" })
        // Two speakers of one sentence count for each.
        #expect(all.contains { $0["name"] as? String == "المملكة العربية السعودية" })
        #expect(all.contains { $0["name"] as? String == "إيران" })

        let page = try #require(try desk.json(["speaker", "show", "ترامب"]) as? [String: Any])
        let claims = try #require(page["claims"] as? [[String: Any]])
        let newest = try #require(claims.first?["id"] as? Int)
        #expect(claims.compactMap { $0["id"] as? Int } == claims.compactMap { $0["id"] as? Int }.sorted(by: >))
        try desk.expectSuccess(["assign", String(newest), "--to", "layla"])
        try desk.expectSuccess(["verify", String(newest), "--note", "on the record", "--evidence", "https://example.org/a"], as: "layla")
        let decided = try #require(try speakers(desk).first { $0["name"] as? String == "دونالد ترامب" })
        #expect((decided["verdicts"] as? [String: Int]) == ["verified": 1])
        #expect(decided["open"] as? Int == (decided["claims"] as? Int ?? 0) - 1)
        let text = try desk.run(["speaker", "show", "دونالد ترامب"])
        #expect(text.stdout.contains("1 verified") && text.stdout.contains("role     رئيس الولايات المتحدة"))
    }

    @Test func anUnknownSpeakerIsNotFound() throws {
        let desk = try desk()
        let result = try desk.run(["speaker", "show", "غروستي"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("no claim on this desk is attributed to 'غروستي'; `factdesk speaker list` shows who is"))
    }
}
