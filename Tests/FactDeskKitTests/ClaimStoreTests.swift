import Foundation
import GRDB
import Testing
@testable import FactDeskKit

@Suite struct ClaimStoreTests {
    @Test func aClaimMovesToAVerdictAndEveryStepIsInTheHistory() async throws {
        let desk = try await Fixture()
        try await desk.move("assign", by: "sara", to: "layla")
        try await desk.move("start", by: "layla")
        try await desk.move("verify", by: "layla", note: "both delegations confirm four hours", evidence: ["https://example.org/x"])
        let detail = try await desk.store.review.claimDetail(desk.claimID)
        #expect(detail.claim.state == "verified")
        #expect(detail.claim.assignee == "layla")
        #expect(detail.claim.version == 4)
        #expect(detail.notes.map(\.body) == ["both delegations confirm four hours"])
        #expect(detail.evidence.map(\.url) == ["https://example.org/x"])
        #expect(detail.history.map(\.action) == ["claim.add", "assign", "start", "verify"])
        #expect(detail.history.map(\.toState) == ["new", "assigned", "in_review", "verified"])
        #expect(detail.history[1].payload.transition?.assignee == "layla")
        #expect(detail.history[3].payload.transition?.note == "both delegations confirm four hours")
        #expect(detail.history.map(\.actor) == ["sara", "sara", "layla", "layla"])
    }

    @Test func theClaimKeepsItsExactSpanInTheSource() async throws {
        let desk = try await Fixture()
        let claim = try await desk.store.review.claim(desk.claimID)
        let body = try seedArticle()
        let span = try #require(claim.spanStart.flatMap { start in claim.spanEnd.map { start..<$0 } })
        #expect(TextSpan.slice(body, span) == Fixture.claimText)
        #expect(Array(body.unicodeScalars)[span].count == Fixture.claimText.unicodeScalars.count)
    }

