import Foundation
import Testing

@Suite struct ReviewerCommandTests {
    @Test func aDeactivatedReviewerCanDoNothingUntilReactivated() throws {
        let desk = try Binary.seededDesk()
        try desk.expectSuccess(["assign", "1", "--to", "layla"])
        try desk.expectSuccess(["reviewer", "deactivate", "layla"])
        let listed = try #require(try desk.json(["reviewer", "list"]) as? [[String: Any]])
        let layla = try #require(listed.first { $0["handle"] as? String == "layla" })
        #expect(layla["active"] as? Bool == false)
        #expect(layla["open_claims"] as? Int == 1)
        #expect(layla["name"] as? String == "Layla Nasser")
        let refused = try desk.run(["start", "1"], as: "layla")
        #expect(refused.status == 77)
        #expect(refused.stderr.contains("reviewer 'layla' is deactivated"))
        let note = try desk.run(["note", "1", "still here"], as: "layla")
        #expect(note.status == 77)
        try desk.expectSuccess(["reviewer", "activate", "layla"])
        try desk.expectSuccess(["start", "1"], as: "layla")
    }

    @Test func mineListsTheClaimsAssignedToTheActingReviewer() throws {
        let desk = try Binary.seededDesk()
        try desk.expectSuccess(["claim", "add", "--source", "2", "--text", "استمرت حوالي أربع ساعات"])
        try desk.expectSuccess(["assign", "2", "--to", "omar"])
        let mine = try #require(try desk.json(["claim", "list", "--mine"], as: "omar") as? [[String: Any]])
        #expect(mine.map { $0["id"] as? Int } == [2])
        let unassigned = try #require(try desk.json(["claim", "list", "--unassigned"]) as? [[String: Any]])
        #expect(unassigned.map { $0["id"] as? Int } == [1])
        let bySource = try #require(try desk.json(["claim", "list", "--source", "2", "--status", "assigned"]) as? [[String: Any]])
        #expect(bySource.map { $0["id"] as? Int } == [2])
    }

    @Test func historyReadsLikeALogAndCanBeOneLinePerEvent() throws {
        let desk = try Binary.seededDesk()
        try desk.expectSuccess(["assign", "1", "--to", "layla", "--note", "urgent: on air at six"])
        let log = try desk.run(["history", "1"]).stdout
        #expect(log.hasPrefix("event 11  assign\nActor: sara\nDate:  "))
        #expect(log.contains("On:    claim 1  new -> assigned"))
        #expect(log.contains("    assigned to layla"))
        #expect(log.contains("    note: urgent: on air at six"))
        let lines = try desk.run(["history", "--oneline"]).stdout.split(separator: "\n")
        #expect(lines.count == 11)
        #expect(lines.first?.contains("sara  assign  new -> assigned  to layla") == true)
        #expect(lines.last?.contains("desk.create") == true)
    }

    @Test func workflowShowDescribesTheDesksWorkflow() throws {
        let desk = try Binary.seededDesk()
        let workflow = try #require(try desk.json(["workflow", "show"]) as? [String: Any])
        #expect(workflow["name"] as? String == "standard")
        let transitions = try #require(workflow["transitions"] as? [[String: Any]])
        let verify = try #require(transitions.first { $0["name"] as? String == "verify" })
        #expect(verify["evidence"] as? Int == 1 && verify["note"] as? Bool == true)
        let text = try desk.run(["workflow", "show"]).stdout
        #expect(text.contains("verify        assigned, in_review"))
    }

    @Test(arguments: Backend.tested)
    func aHandleThatDiffersOnlyInCaseIsRefused(_ backend: Backend) async throws {
        let desk = try Binary.seededDesk(on: backend)
        let events = try desk.eventCount()
        for handle in ["Layla", "LAYLA", "Nadia", "ÉLODIE"] {
            let result = try desk.run(["reviewer", "add", handle])
            #expect(result.status == 65, "\(handle): \(result.stderr)")
            #expect(result.stderr.contains("a handle is written in lowercase, so that no two differ only in case: add '\(handle.lowercased())'"),
                    "\(result.stderr)")
        }
        #expect(try desk.eventCount() == events)
        try desk.expectSuccess(["reviewer", "add", "nadia"])
        #expect(try desk.run(["reviewer", "add", "nadia"]).status == 65)
    }
}
