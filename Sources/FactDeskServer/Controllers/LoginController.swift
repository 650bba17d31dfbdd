import FactDeskKit
import Foundation
import Hummingbird

/// `/login` and `/logout`: sessions in cookies that are `HttpOnly`, `SameSite=Lax`, and
/// `Secure` whenever the desk is reached over https.
struct LoginController {
    let server: DeskServer
    static let loginCookie = "fd_login"

    func add(to router: Router<DeskContext>) {
        router.get("/login") { request, context in
            let next = try FormData.query(request.uri.query)["next"]
            return page(next: next, handle: nil, l: context.localizer, status: .ok, error: nil)
        }
        router.post("/login", use: logIn)
        router.post("/logout") { request, context in
            let (_, _) = try await server.form(request, context)
            if let secret = context.sessionSecret {
                try await server.store.logins.logOut(secret: secret)
            }
            var response = Reply.redirect("/login")
            response.setCookie(cookie(DeskMiddleware.sessionCookie, "", maxAge: 0))
            return response
        }
    }

    private func logIn(_ request: Request, _ context: DeskContext) async throws -> Response {
        try server.checkOrigin(request)
        let form = try await server.parseForm(request)
        let next = Self.safeNext(form["next"])
        guard let expected = request.cookies[Self.loginCookie]?.value, let given = form.raw("csrf"),
              Secret.constantTimeEqual(given, expected) else {
            return page(next: next, handle: form["handle"], l: context.localizer, status: .forbidden,
                        error: context.localizer.text("refusal_login_form"))
        }
        let handle = form["handle"] ?? ""
        let password = form.raw("password") ?? ""
        let address = server.clientAddress(request, context)
        do {
            let code = form.raw("code")
            let requirement = server.configuration.requireTwoFactor
            let login = try await server.store.logins.logIn(handle: handle, password: password, address: address, code: code,
                                                     requirement: requirement)
            var response = Reply.redirect(next)
            response.setCookie(cookie(DeskMiddleware.sessionCookie, login.secret.text,
                                      maxAge: Int(LoginRules.absoluteTimeout)))
            response.setCookie(cookie(Self.loginCookie, "", maxAge: 0))
            return response
        } catch let error as AccessError {
            return page(next: next, handle: handle, l: context.localizer, status: FailureResponse.status(for: error),
                        error: error.message(in: context.localizer))
        }
    }

    /// The login page, with a fresh token in its form and its cookie.
    private func page(next: String?, handle: String?, l: Localizer, status: HTTPResponse.Status,
                      error: String?) -> Response {
        let token = Secret.random().text
        let data: [String: Any] = [
            "csrf": token, "next": Self.safeNext(next), "handle": handle ?? "", "failed": error != nil,
            "noPassword": l.html("login_no_password", markup: [
                "password": "<code dir=\"ltr\">factdesk reviewer password HANDLE</code>",
                "enable": "<code dir=\"ltr\">factdesk 2fa enable</code>"]),
        ]
        let path = "/login" + (Self.safeNext(next) == "/" ? "" : "?next=" + (Self.safeNext(next).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
        var response = Reply.html(server.pages.render("login", title: l.text("login_title"), viewer: nil, in: l, data: data,
                                                      error: error, path: path),
                                  status: status)
        response.setCookie(cookie(Self.loginCookie, token, maxAge: 3_600))
        return response
    }

    /// Where to go after logging in: only a path of this desk.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
              !next.unicodeScalars.contains(where: { $0.value < 0x20 }) else { return "/" }
        return next
    }

    private func cookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: server.configuration.secureCookies,
               httpOnly: true, sameSite: .lax)
    }
}
