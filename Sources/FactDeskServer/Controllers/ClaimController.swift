import FactDeskKit
import Foundation
import Hummingbird

/// The queue, the claim list and the claim page, with its transition, note, evidence and
/// link forms.
struct ClaimController {
    let server: DeskServer

    func add(to router: Router<DeskContext>) {
        router.get("/") { _, context in try await queue(context.requireViewer()) }
        router.get("/claims") { request, context in
            let viewer = try context.requireViewer()
            let form = try ClaimListForm(FormData.query(request.uri.query))
            return try await list(form, viewer: viewer)
        }
        router.get("/claims/:id") { _, context in
            try await claimPage(server.claimID(context), viewer: context.requireViewer())
        }
        router.post("/claims/:id/transitions/:name") { request, context in
            let (viewer, form) = try await server.form(request, context)
            let id = try server.claimID(context)
            let name = context.parameters.get("name") ?? ""
            return try await refusingOnPage(id, viewer) {
                let change = TransitionRequest(form: form)
                try await change.run(name, on: id, by: viewer.handle, store: server.store)
            }
        }
        router.post("/claims/:id/notes") { request, context in
            let (viewer, form) = try await server.form(request, context)
            let id = try server.claimID(context)
            return try await refusingOnPage(id, viewer) {
                let body = form.raw("body") ?? ""
                _ = try await server.store.review.addNote(to: id, body: body, by: viewer.handle)
            }
        }
        router.post("/claims/:id/evidence") { request, context in
            let (viewer, form) = try await server.form(request, context)
            let id = try server.claimID(context)
            return try await refusingOnPage(id, viewer) {
                let stance = try form["stance"].map(Evidence.Stance.init(parsing:)) ?? .context
                let item = NewEvidence(url: form["url"] ?? "", stance: stance, note: form["note"])
                _ = try await server.store.review.addEvidence(to: id, item, by: viewer.handle)
            }
        }
        router.post("/claims/:id/links") { request, context in
            let (viewer, form) = try await server.form(request, context)
            let id = try server.claimID(context)
            return try await refusingOnPage(id, viewer) {
                guard let other = form["other"].flatMap(Int64.init) else {
                    throw DeskError.invalidValue("say which claim to link: the form names none")
                }
                guard let kind = form["kind"].flatMap(ClaimLink.Kind.init(rawValue:)) else {
                    throw DeskError.invalidValue("a link is same, contradicts or unrelated")
                }
                _ = try await server.store.corroboration.link(id, other, as: kind, by: viewer.handle)
            }
        }
    }

    /// Runs a change; on success goes back to the claim page (303), on refusal shows the
    /// page again, as it now is, with the reason and the status that matches it.
    private func refusingOnPage(_ id: Int64, _ viewer: Viewer, _ change: () async throws -> Void) async throws -> Response {
        do {
            try await change()
            return Reply.redirect("/claims/\(id)")
        } catch let error as any FactDeskError {
            if case DeskError.claimNotFound = error { throw error }
            return try await claimPage(id, viewer: viewer, error: error.message(in: viewer.l), status: FailureResponse.status(for: error))
        }
    }

    // MARK: - Pages

    private func queue(_ viewer: Viewer) async throws -> Response {
        let handle = viewer.handle
        let editor = viewer.isEditor
        let head = try await server.head()
        // Kept for a minute at most, so that a deadline passing shows as overdue.
        let minute = Int(Date().timeIntervalSince1970 / 60)
        let l = viewer.l
        let key = "\(editor ? "editor" : "reviewer") \(handle) \(minute) \(l.language) \(l.digits) \(l.months)"
        let content = try await server.caches.queues.value(for: key, head: head) {
            let store = server.store
            let workflow = try await store.team.workflow()
            let open = workflow.states.map(\.name).filter { !workflow.isFinal($0) }
            let mine = try await store.review.claims(ClaimFilter(states: open, assignment: .assignedTo(handle), limit: 100, order: .due))
            let unassigned = editor
                ? try await store.review.claims(ClaimFilter(states: open, assignment: .unassigned, limit: 50, order: .worthiness)) : []
            return server.pages.content("queue", viewer: viewer, in: l, data: [
                "hint": l.html("queue_hint", ["handle": handle]),
                "mine": ClaimRows.table(mine, workflow: workflow, l, caption: l.text("queue_title"), empty: l.text("queue_mine_empty")),
                "unassigned": ClaimRows.table(unassigned, workflow: workflow, l, caption: l.text("queue_unassigned"),
                                              empty: l.text("queue_unassigned_empty")),
            ])
        }
        return Reply.html(server.pages.page(title: l.text("queue_title"), viewer: viewer, in: l, content: content, path: "/"))
    }

