import Foundation
import GRDB
import Testing
@testable import FactDeskKit

/// An authenticator app, as far as the tests need one: reads an `otpauth://` URI and
/// computes codes from what the URI says (its Base32 secret), not from the desk.
struct Authenticator {
    let secret: OneTimeCodes
    let query: [String: String]
    let label: String

    init(uri: String) throws {
        let components = try #require(URLComponents(string: uri))
        #expect(components.scheme == "otpauth")
        #expect(components.host == "totp")
        label = String(components.path.dropFirst())
        query = Dictionary(uniqueKeysWithValues: (components.queryItems ?? []).map { ($0.name, $0.value ?? "") })
        let text = try #require(query["secret"])
        let bytes = try #require(Self.base32(text))
        let key = try #require(String(validating: bytes, as: UTF8.self))
        secret = OneTimeCodes(secret: key)
    }

    func code(at date: Date) -> String { secret.code(step: OneTimeCodes.step(at: date)) }

    /// RFC 4648 Base32, upper case, padding optional.
    static func base32(_ text: String) -> [UInt8]? {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var bits = 0, value = 0
        var bytes: [UInt8] = []
        for character in text where character != "=" {
            guard let index = alphabet.firstIndex(of: character) else { return nil }
            value = value << 5 | index
            bits += 5
            if bits >= 8 {
                bytes.append(UInt8((value >> (bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return bytes
    }
}

@Suite struct TwoFactorTests {
    static let password = "editor desk phrase 9"
    static let reviewerPassword = "correct horse battery"

    private func desk(_ clock: TestClock) async throws -> ClaimStore {
        let store = try await ClaimStore.inMemory(workflow: try WorkflowSource.named("standard"),
                                                  editor: NewReviewer(handle: "sara", role: .editor), clock: { clock.date })
        try await store.team.addReviewer(NewReviewer(handle: "layla"), by: "sara")
        try await store.logins.setPassword(Self.password, for: "sara", by: "sara", cost: 4)
        try await store.logins.setPassword(Self.reviewerPassword, for: "layla", by: "sara", cost: 4)
        return store
    }

    /// RFC 6238, appendix B: the SHA1 rows (the last six of their eight digits), with the
    /// 20-byte ASCII secret "12345678901234567890".
    @Test(arguments: [(59.0, "287082"), (1_111_111_109, "081804"), (1_111_111_111, "050471"),
                      (1_234_567_890, "005924"), (2_000_000_000, "279037"), (20_000_000_000, "353130")])
    func theRFC6238VectorsComeOut(seconds: Double, code: String) {
        let codes = OneTimeCodes(secret: "12345678901234567890")
        let date = Date(timeIntervalSince1970: seconds)
        #expect(codes.code(at: date) == code)
        #expect(codes.code(step: OneTimeCodes.step(at: date)) == code)
        #expect(codes.matchingStep(code, at: date, after: 0) == OneTimeCodes.step(at: date))
    }

    @Test func theURIFollowsTheKeyUriFormatAndHoldsTheSecret() async throws {
        let clock = TestClock()
        let store = try await desk(clock)
        let enrollment = try await store.logins.enableTwoFactor(for: "sara", by: "sara")
        let app = try Authenticator(uri: enrollment.uri)
        #expect(app.label == "FactDesk:sara@\(try await store.team.deskInfo().name)")
        #expect(app.query["issuer"] == "FactDesk")
        #expect(app.query["algorithm"] == "SHA1")
        #expect(app.query["digits"] == "6")
        #expect(app.query["period"] == "30")
        let stored = try await store.writer.read { try String.fetchOne($0, sql: "SELECT secret FROM second_factor") }
        #expect(app.secret.secret == stored)
        #expect(enrollment.recoveryCodes.count == 10)
        #expect(Set(enrollment.recoveryCodes).count == 10)
    }

    @Test func aLoginWithTwoFactorNeedsTheCurrentCodeOnceAndNoOtherCode() async throws {
        let clock = TestClock()
        let store = try await desk(clock)
        let app = try Authenticator(uri: try await store.logins.enableTwoFactor(for: "sara", by: "sara").uri)
        await #expect(throws: AccessError.secondFactorMissing) {
            try await store.logins.logIn(handle: "sara", password: Self.password, address: "a")
        }
        let current = app.code(at: clock.date)
        let near = (-1...1).map { app.code(at: clock.date.addingTimeInterval(Double($0 * 30))) }
        let wrong = try #require(["123456", "654321", "111111", "222222"].first { !near.contains($0) })
        await #expect(throws: AccessError.wrongSecondFactor) {
            try await store.logins.logIn(handle: "sara", password: Self.password, address: "a", code: wrong)
        }
        await #expect(throws: AccessError.wrongCredentials) {
            try await store.logins.logIn(handle: "sara", password: "not the password", address: "a", code: current)
        }
        _ = try await store.logins.logIn(handle: "sara", password: Self.password, address: "a", code: current)
        await #expect(throws: AccessError.wrongSecondFactor) {
            try await store.logins.logIn(handle: "sara", password: Self.password, address: "a", code: current)
        }
        // A phone 30 s ahead is let in once; a code two steps old is not.
        let ahead = app.code(at: clock.date.addingTimeInterval(30))
        _ = try await store.logins.logIn(handle: "sara", password: Self.password, address: "a", code: ahead)
        clock.advance(90)
        // From another address: this is the fifth refusal, which would lock address "a".
        await #expect(throws: AccessError.wrongSecondFactor) {
            try await store.logins.logIn(handle: "sara", password: Self.password, address: "e", code: app.code(at: clock.date.addingTimeInterval(-60)))
        }
        _ = try await store.logins.logIn(handle: "sara", password: Self.password, address: "a", code: app.code(at: clock.date))
    }

    @Test func aRecoveryCodeWorksOnceWhicheverWayItIsTyped() async throws {
        let clock = TestClock()
        let store = try await desk(clock)
        let codes = try await store.logins.enableTwoFactor(for: "layla", by: "layla").recoveryCodes
        let typed = codes[3].uppercased().replacingOccurrences(of: "-", with: " ")
        _ = try await store.logins.logIn(handle: "layla", password: Self.reviewerPassword, address: "a", code: typed)
        await #expect(throws: AccessError.wrongSecondFactor) {
            try await store.logins.logIn(handle: "layla", password: Self.reviewerPassword, address: "a", code: codes[3])
        }
        _ = try await store.logins.logIn(handle: "layla", password: Self.reviewerPassword, address: "a", code: codes[4])
        let stored = try await store.writer.read { try String.fetchAll($0, sql: "SELECT digest FROM recovery_code") }
        #expect(stored.count == 10)
        #expect(!stored.contains { digest in codes.contains { digest.contains($0) } })
    }

