import Foundation
import GRDB
import Testing
@testable import FactDeskKit

@Suite struct LoginStoreTests {
    private func desk(_ clock: TestClock) async throws -> ClaimStore {
        let store = try await ClaimStore.inMemory(workflow: try WorkflowSource.named("standard"),
                                                  editor: NewReviewer(handle: "sara", role: .editor), clock: { clock.date })
        try await store.logins.setPassword("editor desk phrase 9", for: "sara", by: "sara", cost: 4)
        return store
    }

    @Test func aSessionEndsAfterTwelveHoursUnused() async throws {
        let clock = TestClock()
        let store = try await desk(clock)
        let login = try await store.logins.logIn(handle: "sara", password: "editor desk phrase 9", address: "a")
        clock.advance(11.9 * 3_600)
        #expect(try await store.logins.session(secret: login.secret.text) != nil)
        clock.advance(11.9 * 3_600)  // used 11.9 h ago: still open
        #expect(try await store.logins.session(secret: login.secret.text) != nil)
        clock.advance(12.1 * 3_600)
        #expect(try await store.logins.session(secret: login.secret.text) == nil)
    }

    @Test func aSessionEndsSevenDaysAfterTheLoginHoweverOftenItIsUsed() async throws {
        let clock = TestClock()
        let store = try await desk(clock)
        let login = try await store.logins.logIn(handle: "sara", password: "editor desk phrase 9", address: "a")
        for _ in 0..<16 {
            clock.advance(10 * 3_600)
            #expect(try await store.logins.session(secret: login.secret.text) != nil)
        }
        clock.advance(10 * 3_600)  // 170 h since the login
        #expect(try await store.logins.session(secret: login.secret.text) == nil)
    }

    @Test func eachLoginGetsANewTokenAndOnlyItsMACUnderTheSessionKeyIsStored() async throws {
        let clock = TestClock()
        let store = try await desk(clock)
        let first = try await store.logins.logIn(handle: "sara", password: "editor desk phrase 9", address: "a")
        let second = try await store.logins.logIn(handle: "sara", password: "editor desk phrase 9", address: "a")
        #expect(first.secret != second.secret)
        let stored = try await store.writer.read { try String.fetchAll($0, sql: "SELECT token_hash FROM login_session") }
        let key = try store.signer.keys.sessionKey(service: store.signer.service)
        #expect(Set(stored) == Set([first.secret.mac(key), second.secret.mac(key)]))
        #expect(!stored.contains(first.secret.text) && !stored.contains(first.secret.digest))
    }

    @Test func aPasswordWhoseEventPredatesDigestsMustBeSetAgain() async throws {
        let clock = TestClock()
        let store = try await desk(clock)
        // As a desk made before password events held their digest: the newest one holds none.
        try await store.storage.writing { tx in
            _ = try await tx.record(AuditEvent(at: clock.date, actor: "sara",
                                     .reviewerPassword(.init(handle: "sara", sha256: nil))), store.signer)
        }
        await #expect(throws: AccessError.passwordPredatesDigests) {
            try await store.logins.logIn(handle: "sara", password: "editor desk phrase 9", address: "a")
        }
        #expect(try await store.audit.verifyAudit().problems.isEmpty)
        try await store.logins.setPassword("editor desk phrase 9", for: "sara", by: "sara", cost: 4)
        #expect(try await store.logins.logIn(handle: "sara", password: "editor desk phrase 9", address: "a").session.reviewer.handle == "sara")
    }

    @Test func aPasswordEventAReviewerSignedForAnEditorOpensNothing() async throws {
        let clock = TestClock()
        let store = try await desk(clock)
        try await store.team.addReviewer(NewReviewer(handle: "layla"), by: "sara")
        // layla writes the desk file with her own registered key: sara's row and an event
        // that accounts for it, in her own name, as only an editor may.
        let hash = PasswordPolicy.hash("laylas way into sara", cost: 4)
        try await store.storage.writing { tx in
            try await tx.setPasswordHash(hash, of: "sara", at: clock.date)
            try await tx.record(AuditEvent(at: clock.date, actor: "layla",
                                     .reviewerPassword(.init(handle: "sara", sha256: sha256Hex(hash)))), store.signer)
        }
        await #expect(throws: AccessError.wrongCredentials) {
            try await store.logins.logIn(handle: "sara", password: "laylas way into sara", address: "a")
        }
        #expect(try await store.audit.verifyAudit().problems.contains { $0.kind == .notAllowed })
    }

    @Test func aLockoutLastsFifteenMinutes() async throws {
        let clock = TestClock()
        let store = try await desk(clock)
        for _ in 0..<5 {
            await #expect(throws: AccessError.wrongCredentials) { try await store.logins.logIn(handle: "sara", password: "nope nope nope", address: "a") }
        }
        await #expect(throws: AccessError.lockedOut(minutes: 15)) {
            try await store.logins.logIn(handle: "sara", password: "editor desk phrase 9", address: "b")
        }
        clock.advance(0.24 * 3_600)
        await #expect(throws: AccessError.lockedOut(minutes: 1)) {
            try await store.logins.logIn(handle: "sara", password: "editor desk phrase 9", address: "b")
        }
        clock.advance(0.02 * 3_600)
        #expect(try await store.logins.logIn(handle: "sara", password: "editor desk phrase 9", address: "b").session.reviewer.handle == "sara")
    }
}
