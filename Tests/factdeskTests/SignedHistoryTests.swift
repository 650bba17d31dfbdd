import Crypto
import Foundation
import GRDB
import Testing
import FactDeskKit

/// The attacks of someone holding the desk file and `sqlite3`, and the keys of nobody but
/// themselves: each is caught by `audit verify` (70), which names the event, or the table
/// and row, of each.
@Suite struct SignedHistoryTests {
    /// A desk with a verdict on claim 1 and a note, evidence, an alias and a link, so every
    /// table has rows the history accounts for.
    func deskWithHistory() throws -> Binary {
        let desk = try Binary()
        try desk.expectSuccess(["init", "--name", "Sara Haddad"])
        try desk.expectSuccess(["reviewer", "add", "layla"])
        try desk.expectSuccess(["reviewer", "add", "omar"])
        try desk.expectSuccess(["source", "add", packageRoot.appendingPathComponent("seeds").path])
        try desk.expectSuccess(["assign", "1", "--to", "layla", "--due", "3d"])
        try desk.expectSuccess(["start", "1"], as: "layla")
        try desk.expectSuccess(["verify", "1", "--note", "confirmed", "--evidence", "https://example.org"], as: "layla")
        try desk.expectSuccess(["note", "2", "عراقجي قال ذلك"])
        try desk.expectSuccess(["evidence", "add", "2", "https://example.org/b", "--stance", "refutes"])
        try desk.expectSuccess(["alias", "add", "عراقجي", "أراغتشي"])
        try desk.expectSuccess(["link", "1", "115", "--same"])
        #expect(try desk.run(["audit", "verify"]).status == 0)
        return desk
    }

    /// Runs SQL on the desk file as `sqlite3` would, foreign keys off.
    func tamper(_ desk: Binary, _ sql: String) throws {
        try desk.tamper(sql)
    }

