import Foundation
import GRDB
import Testing
@testable import FactDeskKit

@Suite struct StoreFileTests {
    func newDesk(in folder: URL) async throws -> String {
        let path = folder.appendingPathComponent("desk.db").path
        _ = try await ClaimStore.create(path: path, workflow: try WorkflowSource.named("standard"),
                                        editor: NewReviewer(handle: "sara", role: .editor))
        return path
    }

    @Test func aCreatedDeskOpensWithItsWorkflowAndEditor() async throws {
        let path = try await newDesk(in: try temporaryFolder())
        let store = try await ClaimStore.open(path: path)
        #expect(try await store.team.workflow().name == "standard")
        #expect(try await store.team.reviewer("sara")?.role == .editor)
        #expect(try await store.team.installedWorkflow().sha256 == sha256Hex(BuiltinWorkflows.yaml(named: "standard") ?? ""))
        let journal = try await store.writer.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
    }

    @Test(arguments: [ClaimStore.Connection.readOnly, .single, .pool])
    func aSearchIndexOfAnOlderVersionIsRebuiltWhenTheDeskOpens(connection: ClaimStore.Connection) async throws {
        let path = try await newDesk(in: try temporaryFolder())
        let store = try await ClaimStore.open(path: path, connection: .single)
        _ = try await store.imports.addSource(NewSource(body: try seedArticle()), by: "sara")
        #expect(try await !store.review.search("ساعات").isEmpty)
        try await store.writer.write { db in
            try db.execute(sql: "INSERT INTO claim_search (claim_search) VALUES ('delete-all')")
            try db.execute(sql: "UPDATE search_index SET version = 0")
        }
        #expect(try await store.review.search("ساعات").isEmpty)
        let reopened = try await ClaimStore.open(path: path, connection: connection)
        #expect(try await !reopened.review.search("ساعات").isEmpty)
        await #expect(try reopened.writer.read { try Int64.fetchOne($0, sql: "SELECT version FROM search_index") } == SearchIndex.version)
    }

    @Test func createRefusesToOverwriteAFile() async throws {
        let folder = try temporaryFolder()
        let path = try await newDesk(in: folder)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        await #expect(throws: StoreError.alreadyExists(path: path)) {
            _ = try await ClaimStore.create(path: path, workflow: try WorkflowSource.named("standard"),
                                            editor: NewReviewer(handle: "x", role: .editor))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aMissingDeskIsNotCreatedByOpening() async throws {
        let path = try temporaryFolder().appendingPathComponent("none.db").path
        await #expect(throws: StoreError.noDesk(path: path)) { _ = try await ClaimStore.open(path: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test(arguments: ["text", "empty", "sqlite", "truncated"])
    func aFileThatIsNotADeskIsRefusedAndLeftAsItWas(kind: String) async throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("other.db").path
        switch kind {
        case "text": try Data("hello, not a database".utf8).write(to: URL(fileURLWithPath: path))
        case "empty": try Data().write(to: URL(fileURLWithPath: path))
        case "sqlite":
            let queue = try DatabaseQueue(path: path)
            try await queue.write { try $0.execute(sql: "CREATE TABLE t (x); INSERT INTO t VALUES (1)") }
            try queue.close()
        default:
            let desk = try await Data(contentsOf: URL(fileURLWithPath: try newDesk(in: folder)))
            try desk.prefix(60).write(to: URL(fileURLWithPath: path))
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        await #expect(throws: StoreError.notADesk(path: path)) { _ = try await ClaimStore.open(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func aDeskFromANewerFactDeskIsRefused() async throws {
        let path = try await newDesk(in: try temporaryFolder())
        let queue = try DatabaseQueue(path: path)
        try await queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99: from the future')") }
        try queue.close()
        await #expect(throws: StoreError.newerDesk(path: path)) { _ = try await ClaimStore.open(path: path) }
    }

    @Test func aWriterHoldingTheLockMakesOthersFailAsBusy() async throws {
        let path = try await newDesk(in: try temporaryFolder())
        let holder = try await ClaimStore.open(path: path)
        let other = try await ClaimStore.open(path: path, busyTimeout: 0.1)
        _ = try await holder.storage.writing { _ in
            await #expect(throws: StoreError.busy(seconds: 0.1)) {
                try await other.team.addReviewer(NewReviewer(handle: "layla"), by: "sara")
            }
        }
        try await other.team.addReviewer(NewReviewer(handle: "layla"), by: "sara")
        #expect(try await other.team.reviewer("layla") != nil)
    }

    @Test func aDeskOpenedForReadingRefusesWritesAndStaysAsItWas() async throws {
        let path = try await newDesk(in: try temporaryFolder())
        let reader = try await ClaimStore.open(path: path, connection: .readOnly)
        #expect(try await reader.team.reviewer("sara")?.role == .editor)
        await #expect(throws: (any Error).self) { try await reader.team.addReviewer(NewReviewer(handle: "layla"), by: "sara") }
        let writer = try await ClaimStore.open(path: path, connection: .single)
        #expect(try await writer.team.reviewer("layla") == nil)
        #expect(try await writer.audit.auditHead().seq == 2)
        try await writer.team.addReviewer(NewReviewer(handle: "layla"), by: "sara")
        #expect(try await reader.team.reviewer("layla") != nil)
    }
}
