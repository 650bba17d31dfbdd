import FactDeskKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FactDeskServer

/// Which language a page speaks, and who may change what: the browser's `Accept-Language`
/// before logging in, the header's switch, each reviewer's own setting, and the desk's month
/// names, which only editors choose.
@Suite struct InterfaceChoiceTests {
    private func language(_ value: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.acceptLanguage] = value
        return headers
    }

    @Test func theLoginPageFollowsTheBrowsersLanguageAndTheSwitch() async throws {
        let desk = try await WebDesk()
        try await desk.test { client in
            let browser = Browser(client)
            let arabic = try await browser.get("/login", headers: language("ar-EG,ar;q=0.9,en;q=0.8"))
            #expect(arabic.text.contains(#"<html lang="ar" dir="rtl">"#) && arabic.text.contains("تسجيل الدخول"))
            let english = try await browser.get("/login", headers: language("fr-FR,en;q=0.5"))
            #expect(english.text.contains(#"<html lang="en" dir="ltr">"#) && english.text.contains("Log in"))
            // The switch keeps Arabic for a browser that asks for English, and goes back where it was.
            let switched = try await browser.get("/language?to=ar&next=%2Ftip", headers: language("en"))
            #expect(switched.status == .seeOther && switched.headers[.location] == "/tip")
            #expect(browser.cookies[DeskMiddleware.languageCookie] == "ar")
            #expect(try await browser.get("/tip", headers: language("en")).text.contains(#"<html lang="ar" dir="rtl">"#))
            // Only a path of this desk is a place to go back to; an unknown language is refused.
            #expect(try await browser.get("/language?to=en&next=%2F%2Fevil.example").headers[.location] == "/")
            #expect(try await browser.get("/language?to=xx").status == .badRequest)
        }
    }

    @Test func aReviewersOwnLanguageIsKeptWithThemAndBeatsTheBrowser() async throws {
        let desk = try await WebDesk()
        let head = try await desk.store.audit.auditHead()
        try await desk.test { client in
            let layla = Browser(client)
            try await layla.logIn("layla")
            #expect(try await layla.get("/", headers: language("en")).text.contains(#"<html lang="en" dir="ltr">"#))
            let csrf = try await layla.csrf()
            let switched = try await layla.post("/settings/language", [("csrf", csrf), ("language", "ar"), ("next", "/claims")])
            #expect(switched.status == .seeOther && switched.headers[.location] == "/claims")
            // Another browser of hers, without the cookie and asking for English, gets Arabic.
            let other = Browser(client)
            try await other.logIn("layla")
            let queue = try await other.get("/", headers: language("en"))
            #expect(queue.text.contains(#"<html lang="ar" dir="rtl">"#) && queue.text.contains("قائمتي"))
            // A forged form without the session's token changes nothing.
            let forged = try await other.post("/settings/language", [("csrf", "forged"), ("language", "en")])
            #expect(forged.status == .forbidden)
        }
        #expect(try await desk.store.interface.setting(of: "layla").language == .ar)
        #expect(try await desk.store.interface.setting(of: "sara").language == .en)
        // How the desk looks is not an event: the history did not move.
        #expect(try await desk.store.audit.auditHead().seq == head.seq)
    }

    @Test func easternDigitsChangeTheInterfacesNumbersNeverTheClaimsText() async throws {
        let desk = try await WebDesk()
        let claims = try await desk.store.review.claims(ClaimFilter(limit: 200))
        let claim = try #require(claims.first { text in
            text.text.contains { $0.isASCII && $0.isNumber } && !text.text.contains { "<>&\"'".contains($0) }
        })
        let id = claim.id ?? 0
        try await desk.store.interface.set(language: .ar, digits: .eastern, by: "sara")
        try await desk.test { client in
            let sara = Browser(client)
            try await sara.logIn("sara")
            let page = try await sara.get("/claims/\(id)").text
            let eastern = DigitStyle.eastern.apply(String(id))
            #expect(page.contains("<title>الادعاء \(eastern) · FactDesk</title>"))
            // The claim's words, Western digits and all, are on the page as written; nowhere in Eastern digits.
            #expect(page.contains(claim.text))
            #expect(!page.contains(DigitStyle.eastern.apply(claim.text)))
        }
    }

    @Test func onlyAnEditorChoosesTheDesksMonthNames() async throws {
        let desk = try await WebDesk()
        try await desk.test { client in
            let layla = Browser(client)
            try await layla.logIn("layla")
            let refused = try await layla.post("/settings/months", [("csrf", try await layla.csrf()), ("months", "egyptian")])
            #expect(refused.status == .forbidden)
            let sara = Browser(client)
            try await sara.logIn("sara")
            let csrf = try await sara.csrf()
            #expect(try await sara.post("/settings/months", [("csrf", csrf), ("months", "mars")]).status == .badRequest)
            #expect(try await sara.post("/settings/months", [("csrf", csrf), ("months", "egyptian")]).status == .seeOther)
        }
        #expect(try await desk.store.interface.months() == .egyptian)
    }

    @Test func theDeskServesItsFontsFromTheSystemsFilesAndNothingElse() async throws {
        let desk = try await WebDesk()
        try await desk.test { client in
            let browser = Browser(client)
            for name in Assets.fonts.sorted() {
                let path = Assets.fontDirectory + "/" + name
                let answer = try await browser.get("/assets/fonts/\(name)")
                if let bytes = FileManager.default.contents(atPath: path) {
                    #expect(answer.status == .ok && answer.headers[.contentType] == "font/ttf")
                    #expect(Array(answer.body.readableBytesView) == Array(bytes))
                } else {
                    #expect(answer.status == .notFound)
                }
            }
            for name in ["..%2F..%2F..%2Fetc%2Fpasswd", "NotoSans-Regular.otf", "DejaVuSans.ttf"] {
                #expect(try await browser.get("/assets/fonts/\(name)").status == .notFound)
            }
            let css = try await browser.get("/assets/desk.css").text
            #expect(css.contains("url(/assets/fonts/NotoNaskhArabic-Regular.ttf)") && css.contains("margin-inline-start"))
            #expect(!css.contains("margin-left") && !css.contains("padding-right") && !css.contains(" left:"))
        }
    }
}
