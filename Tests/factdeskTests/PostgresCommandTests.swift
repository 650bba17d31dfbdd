import Foundation
import Testing

/// A desk on PostgreSQL from the command line: who acts is who logs in, reviewers' roles
/// may only append to the history, and a desk moves between a file and a database.
@Suite(.tags(.postgres), .needsPostgres)
struct PostgresCommandTests {
    @Test func aReviewerActsAsTheirOwnLoginAndNoOneElse() throws {
        let desk = try Binary.seededDesk(on: .postgres)
        try desk.expectSuccess(["assign", "1", "--to", "layla"])
        // layla logs in as layla: --as omar is refused, acting as herself works.
        let impersonating = try desk.run(["start", "1", "--as", "omar"], as: "layla")
        #expect(impersonating.status == 77)
        #expect(impersonating.stderr.contains("you are logged in to this desk as layla"))
        try desk.expectSuccess(["start", "1"], as: "layla")
        let history = try #require(try desk.json(["history", "1", "--limit", "1"]) as? [[String: Any]]).first
        #expect(history?["actor"] as? String == "layla" && history?["action"] as? String == "start")
        // Her own password she may set (for the web desk and her role alike), another's not.
        let own = try desk.run(["reviewer", "password", "--password-stdin"], as: "layla", stdin: Data("a passphrase of her own\n".utf8))
        #expect(own.status == 0, "\(own.stderr)")
        let other = try desk.run(["reviewer", "password", "omar", "--password-stdin"], as: "layla", stdin: Data("a passphrase for him\n".utf8))
        #expect(other.status == 77)
        // The desk's owner (sara, who created it) may act for others, as `serve` does.
        try desk.expectSuccess(["note", "1", "من المحرر", "--as", "omar"])
    }

    @Test func aReviewersRoleCannotRewriteTheHistoryOrItsTriggers() async throws {
        let desk = try Binary.seededDesk(on: .postgres)
        let database = try #require(URLComponents(string: desk.desk(for: "layla"))?.path.dropFirst().description)
        let before = try desk.eventCount()
        for sql in ["UPDATE event SET actor = 'layla' WHERE seq = 1", "DELETE FROM event WHERE seq = 1",
                    "TRUNCATE event", "DROP TRIGGER event_no_update ON event", "ALTER TABLE event DISABLE TRIGGER ALL",
                    "UPDATE claim SET text = 'x' WHERE id = 1"] {
            let (status, output) = try TestCluster.psql(sql, database: database, user: "layla")
            #expect(status != 0, "\(sql)")
            #expect(output.contains("permission denied") || output.contains("must be owner"), "\(sql): \(output)")
        }
        // An event in someone else's name is refused; in her own name it is history like any other.
        let forged = """
            INSERT INTO event (seq, at, actor, action, details, prev_hash, hash)
            SELECT max(seq) + 1, '2026-01-01 00:00:00.000', 'sara', 'desk.note', '{}', repeat('0', 64), repeat('1', 64) FROM event
            """
        let (status, output) = try TestCluster.psql(forged, database: database, user: "layla")
        #expect(status != 0 && output.contains("an event may only be written in your own name"))
        #expect(try desk.eventCount() == before)
        let verify = try desk.run(["audit", "verify"])
        #expect(verify.status == 0 && verify.stdout.contains("the history is intact"))
    }

    @Test func aDeskMovesToPostgreSQLAndBackWithTheSameHead() throws {
        let file = try Binary.seededDesk()
        try file.expectSuccess(["assign", "1", "--to", "layla"])
        try Data(KnownCheckTests.feed.utf8).write(to: file.folder.appendingPathComponent("feed.json"))
        try file.expectSuccess(["import", "claimreview", "feed.json"])
        #expect(try file.run(["reviewer", "password", "layla", "--password-stdin"], stdin: Data("a long passphrase 2026\n".utf8)).status == 0)
        let anchor = try file.run(["audit", "head"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let target = try Binary(backend: .postgres)
        let url = target.desk(for: "sara")
        let moved = try file.run(["backup", url])
        #expect(moved.status == 0 && moved.stdout.contains("backed up"))
        #expect(!moved.stdout.contains("password"))
        let there = try target.run(["audit", "verify", "--anchor", anchor])
        #expect(there.status == 0, "\(there.stderr)")
        #expect(try target.run(["audit", "head"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == anchor)
        // layla has a login on the moved desk and works there as herself, with her key.
        let started = try target.run(["start", "1"], as: "layla", environment: ["FACTDESK_KEYS": file.keysPath])
        #expect(started.status == 0, "\(started.stderr)")
        let keyless = try target.run(["note", "1", "no key here"], as: "layla")
        #expect(keyless.status == 77 && keyless.stderr.contains("you do not hold layla's key"))
        let back = file.folder.appendingPathComponent("back.db").path
        try target.expectSuccess(["backup", back])
        let returned = try file.run(["audit", "verify", "--db", back])
        #expect(returned.status == 0 && returned.stdout.contains("the history is intact"))
        #expect(try file.json(["claim", "show", "1", "--db", back]) as? [String: Any] != nil)
        #expect(try target.run(["import", "claimreview", file.folder.appendingPathComponent("feed.json").path])
            .stdout.contains("4 already known"))
        // A second move into the same database is refused and changes nothing there.
        let again = try file.run(["backup", url])
        #expect(again.status == 65 && again.stderr.contains("already exists"))
    }

    @Test func aLoginThatMayNotCreateRolesIsToldWhatItLacks() throws {
        let desk = try Binary()
        let login = "plain_" + UUID().uuidString.prefix(8).lowercased()
        let database = "fdcli_" + login
        for sql in ["CREATE ROLE \(login) LOGIN", "CREATE DATABASE \(database) OWNER \(login)"] {
            let (status, output) = try TestCluster.psql(sql)
            try #require(status == 0, "\(output)")
        }
        let refused = try desk.run(["init", "--db", TestCluster.socketURL(user: login, database: database)])
        #expect(refused.status == 77)
        #expect(refused.stderr == "factdesk: error: \(login) may not create roles, which a desk needs for its reviewers' logins; "
            + "ask the cluster's administrator for ALTER ROLE \(login) CREATEROLE\n")
        let (_, tables) = try TestCluster.psql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", database: database)
        #expect(tables == "0", "nothing of the desk is left behind")
    }

    @Test func anUnansweringServerIsExit74AndAWrongPasswordExit77() throws {
        let desk = try Binary()
        let closed = try desk.run(["claim", "list", "--db", "postgres://sara@127.0.0.1:1/desk", "--connect-timeout", "2"])
        #expect(closed.status == 74)
        #expect(closed.stderr == "factdesk: error: cannot reach the PostgreSQL server at 127.0.0.1:1: connection refused; is the server running?\n")
        let ownerURL = try #require(TestCluster.ownerURL)
        let owner = try #require(URLComponents(string: ownerURL))
        let wrong = "postgres://\(owner.user ?? ""):wrong@127.0.0.1:\(owner.port ?? 5432)/postgres"
        let refused = try desk.run(["claim", "list", "--db", wrong])
        #expect(refused.status == 77)
        #expect(refused.stderr.contains("PostgreSQL refused the login of"))
        #expect(!refused.stderr.contains("wrong"))
        let notADesk = try desk.run(["claim", "list", "--db", TestCluster.socketURL(user: "factdesk_owner", database: "postgres")])
        #expect(notADesk.status == 74 && notADesk.stderr.contains("is not a FactDesk desk"))
    }
}
