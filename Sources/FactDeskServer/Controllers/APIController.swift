import FactDeskKit
import Foundation
import HTTPTypes
import Hummingbird

/// `/api/...`: the command line's `--json` shapes for scripts, with an API token
/// (`Authorization: Bearer`) or a browser session (writes then carry `X-CSRF-Token`).
struct APIController {
    let server: DeskServer

    func add(to router: Router<DeskContext>) {
        router.get("/api/openapi.json") { _, _ in
            Reply.text(OpenAPIDocument.json, type: "application/json", cache: true)
        }
        router.get("/api/claims") { request, context in
            _ = try context.requireViewer()
            let form = try ClaimListForm(FormData.query(request.uri.query))
            let found = try await server.store.review.claims(form.query)
            return try Reply.json(found.claims.map(JSONView.ClaimView.init))
        }
        router.get("/api/claims/:id") { _, context in
            let viewer = try context.requireViewer()
            let id = try server.claimID(context)
            let overview = try await server.overview(of: id, for: viewer.reviewer, head: try await server.head())
            return try Reply.json(overview.jsonView)
        }
        router.post("/api/claims/:id/transitions/:name") { request, context in
            let viewer = try await writer(request, context)
            let id = try server.claimID(context)
            let name = context.parameters.get("name") ?? ""
            let change = try await decode(TransitionRequest.self, request)
            try await change.run(name, on: id, by: viewer.handle, store: server.store)
            let claims = [try await server.store.review.claim(id)]
            return try Reply.json(claims.map(JSONView.ClaimView.init))
        }
        router.post("/api/claims/:id/notes") { request, context in
            let viewer = try await writer(request, context)
            let id = try server.claimID(context)
            let note = try await decode(NoteRequest.self, request)
            let stored = try await server.store.review.addNote(to: id, body: note.body, by: viewer.handle)
            return try Reply.json(JSONView.NoteView(stored), status: .created)
        }
        router.get("/api/history") { request, context in
            _ = try context.requireViewer()
            let query = try FormData.query(request.uri.query)
            let claim = try query["claim"].map { text -> Int64 in
                guard let id = Int64(text), id > 0 else { throw DeskError.invalidValue("claim '\(text)' is not a claim id") }
                return id
            }
            let limit = try query["limit"].map { text -> Int in
                guard let limit = Int(text), (1...1_000).contains(limit) else {
                    throw DeskError.invalidValue("limit '\(text)' must be a number from 1 to 1000")
                }
                return limit
            } ?? 100
            var events: [JSONView.EventView] = []
            try await server.store.audit.history(claimID: claim, limit: limit) { events.append(JSONView.EventView($0)) }
            return try Reply.json(events)
        }
        router.get("/api/stats") { _, context in
            _ = try context.requireViewer()
            return try Reply.json(JSONView.StatsView(try await server.store.publishing.stats()))
        }
        router.get("/api/audit/head") { _, context in
            _ = try context.requireViewer()
            let head = try await server.store.audit.auditHead()
            return try Reply.json(JSONView.HeadView(seq: head.seq, hash: head.hash))
        }
        router.post("/api/tips") { request, context in
            // A tipline bot's tip, sent with its token; the bot's reader is the tip's source.
            _ = try await writer(request, context)
            let tip = try await decode(TipRequest.self, request)
            let received = try await server.store.tips.receive(Tips.Submission(text: tip.text, url: tip.url, contact: tip.contact,
                                                                               language: tip.language))
            return try Reply.json(TipReceipt(code: received.code, status: "received"), status: .created)
        }
        router.get("/api/**") { _, _ -> Response in throw HTTPFailure.notFound }
        router.post("/api/**") { _, _ -> Response in throw HTTPFailure.notFound }
    }

    /// The viewer of a write: any token holder, or a session that sent its CSRF token.
    private func writer(_ request: Request, _ context: DeskContext) async throws -> Viewer {
        let viewer = try context.requireViewer()
        if let csrf = viewer.csrf {
            try server.checkOrigin(request)
            guard let sent = request.headers[named: HeaderNames.csrfToken], Secret.constantTimeEqual(sent, csrf) else {
                throw HTTPFailure.forbidden("refusal_api_csrf")
            }
        }
        return viewer
    }

    private func decode<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T {
        let bytes = try await server.body(request)
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch {
            throw HTTPFailure.badRequest("refusal_api_body")
        }
    }
}

/// The body of `POST /api/tips`.
struct TipRequest: Decodable {
    var text: String?
    var url: String?
    var contact: String?
    var language: String?
}

/// What `POST /api/tips` answers: the reader's receipt code and where the tip stands.
struct TipReceipt: Encodable {
    var code: String
    var status: String
}

/// The body of `POST /api/claims/{id}/notes`.
struct NoteRequest: Decodable {
    var body: String
}
