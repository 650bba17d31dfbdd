import Foundation
import Testing
@testable import FactDeskKit

/// A PostgreSQL desk made before each desk had its own group roles, brought up to date when
/// its owner opens it, and still working for its reviewers and editors afterwards.
@Suite(.tags(.postgres), .needsPostgres)
struct PostgresMigrationTests {
    @Test func aDeskMadeWithTheClusterWideRolesMovesToItsOwnAndKeepsWorking() async throws {
        guard TestPostgres.ownerURL != nil else { _ = try TestPostgres.freshDatabase(); return }
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let owner = "own_" + suffix, reviewer = "rev_" + suffix, editor = "ed_" + suffix, database = "fdold_" + suffix
        try TestPostgres.psql("CREATE ROLE \(owner) LOGIN CREATEROLE")
        try TestPostgres.psql("CREATE DATABASE \(database) OWNER \(owner)")
        let admin = TestPostgres.url(database: database)
        let ownerURL = TestPostgres.socketURL(user: owner, database: database)

        // The desk as the release before made it: every migration before v12.
        let older = Array(PostgresSchema.migrations.prefix { !$0.name.hasPrefix("v12") })
        #expect(older.count == 11 && older.last?.name.hasPrefix("v11") == true)
        let storage = try await PostgreSQLStorage.create(try PostgresAddress(url: ownerURL), connectTimeout: 5, busyTimeout: 5,
                                                         migrations: older) { tx, login in
            try await Team.initialize(tx, workflow: .named("standard"), editor: NewReviewer(handle: login, role: .editor),
                                            deskName: nil, at: Date(), signer: ClaimStore.processSigner)
        }
        let before = ClaimStore(storage: storage, busyTimeout: 5, clock: Date.init, signer: ClaimStore.processSigner).running()
        try await before.team.addReviewer(NewReviewer(handle: reviewer), by: owner)
        try await before.team.addReviewer(NewReviewer(handle: editor, role: .editor), by: owner)
        _ = try await before.imports.addSource(NewSource(body: try seedArticle()), extract: false, by: owner)
        _ = try await before.review.addClaim(sourceID: 1, text: "على مدار 4 ساعات", by: owner)
        // A token as the release before wrote it (its SQL, not today's, which calls v12's functions).
        try TestPostgres.psql("""
            INSERT INTO api_token (name, token_hash, handle, created_at) VALUES ('old', repeat('a', 64), '\(reviewer)', '2026-01-01 00:00:00.000')
            """, on: admin)
        // What the red team used: the reviewer's login could write sessions.
        #expect(try TestPostgres.psql("SELECT has_table_privilege('\(reviewer)', 'login_session', 'INSERT')", on: admin) == "t")

        let migrated = try await ClaimStore.open(path: ownerURL).running()
        let group = "factdesk_\(database)_"
        #expect(try TestPostgres.psql("""
            SELECT pg_has_role('\(reviewer)', '\(group)reviewer', 'MEMBER'), pg_has_role('\(editor)', '\(group)editor', 'MEMBER'),
                   pg_has_role('\(reviewer)', '\(group)editor', 'MEMBER'),
                   has_table_privilege('\(reviewer)', 'login_session', 'INSERT'), has_table_privilege('\(reviewer)', 'api_token', 'INSERT'),
                   has_table_privilege('\(reviewer)', 'login_lock', 'UPDATE'), has_table_privilege('\(reviewer)', 'login_failure', 'INSERT'),
                   has_table_privilege('factdesk_reviewer', 'claim', 'SELECT'), has_table_privilege('factdesk_editor', 'reviewer', 'INSERT'),
                   has_table_privilege('\(editor)', 'reviewer', 'INSERT')
            """, on: admin) == "t|t|f|f|f|f|f|f|f|t")
        #expect(try await migrated.audit.verifyAudit().problems.isEmpty)

        // The reviewer works as before: a transition, a note, her own tokens and password.
        _ = try await migrated.review.apply(TransitionCommand(transition: "assign", claimIDs: [1], actor: owner, assignee: reviewer))
        let mine = try await ClaimStore.open(path: TestPostgres.socketURL(user: reviewer, database: database)).running()
        _ = try await mine.review.apply(TransitionCommand(transition: "start", claimIDs: [1], actor: reviewer))
        _ = try await mine.review.addNote(to: 1, body: "مدة الجولة مؤكدة", by: reviewer)
        let made = try await mine.logins.createToken(name: "laptop", expiresAt: nil, by: reviewer).token
        #expect(try await mine.logins.tokens(visibleTo: reviewer).map(\.name) == ["old", "laptop"])
        for token in try await mine.logins.tokens(visibleTo: reviewer) { try await mine.logins.revokeToken(token.id, by: reviewer) }
        #expect(try await mine.logins.tokens(visibleTo: reviewer).allSatisfy { $0.revokedAt != nil })
        #expect(made.handle == reviewer)
        try await mine.logins.setPassword("a long passphrase 2026", for: reviewer, by: reviewer)

        // The editor adds a reviewer and sets the password of one of the desk's own.
        let theirs = try await ClaimStore.open(path: TestPostgres.socketURL(user: editor, database: database)).running()
        try await theirs.team.addReviewer(NewReviewer(handle: "new_" + suffix), by: editor)
        try await theirs.logins.setPassword("another long passphrase", for: reviewer, by: editor)
        #expect(try TestPostgres.psql("SELECT pg_has_role('new_\(suffix)', '\(group)reviewer', 'MEMBER')", on: admin) == "t")
        // Logins that connect to no other database left the cluster-wide groups.
        #expect(try TestPostgres.psql("""
            SELECT count(*) FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
            WHERE g.rolname IN ('factdesk_reviewer', 'factdesk_editor') AND m.member IN ('\(reviewer)'::regrole, '\(editor)'::regrole)
            """, on: admin) == "0")

        let report = try await migrated.audit.verifyAudit()
        #expect(report.problems.isEmpty, "\(report.problems)")
    }
}
