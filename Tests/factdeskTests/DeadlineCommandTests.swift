import Foundation
import Testing

@Suite struct DeadlineCommandTests {
    @Test(arguments: Backend.tested) func assignSetsADeadlineThatListingsAndStatsShow(_ backend: Backend) async throws {
        let desk = try Binary.seededDesk(on: backend)
        try desk.expectSuccess(["claim", "add", "--source", "2", "--text", "استمرت حوالي أربع ساعات"])
        try desk.expectSuccess(["assign", "2", "--to", "layla", "--due", "2099-01-01T09:30"])
        try desk.expectSuccess(["assign", "1", "--to", "layla", "--due", "3d"])
        let claims = try #require(try desk.json(["claim", "list", "--sort", "due"]) as? [[String: Any]])
        #expect(claims.map { $0["id"] as? Int } == [1, 2])
        #expect(claims.last?["due_at"] as? String == "2099-01-01T09:30:00.000Z")
        #expect(try #require(try desk.json(["claim", "list", "--overdue"]) as? [Any]).isEmpty)
        let shown = try desk.run(["claim", "show", "2"]).stdout
        #expect(shown.contains("due      2099-01-01T09:30:00.000Z\n"))
        let before = try desk.eventCount()
        let bad = try desk.run(["assign", "1", "--to", "omar", "--due", "2001-01-01"])
        #expect(bad.status == 65 && bad.stderr.contains("the deadline 2001-01-01 has passed"))
        #expect(try desk.eventCount() == before)
        let stats = try #require(try desk.json(["stats"]) as? [String: Any])
        #expect((stats["states"] as? [String: Int])?["assigned"] == 2)
        let reviewers = try #require(stats["reviewers"] as? [[String: Any]])
        #expect(reviewers.first?["handle"] as? String == "layla" && reviewers.first?["open"] as? Int == 2)
        #expect((stats["verdicts_per_day"] as? [Any])?.count == 7)
        #expect(stats.keys.contains("median_seconds_to_verdict"))
        let text = try desk.run(["stats"]).stdout
        #expect(text.contains("REVIEWER  OPEN  DONE  OVERDUE\nlayla     2     0     0"))
        #expect(text.contains("median time from assignment to verdict: no verdicts yet"))
    }

    @Test(arguments: ["20000000000w", "3000000d", "9223372036854775807m"])
    func aDeadlinePastTheYear9999IsRefusedAndChangesNothing(_ due: String) async throws {
        let desk = try Binary.seededDesk(on: .file)
        let before = try desk.eventCount()
        let refused = try desk.run(["assign", "1", "--to", "layla", "--due", due])
        #expect(refused.status == 65)
        #expect(refused.stderr == "factdesk: error: the deadline \(due) is after the year 9999; give a nearer one\n")
        #expect(try desk.eventCount() == before)
        try desk.expectSuccess(["assign", "1", "--to", "layla", "--due", "9999-12-30"])
        let shown = try desk.run(["claim", "show", "1"]).stdout
        #expect(shown.contains("due      9999-12-30T23:59:00.000Z\n"), "\(shown)")
    }
}
