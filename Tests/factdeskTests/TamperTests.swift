import Foundation
import GRDB
import Testing
import FactDeskKit

/// The changes an attacker with `sqlite3` would make to the desk file, triggers dropped
/// first: each must be caught by `audit verify`, located, and reported with exit code 70.
@Suite struct TamperTests {
    static let dropTriggers = """
        DROP TRIGGER event_no_update; DROP TRIGGER event_no_delete; DROP TRIGGER event_next_seq_only;
        """

    /// A desk with a verdict, so the history has transitions to tamper with; returns it and its head.
    func deskWithHistory() throws -> (Binary, String) {
        let desk = try Binary.seededDesk()
        try desk.expectSuccess(["assign", "1", "--to", "layla"])
        try desk.expectSuccess(["start", "1"], as: "layla")
        try desk.expectSuccess(["verify", "1", "--note", "confirmed", "--evidence", "https://example.org"], as: "layla")
        let head = try desk.run(["audit", "head"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return (desk, head)
    }

    func attack(_ desk: Binary, _ sql: String) throws {
        let queue = try DatabaseQueue(path: desk.deskPath)
        try queue.writeWithoutTransaction { db in try db.execute(sql: Self.dropTriggers + sql) }
        try queue.close()
    }

    @Test func anIntactHistoryVerifiesAndPrintsItsHead() throws {
        let (desk, head) = try deskWithHistory()
        #expect(head.hasPrefix("13:") && head.count == 3 + 64)
        let result = try desk.run(["audit", "verify", "--anchor", head])
        #expect(result.status == 0)
        #expect(result.stdout.contains("13 events, 1 claim and 11 other rows replayed; head \(head)"))
        #expect(result.stdout.contains("13 signatures checked"))
        #expect(result.stdout.contains("the history is intact and extends"))
        let report = try #require(try desk.json(["audit", "verify"]) as? [String: Any])
        #expect(report["intact"] as? Bool == true && report["events"] as? Int == 13)
    }

    static let attacks: [(name: String, sql: String, phrase: String)] = [
        ("update an event", "UPDATE event SET actor = 'mallory' WHERE seq = 12;", "event 12: content changed"),
        ("delete one in the middle", "DELETE FROM event WHERE seq = 8;", "event 8: event missing"),
        ("replace an event", """
            INSERT OR REPLACE INTO event (seq, at, actor, claim_id, action, from_state, to_state, details, prev_hash, hash)
            SELECT seq, at, 'mallory', claim_id, action, from_state, to_state, details, prev_hash, hash FROM event WHERE seq = 13;
            """, "event 13: content changed"),
        ("change a claim's state without an event", "UPDATE claim SET state = 'disputed' WHERE id = 1;",
         "claim 1: row not accounted for: it is 'disputed' but its history ends in 'verified'"),
        ("reassign without an event", "UPDATE claim SET assignee = 'omar' WHERE id = 1;",
         "claim 1: row not accounted for: it is assigned to omar but its history says layla"),
        ("cut the tail", "DELETE FROM event WHERE seq >= 12;", "claim 1: row not accounted for"),
        ("reorder two events", """
            UPDATE event SET seq = 100 WHERE seq = 3; UPDATE event SET seq = 3 WHERE seq = 4; UPDATE event SET seq = 4 WHERE seq = 100;
            """, "event 3: order broken"),
        ("only drop the triggers", "", "protection removed"),
    ]

    @Test(arguments: attacks.indices)
    func everyRewriteIsDetectedAndLocated(index: Int) throws {
        let (name, sql, phrase) = Self.attacks[index]
        let (desk, _) = try deskWithHistory()
        try attack(desk, sql)
        let result = try desk.run(["audit", "verify"])
        #expect(result.status == 70, "\(name)")
        #expect(result.stdout.contains(phrase), "\(name): \(result.stdout)")
        #expect(result.stderr.contains("tampering detected"))
    }

    @Test func cuttingTheTailIsCaughtByThePublishedHeadEvenWhenClaimsAgree() throws {
        let (desk, head) = try deskWithHistory()
        try desk.expectSuccess(["note", "1", "a later note"])
        let later = try desk.run(["audit", "head"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try attack(desk, "DROP TRIGGER note_no_delete; DELETE FROM event WHERE seq = 14; DELETE FROM note WHERE body = 'a later note';")
        let earlier = try desk.run(["audit", "verify", "--anchor", head])
        // What was published before the cut is all still there: the only problems are the
        // protections the attack removed, which fail the check on their own.
        #expect(earlier.status == 70, "\(earlier.stdout)\(earlier.stderr)")
        #expect(earlier.stdout.split(separator: "\n").filter { $0.hasPrefix("    ") }.allSatisfy { $0.contains("protection removed") })
        #expect(earlier.stdout.contains(head) && !earlier.stdout.contains("anchor"))
        let cut = try desk.run(["audit", "verify", "--anchor", later])
        #expect(cut.status == 70)
        #expect(cut.stdout.contains("event 14: anchor not in the history: the history ends at 13"))
    }

    @Test func aRebuiltChainIsCaughtByThePublishedHead() throws {
        let (desk, head) = try deskWithHistory()
        // Rewrite event 12 and recompute every hash after it, as a careful attacker would.
        try attack(desk, "UPDATE event SET actor = 'mallory' WHERE seq = 12;")
        let queue = try DatabaseQueue(path: desk.deskPath)
        try queue.write { db in
            var previous = try String.fetchOne(db, sql: "SELECT hash FROM event WHERE seq = 11") ?? ""
            for row in try Row.fetchAll(db, sql: "SELECT * FROM event WHERE seq >= 12 ORDER BY seq") {
                let fields: [String?] = [String(row["seq"] as Int64), row["at"], row["actor"], (row["claim_id"] as Int64?).map(String.init),
                                         (row["source_id"] as Int64?).map(String.init), row["action"], row["from_state"],
                                         row["to_state"], row["details"]]
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.withoutEscapingSlashes]
                let canonical = String(decoding: try encoder.encode(fields), as: UTF8.self)
                let hash = sha256Hex(previous + "\n" + canonical)
                try db.execute(sql: "UPDATE event SET prev_hash = ?, hash = ? WHERE seq = ?", arguments: [previous, hash, row["seq"]])
                previous = hash
            }
            try db.execute(sql: """
                CREATE TRIGGER event_no_update BEFORE UPDATE ON event BEGIN SELECT RAISE(ABORT, 'x'); END;
                CREATE TRIGGER event_no_delete BEFORE DELETE ON event BEGIN SELECT RAISE(ABORT, 'x'); END;
                CREATE TRIGGER event_next_seq_only BEFORE INSERT ON event BEGIN SELECT 1; END;
                """)
        }
        try queue.close()
        // Every rehashed event's signature no longer matches, and the published head catches it too.
        let rebuilt = try desk.run(["audit", "verify"])
        #expect(rebuilt.status == 70)
        #expect(rebuilt.stdout.contains("event 12: signature not valid"))
        let anchored = try desk.run(["audit", "verify", "--anchor", head])
        #expect(anchored.status == 70)
        #expect(anchored.stdout.contains("event 13: anchor not in the history: the published head has a different hash"))
    }

    @Test func aMalformedAnchorIsAUsageError() throws {
        let (desk, _) = try deskWithHistory()
        #expect(try desk.run(["audit", "verify", "--anchor", "12:abc"]).status == 64)
    }

    @Test func backupMakesAVerifiableCopy() throws {
        let (desk, head) = try deskWithHistory()
        try desk.expectSuccess(["backup", "copy.db"])
        let copy = try desk.run(["audit", "verify", "--db", "copy.db", "--anchor", head])
        #expect(copy.status == 0)
        #expect(try desk.run(["backup", "copy.db"]).status == 65)
    }
}
