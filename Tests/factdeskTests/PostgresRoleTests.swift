import Foundation
import Testing

/// On a PostgreSQL desk identity is the database login: what a reviewer's or an editor's
/// login may do with psql, beside the desk's commands, on this desk, its owner and the rest
/// of the cluster.
@Suite(.tags(.postgres), .needsPostgres)
struct PostgresRoleTests {
    /// A handle no other test of the cluster uses, so that its login is this desk's alone.
    private static func unique(_ prefix: String) -> String {
        prefix + "_" + UUID().uuidString.prefix(8).lowercased()
    }

    private static func database(of desk: Binary) throws -> String {
        try #require(URLComponents(string: desk.desk(for: desk.user))?.path.dropFirst().description)
    }

    /// Whether a role logs in over TCP with a password, which the cluster checks (SCRAM).
    private static func logsIn(_ role: String, password: String, database: String) throws -> Bool {
        let owner = try #require(TestCluster.ownerURL.flatMap(URLComponents.init(string:)))
        let url = "postgres://\(role):\(password)@127.0.0.1:\(owner.port ?? 5432)/\(database)"
        return try runProgram("/usr/bin/env", ["psql", url, "-qAt", "-c", "SELECT 1"]).0 == 0
    }

    private static let time = "'2026-01-01 00:00:00.000'"

    @Test func aReviewersLoginCannotSilenceOrForgeNotifications() throws {
        let desk = try Binary.seededDesk(on: .postgres)
        let database = try Self.database(of: desk)
        for sql in [
            "UPDATE notify_cursor SET seq = 1000000000000",
            "INSERT INTO inbox (handle, topic, key, detail, created_at) VALUES ('sara', 'audit-failed', 'planted', 'log in at https://evil.example', \(Self.time))",
            "INSERT INTO outbox (channel, target, key, created_at, next_at) VALUES ('email', 'sara', 'planted', \(Self.time), \(Self.time))",
            "UPDATE outbox SET status = 'sent'",
            "UPDATE webhook SET disabled_at = \(Self.time)",
            "SELECT secret FROM webhook",
            "SELECT password FROM mail_setting",
        ] {
            let (status, output) = try TestCluster.psql(sql, database: database, user: "layla")
            #expect(status != 0 && output.contains("permission denied"), "\(sql): \(output)")
        }
        // Her inbox's read flags, her follows and her own settings are hers to write.
        let (status, output) = try TestCluster.psql("UPDATE inbox SET read_at = \(Self.time) WHERE handle = 'layla'", database: database,
                                                    user: "layla")
        #expect(status == 0, "\(output)")
    }

    @Test func aReviewersLoginChoosesOnlyHerOwnInterfaceAndNotTheDesksMonths() throws {
        let desk = try Binary.seededDesk(on: .postgres)
        let database = try Self.database(of: desk)
        for sql in [
            "INSERT INTO interface_setting (handle, language, digits) VALUES ('sara', 'ar', 'eastern')",
            "INSERT INTO desk_setting (name, value) VALUES ('months', 'egyptian')",
        ] {
            let (status, output) = try TestCluster.psql(sql, database: database, user: "layla")
            #expect(status != 0 && (output.contains("permission denied") || output.contains("your own interface")), "\(sql): \(output)")
        }
        let (status, output) = try TestCluster.psql("INSERT INTO interface_setting (handle, language, digits) VALUES ('layla', 'ar', 'eastern')",
                                                    database: database, user: "layla")
        #expect(status == 0, "\(output)")
        // A value the interface does not know is refused by the table itself.
        let (refused, message) = try TestCluster.psql("UPDATE interface_setting SET language = 'fr' WHERE handle = 'layla'",
                                                      database: database, user: "layla")
        #expect(refused != 0 && message.contains("check"), "\(message)")
    }

