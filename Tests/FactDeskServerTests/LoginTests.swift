import FactDeskKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FactDeskServer

@Suite struct LoginTests {
    @Test func aPageAsksAStrangerToLogInAndTheAPISays401() async throws {
        let desk = try await WebDesk()
        try await desk.test { client in
            let browser = Browser(client)
            let page = try await browser.get("/claims/1")
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/login?next=%2Fclaims%2F1")
            let api = try await browser.get("/api/claims")
            #expect(api.status == .unauthorized)
            let error = try JSONSerialization.jsonObject(with: Data(api.text.utf8)) as? [String: [String: String]]
            #expect(error?["error"]?["kind"] == "not_logged_in")
        }
    }

    @Test func aLoginSetsAnHttpOnlyLaxCookieAndOpensTheQueue() async throws {
        let desk = try await WebDesk()
        try await desk.test { client in
            let browser = Browser(client)
            let login = try await browser.logIn("sara")
            #expect(login.status == .seeOther)
            let cookie = login.headers[values: .setCookie].first { $0.hasPrefix("fd_session=") } ?? ""
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"))
            let queue = try await browser.get("/")
            #expect(queue.status == .ok)
            #expect(queue.text.contains("<bdi>sara</bdi> · editor"))
            #expect(queue.text.contains("Unassigned, most check-worthy first"))
        }
    }

    @Test func cookiesAreSecureWhenTheDeskIsReachedOverHTTPS() async throws {
        let desk = try await WebDesk()
        try await desk.test(baseURL: "https://localhost") { client in
            let browser = Browser(client)
            browser.origin = "https://localhost"
            let login = try await browser.logIn("layla")
            #expect(login.status == .seeOther)
            #expect(login.headers[values: .setCookie].contains { $0.hasPrefix("fd_session=") && $0.contains("Secure") })
        }
    }

    @Test func aWrongPasswordAndAnUnknownHandleReadAlike() async throws {
        let desk = try await WebDesk()
        try await desk.test { client in
            let browser = Browser(client)
            let wrong = try await browser.logIn("sara", password: "not the password at all")
            let unknown = try await browser.logIn("nobody", password: "not the password at all")
            #expect(wrong.status == .unauthorized)
            #expect(unknown.status == .unauthorized)
            #expect(wrong.text.contains("wrong handle or password"))
            #expect(unknown.text.contains("wrong handle or password"))
            #expect(browser.cookies["fd_session"] == nil)
        }
    }

    @Test func fiveFailuresLockTheHandleEvenForTheRightPassword() async throws {
        let desk = try await WebDesk()
        try await desk.test { client in
            let browser = Browser(client)
            for _ in 0..<5 {
                #expect(try await browser.logIn("layla", password: "guessing wrongly").status == .unauthorized)
            }
            let locked = try await browser.logIn("layla")
            #expect(locked.status == .tooManyRequests)
            #expect(locked.text.contains("too many failed logins"))
            #expect(browser.cookies["fd_session"] == nil)
        }
    }

    @Test func fiveFailuresFromOneAddressLockItWhateverTheHandle() async throws {
        let desk = try await WebDesk()
        for handle in ["a1", "b2", "c3", "d4", "e5"] {
            await #expect(throws: AccessError.wrongCredentials) {
                try await desk.store.logins.logIn(handle: handle, password: "wrong guess here", address: "203.0.113.9")
            }
        }
        await #expect(throws: AccessError.lockedOut(minutes: 15)) {
            try await desk.store.logins.logIn(handle: "sara", password: WebDesk.passwords["sara"] ?? "", address: "203.0.113.9")
        }
        // Another address is not locked, and sara still logs in from there.
        #expect(try await desk.store.logins.logIn(handle: "sara", password: WebDesk.passwords["sara"] ?? "", address: "198.51.100.7")
            .session.reviewer.handle == "sara")
    }

    @Test func theLoginFormWithoutItsTokenIsRefused() async throws {
        let desk = try await WebDesk()
        try await desk.test { client in
            let browser = Browser(client)
            let response = try await browser.post("/login", [("handle", "sara"), ("password", WebDesk.passwords["sara"] ?? "")])
            #expect(response.status == .forbidden)
            #expect(browser.cookies["fd_session"] == nil)
        }
    }

    @Test func logoutEndsTheSession() async throws {
        let desk = try await WebDesk()
        try await desk.test { client in
            let browser = Browser(client)
            try await browser.logIn("sara")
            let secret = browser.cookies["fd_session"] ?? ""
            let token = try await browser.csrf()
            #expect(try await browser.post("/logout", [("csrf", token)]).status == .seeOther)
            browser.cookies["fd_session"] = secret  // a copy of the old cookie no longer works
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    @Test func deactivatingAReviewerOrChangingTheirPasswordEndsTheirSessions() async throws {
        let desk = try await WebDesk()
        try await desk.test { client in
            let layla = Browser(client)
            try await layla.logIn("layla")
            #expect(try await layla.get("/").status == .ok)
            try await desk.store.logins.setPassword("a brand new phrase", for: "layla", by: "sara", cost: 4)
            #expect(try await layla.get("/").status == .seeOther)

            try await layla.logIn("layla", password: "a brand new phrase")
            #expect(try await layla.get("/").status == .ok)
            try await desk.store.team.setReviewer("layla", active: false, by: "sara")
            #expect(try await layla.get("/").status == .seeOther)
            #expect(try await layla.logIn("layla", password: "a brand new phrase").status == .unauthorized)
        }
    }

    @Test func anAPITokenActsAsItsReviewerUntilRevoked() async throws {
        let desk = try await WebDesk()
        let (token, secret) = try await desk.store.logins.createToken(name: "script", expiresAt: nil, by: "layla")
        try await desk.test { client in
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(secret.text)"
            let claims = try await client.execute(uri: "/api/claims?limit=2", method: .get, headers: headers)
            #expect(claims.status == .ok)
            #expect(claims.headers[.contentType] == "application/json")
            try await desk.store.logins.revokeToken(token.id, by: "layla")
            let refused = try await client.execute(uri: "/api/claims", method: .get, headers: headers)
            #expect(refused.status == .unauthorized)
        }
    }

    @Test(arguments: [
        ("short", "has 5 characters"),
        ("1234567890", "most common"),
        ("layla-is-great", "contains the handle"),
        ("aaaaaaaaaaaa", "repeats too few"),
    ])
    func weakPasswordsAreRefusedWithAReason(password: String, reason: String) throws {
        #expect(throws: AccessError.self) { try PasswordPolicy.check(password, handle: "layla") }
        do {
            try PasswordPolicy.check(password, handle: "layla")
        } catch {
            #expect(error.description.contains(reason))
        }
    }

    @Test func aLongArabicPassphraseIsHashedWhole() {
        let phrase = String(repeating: "كلمة سر طويلة جدا ", count: 6)
        let hash = PasswordPolicy.hash(phrase, cost: 4)
        #expect(!hash.contains("كلمة"))
        #expect(PasswordPolicy.matches(phrase, hash: hash))
        // Differs only after bcrypt's 72 bytes: still a different password.
        #expect(!PasswordPolicy.matches(phrase + "x", hash: hash))
    }
}
