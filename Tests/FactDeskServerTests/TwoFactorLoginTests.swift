import FactDeskKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FactDeskServer

@Suite struct TwoFactorLoginTests {
    /// Logs in through the form with a code.
    private func logIn(_ browser: Browser, _ handle: String, code: String?) async throws -> TestResponse {
        let form = try await browser.get("/login")
        var fields = [("csrf", Browser.csrf(in: form)), ("handle", handle), ("password", WebDesk.passwords[handle] ?? "")]
        if let code { fields.append(("code", code)) }
        return try await browser.post("/login", fields)
    }

    /// The code of the current step of a URI's secret, as an authenticator computes it.
    private func code(_ uri: String, offset: Double = 0) throws -> String {
        let secret = try #require(URLComponents(string: uri)?.queryItems?.first { $0.name == "secret" }?.value)
        let bytes = try #require(Self.base32(secret))
        let key = try #require(String(validating: bytes, as: UTF8.self))
        let codes = OneTimeCodes(secret: key)
        return codes.code(step: OneTimeCodes.step(at: Date().addingTimeInterval(offset)))
    }

    static func base32(_ text: String) -> [UInt8]? {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var bits = 0, value = 0, bytes: [UInt8] = []
        for character in text {
            guard let index = alphabet.firstIndex(of: character) else { return nil }
            value = (value << 5 | index) & 0xFFFF
            bits += 5
            if bits >= 8 { bytes.append(UInt8((value >> (bits - 8)) & 0xFF)); bits -= 8 }
        }
        return bytes
    }

    @Test func anEditorWithTwoFactorIsRefusedWithoutACodeAndLetInWithOne() async throws {
        let desk = try await WebDesk()
        let enrollment = try await desk.store.logins.enableTwoFactor(for: "sara", by: "sara")
        let current = try code(enrollment.uri)
        try await desk.test { client in
            let browser = Browser(client)
            let bare = try await logIn(browser, "sara", code: nil)
            #expect(bare.status == .unauthorized)
            #expect(bare.text.contains("this login needs a code"))
            #expect(bare.text.contains(#"name="code""#))
            #expect(browser.cookies["fd_session"] == nil)
            let good = try await logIn(browser, "sara", code: current)
            #expect(good.status == .seeOther)
            #expect(browser.cookies["fd_session"] != nil)
            let replay = try await logIn(Browser(client), "sara", code: current)
            #expect(replay.status == .unauthorized)
            #expect(replay.text.contains("already used"))
            let recovery = try await logIn(Browser(client), "sara", code: enrollment.recoveryCodes[0])
            #expect(recovery.status == .seeOther)
            let again = try await logIn(Browser(client), "sara", code: enrollment.recoveryCodes[0])
            #expect(again.status == .unauthorized)
        }
    }

    @Test func requireTwoFactorForEditorsTurnsAwayAnEditorWithoutOneWithASentenceThatSaysHow() async throws {
        let desk = try await WebDesk()
        let app = Application(router: try DeskServer(store: desk.store, configuration: ServerConfiguration(
            baseURL: WebDesk.origin, logRequests: false, requireTwoFactor: .editors)).router())
        try await app.test(.router) { client in
            let refused = try await logIn(Browser(client), "omar", code: nil)
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("requires two-factor logins for editors"))
            #expect(refused.text.contains("factdesk 2fa enable"))
            #expect(try await logIn(Browser(client), "layla", code: nil).status == .seeOther)
        }
    }

    @Test func theSettingsPageTurnsItOnWithAQRCodeOfTheURIAndTheNextLoginNeedsACode() async throws {
        let desk = try await WebDesk()
        try await desk.test { client in
            let browser = Browser(client)
            #expect(try await browser.logIn("layla").status == .seeOther)
            let settings = try await browser.get("/settings")
            #expect(settings.text.contains("Off: your password alone opens the desk"))
            let csrf = Browser.csrf(in: settings)
            let shown = try await browser.post("/settings/2fa/enable", [("csrf", csrf)])
            #expect(shown.status == .ok)
            #expect(shown.text.contains("<svg "))
            let uri = try #require(shown.text.firstMatch(of: /<code class="uri" dir="ltr">([^<]+)<\/code>/)).1
                .replacingOccurrences(of: "&amp;", with: "&")
            #expect(uri.hasPrefix("otpauth://totp/FactDesk:layla@"))
            // The QR code on the page is the code of that URI.
            #expect(shown.text.contains(try QRCode(text: uri).svg(title: "QR code of the two-factor login of layla")))
            #expect(try await desk.store.logins.hasTwoFactor("layla"))
            // Turning it on ended the session: the next login needs the app's code.
            #expect(try await browser.get("/settings").status == .seeOther)
            #expect(try await logIn(browser, "layla", code: nil).status == .unauthorized)
            #expect(try await logIn(browser, "layla", code: try code(uri)).status == .seeOther)
            let on = try await browser.get("/settings")
            #expect(on.text.contains("On: logging in takes your password and a code"))
            let off = try await browser.post("/settings/2fa/disable", [("csrf", Browser.csrf(in: on))])
            #expect(off.status == .seeOther)
            #expect(try await !desk.store.logins.hasTwoFactor("layla"))
            #expect(try await desk.store.audit.verifyAudit().intact)
        }
    }
}
