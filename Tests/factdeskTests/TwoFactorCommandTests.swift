import Foundation
import GRDB
import Testing

/// `factdesk 2fa enable` and `disable`, on a desk file and on PostgreSQL, where reviewers'
/// and editors' roles cannot read or write the secrets themselves.
@Suite struct TwoFactorCommandTests {
    @Test(arguments: Backend.tested)
    func enablePrintsTheURIAndTenCodesOnceAndOnlyTheReviewerOrAnEditorMayChangeIt(backend: Backend) async throws {
        let desk = try Binary.seededDesk(on: backend)
        let before = try desk.eventCount()
        let foreign = try desk.run(["2fa", "enable", "sara"], as: "layla")
        #expect(foreign.status == 77)
        #expect(foreign.stderr.contains("turn on another reviewer's two-factor login"))
        #expect(try desk.eventCount() == before)

        let own = try desk.run(["2fa", "enable"], as: "layla")
        #expect(own.status == 0, "\(own.stderr)")
        let lines = own.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 11)
        #expect(lines[0].hasPrefix("otpauth://totp/FactDesk:layla@"))
        #expect(lines[0].contains("&issuer=FactDesk&algorithm=SHA1&digits=6&period=30"))
        #expect(lines.dropFirst().allSatisfy { $0.wholeMatch(of: /[a-z2-9]{4}(-[a-z2-9]{4}){3}/) != nil })
        #expect(own.stderr.contains("none of this is shown again"))

        let byEditor = try desk.json(["2fa", "enable", "omar"], as: "sara") as? [String: Any]
        #expect((byEditor?["recovery_codes"] as? [String])?.count == 10)
        #expect(try desk.run(["2fa", "disable", "omar"], as: "layla").status == 77)
        #expect(try desk.run(["2fa", "disable", "omar"], as: "omar").stdout.contains("two-factor login off for omar"))
        let none = try desk.run(["2fa", "disable", "omar"], as: "sara")
        #expect(none.status == 66)
        #expect(none.stderr.contains("omar has no two-factor login"))

        let history = try desk.run(["history", "--json"]).stdout
        #expect(history.contains("twofactor.enable") && history.contains("twofactor.disable"))
        #expect(!history.contains(lines[1]))
        #expect(!history.contains("secret"))
        let verified = try desk.run(["audit", "verify"])
        #expect(verified.status == 0, "\(verified.stdout) \(verified.stderr)")
    }

    @Test(.tags(.postgres), .needsPostgres) func onPostgreSQLReviewersAndEditorsCanNeitherReadNorWriteTheSecrets() throws {
        let desk = try Binary.seededDesk(on: .postgres)
        try desk.expectSuccess(["reviewer", "role", "omar", "editor"])
        try desk.expectSuccess(["2fa", "enable"], as: "layla")
        let database = try #require(URLComponents(string: desk.desk(for: "layla"))?.path.dropFirst().description)
        for user in ["layla", "omar"] {
            for sql in ["SELECT secret FROM second_factor", "SELECT * FROM recovery_code",
                        "UPDATE second_factor SET last_step = 0", "UPDATE recovery_code SET used_at = NULL",
                        "INSERT INTO second_factor (handle, secret, enabled_at) VALUES ('sara', 'AAAAAAAAAAAAAAAAAAAA', 'x')",
                        "DELETE FROM second_factor"] {
                let (status, output) = try TestCluster.psql(sql, database: database, user: user)
                #expect(status != 0, "\(user): \(sql)")
                #expect(output.contains("permission denied"), "\(user): \(sql): \(output)")
            }
            // Who has one is no secret.
            let (status, output) = try TestCluster.psql("SELECT handle FROM second_factor", database: database, user: user)
            #expect(status == 0 && output.contains("layla"), "\(user): \(output)")
        }
        // The checked function: a reviewer may not give an editor a second factor she would hold.
        let (status, output) = try TestCluster.psql(
            "SELECT factdesk_set_second_factor('sara', 'AAAAAAAAAAAAAAAAAAAA', '', 'x')", database: database, user: "layla")
        #expect(status != 0 && output.contains("only the reviewer or an active editor"), "\(output)")
        // A reviewer's own `audit verify` holds who has one to the history, reading only the handles.
        let verified = try desk.run(["audit", "verify"], as: "layla")
        #expect(verified.status == 0, "\(verified.stdout) \(verified.stderr)")
    }

    @Test(.tags(.postgres), .needsPostgres) func aDeskMovedToPostgreSQLAndBackKeepsItsSecondFactors() throws {
        let file = try Binary.seededDesk()
        try file.expectSuccess(["2fa", "enable"], as: "layla")
        let target = try Binary(backend: .postgres)
        try file.expectSuccess(["backup", target.desk(for: "sara")])
        let back = file.folder.appendingPathComponent("back.db").path
        try target.expectSuccess(["backup", back])
        let counts = try DatabaseQueue(path: back).read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM second_factor WHERE handle = 'layla'"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM recovery_code WHERE handle = 'layla' AND used_at IS NULL"))
        }
        #expect(counts.0 == 1 && counts.1 == 10)
        #expect(try file.run(["audit", "verify", "--db", back]).status == 0)
    }
}