    /// Appends an event with the next number and the right hash, as a dozen lines of a
    /// script would, signed with `key` if given, and sets the claim to match.
    func forge(_ desk: Binary, actor: String, claim: Int64, action: String, from: String, to: String,
               details: String = "{}", signedWith key: Curve25519.Signing.PrivateKey?) throws -> Int64 {
        let queue = try DatabaseQueue(path: desk.deskPath)
        defer { try? queue.close() }
        return try queue.write { db in
            let head = try #require(try Row.fetchOne(db, sql: "SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1"))
            let seq = (head["seq"] as Int64) + 1, prev: String = head["hash"]
            let at = "2026-11-23 12:00:00.000"
            let hash = HashChain.hash(prev: prev, content: HashChain.Content(
                seq: seq, at: at, actor: actor, claimID: claim, sourceID: nil, action: action, from: from, to: to, details: details))
            let signature = try key.map { try $0.signature(for: EventSigner.message(hash: hash)).base64EncodedString() }
            try db.execute(sql: """
                INSERT INTO event (seq, at, actor, claim_id, action, from_state, to_state, details, prev_hash, hash, signature)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [seq, at, actor, claim, action, from, to, details, prev, hash, signature])
            try db.execute(sql: "UPDATE claim SET state = ? WHERE id = ?", arguments: [to, claim])
            return seq
        }
    }

    func expectCaught(_ desk: Binary, _ phrases: [String], _ comment: Comment? = nil) throws {
        let result = try desk.run(["audit", "verify"])
        #expect(result.status == 70, comment)
        for phrase in phrases { #expect(result.stdout.contains(phrase), "\(phrase) in \(result.stdout)") }
        #expect(result.stderr.contains("tampering detected"))
    }

    @Test func anIntactDeskReportsItsSignaturesAndRows() throws {
        let desk = try deskWithHistory()
        let report = try #require(try desk.json(["audit", "verify"]) as? [String: Any])
        let events = try #require(report["events"] as? Int)
        #expect(report["intact"] as? Bool == true)
        #expect(report["signed_events"] as? Int == events && report["signatures_checked"] as? Int == events)
        #expect(report["signing_began"] as? Int == 1)
        #expect((report["rows"] as? Int ?? 0) >= 3 + 5 + 2 + 2 + 2)
    }

    @Test func sinceAVerifiedHeadOnlyTheLaterSignaturesAreChecked() throws {
        let desk = try deskWithHistory()
        let head = try desk.run(["audit", "head"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let seq = try #require(Int(head.prefix { $0 != ":" }))
        try desk.expectSuccess(["note", "3", "بعد النشر"])
        try desk.expectSuccess(["note", "4", "ملاحظة أخرى"])
        let report = try #require(try desk.json(["audit", "verify", "--since", head]) as? [String: Any])
        #expect(report["intact"] as? Bool == true)
        #expect(report["signed_events"] as? Int == seq + 2 && report["signatures_checked"] as? Int == 2)
        // The head must still be in the history: a rewritten one is caught as an anchor is.
        let other = String(seq) + ":" + String(repeating: "0", count: 64)
        let rewritten = try desk.run(["audit", "verify", "--since", other])
        #expect(rewritten.status == 70 && rewritten.stdout.contains("anchor not in the history"))
        #expect(try desk.run(["audit", "verify", "--since", head, "--anchor", head]).status == 64)
    }

    @Test func aForgedVerdictWithoutTheReviewersKeyIsCaught() throws {
        let desk = try deskWithHistory()
        // From new straight to verified, by someone not assigned, with no evidence, and no signature.
        let seq = try forge(desk, actor: "omar", claim: 2, action: "verify", from: "new", to: "verified", signedWith: nil)
        try expectCaught(desk, ["event \(seq): unsigned", "event \(seq): not allowed"])
    }

    /// The attack that once passed: every signature and signer set to NULL, triggers put back
    /// as they were, then an unsigned, well-chained verdict in someone else's name. The first
    /// event's hashed details register the founder's key, so the desk was signed from event 1.
    @Test func strippingEverySignatureDoesNotMakeASignedDeskReadAsUnsigned() throws {
        let desk = try deskWithHistory()
        let anchor = try desk.run(["audit", "head"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let events = try desk.eventCount()
        try desk.withoutHistoryTriggers { db in try db.execute(sql: "UPDATE event SET signature = NULL, signer = NULL") }
        let stripped = try desk.run(["audit", "verify", "--anchor", anchor])
        #expect(stripped.status == 70, "\(stripped.stdout)")
        #expect(stripped.stdout.contains("event 1: unsigned: it carries no signature, but every event since 1 is signed"))
        #expect(stripped.stdout.contains("event \(events): unsigned"))
        #expect(!stripped.stdout.contains("the desk has not signed since it was made"))
        let seq = try forge(desk, actor: "layla", claim: 2, action: "reject", from: "new", to: "rejected", signedWith: nil)
        try expectCaught(desk, ["event \(seq): unsigned"])
    }

    @Test func aForgedVerdictSignedWithAnotherKeyIsCaught() throws {
        let desk = try deskWithHistory()
        let seq = try forge(desk, actor: "layla", claim: 2, action: "verify", from: "new", to: "verified",
                            signedWith: Curve25519.Signing.PrivateKey())
        try expectCaught(desk, ["event \(seq): signature not valid: it is not signed by the key layla had registered"])
    }

    @Test func aWellSignedEventTheWorkflowForbidsIsCaught() async throws {
        let desk = try deskWithHistory()
        // Layla signs with her own key, but the workflow never lets a claim go from new to verified.
        let layla = try #require(try Keyring.folder(desk.keysPath).privateKey(.reviewer("layla")))
        let seq = try forge(desk, actor: "layla", claim: 2, action: "verify", from: "new", to: "verified", signedWith: layla)
        let result = try desk.run(["audit", "verify"])
        #expect(result.status == 70)
        #expect(result.stdout.contains("event \(seq): not allowed: the workflow could not have made it"))
        #expect(!result.stdout.contains("signature not valid"))
    }

    @Test func aTriggerSwappedForOneThatDoesNothingIsCaught() throws {
        let desk = try deskWithHistory()
        try tamper(desk, """
            DROP TRIGGER event_no_update;
            CREATE TRIGGER event_no_update BEFORE UPDATE ON event BEGIN SELECT 1; END;
            CREATE TRIGGER claim_quietly AFTER INSERT ON note BEGIN SELECT 1; END;
            """)
        try expectCaught(desk, ["the trigger event_no_update was replaced by another", "claim_quietly, was added"])
    }

    static let rowAttacks: [(name: String, sql: String, phrase: String)] = [
        ("insert a note", "INSERT INTO note (claim_id, author, body, created_at) VALUES (3, 'layla', 'planted', '2026-01-01 00:00:00.000');",
         "note 3: row not accounted for"),
        ("rewrite a note", "DROP TRIGGER note_no_update; UPDATE note SET body = 'rewritten' WHERE id = 1;", "note 1: row not accounted for"),
        ("plant evidence", "INSERT INTO evidence (claim_id, url, stance, added_by, added_at) VALUES (2, 'https://x.org', 'supports', 'layla', '2026-01-01 00:00:00.000');",
         "evidence 3: row not accounted for"),
        ("rewrite evidence's stance", "DROP TRIGGER evidence_no_update; UPDATE evidence SET stance = 'supports' WHERE id = 2;",
         "evidence 2: row not accounted for"),
        ("rewrite a claim's text", "UPDATE claim SET text = 'نص آخر' WHERE id = 5;", "claim 5: row not accounted for: its text, speaker"),
        ("rewrite a speaker", "UPDATE claim SET speaker = 'مصدر مجهول' WHERE id = 1;", "claim 1: row not accounted for: its text, speaker"),
        ("move a deadline", "UPDATE claim SET due_at = '2030-01-01 00:00:00.000' WHERE id = 1;", "claim 1: row not accounted for: it is due"),
        ("promote a reviewer", "UPDATE reviewer SET role = 'editor' WHERE handle = 'omar';", "reviewer omar: row not accounted for"),
        ("swap a reviewer's key", "UPDATE reviewer SET public_key = 'ed25519:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' WHERE handle = 'layla';",
         "reviewer layla: row not accounted for"),
        ("add an alias", "INSERT INTO alias (entity, variant, added_by, added_at) VALUES ('ترامب', 'ترمب', 'sara', '2026-01-01 00:00:00.000');",
         "row not accounted for: no event added the spelling 'ترمب'"),
        ("add a link", "INSERT INTO claim_link (claim_a, claim_b, kind, linked_by, linked_at) VALUES (2, 50, 'same', 'sara', '2026-01-01 00:00:00.000');",
         "link 2-50: row not accounted for"),
        ("change a source's text", "UPDATE source SET body = body || ' ' WHERE id = 2;", "source 2: row not accounted for"),
        ("change a state", "UPDATE claim SET state = 'disputed' WHERE id = 1;",
         "claim 1: row not accounted for: it is 'disputed' but its history ends in 'verified'"),
        ("delete a claim's row", "DELETE FROM claim WHERE id = 7;", "claim 7: row not accounted for: its history exists"),
        ("rename a reviewer", "UPDATE reviewer SET display_name = 'Omar Khalil (editor-in-chief)' WHERE handle = 'omar';",
         "reviewer omar: row not accounted for: omar is shown as 'Omar Khalil (editor-in-chief)', but the history added them as 'omar'"),
        ("raise a claim's worthiness", "UPDATE claim SET worthiness = worthiness + 50 WHERE id = 6;",
         "claim 6: row not accounted for: its text, speaker, place, source, worthiness, reasons or time"),
        ("rewrite a claim's reasons", #"UPDATE claim SET reasons = '["a number","an official source"]' WHERE id = 6;"#,
         "claim 6: row not accounted for: its text, speaker, place, source, worthiness, reasons or time"),
        ("bump a claim's version", "UPDATE claim SET version = version + 1 WHERE id = 1;",
         "claim 1: row not accounted for: it is at version"),
        ("backdate a claim's change", "UPDATE claim SET updated_at = '2020-01-01 00:00:00.000' WHERE id = 1;",
         "claim 1: row not accounted for: it says it last changed at 2020-01-01 00:00:00.000"),
        ("backdate a claim", "UPDATE claim SET created_at = '2020-01-01 00:00:00.000' WHERE id = 6;",
         "claim 6: row not accounted for: its text, speaker, place, source, worthiness, reasons or time"),
        ("backdate a note", "DROP TRIGGER note_no_update; UPDATE note SET created_at = '2020-01-01 00:00:00.000' WHERE id = 1;",
         "note 1: row not accounted for"),
        ("backdate a source", "UPDATE source SET imported_at = '2020-01-01 00:00:00.000' WHERE id = 3;",
         "source 3: row not accounted for: it says it was imported at 2020-01-01"),
        ("rename the desk", "UPDATE desk SET name = 'Reuters Fact Check';",
         "desk: row not accounted for: the desk is called 'Reuters Fact Check', but its first event named it 'FactDesk'"),
        ("backdate a reviewer", "UPDATE reviewer SET created_at = '2020-01-01 00:00:00.000' WHERE handle = 'layla';",
         "reviewer layla: row not accounted for: it says layla was added at 2020-01-01"),
    ]

    @Test(arguments: rowAttacks.indices)
    func aRowChangedBehindTheHistoryIsNamed(index: Int) throws {
        let (name, sql, phrase) = Self.rowAttacks[index]
        let desk = try deskWithHistory()
        try tamper(desk, sql)
        try expectCaught(desk, [phrase], "\(name)")
    }

    @Test func aHugeTamperedIdIsReportedNotAllocatedFor() throws {
        let desk = try deskWithHistory()
        try tamper(desk, "UPDATE claim SET id = 2147483000 WHERE id = 3; UPDATE claim SET id = 9000000000000000000 WHERE id = 4;")
        try expectCaught(desk, ["claim 2147483000: row not accounted for: no event created it",
                                "claim 9000000000000000000: row not accounted for", "claim 3: row not accounted for: its history exists"])
    }

    @Test func actingAsSomeoneWhoseKeyYouDoNotHoldIsRefusedAndChangesNothing() throws {
        let desk = try deskWithHistory()
        let before = try desk.run(["audit", "head"]).stdout
        // Omar's machine holds only omar's key.
        let omars = desk.folder.appendingPathComponent("omar-keys").path
        try FileManager.default.createDirectory(atPath: omars, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: desk.keysPath + "/omar.key", toPath: omars + "/omar.key")
        let refused = try desk.run(["assign", "2", "--to", "omar"], as: "sara", environment: ["FACTDESK_KEYS": omars])
        #expect(refused.status == 77)
        #expect(refused.stderr.contains("you do not hold sara's key"))
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(try desk.run(["audit", "head"]).stdout == before)
        let own = try desk.run(["note", "2", "my own note"], as: "omar", environment: ["FACTDESK_KEYS": omars])
        #expect(own.status == 0)
    }

    @Test func aKeyFileOthersCanReadIsRefused() throws {
        let desk = try deskWithHistory()
        chmod(desk.keysPath + "/layla.key", 0o644)
        let refused = try desk.run(["note", "1", "hello"], as: "layla")
        #expect(refused.status == 77)
        #expect(refused.stderr.contains("can be read by other users"))
    }

    @Test func keysAreMadeShownAndRegistered() throws {
        let desk = try Binary.seededDesk()
        let shown = try desk.run(["key", "show", "layla"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(shown.hasPrefix("ed25519:") && shown.count == 8 + 44)
        let listed = try #require(try desk.json(["reviewer", "list"]) as? [[String: Any]])
        #expect(listed.contains { $0["handle"] as? String == "layla" && $0["public_key"] as? String == shown })
        // Nadia makes her key on her own machine and gives the editor its public half.
        let nadias = desk.folder.appendingPathComponent("nadia-keys").path
        let made = try desk.run(["key", "create", "nadia"], environment: ["FACTDESK_KEYS": nadias])
        let key = made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(made.status == 0 && key.hasPrefix("ed25519:"))
        #expect(try desk.run(["key", "create", "nadia"], environment: ["FACTDESK_KEYS": nadias]).stdout == made.stdout)
        try desk.expectSuccess(["reviewer", "add", "nadia", "--key", key])
        #expect(!FileManager.default.fileExists(atPath: desk.keysPath + "/nadia.key"))
        #expect(try desk.run(["note", "1", "من نادية"], as: "nadia", environment: ["FACTDESK_KEYS": nadias]).status == 0)
        // She loses it; an editor registers her new one, and the old one signs nothing more.
        try FileManager.default.removeItem(atPath: nadias)
        let fresh = try desk.run(["key", "create", "nadia"], environment: ["FACTDESK_KEYS": nadias]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try desk.run(["note", "1", "again"], as: "nadia", environment: ["FACTDESK_KEYS": nadias]).status == 77)
        try desk.expectSuccess(["reviewer", "key", "nadia", fresh])
        #expect(try desk.run(["note", "1", "again"], as: "nadia", environment: ["FACTDESK_KEYS": nadias]).status == 0)
        #expect(try desk.run(["reviewer", "key", "nadia", fresh], as: "omar").status == 77)
        #expect(try desk.run(["reviewer", "add", "x", "--key", "ed25519:short"]).status == 65)
        let history = try desk.run(["history", "--limit", "3"]).stdout
        #expect(history.contains("reviewer.key"))
        #expect(try desk.run(["audit", "verify"]).status == 0)
    }

    /// Turns a desk into one written before signing began: no keys, no signatures, its
    /// history's hashes as they then were, its triggers as they were.
    func makeUnsigned(_ desk: Binary) throws {
        try desk.withoutHistoryTriggers { db in
            try db.execute(sql: """
                UPDATE event SET signature = NULL, signer = NULL;
                UPDATE event SET details = json_remove(details, '$.key') WHERE action IN ('desk.create', 'reviewer.add');
                UPDATE reviewer SET public_key = NULL;
                """)
            var previous = HashChain.genesis
            for row in try Row.fetchAll(db, sql: "SELECT * FROM event ORDER BY seq") {
                let hash = HashChain.hash(prev: previous, content: HashChain.Content(
                    seq: row["seq"], at: row["at"], actor: row["actor"], claimID: row["claim_id"], sourceID: row["source_id"],
                    action: row["action"], from: row["from_state"], to: row["to_state"], details: row["details"]))
                try db.execute(sql: "UPDATE event SET prev_hash = ?, hash = ? WHERE seq = ?", arguments: [previous, hash, row["seq"]])
                previous = hash
            }
        }
    }

    @Test func aDeskFromBeforeSigningKeepsItsHistoryAndSignsFromNowOn() throws {
        let desk = try deskWithHistory()
        try makeUnsigned(desk)
        let old = try desk.run(["audit", "verify"])
        #expect(old.status == 0, "\(old.stdout)")
        #expect(old.stdout.contains("unsigned: the desk has not signed since it was made"))
        let events = try desk.eventCount()
        // Nobody has a registered key: the editor registers her own, which signs that event.
        let refused = try desk.run(["note", "1", "first signed note"])
        #expect(refused.status == 77 && refused.stderr.contains("sara has no key on this desk"))
        let key = try desk.run(["key", "show"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try desk.expectSuccess(["reviewer", "key", "sara", key])
        #expect(try desk.run(["reviewer", "key", "layla", key], as: "omar").status == 77)
        try desk.expectSuccess(["note", "1", "first signed note"])
        let signed = try desk.run(["audit", "verify"])
        #expect(signed.status == 0, "\(signed.stdout)")
        #expect(signed.stdout.contains("events 1-\(events) unsigned, before signing began at event \(events + 1)"))
        // From then on, an event without a signature is tampering.
        let seq = try forge(desk, actor: "sara", claim: 2, action: "reject", from: "new", to: "rejected", signedWith: nil)
        try expectCaught(desk, ["event \(seq): unsigned: it carries no signature, but every event since \(events + 1) is signed"])
    }
}
