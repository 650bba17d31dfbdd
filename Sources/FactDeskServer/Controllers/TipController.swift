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
        router.get("/tip") { _, _ in form(status: .ok) }
        router.post("/tip", use: send)
        router.get("/tips") { request, context in
            let viewer = try editor(context)
            let query = try FormData.query(request.uri.query)
            let status = try query["status"].flatMap { $0.isEmpty ? nil : $0 }.map { name in
                guard let status = Tip.Status(rawValue: name) else { throw DeskError.invalidValue("status is new, accepted, rejected or merged") }
                return status
            }
            return try await triage(viewer, status: status)
        }
        // One parameter name for the two: a receipt code (letters and digits) or, for editors, a tip's number.
        router.get("/tips/:tip") { _, context in
            try await receipt(context.parameters.get("tip") ?? "")
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
                        guard let into = form["into"].flatMap(Int64.init) else { throw DeskError.invalidValue("give the number of the tip to merge into") }
                        _ = try await tips.merge(id, into: into, by: viewer.handle)
                    default: try await tips.forget(id, by: viewer.handle)
                    }
                    return Reply.redirect("/tips")
                } catch let error as any FactDeskError {
                    return try await triage(viewer, status: nil, error: error.description, code: FailureResponse.status(for: error))
                }
            }
        }
    }

    /// The public form, with a fresh token in it and in its cookie.
    private func form(status: HTTPResponse.Status, fields: FormData? = nil, error: String? = nil) -> Response {
        let token = Secret.random().text
        let data: [String: Any] = ["csrf": token, "text": fields?["text"] ?? "", "url": fields?["url"] ?? "",
                                   "contact": fields?["contact"] ?? "", "maxText": String(Tips.maximumText)]
        var response = Reply.html(server.pages.render("tipForm", title: "Send a tip", viewer: nil, data: data, error: error),
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
            return form(status: .forbidden, fields: fields, error: "the form was out of date; it has been reloaded, send it again")
        }
        // A field people do not see: only a program fills it in.
        if let trap = fields.raw("website"), !trap.isEmpty {
            return form(status: .badRequest, error: "the tip was not accepted")
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
            return form(status: FailureResponse.status(for: error), fields: fields, error: error.description)
        }
    }

    /// The reader's receipt: where the tip stands, and nothing else of the desk.
    private func receipt(_ code: String) async throws -> Response {
        guard Tips.isCode(code) else { throw HTTPFailure.notFound }
        let receipt: Tips.Receipt
        do { receipt = try await server.store.tips.receipt(code: code) } catch DeskError.tipNotFound { throw HTTPFailure.notFound }
        var data: [String: Any] = ["code": receipt.code, "received": Piece.time(receipt.receivedAt), "stage": receipt.stage.rawValue,
                                   "stageClass": receipt.stage.rawValue.replacingOccurrences(of: " ", with: "-")]
        if let verdict = receipt.verdict { data["verdict"] = verdict }
        if let note = receipt.note { data["note"] = Piece.text(note) }
        return Reply.html(server.pages.render("tipReceipt", title: "Your tip", viewer: nil, data: data))
    }

    private func editor(_ context: DeskContext) throws -> Viewer {
        let viewer = try context.requireViewer()
        guard viewer.isEditor else { throw DeskError.editorOnly(actor: viewer.handle, action: "triage readers' tips") }
        return viewer
    }

    /// The editors' page: tips with their group's count, contact, and the triage forms.
    private func triage(_ viewer: Viewer, status: Tip.Status?, error: String? = nil,
                        code: HTTPResponse.Status = .ok) async throws -> Response {
        let tips = try await server.store.tips.list(status: status)
        var rows: [[String: Any]] = []
        for listed in tips {
            let tip = listed.tip
            let id = tip.id ?? 0
            var row: [String: Any] = ["id": String(id), "status": tip.status.rawValue, "count": String(listed.count),
                                      "received": Piece.time(tip.receivedAt), "new": tip.status == .new]
            if let text = tip.text { row["text"] = Piece.text(text, language: tip.language) }
            if let url = tip.url { row["url"] = url }
            if let claim = tip.claimID { row["claim"] = String(claim) }
            if let note = tip.note { row["note"] = Piece.text(note) }
            if let contact = try await server.store.tips.show(id, by: viewer.handle).contact { row["contact"] = Piece.text(contact) }
            rows.append(row)
        }
        let data: [String: Any] = ["tips": rows, "status": status?.rawValue ?? ""]
        return Reply.html(server.pages.render("tips", title: "Readers' tips", viewer: viewer, data: data, error: error), status: code)
    }
}