    @Test func aReviewersLoginCannotPlantASessionATokenOrALockout() throws {
        let desk = try Binary.seededDesk(on: .postgres)
        let database = try Self.database(of: desk)
        try desk.expectSuccess(["token", "create", "--name", "sara's"])
        let plants = [
            "INSERT INTO login_session (token_hash, handle, csrf, created_at, last_seen_at) VALUES (repeat('a', 64), 'sara', repeat('c', 32), \(Self.time), \(Self.time))",
            "INSERT INTO api_token (name, token_hash, handle, created_at) VALUES ('planted', repeat('b', 64), 'sara', \(Self.time))",
            "INSERT INTO login_lock (key, until) VALUES ('handle:sara', '2099-01-01 00:00:00.000')",
            "INSERT INTO login_failure (key, at) VALUES ('handle:sara', \(Self.time))",
            "UPDATE api_token SET revoked_at = \(Self.time)",
            "DELETE FROM login_session",
            "SELECT count(*) FROM api_token",
        ]
        for sql in plants {
            let (status, output) = try TestCluster.psql(sql, database: database, user: "layla")
            #expect(status != 0 && output.contains("permission denied"), "\(sql): \(output)")
        }
        // The functions her own commands use act only for her.
        for (sql, refusal) in [
            ("SELECT factdesk_create_token('planted', repeat('d', 64), 'sara', \(Self.time), NULL)",
             "a token may only be made for your own login"),
            ("SELECT factdesk_revoke_token(1, \(Self.time))",
             "only an active editor of this desk may revoke another reviewer's token"),
            ("SELECT factdesk_end_sessions('sara')", "only an active editor of this desk may end another reviewer's sessions"),
        ] {
            let (status, output) = try TestCluster.psql(sql, database: database, user: "layla")
            #expect(status != 0 && output.contains(refusal), "\(sql): \(output)")
        }
        let (_, rows) = try TestCluster.psql("""
            SELECT (SELECT count(*) FROM login_session) || ' ' || (SELECT count(*) FROM api_token WHERE revoked_at IS NULL)
                   || ' ' || (SELECT count(*) FROM login_lock) || ' ' || (SELECT count(*) FROM login_failure)
            """, database: database)
        #expect(rows == "0 1 0 0")
        // Her own token she makes, sees and revokes; sara's she may not revoke.
        let made = try desk.run(["token", "create", "--name", "laptop"], as: "layla")
        #expect(made.status == 0, "\(made.stderr)")
        let listed = try #require(try desk.json(["token", "list"], as: "layla") as? [[String: Any]])
        #expect(listed.map { $0["handle"] as? String } == ["layla"])
        let id = try #require(listed.first?["id"] as? Int)
        #expect(try desk.run(["token", "revoke", String(id)], as: "layla").status == 0)
        #expect(try desk.run(["token", "revoke", "1"], as: "layla").status != 0)
        let verify = try desk.run(["audit", "verify"])
        #expect(verify.status == 0, "\(verify.stderr)")
    }

    @Test func anEditorCannotTakeTheOwnersLoginOrAnotherApplicationsRole() throws {
        let owner = Self.unique("owner"), editor = Self.unique("editor"), application = Self.unique("app")
        let desk = try Binary(backend: .postgres, owner: owner)
        try desk.expectSuccess(["init"])
        try desk.expectSuccess(["reviewer", "add", editor, "--role", "editor"])
        let database = try Self.database(of: desk)
        for sql in ["ALTER ROLE \(owner) PASSWORD 'owner-before'", "CREATE ROLE \(application) LOGIN PASSWORD 'app-before'",
                    "CREATE DATABASE \(application) OWNER \(application)"] {
            let (status, output) = try TestCluster.psql(sql)
            try #require(status == 0, "\(output)")
        }
        // The editor slips the application's role in as a reviewer: editors may write that table.
        let (added, addOutput) = try TestCluster.psql(
            "INSERT INTO reviewer (handle, display_name, role, created_at) VALUES ('\(application)', 'x', 'editor', \(Self.time))",
            database: database, user: editor)
        #expect(added == 0, "\(addOutput)")
        for target in [owner, application] {
            for sql in ["SELECT factdesk_set_login_password('\(target)', 'taken-over')",
                        "SELECT factdesk_grant_login('\(target)', true, true)",
                        "SELECT factdesk_set_credential('\(target)', repeat('h', 60), \(Self.time))"] {
                let (status, output) = try TestCluster.psql(sql, database: database, user: editor)
                #expect(status != 0 && output.contains("is not a login this desk made for a reviewer"), "\(sql): \(output)")
            }
            #expect(try !Self.logsIn(target, password: "taken-over", database: target == owner ? database : application))
        }
        #expect(try Self.logsIn(owner, password: "owner-before", database: database))
        #expect(try Self.logsIn(application, password: "app-before", database: application))
        let (_, memberships) = try TestCluster.psql("""
            SELECT count(*) FROM pg_auth_members WHERE member = '\(application)'::regrole OR member = '\(owner)'::regrole
            """)
        #expect(memberships == "0")
        // The desk's own reviewers' logins the editor still manages.
        let reviewer = Self.unique("rev")
        try desk.expectSuccess(["reviewer", "add", reviewer], as: editor)
        let reset = try desk.run(["reviewer", "password", reviewer, "--password-stdin"], as: editor,
                                 stdin: Data("a long passphrase 2026\n".utf8))
        #expect(reset.status == 0, "\(reset.stderr)")
        #expect(try Self.logsIn(reviewer, password: "a long passphrase 2026", database: database))
    }

