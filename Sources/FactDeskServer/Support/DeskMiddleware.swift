import FactDeskKit
import Foundation
import HTTPTypes
import Hummingbird
import NIOHTTP1

/// Around every request: the host it names, who is asking, the refusal that answers a
/// failure, the security headers, and one line on standard error (method, path, status,
/// milliseconds, who).
struct DeskMiddleware: RouterMiddleware {
    typealias Context = DeskContext
    let server: DeskServer

    static let sessionCookie = "fd_session"
    /// The language chosen with the switch by someone not logged in (or with none of their own).
    static let languageCookie = "fd_lang"
    static let contentSecurityPolicy = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func handle(_ request: Request, context: DeskContext,
                next: (Request, DeskContext) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var context = context
        var response: Response
        var malformed = false
        do {
            try checkHost(request)
            try await identify(request, &context)
            try await localize(request, &context)
            response = try await next(request, context)
        } catch {
            response = server.refusal(error, request: request, viewer: context.viewer, localizer: context.localizer)
            malformed = error is HTTPParserError
        }
        if malformed || response.status == .contentTooLarge {
            // The rest of what the client sends is not read: the connection ends here.
            response.headers[.connection] = "close"
        }
        secure(&response.headers)
        if server.configuration.logRequests {
            let elapsed = ContinuousClock.now - started
            let milliseconds = Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15
            let line = "\(request.method) \(request.uri.path) \(response.status.code) "
                + String(format: "%.1f", milliseconds) + "ms \(context.viewer?.handle ?? "-")\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
        return response
    }

    /// Refuses a request that names another host than the base URL's (421), as a page of
    /// another site does when its name is pointed at this server (DNS rebinding). Without
    /// a base URL any host is taken.
    private func checkHost(_ request: Request) throws {
        guard let expected = server.configuration.authority, let sent = request.head.authority else { return }
        var host = sent.lowercased()
        if let scheme = server.configuration.scheme, let port = ServerConfiguration.defaultPorts[scheme],
           host.hasSuffix(":\(port)") {
            host.removeLast(":\(port)".count)
        }
        guard host == expected else {
            throw HTTPFailure(status: .misdirectedRequest, key: "refusal_wrong_host", values: ["host": expected])
        }
    }

    /// Sets the viewer from an API token or a session cookie. A token that is not valid is
    /// refused at once; a cookie that is not is ignored, as if logged out.
    private func identify(_ request: Request, _ context: inout DeskContext) async throws {
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw AccessError.notLoggedIn }
            let secret = String(parts[1]).trimmingCharacters(in: .whitespaces)
            guard let reviewer = try await server.store.logins.reviewer(forToken: secret) else {
                throw AccessError.notLoggedIn
            }
            context.viewer = Viewer(reviewer: reviewer, csrf: nil)
            return
        }
        guard let secret = request.cookies[Self.sessionCookie]?.value, !secret.isEmpty, secret.count <= 100 else { return }
        if let session = try await server.store.logins.session(secret: secret) {
            context.viewer = Viewer(reviewer: session.reviewer, csrf: session.csrf,
                                    unread: try await server.store.notifications.unreadCount(of: session.reviewer.handle))
            context.sessionSecret = secret
        }
    }

    /// Sets the interface of the request: the viewer's own setting, else the language
    /// switch's cookie, else the browser's `Accept-Language`. The API and the assets speak
    /// no language and read nothing for it.
    private func localize(_ request: Request, _ context: inout DeskContext) async throws {
        let path = request.uri.path
        guard !path.hasPrefix("/api/"), !path.hasPrefix("/assets/") else { return }
        let chosen = request.cookies[Self.languageCookie].flatMap { InterfaceLanguage(rawValue: $0.value) }
        let browser = chosen ?? InterfaceLanguage.preferred(acceptLanguage: request.headers[.acceptLanguage])
        let localizer = try await server.store.interface.localizer(for: context.viewer?.handle, otherwise: browser)
        context.localizer = localizer
        context.viewer?.l = localizer
    }

    private func secure(_ headers: inout HTTPFields) {
        if headers[.contentSecurityPolicy] == nil { headers[.contentSecurityPolicy] = Self.contentSecurityPolicy }
        headers[.xContentTypeOptions] = "nosniff"
        headers[named: HeaderNames.referrerPolicy] = "same-origin"
        headers[named: HeaderNames.frameOptions] = "DENY"
    }
}

extension DeskServer {
    /// The answer to a failure: JSON under `/api/`, else the page again with the reason; a
    /// browser that is not logged in is sent to the login page.
    func refusal(_ error: any Error, request: Request, viewer: Viewer?, localizer: Localizer) -> Response {
        let status = FailureResponse.status(for: error)
        let message = FailureResponse.message(for: error)
        if status == .internalServerError {
            FileHandle.standardError.write(Data("error: \(request.method) \(request.uri.path): \(error)\n".utf8))
        }
        if request.uri.path.hasPrefix("/api/") {
            return (try? Reply.json(APIError(kind: FailureResponse.kind(for: error), message: message), status: status))
                ?? Response(status: status)
        }
        if status == .unauthorized && request.method == .get {
            return Reply.redirect("/login?next=" + (request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
        }
        let l = viewer?.l ?? localizer
        let heading = status == .notFound ? l.text("error_not_found") : l.text("error_failed")
        return Reply.html(pages.render("error", title: heading, viewer: viewer, in: l, data: ["heading": heading],
                                       error: FailureResponse.message(for: error, in: l)),
                          status: status)
    }
}

/// The body of an API error: `{"error": {"kind": ..., "message": ...}}`.
struct APIError: Encodable {
    struct Body: Encodable {
        var kind: String
        var message: String
    }

    var error: Body

    init(kind: String, message: String) {
        error = Body(kind: kind, message: message)
    }
}
