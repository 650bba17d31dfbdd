import FactDeskKit
import Foundation
import Hummingbird

/// `/settings`: the viewer's own two-factor login, turned on (with its QR code, shown
/// once) or off. Both are the same FactDeskKit calls as `factdesk 2fa enable` and `disable`.
struct SettingsController {
    let server: DeskServer

    func add(to router: Router<DeskContext>) {
        router.get("/settings") { _, context in try await page(context.requireViewer()) }
        router.post("/settings/2fa/enable") { request, context in
            let (viewer, _) = try await server.form(request, context)
            let handle = viewer.handle
            let enrollment = try await server.store.logins.enableTwoFactor(for: handle, by: handle)
            let l = viewer.l
            let qr = try QRCode(text: enrollment.uri).svg(title: l.text("enrolled_qr_title", ["handle": handle]))
            let data: [String: Any] = ["qr": qr, "uri": enrollment.uri, "codes": enrollment.recoveryCodes]
            return Reply.html(server.pages.render("twoFactorEnrolled", title: l.text("enrolled_title"), viewer: viewer, in: l,
                                                  data: data, path: "/settings"))
        }
        router.post("/settings/interface") { request, context in
            let (viewer, form) = try await server.form(request, context)
            let language = try form["language"].map(Self.language)
            let digits = try form["digits"].map { text in
                guard let digits = DigitStyle(rawValue: text) else { throw HTTPFailure.badRequest("refusal_digits") }
                return digits
            }
            let setting = try await server.store.interface.set(language: language, digits: digits, by: viewer.handle)
            var response = Reply.redirect("/settings#interface")
            response.setCookie(languageCookie(setting.language))
            return response
        }
        // The header's switch: the other language, stored as the viewer's own, then back to the page.
        router.post("/settings/language") { request, context in
            let (viewer, form) = try await server.form(request, context)
            let language = try Self.language(form["language"] ?? "")
            try await server.store.interface.set(language: language, by: viewer.handle)
            var response = Reply.redirect(LoginController.safeNext(form["next"]))
            response.setCookie(languageCookie(language))
            return response
        }
        // The switch of someone not logged in (the login and tip pages): a cookie only.
        router.get("/language") { request, _ in
            let query = try FormData.query(request.uri.query)
            let language = try Self.language(query["to"] ?? "")
            var response = Reply.redirect(LoginController.safeNext(query["next"]))
            response.setCookie(languageCookie(language))
            return response
        }
        router.post("/settings/months") { request, context in
            let (viewer, form) = try await server.form(request, context)
            guard let months = form["months"].flatMap(MonthNames.init(rawValue:)) else {
                throw HTTPFailure.badRequest("refusal_months")
            }
            try await server.store.interface.setMonths(months, by: viewer.handle)
            return Reply.redirect("/settings#interface")
        }
        router.post("/settings/2fa/disable") { request, context in
            let (viewer, _) = try await server.form(request, context)
            let handle = viewer.handle
            try await server.store.logins.disableTwoFactor(for: handle, by: handle)
            return Reply.redirect("/settings")
        }
    }

    static func language(_ text: String) throws -> InterfaceLanguage {
        guard let language = InterfaceLanguage(rawValue: text) else {
            throw HTTPFailure.badRequest("refusal_language", ["language": text])
        }
        return language
    }

    /// The cookie that keeps a language for the pages seen before logging in.
    private func languageCookie(_ language: InterfaceLanguage) -> Cookie {
        Cookie(name: DeskMiddleware.languageCookie, value: language.rawValue, maxAge: 365 * 86_400, path: "/",
               secure: server.configuration.secureCookies, httpOnly: true, sameSite: .lax)
    }

    private func page(_ viewer: Viewer) async throws -> Response {
        let l = viewer.l
        let handle = viewer.handle
        let enabled = try await server.store.logins.hasTwoFactor(handle)
        let required = server.configuration.requireTwoFactor?.covers(viewer.reviewer.role) ?? false
        let setting = try await server.store.notifications.setting(of: handle)
        var hour = "08:00"
        if case .digest(let h, let m) = setting.mode { hour = String(format: "%02d:%02d", h, m) }
        let mode = setting.mode.description
        let notifications = server.pages.content("notifySettings", viewer: viewer, in: l, data: [
            "email": setting.email ?? "", "each": mode == "each", "digest": mode.hasPrefix("digest"), "none": mode == "none",
            "hour": hour, "mailLanguages": InterfaceLanguage.allCases.map {
                ["code": $0.rawValue, "name": $0.ownName, "selected": $0.rawValue == (setting.language == "ar" ? "ar" : "en")]
            }])
        let sample = Date(timeIntervalSince1970: 1_767_225_600) // 1 January 2026
        let levantine = Localizer(.ar, months: .levantine), egyptian = Localizer(.ar, months: .egyptian)
        let data: [String: Any] = [
            "enabled": enabled, "required": required, "notifications": notifications,
            "languages": InterfaceLanguage.allCases.map { ["code": $0.rawValue, "dir": $0.direction, "name": $0.ownName,
                                                           "selected": $0 == l.language] },
            "western": l.digits == .western, "eastern": l.digits == .eastern,
            "levantine": l.months == .levantine, "egyptian": l.months == .egyptian,
            "levantineSample": levantine.date(sample), "egyptianSample": egyptian.date(sample),
        ]
        return Reply.html(server.pages.render("settings", title: l.text("settings_title"), viewer: viewer, in: l, data: data,
                                              path: "/settings"))
    }
}
