import Foundation
import GRDB
import Testing
@testable import FactDeskKit

/// A service (the web desk) signs for the reviewers it acts for, and `audit verify` takes
/// its signature only while it is registered.
@Suite struct ServiceSigningTests {
    @Test func aRegisteredServiceSignsForTheLoggedInReviewerAndVerifies() async throws {
        let desk = try await Fixture()
        let service = try await desk.store.team.addService("web", key: nil, by: "sara")
        #expect(service.publicKey.hasPrefix("ed25519:"))
        // A reviewer may not register one.
        await #expect(throws: DeskError.self) { try await desk.store.team.addService("rogue", key: nil, by: "layla") }

        let web = desk.store.signing(with: EventSigner(keys: .memory, service: "web"))
        try await web.review.apply(TransitionCommand(transition: "assign", claimIDs: [desk.claimID], actor: "sara", assignee: "layla"))
        try await web.review.addNote(to: desk.claimID, body: "من المتصفح", by: "layla")
        var latest: [AuditEvent] = []
        try await desk.store.audit.history(limit: 2) { latest.append($0) }
        #expect(latest.map(\.actor) == ["layla", "sara"])
        #expect(latest.allSatisfy { $0.signer == "web" && $0.signature != nil })
        let report = try await desk.store.audit.verifyAudit()
        #expect(report.intact, "\(report.problems)")
        #expect(report.signaturesChecked == report.events)

        // Removed, it signs nothing more.
        try await desk.store.team.removeService("web", by: "sara")
        await #expect(throws: KeyError.noService(name: "web")) { try await web.review.addNote(to: desk.claimID, body: "بعد الإزالة", by: "layla") }
        #expect(try await desk.store.audit.verifyAudit().intact)
    }

    @Test func anEventSignedByAServiceTheHistoryNeverRegisteredIsNotAccepted() async throws {
        let desk = try await Fixture()
        try await desk.store.team.addService("web", key: nil, by: "sara")
        let web = desk.store.signing(with: EventSigner(keys: .memory, service: "web"))
        try await web.review.addNote(to: desk.claimID, body: "a note", by: "layla")
        // The service's row renamed behind the history: its signatures no longer stand.
        try await desk.store.writer.writeWithoutTransaction { db in
            try db.execute(sql: "UPDATE service SET name = 'other'")
        }
        let problems = try await desk.store.audit.verifyAudit().problems.map(\.description)
        #expect(problems.contains { $0.contains("service other: row not accounted for") })
        #expect(problems.contains { $0.contains("service web: row not accounted for: its history registered it but it is gone") })
    }

    @Test func aServerSignsOnlyWithTheKeyTheDeskRegisteredAndAnEditorRegistersANewService() async throws {
        let desk = try await Fixture()
        await #expect(throws: DeskError.editorOnly(actor: "layla", action: "register services")) {
            _ = try await desk.store.signingAsService("web", keys: .memory, by: "layla")
        }
        let first = try await desk.store.signingAsService("web", keys: .memory, by: "sara")
        #expect(first.registered?.name == "web")
        let again = try await desk.store.signingAsService("web", keys: .memory, by: "layla")
        #expect(again.registered == nil)
        try await again.store.review.addNote(to: desk.claimID, body: "signed by the web desk", by: "layla")
        await #expect(try desk.store.audit.verifyAudit().intact)

        let other = Keyring.folder(try temporaryFolder().path)
        await #expect(throws: KeyError.noServiceKey(name: "web", folder: other.location)) {
            _ = try await desk.store.signingAsService("web", keys: other, by: "sara")
        }
        _ = try other.create(.service("web"))
        await #expect(throws: KeyError.serviceKeyMismatch(name: "web", folder: other.location)) {
            _ = try await desk.store.signingAsService("web", keys: other, by: "sara")
        }
    }
}