    @Test func wordsThatAreNotInTheSourceAreRefusedUnlessAParaphrase() async throws {
        let desk = try await Fixture()
        await #expect(throws: DeskError.textNotInSource(source: 1)) {
            try await desk.store.review.addClaim(sourceID: 1, text: "استمرت خمس ساعات", by: "sara")
        }
        let paraphrase = try await desk.store.review.addClaim(sourceID: 1, text: "استمرت خمس ساعات", paraphrase: true, by: "sara")
        #expect(paraphrase.spanStart == nil && paraphrase.spanEnd == nil)
    }

    @Test func aReviewerCannotAssignNorActOnSomeoneElsesClaim() async throws {
        let desk = try await Fixture()
        await #expect(throws: DeskError.notPermitted(actor: "layla", transition: "assign", claim: desk.claimID, who: "an editor")) {
            try await desk.move("assign", by: "layla", to: "layla")
        }
        try await desk.move("assign", by: "sara", to: "layla")
        await #expect(throws: DeskError.notPermitted(actor: "omar", transition: "start", claim: desk.claimID, who: "the assignee")) {
            try await desk.move("start", by: "omar")
        }
        await #expect(throws: DeskError.editorOnly(actor: "omar", action: "add reviewers")) {
            try await desk.store.team.addReviewer(NewReviewer(handle: "x"), by: "omar")
        }
    }

    @Test func anInactiveReviewerCanDoNothing() async throws {
        let desk = try await Fixture()
        try await desk.move("assign", by: "sara", to: "layla")
        try await desk.store.team.setReviewer("layla", active: false, by: "sara")
        await #expect(throws: DeskError.reviewerInactive("layla")) { try await desk.move("start", by: "layla") }
        await #expect(throws: DeskError.reviewerInactive("layla")) { try await desk.store.review.addNote(to: desk.claimID, body: "x", by: "layla") }
        await #expect(throws: DeskError.reviewerInactive("layla")) { try await desk.move("assign", by: "sara", to: "layla") }
        try await desk.store.team.setReviewer("layla", active: true, by: "sara")
        try await desk.move("start", by: "layla")
        #expect(try await desk.store.review.claim(desk.claimID).state == "in_review")
    }

    @Test func theLastActiveEditorCannotBeDeactivated() async throws {
        let desk = try await Fixture()
        await #expect(throws: DeskError.lastEditor("sara")) { try await desk.store.team.setReviewer("sara", active: false, by: "sara") }
    }

    @Test func aCommandOnSeveralClaimsChangesAllOrNone() async throws {
        let desk = try await Fixture()
        let second = try await desk.store.review.addClaim(sourceID: 1, text: "جولة ثانية من المفاوضات", by: "sara").id ?? 0
        try await desk.move("skip", by: "sara", note: "opinion", ids: [second])
        let before = try await desk.eventCount()
        await #expect(throws: DeskError.self) { try await desk.move("assign", by: "sara", to: "layla", ids: [desk.claimID, second]) }
        #expect(try await desk.store.review.claim(desk.claimID).state == "new")
        #expect(try await desk.store.review.claim(desk.claimID).assignee == nil)
        #expect(try await desk.eventCount() == before)
    }

    @Test func aRefusedTransitionWritesNothing() async throws {
        let desk = try await Fixture()
        try await desk.move("assign", by: "sara", to: "layla")
        let before = try await desk.eventCount()
        await #expect(throws: DeskError.evidenceRequired(transition: "verify", needed: 1, given: 0)) {
            try await desk.move("verify", by: "layla", note: "looks right")
        }
        let detail = try await desk.store.review.claimDetail(desk.claimID)
        #expect(detail.notes.isEmpty && detail.claim.version == 2 && detail.claim.state == "assigned")
        #expect(try await desk.eventCount() == before)
    }

    @Test func evidenceAddedEarlierCountsTowardsAVerdict() async throws {
        let desk = try await Fixture()
        try await desk.move("assign", by: "sara", to: "layla")
        try await desk.store.review.addEvidence(to: desk.claimID, NewEvidence(url: "Tasnim, 19 April", stance: .supports), by: "omar")
        try await desk.move("verify", by: "layla", note: "matches the agency report")
        #expect(try await desk.store.review.claim(desk.claimID).state == "verified")
    }

    @Test func aClaimChangedSinceItWasReadIsAConflict() async throws {
        let desk = try await Fixture()
        try await desk.move("assign", by: "sara", to: "layla")
        let seen = try await desk.store.review.versions(of: [desk.claimID])
        try await desk.store.review.addNote(to: desk.claimID, body: "checking the agency wire", by: "omar")
        await #expect {
            try await desk.store.review.apply(TransitionCommand(transition: "start", claimIDs: [desk.claimID], actor: "layla",
                                                         expectedVersions: seen))
        } throws: { error in
            guard case .versionConflict(_, 2, 3, let change) = error as? DeskError else { return false }
            return change?.contains("omar ran claim.note") == true
        }
        #expect(try await desk.store.review.claim(desk.claimID).state == "assigned")
    }

    @Test func reimportingTheSameTextChangesNothing() async throws {
        let desk = try await Fixture()
        let before = try await desk.eventCount()
        let again = try await desk.store.imports.addSource(NewSource(body: try seedArticle()), by: "layla")
        guard case .existing(let source) = again else {
            Issue.record("expected the existing source, got \(again)")
            return
        }
        #expect(source.id == 1)
        #expect(try await desk.store.imports.sources().count == 1)
        #expect(try await desk.eventCount() == before)
    }

    @Test func anArticleIsStoredVerbatimWithItsDigestAndLanguage() async throws {
        let desk = try await Fixture()
        let source = try await desk.store.imports.source(1).source
        #expect(source.body == (try seedArticle()))
        #expect(source.sha256 == sha256Hex(try seedArticle()))
        #expect(source.language == "ar")
        #expect(source.title.hasPrefix("( CNN )"))
    }

    @Test(arguments: ["2025-02-30", "2025-13-01", "19/04/2025", "2025-4-19"])
    func anImpossiblePublicationDateIsRefused(date: String) async throws {
        let desk = try await Fixture()
        await #expect(throws: DeskError.self) {
            _ = try await desk.store.imports.addSource(NewSource(body: "نص جديد", publishedOn: date), by: "sara")
        }
    }

    @Test func historyNotesAndEvidenceCannotBeUpdatedDeletedOrReplaced() async throws {
        let desk = try await Fixture()
        try await desk.store.review.addNote(to: desk.claimID, body: "first look", by: "sara")
        try await desk.store.review.addEvidence(to: desk.claimID, NewEvidence(url: "https://example.org", stance: .context), by: "sara")
        let statements = [
            "UPDATE event SET actor = 'mallory' WHERE seq = 1",
            "DELETE FROM event WHERE seq = 2",
            "INSERT OR REPLACE INTO event (seq, at, actor, action, details) VALUES (1, '2020-01-01', 'mallory', 'desk.create', '{}')",
            "REPLACE INTO event (seq, at, actor, action, details) VALUES (3, '2020-01-01', 'mallory', 'x.y', '{}')",
            "INSERT INTO event (seq, at, actor, action, details) VALUES (1000, '2020-01-01', 'mallory', 'x.y', '{}')",
            "UPDATE note SET body = 'x'",
            "DELETE FROM evidence",
        ]
        var events: [AuditEvent] = []
        try await desk.store.audit.history { events.append($0) }
        for sql in statements {
            #expect(throws: DatabaseError.self, "\(sql)") {
                try desk.store.writer.write { try $0.execute(sql: sql) }
            }
        }
        var after: [AuditEvent] = []
        try await desk.store.audit.history { after.append($0) }
        #expect(after == events)
    }

    @Test func historyCanBeReadForOneClaimNewestFirst() async throws {
        let desk = try await Fixture()
        try await desk.move("assign", by: "sara", to: "layla")
        try await desk.store.review.addNote(to: desk.claimID, body: "first look", by: "layla")
        var actions: [String] = []
        try await desk.store.audit.history(claimID: desk.claimID) { actions.append($0.action) }
        #expect(actions == ["claim.note", "assign", "claim.add"])
        var limited: [Int64] = []
        try await desk.store.audit.history(limit: 2) { limited.append($0.seq ?? 0) }
        #expect(limited.count == 2 && limited[0] > limited[1])
        await #expect(throws: DeskError.claimNotFound(99)) { try await desk.store.audit.history(claimID: 99) { _ in } }
    }

    @Test func anEmptyOrHugeNoteIsRefused() async throws {
        let desk = try await Fixture()
        await #expect(throws: DeskError.self) { try await desk.store.review.addNote(to: desk.claimID, body: "  \n ", by: "sara") }
        await #expect(throws: DeskError.self) {
            try await desk.store.review.addNote(to: desk.claimID, body: String(repeating: "ب", count: maximumNoteLength + 1), by: "sara")
        }
        #expect(try await desk.store.review.claimDetail(desk.claimID).notes.isEmpty)
    }

    @Test func listingFiltersByStateAssigneeAndSource() async throws {
        let desk = try await Fixture()
        let second = try await desk.store.review.addClaim(sourceID: 1, text: "جولة ثانية من المفاوضات", by: "sara").id ?? 0
        try await desk.move("assign", by: "sara", to: "layla")
        #expect(try await desk.store.review.claims(ClaimFilter(states: ["assigned"])).map(\.id) == [desk.claimID])
        #expect(try await desk.store.review.claims(ClaimFilter(assignment: .unassigned)).map(\.id) == [second])
        #expect(try await desk.store.review.claims(ClaimFilter(assignment: .assignedTo("layla"))).map(\.id) == [desk.claimID])
        #expect(try await desk.store.review.claims(ClaimFilter(states: ["new", "assigned"], limit: 1)).count == 1)
        #expect(try await desk.store.review.claims(ClaimFilter(sourceID: 2)).isEmpty)
    }
}

