import FactDeskKit
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ServiceLifecycle

/// The inbox (`/inbox`), one's own email settings (`/settings/notifications`), following a
/// claim, the editors' webhooks (`/webhooks`), and the event feed for integrations
/// (`/api/events`, `/api/events/stream`). Each is the FactDeskKit call the command line makes.
struct NotifyController {
    let server: DeskServer

    func add(to router: Router<DeskContext>) {
        router.get("/inbox") { request, context in
            let viewer = try context.requireViewer()
            let unreadOnly = try FormData.query(request.uri.query)["unread"] == "1"
            return try await inbox(viewer, unreadOnly: unreadOnly)
        }
        router.post("/inbox/read-all") { request, context in
            let (viewer, _) = try await server.form(request, context)
            try await server.store.notifications.markRead(nil, by: viewer.handle)
            return Reply.redirect("/inbox")
        }
        router.post("/inbox/:item/read") { request, context in
            let (viewer, _) = try await server.form(request, context)
            try await server.store.notifications.markRead(try item(context), by: viewer.handle)
            return Reply.redirect("/inbox")
        }
        // Opening an item's claim from the inbox marks the item read: its only effect is the reader's own flag.
        router.get("/inbox/:item/open") { _, context in
            let viewer = try context.requireViewer()
            let id = try item(context)
            let entry = try await server.store.notifications.inbox(of: viewer.handle, limit: 1_000).first { $0.item.id == id }
            guard let entry else { throw HTTPFailure.notFound }
            try await server.store.notifications.markRead(id, by: viewer.handle)
            return Reply.redirect(entry.item.claimID.map { "/claims/\($0)" } ?? "/inbox")
        }
        router.post("/settings/notifications") { request, context in
            let (viewer, form) = try await server.form(request, context)
            let email = (form["email"] ?? "").trimmingCharacters(in: .whitespaces)
            let mode: NotifyMode
            switch form["mode"] ?? "each" {
            case "digest": mode = try NotifyMode("digest@" + (form["hour"] ?? "08:00"))
            case "none": mode = .none
            default: mode = .each
            }
            try await server.store.notifications.configure(viewer.handle, email: email.isEmpty ? .clear : .set(email), mode: mode,
                                                           language: form["language"] ?? "en", by: viewer.handle)
            return Reply.redirect("/settings#notifications")
        }
        for (path, following) in [("follow", true), ("unfollow", false)] {
            router.post("/claims/:id/\(path)") { request, context in
                let (viewer, _) = try await server.form(request, context)
                let id = try server.claimID(context)
                try await server.store.notifications.follow(id, following, by: viewer.handle)
                return Reply.redirect("/claims/\(id)")
            }
        }
        router.get("/webhooks") { _, context in try await webhooks(try editor(context)) }
        router.post("/webhooks") { request, context in
            let (viewer, form) = try await server.form(request, context)
            let events = (form["events"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let format = Webhook.Format(rawValue: form["format"] ?? "standard") ?? .standard
            do {
                let (hook, secret) = try await server.store.notifications.addWebhook(
                    form["url"] ?? "", events: events, format: format, allowPrivate: false, by: viewer.handle)
                return try await webhooks(viewer, secret: (hook.id ?? 0, secret))
            } catch let error as any FactDeskError {
                return try await webhooks(viewer, error: error.message(in: viewer.l), code: FailureResponse.status(for: error))
            }
        }
        router.post("/webhooks/:id/remove") { request, context in
            let (viewer, _) = try await server.form(request, context)
            try await server.store.notifications.removeWebhook(try number(context), by: viewer.handle)
            return Reply.redirect("/webhooks")
        }
        router.get("/webhooks/:id") { _, context in
            let viewer = try editor(context)
            let id = try number(context)
            guard let hook = try await server.store.notifications.webhooks().first(where: { $0.id == id }) else { throw HTTPFailure.notFound }
            let logs = try await server.store.notifications.deliveries(webhook: id, by: viewer.handle)
            let l = viewer.l
            let rows: [[String: Any]] = logs.map { log in
                ["id": String(log.delivery.id ?? 0), "seq": l.number(Int(log.delivery.seq ?? 0)), "messageID": log.delivery.messageID,
                 "status": Self.deliveryStatus(log.delivery.status, l),
                 "attempts": log.attempts.map { attempt -> [String: Any] in
                     ["at": Piece.time(attempt.at, l), "code": l.number(attempt.status),
                      "ms": l.html("deliveries_milliseconds", ["ms": l.number(attempt.milliseconds)]),
                      "error": attempt.error ?? false]
                 }]
            }
            let heading = l.text("deliveries_heading", ["id": l.number(Int(id))])
            return Reply.html(server.pages.render("deliveries", title: heading, viewer: viewer, in: l,
                                                  data: ["heading": heading, "url": hook.url, "logs": rows], path: "/webhooks/\(id)"))
        }
        router.post("/deliveries/:id/redeliver") { request, context in
            let (viewer, _) = try await server.form(request, context)
            let delivery = try await server.store.notifications.redeliver(try number(context), by: viewer.handle)
            return Reply.redirect("/webhooks/\(delivery.target)")
        }

        // MARK: The API

        router.get("/api/inbox") { request, context in
            let viewer = try context.requireViewer()
            let unreadOnly = try FormData.query(request.uri.query)["unread"] == "1"
            let language = try await server.store.notifications.setting(of: viewer.handle).language
            let entries = try await server.store.notifications.inbox(of: viewer.handle, unreadOnly: unreadOnly)
            return try Reply.json(entries.map { JSONView.InboxView($0, language: language) })
        }
        router.get("/api/inbox/unread") { _, context in
            let viewer = try context.requireViewer()
            return try Reply.json(["unread": try await server.store.notifications.unreadCount(of: viewer.handle)])
        }
        router.get("/api/events") { request, context in
            _ = try context.requireViewer()
            let query = try FormData.query(request.uri.query)
            let after = try bounded(query["after"], "after", 0...Int64.max) ?? 0
            let limit = Int(try bounded(query["limit"], "limit", 1...1_000) ?? 100)
            let wait = try bounded(query["wait"], "wait", 0...60) ?? 0
            let deadline = ContinuousClock.now.advanced(by: .seconds(wait))
            var messages = try await server.store.notifications.events(after: after, limit: limit, baseURL: server.configuration.baseURL)
            // A long poll: asks again every half second until an event comes or the wait is over.
            while messages.isEmpty && ContinuousClock.now < deadline && !Task.isCancelled {
                try await Task.sleep(for: .milliseconds(500))
                messages = try await server.store.notifications.events(after: after, limit: limit, baseURL: server.configuration.baseURL)
            }
            return try Reply.json(messages)
        }
        router.get("/api/events/stream") { request, context in
            _ = try context.requireViewer()
            let query = try FormData.query(request.uri.query)
            let resume = request.headers[named: HeaderNames.lastEventID].flatMap { Int64($0) }
            let start = try resume ?? bounded(query["after"], "after", 0...Int64.max) ?? 0
            return stream(after: start)
        }
    }

    /// Server-Sent Events: each event as `id: SEQ`, `event: ACTION`, `data: JSON`, resumable
    /// from `Last-Event-ID`, with a comment every 15 seconds to keep proxies from closing it.
    private func stream(after start: Int64) -> Response {
        let store = server.store, baseURL = server.configuration.baseURL
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        let body = ResponseBody { writer in
            var after = start
            var quiet = 0
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
            // Ends when the client goes (a write fails), the server stops, or after ten minutes:
            // EventSource clients reconnect with Last-Event-ID, and their token or session is
            // checked again, so a revoked one stops within that time.
            let end = ContinuousClock.now.advanced(by: .seconds(600))
            while !Task.isCancelled && !Task.isShuttingDownGracefully && ContinuousClock.now < end {
                let messages = try await store.notifications.events(after: after, limit: 100, baseURL: baseURL)
                for message in messages {
                    let json = String(decoding: try encoder.encode(message), as: UTF8.self)
                    try await writer.write(ByteBuffer(string: "id: \(message.event.seq)\nevent: \(message.event.action)\ndata: \(json)\n\n"))
                    after = message.event.seq
                }
                if messages.isEmpty {
                    quiet += 1
                    if quiet % 15 == 0 { try await writer.write(ByteBuffer(string: ": still here\n\n")) }
                    try await Task.sleep(for: .seconds(1))
                } else {
                    quiet = 0
                }
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    private func bounded(_ text: String?, _ name: String, _ range: ClosedRange<Int64>) throws -> Int64? {
        guard let text else { return nil }
        guard let value = Int64(text), range.contains(value) else {
            throw DeskError.invalidValue("\(name) '\(text)' must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    private func item(_ context: DeskContext) throws -> Int64 {
        guard let id = context.parameters.get("item").flatMap(Int64.init), id > 0 else { throw HTTPFailure.notFound }
        return id
    }

    private func number(_ context: DeskContext) throws -> Int64 {
        guard let id = context.parameters.get("id").flatMap(Int64.init), id > 0 else { throw HTTPFailure.notFound }
        return id
    }

    private func editor(_ context: DeskContext) throws -> Viewer {
        let viewer = try context.requireViewer()
        guard viewer.isEditor else { throw DeskError.editorOnly(actor: viewer.handle, action: "set up email and webhooks") }
        return viewer
    }

    private func inbox(_ viewer: Viewer, unreadOnly: Bool) async throws -> Response {
        let notifications = server.store.notifications
        let l = viewer.l
        // The inbox speaks the interface's language; emails speak the one chosen for them.
        let language = l.language.rawValue
        let entries = try await notifications.inbox(of: viewer.handle, unreadOnly: unreadOnly)
        let items: [[String: Any]] = entries.map { entry in
            var row: [String: Any] = ["id": String(entry.item.id ?? 0), "text": NotificationText.line(entry, language: language),
                                      "lang": language, "dir": l.direction, "at": Piece.time(entry.item.createdAt, l),
                                      "unread": entry.item.readAt == nil, "claim": false]
            if let claim = entry.item.claimID {
                row["claim"] = String(claim)
                row["claimLink"] = l.text("claim_link_text", ["id": l.number(Int(claim))])
            }
            return row
        }
        let unread = try await notifications.unreadCount(of: viewer.handle)
        var shown = viewer
        shown.unread = unread
        return Reply.html(server.pages.render("inbox", title: l.text("inbox_title"), viewer: shown, in: l,
                                              data: ["items": items, "any": !items.isEmpty, "unreadCount": l.count("nav_unread", unread)],
                                              path: "/inbox"))
    }

    private func webhooks(_ viewer: Viewer, secret: (Int64, String)? = nil, error: String? = nil,
                          code: HTTPResponse.Status = .ok) async throws -> Response {
        let l = viewer.l
        let hooks = try await server.store.notifications.webhooks()
        let rows: [[String: Any]] = hooks.map { hook in
            let status = if let disabled = hook.disabledAt {
                l.html("webhooks_disabled", markup: ["when": Piece.time(disabled, l)])
            } else if let failing = hook.failingSince {
                l.html("webhooks_failing", markup: ["when": Piece.time(failing, l)])
            } else {
                l.html("webhooks_ok")
            }
            return ["id": String(hook.id ?? 0), "number": l.number(Int(hook.id ?? 0)), "url": hook.url,
                    "events": hook.events.isEmpty ? l.text("webhooks_all_events") : hook.events.joined(separator: ", "),
                    "format": hook.format == .slack ? l.text("webhooks_format_slack_short") : l.text("webhooks_format_standard_short"),
                    "status": status]
        }
        var data: [String: Any] = [
            "hooks": rows,
            "eventsHint": l.html("webhooks_events_hint", markup: ["example": "<code dir=\"ltr\">assign,verify,dispute</code>"]),
        ]
        if let secret {
            data["secret"] = secret.1
            data["secretLine"] = l.html("webhooks_secret", ["id": l.number(Int(secret.0))])
        }
        return Reply.html(server.pages.render("webhooks", title: l.text("webhooks_title"), viewer: viewer, in: l, data: data,
                                              error: error, path: "/webhooks"),
                          status: code)
    }

    /// A delivery's status as the deliveries page names it.
    static func deliveryStatus(_ status: Delivery.Status, _ l: Localizer) -> String {
        switch status {
        case .pending: l.text("deliveries_pending")
        case .sent: l.text("deliveries_sent")
        case .failed: l.text("deliveries_failed")
        }
    }
}
