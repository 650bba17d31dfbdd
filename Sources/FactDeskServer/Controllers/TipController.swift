import FactDeskKit
import Foundation
import Hummingbird

/// Readers' tips: the public form (`/tip`) and receipt pages (`/tips/{code}`), which need no
/// login and show nothing else of the desk, and the editors' triage (`/tips`).
struct TipController {
    let server: DeskServer
    static let tipCookie = "fd_tip"
    /// The largest tip form the server reads.
    static let maxFormSize = 16 * 1_024

    func add(to router: Router<DeskContext>) {
        router.get("/tip") { _, context in form(status: .ok, l: context.localizer) }
        router.post("/tip", use: send)
        router.get("/tips") { request, context in
            let viewer = try editor(context)
            let query = try FormData.query(request.uri.query)
            let status = try query["status"].flatMap { $0.isEmpty ? nil : $0 }.map { name in
                guard let status = Tip.Status(rawValue: name) else { throw HTTPFailure.badRequest("refusal_tip_status") }
                return status
            }
            return try await triage(viewer, status: status)
        }
        // One parameter name for the two: a receipt code (letters and digits) or, for editors, a tip's number.
        router.get("/tips/:tip") { _, context in
            try await receipt(context.parameters.get("tip") ?? "", l: context.localizer)
        }
        for action in ["accept", "reject", "merge", "forget"] {
            router.post("/tips/:tip/\(action)") { request, context in
                let (viewer, form) = try await server.form(request, context)
                guard viewer.isEditor else { throw DeskError.editorOnly(actor: viewer.handle, action: "triage readers' tips") }
                guard let id = context.parameters.get("tip").flatMap(Int64.init), id > 0 else { throw HTTPFailure.notFound }
                let tips = server.store.tips
                do {
                    switch action {
                    case "accept":
                        let (_, claim) = try await tips.accept(id, text: form["text"], fetcher: server.configuration.fetcher(), by: viewer.handle)
                        return Reply.redirect("/claims/\(claim.id ?? 0)")
                    case "reject": _ = try await tips.reject(id, note: form["note"] ?? "", by: viewer.handle)
                    case "merge":
                        guard let into = form["into"].flatMap(Int64.init) else { throw HTTPFailure.badRequest("refusal_tip_merge_into") }
                        _ = try await tips.merge(id, into: into, by: viewer.handle)
                    default: try await tips.forget(id, by: viewer.handle)
                    }
                    return Reply.redirect("/tips")
                } catch let error as any FactDeskError {
                    return try await triage(viewer, status: nil, error: error.message(in: viewer.l), code: FailureResponse.status(for: error))
                }
            }
        }
    }