    @Test func wrongCodesCountTowardTheLockout() async throws {
        let clock = TestClock()
        let store = try await desk(clock)
        let app = try Authenticator(uri: try await store.logins.enableTwoFactor(for: "sara", by: "sara").uri)
        for _ in 0..<5 {
            await #expect(throws: AccessError.secondFactorMissing) { try await store.logins.logIn(handle: "sara", password: Self.password, address: "a") }
        }
        await #expect(throws: AccessError.lockedOut(minutes: 15)) {
            try await store.logins.logIn(handle: "sara", password: Self.password, address: "b", code: app.code(at: clock.date))
        }
    }

    @Test func theRequirementTurnsAwayThoseItCoversWhoHaveNoSecondFactor() async throws {
        let clock = TestClock()
        let store = try await desk(clock)
        await #expect(throws: AccessError.secondFactorRequired(.editors)) {
            try await store.logins.logIn(handle: "sara", password: Self.password, address: "a", requirement: .editors)
        }
        _ = try await store.logins.logIn(handle: "layla", password: Self.reviewerPassword, address: "a", requirement: .editors)
        await #expect(throws: AccessError.secondFactorRequired(.all)) {
            try await store.logins.logIn(handle: "layla", password: Self.reviewerPassword, address: "a", requirement: .all)
        }
        let app = try Authenticator(uri: try await store.logins.enableTwoFactor(for: "sara", by: "sara").uri)
        _ = try await store.logins.logIn(handle: "sara", password: Self.password, address: "a", code: app.code(at: clock.date), requirement: .all)
    }

    @Test func aReviewerMayChangeOnlyTheirOwnAndAnEditorAnyonesWithAnEvent() async throws {
        let clock = TestClock()
        let store = try await desk(clock)
        await #expect(throws: DeskError.self) { try await store.logins.enableTwoFactor(for: "sara", by: "layla") }
        let enrollment = try await store.logins.enableTwoFactor(for: "layla", by: "sara")
        await #expect(throws: DeskError.self) { try await store.logins.disableTwoFactor(for: "sara", by: "layla") }
        try await store.logins.disableTwoFactor(for: "layla", by: "layla")
        await #expect(throws: AccessError.noSecondFactor("layla")) { try await store.logins.disableTwoFactor(for: "layla", by: "sara") }
        _ = try await store.logins.enableTwoFactor(for: "layla", by: "layla")
        try await store.logins.disableTwoFactor(for: "layla", by: "sara")
        _ = try await store.logins.logIn(handle: "layla", password: Self.reviewerPassword, address: "a")

        let events = try store.writer.read {
            try Row.fetchAll($0, sql: "SELECT actor, action, details FROM event WHERE action LIKE 'twofactor.%' ORDER BY seq")
        }
        #expect(events.map { "\($0["actor"] as String) \($0["action"] as String)" }
            == ["sara twofactor.enable", "layla twofactor.disable", "layla twofactor.enable", "sara twofactor.disable"])
        let everything = try await store.writer.read { try String.fetchAll($0, sql: "SELECT details FROM event") }.joined()
        #expect(!everything.contains(enrollment.recoveryCodes[0]))
        #expect(!everything.contains(try Authenticator(uri: enrollment.uri).secret.secret))
        #expect(try await store.audit.verifyAudit().intact)
    }

    @Test func theAuditReplayReportsAReviewerTurningOnAnEditorsSecondFactor() async throws {
        let clock = TestClock()
        let store = try await desk(clock)
        #expect(try await store.audit.verifyAudit().intact)
        try await store.storage.writing { tx in
            _ = try await tx.record(AuditEvent(at: clock.date, actor: "layla",
                                         .twoFactorEnable(.init(handle: "sara"))), store.signer)
            _ = try await tx.record(AuditEvent(at: clock.date, actor: "sara",
                                         .twoFactorDisable(.init(handle: "layla"))), store.signer)
        }
        let problems = try await store.audit.verifyAudit().problems.filter { $0.kind == .notAllowed }.map(\.detail)
        #expect(problems.contains { $0.contains("only sara or an editor may twofactor.enable") })
        #expect(problems.contains { $0.contains("the two-factor login of layla, who had none") })
    }

    @Test func aSecondFactorRemovedOrPlantedInTheFileIsReportedByAuditVerify() async throws {
        let clock = TestClock()
        let store = try await desk(clock)
        _ = try await store.logins.enableTwoFactor(for: "sara", by: "sara")
        #expect(try await store.audit.verifyAudit().intact)
        try await store.writer.write { db in
            try db.execute(sql: "DELETE FROM recovery_code WHERE handle = 'sara'")
            try db.execute(sql: "DELETE FROM second_factor WHERE handle = 'sara'")
            try db.execute(sql: "INSERT INTO second_factor (handle, secret, enabled_at) VALUES ('layla', 'AAAAAAAAAAAAAAAAAAAA', 'x')")
        }
        let rows = try await store.audit.verifyAudit().problems.filter { $0.kind == .rowChanged }.compactMap(\.row)
        #expect(rows.sorted() == ["second factor layla", "second factor sara"])
    }

    @Test(arguments: [("sara", "layla", false, false), ("sara", "layla", true, true), ("sara", "sara", false, true)])
    func whoMayChangeASecondFactor(actor: String, target: String, editor: Bool, allowed: Bool) {
        #expect(TwoFactorRules.mayChange(.enable, actor: actor, actorIsEditor: editor, target: target) == allowed)
        #expect(TwoFactorRules.mayChange(.disable, actor: actor, actorIsEditor: editor, target: target) == allowed)
    }
}
