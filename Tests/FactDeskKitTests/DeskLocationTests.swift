import Foundation
import Testing
@testable import FactDeskKit

/// Where a desk lives, read once from what a person wrote, and the storage each place gives.
@Suite struct DeskLocationTests {
    @Test func aPathMemoryAndAURLAreReadAsTheirKindOfDesk() throws {
        #expect(try DeskLocation("desk.db") == .file("desk.db"))
        #expect(try DeskLocation("/tmp/a desk/postgres.db") == .file("/tmp/a desk/postgres.db"))
        #expect(try DeskLocation(":memory:") == .memory)
        let shared = try DeskLocation("postgres://sara:secret@db.example:6543/desk")
        #expect(shared == .postgres(try PostgresAddress(url: "postgres://sara:secret@db.example:6543/desk")))
        #expect(!shared.display.contains("secret"))
    }

    @Test func aMalformedURLIsRefusedWithWhatToWrite() {
        #expect(throws: DeskError.self) { try DeskLocation("postgres://sara@db.example:99999/desk") }
        #expect(throws: DeskError.self) { try DeskLocation("postgresql://sara@db.example/desk?colour=blue") }
    }

    @Test func aDeskFileIsNeitherSharedNorLoggedInAndMemoryCannotBeOpened() async throws {
        let path = try temporaryFolder().appendingPathComponent("desk.db").path
        let store = try await ClaimStore.create(path: path, workflow: .named("standard"), editor: NewReviewer(handle: "sara"))
        #expect(!store.isShared)
        #expect(store.login == nil)
        let refusal = await #expect(throws: DeskError.self) { try await ClaimStore.open(path: ":memory:") }
        #expect(refusal?.description.contains("desk file's path or a PostgreSQL URL") == true)
    }

    @Test func aDeskFileCopiesToAFileAndIntoMemoryWithItsHead() async throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("desk.db").path
        let store = try await ClaimStore.create(path: path, workflow: .named("standard"), editor: NewReviewer(handle: "sara"))
        _ = try await store.imports.addSource(NewSource(body: try seedArticle()), by: "sara")
        let head = try await store.audit.auditHead()
        let copy = folder.appendingPathComponent("copy.db").path
        try await store.backup(to: copy)
        let copied = try await ClaimStore.open(path: copy)
        let copiedHead = try await copied.audit.auditHead()
        #expect(copiedHead.seq == head.seq && copiedHead.hash == head.hash)
        await #expect(try copied.audit.verifyAudit().problems.isEmpty)
        await #expect(throws: StoreError.alreadyExists(path: copy)) { try await store.backup(to: copy) }
        // Row for row into a desk in memory: what any pair of kinds but file to file takes.
        try await store.backup(to: ":memory:")
    }
}
