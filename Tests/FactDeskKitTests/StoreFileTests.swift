import Foundation
import GRDB
import Testing
@testable import FactDeskKit

@Suite struct StoreFileTests {
    func newDesk(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("desk.db").path
        _ = try ClaimStore.create(path: path, workflow: try WorkflowSource.named("standard"),
                                  editor: NewReviewer(handle: "sara", role: .editor))
        return path
    }

    @Test func aCreatedDeskOpensWithItsWorkflowAndEditor() throws {
        let path = try newDesk(in: try temporaryFolder())
        let store = try ClaimStore.open(path: path)
        #expect(try store.workflow().name == "standard")
        #expect(try store.reviewer("sara")?.role == .editor)
        #expect(try store.installedWorkflow().sha256 == sha256Hex(BuiltinWorkflows.yaml(named: "standard") ?? ""))
        let journal = try store.writer.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
    }

    @Test(arguments: [ClaimStore.Connection.readOnly, .single, .pool])
    func aSearchIndexOfAnOlderVersionIsRebuiltWhenTheDeskOpens(connection: ClaimStore.Connection) throws {
        let path = try newDesk(in: try temporaryFolder())
        let store = try ClaimStore.open(path: path, connection: .single)
        _ = try store.addSource(NewSource(body: try seedArticle()), by: "sara")
        #expect(try !store.search("ساعات").isEmpty)
        try store.writer.write { db in
            try db.execute(sql: "INSERT INTO claim_search (claim_search) VALUES ('delete-all')")
            try db.execute(sql: "UPDATE search_index SET version = 0")
        }
        #expect(try store.search("ساعات").isEmpty)
        let reopened = try ClaimStore.open(path: path, connection: connection)
        #expect(try !reopened.search("ساعات").isEmpty)
        #expect(try reopened.writer.read { try Int64.fetchOne($0, sql: "SELECT version FROM search_index") } == SearchIndex.version)
    }

    @Test func createRefusesToOverwriteAFile() throws {
        let folder = try temporaryFolder()
        let path = try newDesk(in: folder)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.alreadyExists(path: path)) {
            _ = try ClaimStore.create(path: path, workflow: try WorkflowSource.named("standard"),
                                      editor: NewReviewer(handle: "x", role: .editor))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aMissingDeskIsNotCreatedByOpening() throws {
        let path = try temporaryFolder().appendingPathComponent("none.db").path
        #expect(throws: StoreError.noDesk(path: path)) { _ = try ClaimStore.open(path: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test(arguments: ["text", "empty", "sqlite", "truncated"])
    func aFileThatIsNotADeskIsRefusedAndLeftAsItWas(kind: String) throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("other.db").path
        switch kind {
        case "text": try Data("hello, not a database".utf8).write(to: URL(fileURLWithPath: path))
        case "empty": try Data().write(to: URL(fileURLWithPath: path))
        case "sqlite":
            let queue = try DatabaseQueue(path: path)
            try queue.write { try $0.execute(sql: "CREATE TABLE t (x); INSERT INTO t VALUES (1)") }
            try queue.close()
        default:
            let desk = try Data(contentsOf: URL(fileURLWithPath: try newDesk(in: folder)))
            try desk.prefix(60).write(to: URL(fileURLWithPath: path))
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notADesk(path: path)) { _ = try ClaimStore.open(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func aDeskFromANewerFactDeskIsRefused() throws {
        let path = try newDesk(in: try temporaryFolder())
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99: from the future')") }
        try queue.close()
        #expect(throws: StoreError.newerDesk(path: path)) { _ = try ClaimStore.open(path: path) }
    }

    @Test func aWriterHoldingTheLockMakesOthersFailAsBusy() throws {
        let path = try newDesk(in: try temporaryFolder())
        let holder = try ClaimStore.open(path: path)
        let other = try ClaimStore.open(path: path, busyTimeout: 0.1)
        _ = try holder.writer.write { _ in
            #expect(throws: StoreError.busy(seconds: 0.1)) {
                try other.addReviewer(NewReviewer(handle: "layla"), by: "sara")
            }
        }
        try other.addReviewer(NewReviewer(handle: "layla"), by: "sara")
        #expect(try other.reviewer("layla") != nil)
    }

    @Test func aDeskOpenedForReadingRefusesWritesAndStaysAsItWas() throws {
        let path = try newDesk(in: try temporaryFolder())
        let reader = try ClaimStore.open(path: path, connection: .readOnly)
        #expect(try reader.reviewer("sara")?.role == .editor)
        #expect(throws: (any Error).self) { try reader.addReviewer(NewReviewer(handle: "layla"), by: "sara") }
        let writer = try ClaimStore.open(path: path, connection: .single)
        #expect(try writer.reviewer("layla") == nil)
        #expect(try writer.auditHead().seq == 2)
        try writer.addReviewer(NewReviewer(handle: "layla"), by: "sara")
        #expect(try reader.reviewer("layla") != nil)
    }
}