    /// The public form, with a fresh token in it and in its cookie.
    private func form(status: HTTPResponse.Status, l: Localizer, fields: FormData? = nil, error: String? = nil) -> Response {
        let token = Secret.random().text
        let data: [String: Any] = ["csrf": token, "text": fields?["text"] ?? "", "url": fields?["url"] ?? "",
                                   "contact": fields?["contact"] ?? "", "maxText": String(Tips.maximumText), "failed": error != nil]
        var response = Reply.html(server.pages.render("tipForm", title: l.text("tip_title"), viewer: nil, in: l, data: data,
                                                      error: error, path: "/tip"),
                                  status: status)
        response.setCookie(Cookie(name: Self.tipCookie, value: token, maxAge: 3_600, path: "/tip",
                                  secure: server.configuration.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    private func send(_ request: Request, _ context: DeskContext) async throws -> Response {
        try server.checkOrigin(request)
        let fields = try await server.parseForm(request, limit: Self.maxFormSize)
        guard let expected = request.cookies[Self.tipCookie]?.value, let given = fields.raw("csrf"),
              Secret.constantTimeEqual(given, expected) else {
            return form(status: .forbidden, l: context.localizer, fields: fields, error: context.localizer.text("refusal_tip_form"))
        }
        // A field people do not see: only a program fills it in.
        if let trap = fields.raw("website"), !trap.isEmpty {
            return form(status: .badRequest, l: context.localizer, error: context.localizer.text("refusal_tip_not_accepted"))
        }
        do {
            let tip = try await server.store.tips.receive(Tips.Submission(
                text: fields.raw("text"), url: fields.raw("url"), contact: fields.raw("contact"),
                language: fields.raw("language"), address: server.clientAddress(request, context)))
            var response = Reply.redirect("/tips/\(tip.code)")
            response.setCookie(Cookie(name: Self.tipCookie, value: "", maxAge: 0, path: "/tip",
                                      secure: server.configuration.secureCookies, httpOnly: true, sameSite: .strict))
            return response
        } catch let error as any FactDeskError {
            return form(status: FailureResponse.status(for: error), l: context.localizer, fields: fields,
                        error: error.message(in: context.localizer))
        }
    }

    /// The reader's receipt: where the tip stands, and nothing else of the desk.
    private func receipt(_ code: String, l: Localizer) async throws -> Response {
        guard Tips.isCode(code) else { throw HTTPFailure.notFound }
        let receipt: Tips.Receipt
        do { receipt = try await server.store.tips.receipt(code: code) } catch DeskError.tipNotFound { throw HTTPFailure.notFound }
        let stage = switch receipt.stage {
        case .received: l.text("receipt_stage_received")
        case .beingChecked: l.text("receipt_stage_checking")
        case .checked: l.text("receipt_stage_checked")
        case .notTakenUp: l.text("receipt_stage_not_taken_up")
        }
        var data: [String: Any] = [
            "received": l.html("receipt_line", ["when": l.dateTime(receipt.receivedAt)],
                               markup: ["code": "<code class=\"receipt\" dir=\"ltr\">" + HTMLText.escaped(receipt.code) + "</code>"]),
            "stage": stage, "stageClass": receipt.stage.rawValue.replacingOccurrences(of: " ", with: "-"), "note": false,
        ]
        if let verdict = receipt.verdict {
            data["verdict"] = WorkflowText.state(verdict, in: try await server.store.team.workflow(), l)
        }
        if let note = receipt.note { data["note"] = Piece.text(note) }
        return Reply.html(server.pages.render("tipReceipt", title: l.text("receipt_title"), viewer: nil, in: l, data: data,
                                              path: "/tips/" + receipt.code))
    }

    private func editor(_ context: DeskContext) throws -> Viewer {
        let viewer = try context.requireViewer()
        guard viewer.isEditor else { throw DeskError.editorOnly(actor: viewer.handle, action: "triage readers' tips") }
        return viewer
    }

    /// The editors' page: tips with their group's count, contact, and the triage forms.
    private func triage(_ viewer: Viewer, status: Tip.Status?, error: String? = nil,
                        code: HTTPResponse.Status = .ok) async throws -> Response {
        let l = viewer.l
        let tips = try await server.store.tips.list(status: status)
        var rows: [[String: Any]] = []
        for listed in tips {
            let tip = listed.tip
            let id = tip.id ?? 0
            var row: [String: Any] = ["id": String(id), "status": Self.statusLabel(tip.status, l),
                                      "readers": l.count("tips_readers", listed.count),
                                      "received": Piece.time(tip.receivedAt, l), "new": tip.status == .new,
                                      "text": false, "url": false, "claim": false, "note": false, "contact": false]
            if let text = tip.text { row["text"] = Piece.text(text, language: tip.language) }
            if let url = tip.url { row["url"] = url }
            if let claim = tip.claimID {
                row["claim"] = String(claim)
                row["claimLink"] = l.text("claim_link_text", ["id": l.number(Int(claim))])
            }
            if let note = tip.note { row["note"] = Piece.text(note) }
            if let contact = try await server.store.tips.show(id, by: viewer.handle).contact { row["contact"] = Piece.text(contact) }
            rows.append(row)
        }
        let data: [String: Any] = [
            "tips": rows, "status": status?.rawValue ?? "",
            "where": l.html("tips_where", markup: ["form": "<a href=\"/tip\"><code dir=\"ltr\">/tip</code></a>",
                                                   "api": "<code dir=\"ltr\">POST /api/tips</code>"]),
        ]
        return Reply.html(server.pages.render("tips", title: l.text("tips_title"), viewer: viewer, in: l, data: data, error: error,
                                              path: "/tips"),
                          status: code)
    }

    /// A tip's status as the triage page names it.
    static func statusLabel(_ status: Tip.Status, _ l: Localizer) -> String {
        switch status {
        case .new: l.text("tip_status_new")
        case .accepted: l.text("tip_status_accepted")
        case .rejected: l.text("tip_status_rejected")
        case .merged: l.text("tip_status_merged")
        }
    }
}
