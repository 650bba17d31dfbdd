import Foundation
import GRDB
import Testing
@testable import FactDeskKit

/// A desk the command line made, holding every action it writes (Fixtures/make-every-action.sh):
/// a desk written before a change to the event model must verify after it, take new writes,
/// and read back to the very bytes its events were hashed with.
@Suite struct EveryActionDeskTests {
    static let fixtures = packageRoot.appendingPathComponent("Tests/FactDeskKitTests/Fixtures")

    /// A copy of the fixture desk in a folder of its own, with its founding editor's key.
    static func copy() async throws -> (store: ClaimStore, path: String) {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("desk.db").path
        try FileManager.default.copyItem(atPath: fixtures.appendingPathComponent("every-action.db").path, toPath: path)
        let keys = folder.appendingPathComponent("keys")
        try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)
        let key = keys.appendingPathComponent("sara.key").path
        try FileManager.default.copyItem(atPath: fixtures.appendingPathComponent("every-action-sara.key").path, toPath: key)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key)
        let store = try await ClaimStore.open(path: path, signer: EventSigner(keys: .folder(keys.path)))
        return (store, path)
    }

    /// Every event of the fixture, its action and its details as stored.
    static func storedDetails() throws -> [(seq: Int64, action: String, details: String)] {
        let queue = try DatabaseQueue(path: fixtures.appendingPathComponent("every-action.db").path,
                                      configuration: { var c = Configuration(); c.readonly = true; return c }())
        defer { try? queue.close() }
        return try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT seq, action, details FROM event ORDER BY seq").map { ($0[0], $0[1], $0[2]) }
        }
    }

    @Test func theFixtureHoldsEveryActionFactDeskWrites() throws {
        let actions = Set(try Self.storedDetails().map(\.action))
        for action in [AuditAction.deskCreate, AuditAction.reviewerAdd, AuditAction.reviewerDeactivate,
                       AuditAction.reviewerActivate, AuditAction.reviewerRole, AuditAction.reviewerPassword,
                       AuditAction.reviewerKey, AuditAction.serviceAdd, AuditAction.serviceRemove, AuditAction.tokenCreate,
                       AuditAction.tokenRevoke, AuditAction.twoFactorEnable, AuditAction.twoFactorDisable,
                       AuditAction.sourceAdd, AuditAction.claimAdd, AuditAction.claimNote, AuditAction.claimEvidence,
                       AuditAction.claimLink, AuditAction.aliasAdd, AuditAction.aliasRemove, AuditAction.checkImport,
                       AuditAction.workflowInstall, "assign", "start", "verify", "dispute", "reopen"] {
            #expect(actions.contains(action), "the fixture has no \(action) event")
        }
    }

    @Test func aDeskThatGainsNotificationsDoesNotTellOfItsPast() async throws {
        let (store, _) = try await Self.copy()
        let round = try await store.notifier.derive(Notifier.Options())
        #expect(round.events == 0 && round.inboxItems == 0)
        try await store.review.apply(TransitionCommand(transition: "assign", claimIDs: [1], actor: "sara", assignee: "layla"))
        let next = try await store.notifier.derive(Notifier.Options())
        let topics = try await store.notifications.inbox(of: "layla").map(\.item.topic)
        #expect(next.events == 1 && topics == [.assigned])
    }

    @Test func aDeskWrittenBeforeVerifiesAndTakesNewWrites() async throws {
        let (store, _) = try await Self.copy()
        let before = try await store.audit.verifyAudit()
        #expect(before.intact, "\(before.problems)")
        #expect(before.events == 112 && before.signaturesChecked == 112)

        try await store.review.addNote(to: 2, body: "a note written after the desk was made", by: "sara")
        try await store.review.apply(TransitionCommand(transition: "assign", claimIDs: [1], actor: "sara", assignee: "layla"))
        let after = try await store.audit.verifyAudit()
        #expect(after.intact, "\(after.problems)")
        #expect(after.events == 114 && after.signaturesChecked == 114)
    }

    @Test func everyStoredEventReadsBackToTheBytesItWasHashedWith() async throws {
        let stored = try Self.storedDetails()
        #expect(stored.count == 112)
        for event in stored {
            let read = EventPayload(action: event.action, details: event.details)
            #expect(read?.canonicalJSON == event.details, "event \(event.seq), \(event.action)")
            #expect(read?.action == event.action)
        }
        // Read through the store, each event hashes again to the hash it holds.
        let (store, _) = try await Self.copy()
        var checked = 0
        try await store.audit.history { event in
            let content = HashChain.Content(
                seq: event.seq ?? 0, at: StoredTime.text(event.at), actor: event.actor, claimID: event.claimID,
                sourceID: event.sourceID, action: event.action, from: event.fromState, to: event.toState,
                details: event.payload.canonicalJSON)
            #expect(HashChain.hash(prev: event.prevHash, content: content) == event.hash, "event \(event.seq ?? 0)")
            checked += 1
        }
        #expect(checked == 112)
    }
}