    @Test func onlyTheOwnersLoginServesTheWebDesk() throws {
        let desk = try Binary.seededDesk(on: .postgres)
        try desk.expectSuccess(["service", "add", "web"])
        let (process, out, err) = try desk.start(["serve", "--port", "0"], as: "layla")
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { process.terminate() }
        let (_, stderr) = readToEnd(out, err)
        process.waitUntilExit()
        #expect(process.terminationStatus == 77)
        #expect(String(decoding: stderr, as: UTF8.self) == "factdesk: error: factdesk serve acts for whoever logs in to the web desk, "
            + "which on PostgreSQL only the desk's owner may do; connect as the role that owns the desk's tables, not as layla\n")
    }

    @Test func anEditorOfOneDeskHasNoRightsOnAnotherDeskOfTheCluster() throws {
        let editor = Self.unique("editor")
        let first = try Binary.seededDesk(on: .postgres), second = try Binary.seededDesk(on: .postgres)
        // A reviewer on the second desk, then an editor on the first.
        try second.expectSuccess(["reviewer", "add", editor])
        try first.expectSuccess(["reviewer", "add", editor, "--role", "editor"])
        let database = try Self.database(of: second)
        for sql in ["UPDATE reviewer SET role = 'editor' WHERE handle = '\(editor)'",
                    "INSERT INTO reviewer (handle, display_name, role, created_at) VALUES ('mallory', 'm', 'editor', \(Self.time))",
                    "INSERT INTO service (name, public_key, added_by, added_at) VALUES ('evil', 'ed25519:x', 'sara', \(Self.time))",
                    "INSERT INTO workflow (name, yaml, definition, sha256, installed_by, installed_at) VALUES ('w', '', '{}', repeat('0', 64), 'sara', \(Self.time))"] {
            let (status, output) = try TestCluster.psql(sql, database: database, user: editor)
            #expect(status != 0 && output.contains("permission denied"), "\(sql): \(output)")
        }
        let (status, output) = try TestCluster.psql("SELECT factdesk_grant_login('layla', true, true)", database: database, user: editor)
        #expect(status != 0 && output.contains("only an active editor of this desk"), "\(output)")
        let newcomer = Self.unique("new")
        let refused = try second.run(["reviewer", "add", newcomer], as: editor)
        #expect(refused.status == 77, "\(refused.stderr)")
        let roles = try #require(try second.json(["reviewer", "list"]) as? [[String: Any]])
        #expect(roles.first { $0["handle"] as? String == editor }?["role"] as? String == "reviewer")
        // On the first desk the same login is an editor, who still cannot take a login that is
        // the second desk's alone, even slipped into the first desk's reviewer table.
        try first.expectSuccess(["reviewer", "add", newcomer], as: editor)
        let theirs = Self.unique("theirs")
        try second.expectSuccess(["reviewer", "add", theirs])
        let firstDatabase = try Self.database(of: first)
        let (slipped, slipOutput) = try TestCluster.psql(
            "INSERT INTO reviewer (handle, display_name, role, created_at) VALUES ('\(theirs)', 'x', 'reviewer', \(Self.time))",
            database: firstDatabase, user: editor)
        #expect(slipped == 0, "\(slipOutput)")
        for sql in ["SELECT factdesk_set_login_password('\(theirs)', 'taken-over')", "SELECT factdesk_grant_login('\(theirs)', true, true)"] {
            let (status, output) = try TestCluster.psql(sql, database: firstDatabase, user: editor)
            #expect(status != 0 && output.contains("is not a login this desk made for a reviewer"), "\(sql): \(output)")
        }
        #expect(try !Self.logsIn(theirs, password: "taken-over", database: database))
    }
}
