import Foundation
import Testing
@testable import FactDeskKit

/// On a PostgreSQL desk, login rows written past the desk's rules (here by the database's
/// owner in psql, who can write any row) open nothing, as on a desk file.
@Suite(.tags(.postgres), .needsPostgres) struct ForgedLoginStoreTests {
    private func desk() async throws -> (ClaimStore, String) {
        let url = try TestPostgres.freshDatabase()
        let store = try await ClaimStore.create(path: url, workflow: .named("standard"),
                                          editor: NewReviewer(handle: PostgresStoreTests.owner, role: .editor)).running()
        // Not the owner's password: on PostgreSQL that is also the password of the cluster's role.
        try await store.team.addReviewer(NewReviewer(handle: "layla"), by: PostgresStoreTests.owner)
        try await store.team.addReviewer(NewReviewer(handle: "omar", role: .editor), by: PostgresStoreTests.owner)
        try await store.logins.setPassword("second pair of eyes", for: "omar", by: PostgresStoreTests.owner, cost: 4)
        try await store.logins.setPassword("correct horse battery", for: "layla", by: PostgresStoreTests.owner, cost: 4)
        return (store, url)
    }

    @Test func plantedSessionsTokensAndCopiedHashesOpenNothingOnPostgreSQL() async throws {
        let (store, url) = try await desk()
        let editor = "omar"
        let real = try await store.logins.logIn(handle: "layla", password: "correct horse battery", address: "a")
        #expect(try await store.logins.session(secret: real.secret.text)?.reviewer.handle == "layla")

        let session = Secret.random(), token = Secret.random(prefix: "fdt_")
        let now = StoredTime.text(Date())
        try TestPostgres.psql("""
            INSERT INTO login_session (token_hash, handle, csrf, created_at, last_seen_at)
            VALUES ('\(session.digest)', '\(editor)', '\(Secret.random().text)', '\(now)', '\(now)');
            INSERT INTO api_token (name, token_hash, handle, created_at) VALUES ('planted', '\(token.digest)', '\(editor)', '\(now)');
            """, on: url)
        #expect(try await store.logins.session(secret: session.text) == nil)
        #expect(try await store.logins.reviewer(forToken: token.text) == nil)

        // omar's hash, set for layla without an event: omar's password does not open her account.
        try TestPostgres.psql("""
            UPDATE credential SET password_hash = (SELECT password_hash FROM credential WHERE handle = '\(editor)') WHERE handle = 'layla'
            """, on: url)
        await #expect(throws: AccessError.wrongCredentials) {
            try await store.logins.logIn(handle: "layla", password: "second pair of eyes", address: "b")
        }
        #expect(try await store.audit.verifyAudit().problems.contains { $0.row == "credential layla" })
    }
}