/// Which evidence is an address, and which addresses are accepted.
@Suite struct WebLinkTests {
    @Test(arguments: [("javascript:alert(1)", true), ("data:text/html,x", true), ("https://a.example/x", true),
                      ("Reuters: the report of Monday", false), ("تقرير الوكالة: 2025", false), ("see p. 4", false),
                      (":x", false), ("1x:y", false)])
    func anAddressIsTextWithAScheme(text: String, isAddress: Bool) {
        #expect(WebLink.hasScheme(text) == isAddress)
    }

    @Test func evidenceThatIsAnAddressMustBeHTTPAndACitationIsAnyText() async throws {
        let store = try await ClaimStore.inMemory(
            workflow: try WorkflowSource.named("standard"), editor: NewReviewer(handle: "sara", role: .editor))
        _ = try await store.imports.addSource(NewSource(body: try seedArticle()), by: "sara")
        await #expect(throws: DeskError.self) { try await store.review.addEvidence(to: 1, NewEvidence(url: "javascript:alert(1)", stance: .context), by: "sara") }
        await #expect(throws: DeskError.self) { _ = try await store.imports.addSource(NewSource(body: "نص آخر طويل بما يكفي.", url: "ftp://x.example/a"), by: "sara") }
        _ = try await store.review.addEvidence(to: 1, NewEvidence(url: "Reuters: the report of Monday", stance: .context), by: "sara")
        _ = try await store.review.addEvidence(to: 1, NewEvidence(url: "https://www.iaea.org/report", stance: .supports), by: "sara")
    }
}
