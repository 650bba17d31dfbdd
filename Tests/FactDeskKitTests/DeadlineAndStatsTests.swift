import Foundation
import Synchronization
import Testing
@testable import FactDeskKit

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let now: Mutex<Date>
    init(_ start: Date = Date(timeIntervalSince1970: 1_745_000_000)) { now = Mutex(start) }
    var date: Date { now.withLock { $0 } }
    func advance(_ seconds: Double) { now.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

@Suite struct DeadlineTests {
    let now = Date(timeIntervalSince1970: 1_745_000_000)  // 2025-04-18T18:13:20Z

    @Test(arguments: [("2h", 7_200.0), ("30m", 1_800), ("3d", 259_200), ("1w", 604_800)])
    func relativeDeadlinesCountFromNow(text: String, seconds: Double) throws {
        #expect(try Deadline.parse(text, now: now) == now.addingTimeInterval(seconds))
    }

    @Test func aDayIsDueByItsEndAndATimeIsUTC() throws {
        #expect(ISO8601.string(from: try Deadline.parse("2025-04-20", now: now)) == "2025-04-20T23:59:00.000Z")
        #expect(ISO8601.string(from: try Deadline.parse("2025-04-20T18:30", now: now)) == "2025-04-20T18:30:00.000Z")
    }

    @Test(arguments: ["2025-04-01", "yesterday", "2h30", "2025-02-30", "2025-04-20T25:00", "-2h", "0d"])
    func aPastOrMalformedDeadlineIsRefused(text: String) {
        #expect(throws: DeskError.self) { _ = try Deadline.parse(text, now: now) }
    }

    @Test func aDeadlinePastTheYear9999IsRefusedFromTheCommandLineAndFromASpreadsheet() async throws {
        #expect(throws: DeskError.self) { _ = try Deadline.parse("3000000d", now: now) }
        #expect(throws: DeskError.self) { _ = try Deadline.parse("20000000000w", now: now) }
        let store = try await ClaimStore.inMemory(
            workflow: try WorkflowSource.named("standard"), editor: NewReviewer(handle: "sara", role: .editor))
        try await store.team.addReviewer(NewReviewer(handle: "layla"), by: "sara")
        _ = try await store.imports.addSource(NewSource(body: try seedArticle()), by: "sara")
        let outcomes = try await store.imports.importPlan([ClaimCSV.Row(line: 2, id: 1, assignee: "layla", due: "20000000000w")], by: "sara")
        guard case .refused(let why) = try #require(outcomes.first).result else {
            Issue.record("the row was applied: \(outcomes)")
            return
        }
        #expect(why.contains("after the year 9999"))
        #expect(try await store.review.claim(1).assignee == nil)
    }
}

@Suite struct StatsTests {
    func desk(_ clock: TestClock) async throws -> ClaimStore {
        let store = try await ClaimStore.inMemory(
            workflow: try WorkflowSource.named("standard"), editor: NewReviewer(handle: "sara", role: .editor),
            clock: { clock.date })
        try await store.team.addReviewer(NewReviewer(handle: "layla"), by: "sara")
        _ = try await store.imports.addSource(NewSource(body: try seedArticle()), by: "sara")
        return store
    }

    @Test func overdueClaimsArePastTheirDeadlineAndUndecided() async throws {
        let clock = TestClock()
        let store = try await desk(clock)
        try await store.review.apply(TransitionCommand(transition: "assign", claimIDs: [1, 2, 3], actor: "sara", assignee: "layla",
                                                due: clock.date.addingTimeInterval(7_200)))
        try await store.review.apply(TransitionCommand(transition: "verify", claimIDs: [3], actor: "layla", note: "ok",
                                                evidence: [NewEvidence(url: "https://example.org", stance: .supports)]))
        let finals = ["verified", "disputed", "unverifiable", "skipped"]
        #expect(try await store.review.claims(ClaimFilter(overdueAt: clock.date.addingTimeInterval(3_600), finalStates: finals)).isEmpty)
        let late = try await store.review.claims(ClaimFilter(overdueAt: clock.date.addingTimeInterval(10_800), finalStates: finals))
        #expect(late.map(\.id) == [1, 2])
        let byDue = try await store.review.claims(ClaimFilter(limit: 4, order: .due)).map(\.id)
        #expect(byDue == [1, 2, 3, 4])
        var dues: [String?] = []
        try await store.audit.history(claimID: 1) { if $0.action == "assign" { dues.append($0.payload.transition?.due) } }
        #expect(dues == [ISO8601.string(from: clock.date.addingTimeInterval(7_200))])
    }

    @Test func statsCountStatesReviewersTimeToVerdictAndTheWeek() async throws {
        let clock = TestClock()
        let store = try await desk(clock)
        try await store.review.apply(TransitionCommand(transition: "assign", claimIDs: [1, 2, 3], actor: "sara", assignee: "layla",
                                                due: clock.date.addingTimeInterval(3_600)))
        clock.advance(5_400)
        try await store.review.apply(TransitionCommand(transition: "verify", claimIDs: [1], actor: "layla", note: "ok",
                                                evidence: [NewEvidence(url: "https://example.org", stance: .supports)]))
        clock.advance(5_400)
        try await store.review.apply(TransitionCommand(transition: "unverifiable", claimIDs: [2], actor: "layla", note: "no records"))
        let stats = try await store.publishing.stats(now: clock.date)
        let states = Dictionary(uniqueKeysWithValues: stats.byState.map { ($0.state, $0.claims) })
        #expect(states["verified"] == 1 && states["unverifiable"] == 1 && states["assigned"] == 1)
        #expect(stats.byState.map(\.state).first == "new")
        #expect(stats.reviewers == [DeskStats.ReviewerLoad(handle: "layla", open: 1, done: 2, overdue: 1)])
        #expect(stats.medianSecondsToVerdict == 8_100)
        #expect(stats.verdictsThisWeek == 2)
        #expect(stats.verdictsPerDay.count == 7 && stats.verdictsPerDay.last?.verdicts == 2)
        #expect(try await store.publishing.stats(now: clock.date.addingTimeInterval(8 * 86_400)).verdictsThisWeek == 0)
    }

    @Test func aReviewerWithOnlyOpenClaimsAndNoDeadlinesHasNoneOverdue() async throws {
        let clock = TestClock()
        let store = try await desk(clock)
        try await store.review.apply(TransitionCommand(transition: "assign", claimIDs: [1, 2], actor: "sara", assignee: "layla"))
        #expect(try await store.publishing.stats(now: clock.date).reviewers == [DeskStats.ReviewerLoad(handle: "layla", open: 2, done: 0, overdue: 0)])
    }
}
