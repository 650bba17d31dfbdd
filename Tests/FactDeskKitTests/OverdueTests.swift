import Foundation
import Testing
@testable import FactDeskKit

@Suite struct OverdueTests {
    let due = Date(timeIntervalSince1970: 1_745_000_000)
    let workflow: Workflow

    init() throws {
        workflow = try WorkflowSource.named("standard").workflow
    }

    func claim(state: String, due: Date?) -> Claim {
        Claim(sourceID: 1, text: "x", state: state, version: 1, createdBy: "sara", createdAt: due ?? self.due,
              updatedAt: due ?? self.due, dueAt: due)
    }

    @Test(arguments: [(-1.0, false), (0, false), (0.001, true), (1, true), (86_400, true)])
    func anOpenClaimIsOverdueOnlyOnceItsDeadlineHasPassed(offset: Double, overdue: Bool) {
        #expect(claim(state: "in_review", due: due).isOverdue(at: due.addingTimeInterval(offset), in: workflow) == overdue)
    }

    @Test(arguments: ["verified", "disputed", "unverifiable", "skipped"])
    func aClaimInAFinalStateIsNeverOverdue(state: String) {
        #expect(!claim(state: state, due: due).isOverdue(at: due.addingTimeInterval(86_400), in: workflow))
    }

    @Test func aClaimWithoutADeadlineIsNeverOverdue() {
        #expect(!claim(state: "assigned", due: nil).isOverdue(at: .distantFuture, in: workflow))
    }

    @Test func aStateIsFinalByTheWorkflowItIsJudgedIn() throws {
        let custom = try WorkflowLoader(file: "custom.yaml").load(yaml: """
            name: custom
            states:
              new: { initial: true }
              verified: {}
              done: { final: true }
            transitions:
              check: { from: [new], to: verified, by: [editor] }
              close: { from: [verified], to: done, by: [editor] }
            """)
        let late = due.addingTimeInterval(60)
        #expect(claim(state: "verified", due: due).isOverdue(at: late, in: custom))
        #expect(!claim(state: "done", due: due).isOverdue(at: late, in: custom))
    }

    @Test func theListingFilterAgreesWithTheRuleAtTheDeadline() async throws {
        let clock = TestClock()
        let store = try await StatsTests().desk(clock)
        try await store.review.apply(TransitionCommand(transition: "assign", claimIDs: [1], actor: "sara", assignee: "layla",
                                          due: clock.date.addingTimeInterval(3_600)))
        let stored = try await store.review.claim(1)
        let deadline = try #require(stored.dueAt)
        for moment in [deadline, deadline.addingTimeInterval(0.001), deadline.addingTimeInterval(1)] {
            let listed = try await store.review.claims(ClaimFilter(overdueAt: moment, finalStates: workflow.finalStates))
            #expect(listed.map(\.id) == (stored.isOverdue(at: moment, in: workflow) ? [1] : []))
        }
    }
}
