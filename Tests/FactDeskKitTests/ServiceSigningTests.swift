import Foundation
import GRDB
import Testing
@testable import FactDeskKit

/// A service (the web desk) signs for the reviewers it acts for, and `audit verify` takes
/// its signature only while it is registered.
@Suite struct ServiceSigningTests {
    @Test func aRegisteredServiceSignsForTheLoggedInReviewerAndVerifies() throws {
        let desk = try Fixture()
        let service = try desk.store.addService("web", key: nil, by: "sara")
        #expect(service.publicKey.hasPrefix("ed25519:"))
        // A reviewer may not register one.
        #expect(throws: DeskError.self) { try desk.store.addService("rogue", key: nil, by: "layla") }

        let web = desk.store.signing(with: EventSigner(keys: .memory, service: "web"))
        try web.apply(TransitionCommand(transition: "assign", claimIDs: [desk.claimID], actor: "sara", assignee: "layla"))
        try web.addNote(to: desk.claimID, body: "من المتصفح", by: "layla")
        var latest: [AuditEvent] = []
        try desk.store.history(limit: 2) { latest.append($0) }
        #expect(latest.map(\.actor) == ["layla", "sara"])
        #expect(latest.allSatisfy { $0.signer == "web" && $0.signature != nil })
        let report = try desk.store.verifyAudit()
        #expect(report.intact, "\(report.problems)")
        #expect(report.signaturesChecked == report.events)

        // Removed, it signs nothing more.
        try desk.store.removeService("web", by: "sara")
        #expect(throws: KeyError.noService(name: "web")) { try web.addNote(to: desk.claimID, body: "بعد الإزالة", by: "layla") }
        #expect(try desk.store.verifyAudit().intact)
    }

    @Test func anEventSignedByAServiceTheHistoryNeverRegisteredIsNotAccepted() throws {
        let desk = try Fixture()
        try desk.store.addService("web", key: nil, by: "sara")
        let web = desk.store.signing(with: EventSigner(keys: .memory, service: "web"))
        try web.addNote(to: desk.claimID, body: "a note", by: "layla")
        // The service's row renamed behind the history: its signatures no longer stand.
        try desk.store.writer.writeWithoutTransaction { db in
            try db.execute(sql: "UPDATE service SET name = 'other'")
        }
        let problems = try desk.store.verifyAudit().problems.map(\.description)
        #expect(problems.contains { $0.contains("service other: row not accounted for") })
        #expect(problems.contains { $0.contains("service web: row not accounted for: its history registered it but it is gone") })
    }

    @Test func aServerSignsOnlyWithTheKeyTheDeskRegisteredAndAnEditorRegistersANewService() throws {
        let desk = try Fixture()
        #expect(throws: DeskError.editorOnly(actor: "layla", action: "register services")) {
            _ = try desk.store.signingAsService("web", keys: .memory, by: "layla")
        }
        let first = try desk.store.signingAsService("web", keys: .memory, by: "sara")
        #expect(first.registered?.name == "web")
        let again = try desk.store.signingAsService("web", keys: .memory, by: "layla")
        #expect(again.registered == nil)
        try again.store.addNote(to: desk.claimID, body: "signed by the web desk", by: "layla")
        #expect(try desk.store.verifyAudit().intact)

        let other = Keyring.folder(try temporaryFolder().path)
        #expect(throws: KeyError.noServiceKey(name: "web", folder: other.location)) {
            _ = try desk.store.signingAsService("web", keys: other, by: "sara")
        }
        _ = try other.create(.service("web"))
        #expect(throws: KeyError.serviceKeyMismatch(name: "web", folder: other.location)) {
            _ = try desk.store.signingAsService("web", keys: other, by: "sara")
        }
    }
}
