import Foundation
import GRDB
import Testing
@testable import FactDeskKit

/// `audit verify` checks a long history in two halves at once; the two halves joined must
/// find exactly what one pass over the whole history finds, intact or tampered.
@Suite struct AuditHalvesTests {
    /// A desk file with the sample articles, some reviewed claims, and its event count.
    func desk() throws -> (store: ClaimStore, path: String, events: Int64) {
        let path = try temporaryFolder().appendingPathComponent("desk.db").path
        let store = try ClaimStore.create(path: path, workflow: try WorkflowSource.named("standard"),
                                          editor: NewReviewer(handle: "sara", role: .editor))
        try store.addReviewer(NewReviewer(handle: "layla"), by: "sara")
        let seeds = packageRoot.appendingPathComponent("seeds")
        let articles = try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted().map {
            NewSource(body: try String(contentsOf: seeds.appendingPathComponent($0), encoding: .utf8))
        }
        _ = try store.addSources(articles, by: "sara")
        try store.apply(TransitionCommand(transition: "assign", claimIDs: Array(1...40), actor: "sara", assignee: "layla"))
        try store.apply(TransitionCommand(transition: "start", claimIDs: Array(30...40), actor: "layla"))
        try store.apply(TransitionCommand(transition: "verify", claimIDs: [35, 12], actor: "sara", note: "ok",
                                          evidence: [NewEvidence(url: "https://example.org", stance: .supports)]))
        return (store, path, try store.auditHead().seq)
    }

    func expectHalvesAgree(_ store: ClaimStore, anchor: (seq: Int64, hash: String)? = nil) throws -> AuditReport {
        let whole = try store.verifyAudit(anchor: anchor, parallelFrom: .max)
        let halves = try store.verifyAudit(anchor: anchor, parallelFrom: 2)
        #expect(halves == whole)
        return halves
    }

    @Test func anIntactHistoryIsIntactInHalves() throws {
        let (store, _, events) = try desk()
        let report = try expectHalvesAgree(store)
        #expect(report.intact && Int64(report.events) == events && report.claimsReplayed > 100)
        let anchor = try store.writer.read { db in
            try #require(try Row.fetchOne(db, sql: "SELECT seq, hash FROM event WHERE seq = ?", arguments: [events - 3]))
        }
        #expect(try expectHalvesAgree(store, anchor: (anchor["seq"], anchor["hash"])).intact)
    }

    @Test func tamperingOnEitherSideOfTheMiddleIsFoundInHalves() throws {
        let (store, path, events) = try desk()
        let middle = 1 + (events - 1) / 2
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: """
                DROP TRIGGER event_no_update; DROP TRIGGER event_no_delete;
                UPDATE event SET actor = 'mallory' WHERE seq = 10;
                DELETE FROM event WHERE seq = ?;
                UPDATE event SET details = '{}' WHERE seq = ?;
                UPDATE claim SET state = 'verified' WHERE id = 3;
                UPDATE claim SET assignee = NULL WHERE id = 38;
                """, arguments: [middle + 1, events - 1])
        }
        try queue.close()
        let report = try expectHalvesAgree(store, anchor: (events - 1, String(repeating: "0", count: 64)))
        let kinds = report.problems.map(\.kind)
        #expect(kinds.filter { $0 == .protectionRemoved }.count == 2)
        #expect(report.problems.contains { $0.kind == .contentChanged && $0.seq == 10 })
        #expect(report.problems.contains { $0.kind == .eventMissing && $0.seq == middle + 1 })
        #expect(report.problems.contains { $0.kind == .contentChanged && $0.seq == events - 1 })
        #expect(report.problems.contains { $0.kind == .anchorMismatch })
        #expect(report.problems.contains { $0.kind == .stateMismatch && $0.claimID == 3 })
        #expect(report.problems.contains { $0.kind == .stateMismatch && $0.claimID == 38 })
    }
}
