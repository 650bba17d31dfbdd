import Crypto
import Foundation
import GRDB
import Testing
import FactDeskKit

/// A history that broke a rule of changes that are not transitions, planted in the desk file
/// with a valid chain and signature and rows to match, is reported by `audit verify`.
@Suite struct ChangePolicyReplayTests {
    /// Appends an event, chained and signed with its actor's key from the desk's key folder.
    func plant(_ desk: Binary, actor: String, action: String, details: String) throws {
        let key = try #require(try Keyring.folder(desk.keysPath).privateKey(.reviewer(actor)))
        try desk.tamper { db in
            let head = try #require(try Row.fetchOne(db, sql: "SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1"))
            let seq = (head["seq"] as Int64) + 1, prev: String = head["hash"]
            let at = "2026-11-23 12:00:00.000"
            let hash = HashChain.hash(prev: prev, content: HashChain.Content(
                seq: seq, at: at, actor: actor, claimID: nil, sourceID: nil, action: action, from: nil, to: nil, details: details))
            let signature = try key.signature(for: EventSigner.message(hash: hash)).base64EncodedString()
            try db.execute(sql: """
                INSERT INTO event (seq, at, actor, action, details, prev_hash, hash, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [seq, at, actor, action, details, prev, hash, signature])
        }
    }

    @Test(arguments: [
        (AuditAction.reviewerDeactivate, #"{"handle":"sara"}"#, "UPDATE reviewer SET active = 0 WHERE handle = 'sara'"),
        (AuditAction.reviewerRole, #"{"handle":"sara","role":"reviewer"}"#, "UPDATE reviewer SET role = 'reviewer' WHERE handle = 'sara'"),
    ])
    func aHistoryThatLeavesNoActiveEditorIsReported(action: String, details: String, row: String) throws {
        let desk = try Binary()
        try desk.expectSuccess(["init", "--name", "Sara Haddad"])
        try desk.expectSuccess(["reviewer", "add", "layla"])
        // The command line refuses it.
        #expect(try desk.run(action == AuditAction.reviewerRole ? ["reviewer", "role", "sara", "reviewer"]
                                 : ["reviewer", "deactivate", "sara"]).status == 77)
        try plant(desk, actor: "sara", action: action, details: details)
        try desk.tamper(row)
        let result = try desk.run(["audit", "verify"])
        #expect(result.status == 70)
        #expect(result.stdout.contains("it leaves the desk without an active editor: sara was the last one"), "\(result.stdout)")
        // Nothing else is wrong with it: a valid chain, signature and rows.
        #expect(result.stdout.components(separatedBy: "not allowed").count == 2, "\(result.stdout)")
    }
}
