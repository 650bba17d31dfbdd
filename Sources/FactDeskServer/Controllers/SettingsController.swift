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
            let qr = try QRCode(text: enrollment.uri).svg(title: "QR code of the two-factor login of \(handle)")
            let data: [String: Any] = ["qr": qr, "uri": enrollment.uri, "codes": enrollment.recoveryCodes]
            return Reply.html(server.pages.render("twoFactorEnrolled", title: "Two-factor login", viewer: viewer, data: data))
        }
        router.post("/settings/2fa/disable") { request, context in
            let (viewer, _) = try await server.form(request, context)
            let handle = viewer.handle
            try await server.store.logins.disableTwoFactor(for: handle, by: handle)
            return Reply.redirect("/settings")
        }
    }

    private func page(_ viewer: Viewer) async throws -> Response {
        let handle = viewer.handle
        let enabled = try await server.store.logins.hasTwoFactor(handle)
        let required = server.configuration.requireTwoFactor?.covers(viewer.reviewer.role) ?? false
        let setting = try await server.store.notifications.setting(of: handle)
        var hour = "08:00"
        if case .digest(let h, let m) = setting.mode { hour = String(format: "%02d:%02d", h, m) }
        let mode = setting.mode.description
        let notifications = server.pages.content("notifySettings", viewer: viewer, data: [
            "email": setting.email ?? "", "each": mode == "each", "digest": mode.hasPrefix("digest"), "none": mode == "none",
            "hour": hour, "ar": setting.language == "ar", "en": setting.language != "ar"])
        return Reply.html(server.pages.render("settings", title: "Settings", viewer: viewer,
                                              data: ["enabled": enabled, "required": required, "notifications": notifications]))
    }
}