    private func list(_ form: ClaimListForm, viewer: Viewer) async throws -> Response {
        let query = form.query
        let found = try await server.store.review.claims(query)
        let reviewers = try await server.team(head: try await server.head()).map(\.handle)
        let l = viewer.l
        let data: [String: Any] = [
            "list": ClaimRows.table(found.claims, workflow: found.workflow, l, caption: l.text("claims_title"),
                                    empty: l.text("claims_none")),
            "q": query.text ?? "", "source": query.sourceID.map(String.init) ?? "",
            "states": found.workflow.states.map { ["name": $0.name, "label": WorkflowText.state($0.name, in: found.workflow, l),
                                                   "selected": $0.name == form.status] },
            "reviewers": reviewers.map { ["handle": $0, "selected": $0 == query.assignee] },
            "sorts": ClaimFilter.Order.allCases.map { ["name": $0.rawValue, "label": Self.orderLabel($0, l), "selected": $0 == query.order] },
            "page": l.text("claims_page", ["page": l.number(query.page)]),
            "previous": query.page > 1 ? form.link(page: query.page - 1) : false,
            "next": found.hasMore ? form.link(page: query.page + 1) : false,
        ]
        return Reply.html(server.pages.render("claims", title: l.text("claims_title"), viewer: viewer, in: l, data: data, path: "/claims"))
    }

    /// An order of the claim list, as its menu names it.
    static func orderLabel(_ order: ClaimFilter.Order, _ l: Localizer) -> String {
        switch order {
        case .oldest: l.text("claims_sort_oldest")
        case .worthiness: l.text("claims_sort_worthiness")
        case .due: l.text("claims_sort_due")
        }
    }

    /// The claim page for a viewer, with an error or a notice at the top.
    func claimPage(_ id: Int64, viewer: Viewer, error: String? = nil,
                   status: HTTPResponse.Status = .ok) async throws -> Response {
        let head = try await server.head()
        let overview = try await server.overview(of: id, for: viewer.reviewer, head: head)
        let team = try await server.team(head: head)
        let l = viewer.l
        var data = ClaimPage(overview: overview, team: team, csrf: viewer.csrf ?? "", l: l).data
        data["following"] = try await server.store.notifications.followers(of: id).contains(viewer.handle)
        return Reply.html(server.pages.render("claim", title: l.text("claim_heading", ["id": l.number(Int(id))]), viewer: viewer, in: l,
                                              data: data, error: error, path: "/claims/\(id)"),
                          status: status)
    }
}

/// A transition as a form or the API sends it: note, evidence URLs, assignee, deadline
/// and the version the person saw.
struct TransitionRequest: Sendable, Decodable {
    var note: String?
    var evidence: [String]?
    var to: String?
    var due: String?
    var version: Int64?
    /// The version as the form sent it, read with the rest by ``TransitionInput``.
    var versionText: String?

    enum CodingKeys: String, CodingKey {
        case note, evidence, to, due, version
    }

    init(form: FormData) {
        note = form.raw("note")
        evidence = form.all("evidence")
        to = form["to"]
        due = form["due"]
        versionText = form["version"]
    }

    /// Runs the transition through the builder and the call `factdesk` uses.
    func run(_ transition: String, on id: Int64, by actor: String, store: ClaimStore) async throws {
        let input = TransitionInput(transition: transition, claimIDs: [id], assignee: to, due: due, note: note,
                                    evidence: evidence ?? [], version: versionText ?? version.map(String.init))
        try await store.review.apply(try input.command(by: actor, in: try store.team.workflow(), now: Date()))
    }
}
