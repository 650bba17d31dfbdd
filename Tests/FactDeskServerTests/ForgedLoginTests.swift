import FactDeskKit
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FactDeskServer

/// What anyone who can write the desk file tries, with the sqlite3 library alone, to act as
/// someone else on the web desk: each attempt must open nothing.
@Suite struct ForgedLoginTests {
    /// Runs SQL on the desk file as a stranger with write access to it would.
    private func plant(_ desk: WebDesk, _ sql: String, _ arguments: StatementArguments = []) throws {
        let queue = try DatabaseQueue(path: desk.path)
        try queue.write { try $0.execute(sql: sql, arguments: arguments) }
        try queue.close()
    }

    @Test func aSessionRowPlantedInTheDeskFileOpensNothing() async throws {
        let desk = try await WebDesk()
        let secret = Secret.random()
        try plant(desk, """
            INSERT INTO login_session (token_hash, handle, csrf, created_at, last_seen_at)
            VALUES (?, 'sara', ?, ?, ?)
            """, [secret.digest, Secret.random().text, Date(), Date()])
        try await desk.test { client in
            let browser = Browser(client)
            browser.cookies[DeskMiddleware.sessionCookie] = secret.text
            let queue = try await browser.get("/")
            #expect(queue.status == .seeOther)
            #expect(queue.headers[.location]?.hasPrefix("/login") == true)
            #expect(try await browser.get("/api/claims").status == .unauthorized)
        }
    }

    @Test func aTokenRowPlantedInTheDeskFileOpensNothing() async throws {
        let desk = try await WebDesk()
        let secret = Secret.random(prefix: "fdt_")
        try plant(desk, """
            INSERT INTO api_token (name, token_hash, handle, created_at) VALUES ('planted', ?, 'sara', ?)
            """, [secret.digest, Date()])
        try await desk.test { client in
            let response = try await client.execute(uri: "/api/claims", method: .get,
                                                     headers: [.authorization: "Bearer \(secret.text)"])
            #expect(response.status == .unauthorized)
        }
        // Even copied from a real token's creation, a row of another reviewer's opens nothing.
        let (_, real) = try await desk.store.logins.createToken(name: "script", expiresAt: nil, by: "layla")
        try plant(desk, "UPDATE api_token SET handle = 'sara' WHERE token_hash = ?", [real.digest])
        #expect(try await desk.store.logins.reviewer(forToken: real.text) == nil)
    }

    @Test func aBcryptHashCopiedIntoAnotherReviewersRowIsRefusedAtLogin() async throws {
        let desk = try await WebDesk()
        // Whoever knows sara's password puts her hash in layla's row, to log in as layla.
        try plant(desk, "UPDATE credential SET password_hash = (SELECT password_hash FROM credential WHERE handle = 'sara') WHERE handle = 'layla'")
        try await desk.test { client in
            let browser = Browser(client)
            let login = try await browser.logIn("layla", password: WebDesk.passwords["sara"])
            #expect(login.status == .unauthorized)
            #expect(login.text.contains("wrong handle or password"))
            #expect(try await browser.get("/").status == .seeOther)
        }
        await #expect(throws: AccessError.wrongCredentials) {
            try await desk.store.logins.logIn(handle: "layla", password: WebDesk.passwords["sara"] ?? "", address: "b")
        }
        let report = try await desk.store.audit.verifyAudit()
        #expect(report.problems.contains { $0.row == "credential layla" })
    }

    @Test func aPasswordChangeRevokesTheReviewersTokens() async throws {
        let desk = try await WebDesk()
        let (token, secret) = try await desk.store.logins.createToken(name: "script", expiresAt: nil, by: "layla")
        let (_, others) = try await desk.store.logins.createToken(name: "script", expiresAt: nil, by: "omar")
        try await desk.test { client in
            let before = try await client.execute(uri: "/api/claims", method: .get, headers: [.authorization: "Bearer \(secret.text)"])
            #expect(before.status == .ok)
        }
        try await desk.store.logins.setPassword("a brand new passphrase", for: "layla", by: "sara", cost: 4)
        try await desk.test { client in
            let after = try await client.execute(uri: "/api/claims", method: .get, headers: [.authorization: "Bearer \(secret.text)"])
            #expect(after.status == .unauthorized)
            let other = try await client.execute(uri: "/api/claims", method: .get, headers: [.authorization: "Bearer \(others.text)"])
            #expect(other.status == .ok)
        }
        #expect(try await desk.store.logins.tokens(visibleTo: "layla").first { $0.id == token.id }?.revokedAt != nil)
        var revocations: [AuditEvent] = []
        try await desk.store.audit.history { if $0.action == AuditAction.tokenRevoke { revocations.append($0) } }
        #expect(revocations.map(\.actor) == ["sara"] && revocations.first?.payload.handle == "layla")
        // Made usable again in the file, the revoked token stays refused: its revocation is in the history.
        try plant(desk, "UPDATE api_token SET revoked_at = NULL")
        #expect(try await desk.store.logins.reviewer(forToken: secret.text) == nil)
        #expect(try await desk.store.audit.verifyAudit().problems.isEmpty)
    }

    @Test func aSessionIsGoodOnEveryServerWithTheSameKeyFolderAndNoOther() async throws {
        let desk = try await WebDesk()
        let folders = (0..<2).map { _ in FileManager.default.temporaryDirectory.appendingPathComponent("factdesk-keys-\(UUID().uuidString)").path }
        func server(_ folder: String) async throws -> DeskServer {
            let store = try await ClaimStore.open(path: desk.path, signer: EventSigner(keys: .folder(folder), service: "web"))
            return try DeskServer(store: store, configuration: ServerConfiguration(baseURL: WebDesk.origin, logRequests: false))
        }
        let first = await Application(router: try server(folders[0]).router())
        let (loggedIn, cookie) = try await first.test(.router) { client in
            let browser = Browser(client)
            let status = try await browser.logIn("layla").status
            return (status, browser.cookies[DeskMiddleware.sessionCookie] ?? "")
        }
        #expect(loggedIn == .seeOther)
        let keyFile = folders[0] + "/services/web.session-key"
        var info = stat()
        #expect(stat(keyFile, &info) == 0 && info.st_mode & 0o777 == 0o600)
        for (folder, opens) in [(folders[0], true), (folders[1], false)] {
            let app = await Application(router: try server(folder).router())
            let status = try await app.test(.router) { client in
                let browser = Browser(client)
                browser.cookies[DeskMiddleware.sessionCookie] = cookie
                return try await browser.get("/").status
            }
            #expect(status == (opens ? .ok : .seeOther))
        }
        // A session key others can read is refused, as a private key is.
        chmod(keyFile, 0o644)
        let loose = try await ClaimStore.open(path: desk.path, signer: EventSigner(keys: .folder(folders[0]), service: "web"))
        await #expect(throws: KeyError.readableByOthers(path: keyFile)) { try await loose.logins.session(secret: cookie) }
    }
}
