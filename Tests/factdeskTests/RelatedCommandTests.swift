import Foundation
import Testing

@Suite struct RelatedCommandTests {
    func importedDesk(_ backend: Backend) throws -> Binary {
        let desk = try Binary(backend: backend)
        try desk.expectSuccess(["init"])
        try desk.expectSuccess(["source", "add", packageRoot.appendingPathComponent("seeds").path])
        return desk
    }

    func claimID(_ desk: Binary, containing words: String) throws -> Int {
        let claims = try #require(try desk.json(["claim", "list", "--limit", "0"]) as? [[String: Any]])
        return try #require(claims.first { ($0["text"] as? String)?.contains(words) == true }?["id"] as? Int)
    }

    @Test(arguments: Backend.tested) func relatedListsTheSameFactInOtherSourcesWithReasons(_ backend: Backend) throws {
        let desk = try importedDesk(backend)
        let id = try claimID(desk, containing: "استمرت حوالي 4 ساعات")
        let other = try claimID(desk, containing: "استمرت قرابة أربع ساعات")
        let related = try #require(try desk.json(["related", String(id)]) as? [[String: Any]])
        let match = try #require(related.first { $0["claim_id"] as? Int == other })
        #expect((match["score"] as? Double ?? 0) >= 0.4)
        #expect(match["source_id"] as? Int == 5)
        #expect((match["reasons"] as? [String])?.contains("same quantity: 4 ساع") == true)
        let table = try desk.run(["related", String(id)]).stdout
        #expect(table.hasPrefix("ID   SOURCE  SCORE  STATE  WHY"))
        let shown = try desk.run(["claim", "show", String(id)]).stdout
        #expect(shown.contains("reported also by 2 other sources"))
    }

    @Test(arguments: Backend.tested) func linkAndUnlinkAreAuditedAndChecked(_ backend: Backend) throws {
        let desk = try importedDesk(backend)
        let id = try claimID(desk, containing: "استمرت حوالي 4 ساعات")
        let other = try claimID(desk, containing: "استمرت قرابة أربع ساعات")
        try desk.expectSuccess(["link", String(id), String(other), "--same"])
        let first = try #require(try desk.json(["related", String(id)]) as? [[String: Any]]).first
        #expect(first?["claim_id"] as? Int == other && first?["link"] as? String == "same")
        try desk.expectSuccess(["unlink", String(id), String(other)])
        let after = try #require(try desk.json(["related", String(id)]) as? [[String: Any]])
        #expect(!after.contains { $0["claim_id"] as? Int == other })
        let history = try #require(try desk.json(["history", String(id)]) as? [[String: Any]])
        #expect(history.filter { $0["action"] as? String == "claim.link" }.count == 2)
        #expect(try desk.run(["link", String(id), String(other)]).status == 64)
        #expect(try desk.run(["link", String(id), String(id), "--same"]).status == 65)
        #expect(try desk.run(["related", "99999"]).status == 66)
    }

    @Test(arguments: Backend.tested) func aliasesAreAddedListedSuggestedAndRemoved(_ backend: Backend) throws {
        let desk = try importedDesk(backend)
        let suggested = try #require(try desk.json(["alias", "suggest"]) as? [[String: Any]])
        #expect(suggested.contains { ($0["spellings"] as? [String]).map { Set($0).isSuperset(of: ["عراقجي", "أراغتشي"]) } == true })
        try desk.expectSuccess(["alias", "add", "Araghchi", "عراقجي", "أراغتشي", "عراقتشي"])
        let listed = try #require(try desk.json(["alias", "list"]) as? [[String: Any]])
        #expect(listed.first?["entity"] as? String == "Araghchi")
        #expect(listed.first?["variants"] as? [String] == ["Araghchi", "عراقجي", "أراغتشي", "عراقتشي"])
        let clash = try desk.run(["alias", "add", "Someone", "عراقجي"])
        #expect(clash.status == 65 && clash.stderr.contains("already names 'Araghchi'"))
        try desk.expectSuccess(["alias", "remove", "عراقتشي"])
        #expect(try desk.run(["alias", "remove", "عراقتشي"]).status == 65)
        let history = try #require(try desk.json(["history", "--limit", "2"]) as? [[String: Any]])
        #expect(history.map { $0["action"] as? String } == ["alias.remove", "alias.add"])
    }

    @Test(arguments: Backend.tested) func clustersListFactsReportedBySeveralSources(_ backend: Backend) throws {
        let desk = try importedDesk(backend)
        let clusters = try #require(try desk.json(["clusters", "--min-sources", "3"]) as? [[String: Any]])
        let fourHours = try #require(clusters.first)
        #expect((fourHours["sources"] as? [Int])?.count ?? 0 >= 3)
        let texts = (fourHours["claims"] as? [[String: Any]])?.compactMap { $0["text"] as? String } ?? []
        #expect(texts.contains { $0.contains("استمرت قرابة أربع ساعات") })
    }
}
