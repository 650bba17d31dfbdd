import Foundation
import Testing

/// The two-person workflow from the command line: a reviewer proposes, a second person decides.
@Suite struct FourEyesTests {
    func desk(_ backend: Backend) throws -> Binary {
        let desk = try Binary(backend: backend)
        try desk.expectSuccess(["init", "--workflow", "two-person"])
        try desk.expectSuccess(["reviewer", "add", "layla"])
        try desk.expectSuccess(["reviewer", "add", "omar", "--role", "editor"])
        try desk.expectSuccess(["reviewer", "add", "zaid"])
        try desk.expectSuccess(["source", "add", packageRoot.appendingPathComponent("seeds/000_9a4494d048ed1904.txt").path,
                                "--no-extract"])
        try desk.expectSuccess(["claim", "add", "--source", "1", "--text", "على مدار 4 ساعات"])
        try desk.expectSuccess(["claim", "add", "--source", "1", "--text", "جولة ثانية من المفاوضات"])
        try desk.expectSuccess(["assign", "1", "2", "--to", "layla"])
        return desk
    }

    func status(_ desk: Binary, _ id: Int) throws -> String? {
        (try desk.json(["claim", "show", String(id)]) as? [String: Any])?["status"] as? String
    }

    @Test(arguments: Backend.tested) func aProposalWaitsForAnotherEditorWhoApprovesIt(_ backend: Backend) throws {
        let desk = try desk(backend)
        try desk.expectSuccess(["verify", "1", "--note", "both sides", "--evidence", "https://example.org"], as: "layla")
        #expect(try status(desk, 1) == "awaiting_approval")
        let byReviewer = try desk.run(["approve", "1"], as: "layla")
        #expect(byReviewer.status == 77 && byReviewer.stderr.contains("only an editor who did not verify or dispute it may"))
        try desk.expectSuccess(["approve", "1"], as: "omar")
        #expect(try status(desk, 1) == "verified")
        let history = try #require(try desk.json(["history", "1", "--limit", "1"]) as? [[String: Any]]).first
        #expect(history?["action"] as? String == "approve" && history?["to"] as? String == "verified")
    }

    @Test(arguments: Backend.tested) func anEditorCannotApproveTheirOwnProposal(_ backend: Backend) throws {
        let desk = try desk(backend)
        try desk.expectSuccess(["dispute", "2", "--note", "wrong round", "--evidence", "https://example.org"], as: "sara")
        let own = try desk.run(["approve", "2"], as: "sara")
        #expect(own.status == 77)
        #expect(own.stderr.contains("sara may not approve claim 2: sara ran 'dispute' on it, and a second person must decide"))
        let ownReject = try desk.run(["reject", "2", "--note", "hmm"], as: "sara")
        #expect(ownReject.status == 77)
        try desk.expectSuccess(["approve", "2"], as: "omar")
        #expect(try status(desk, 2) == "disputed")
    }

    @Test(arguments: Backend.tested) func aRejectedProposalGoesBackForMoreWorkWithANote(_ backend: Backend) throws {
        let desk = try desk(backend)
        try desk.expectSuccess(["verify", "1", "--note", "looks right", "--evidence", "https://example.org"], as: "layla")
        #expect(try desk.run(["reject", "1"], as: "omar").status == 65)
        try desk.expectSuccess(["reject", "1", "--note", "one source is not enough"], as: "omar")
        #expect(try status(desk, 1) == "in_review")
        try desk.expectSuccess(["dispute", "1", "--note", "a second source says five", "--evidence", "https://example.org/2"], as: "layla")
        try desk.expectSuccess(["approve", "1"], as: "sara")
        #expect(try status(desk, 1) == "disputed")
        #expect(try desk.run(["audit", "verify"]).status == 0)
    }

    @Test(arguments: Backend.tested) func reviewersCannotActOnOthersClaimsAssignOrActWhenInactive(_ backend: Backend) throws {
        let desk = try desk(backend)
        let other = try desk.run(["start", "1"], as: "zaid")
        #expect(other.status == 77 && other.stderr.contains("only the assignee may"))
        #expect(try desk.run(["assign", "1", "--to", "zaid"], as: "layla").status == 77)
        try desk.expectSuccess(["reviewer", "deactivate", "layla"])
        for arguments in [["start", "1"], ["note", "1", "x"], ["evidence", "add", "1", "https://x"],
                          ["verify", "1", "--note", "x", "--evidence", "y"]] {
            let refused = try desk.run(arguments, as: "layla")
            #expect(refused.status == 77, "\(arguments)")
            #expect(refused.stderr.contains("deactivated"))
        }
        #expect(try desk.run(["approve", "1"], as: "omar").status == 67)
    }
}
