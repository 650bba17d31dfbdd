import FactDeskKit
import Foundation
import Hummingbird

/// `/reviewers`: the team; editors add reviewers, deactivate them and change roles.
struct TeamController {
    let server: DeskServer

    func add(to router: Router<DeskContext>) {
        router.get("/reviewers") { _, context in try await page(context.requireViewer()) }
        router.post("/reviewers") { request, context in
            let (viewer, form) = try await server.form(request, context)
            return try await refusingOnPage(viewer) {
                let role = try Self.role(form["role"] ?? "reviewer")
                let new = NewReviewer(handle: form["handle"] ?? "", displayName: form["name"], role: role)
                _ = try await server.store.team.addReviewer(new, by: viewer.handle)
            }
        }
        router.post("/reviewers/:handle/active") { request, context in
            let (viewer, form) = try await server.form(request, context)
            let handle = context.parameters.get("handle") ?? ""
            return try await refusingOnPage(viewer) {
                guard let active = form["active"].flatMap(Bool.init) else {
                    throw DeskError.invalidValue("say whether the reviewer is to be active: true or false")
                }
                _ = try await server.store.team.setReviewer(handle, active: active, by: viewer.handle)
            }
        }
        router.post("/reviewers/:handle/role") { request, context in
            let (viewer, form) = try await server.form(request, context)
            let handle = context.parameters.get("handle") ?? ""
            return try await refusingOnPage(viewer) {
                let role = try Self.role(form["role"] ?? "")
                _ = try await server.store.team.setRole(handle, to: role, by: viewer.handle)
            }
        }
    }

    static func role(_ text: String) throws -> Reviewer.Role {
        guard let role = Reviewer.Role(rawValue: text) else {
            throw DeskError.invalidValue("role '\(text)' is not one of: editor, reviewer")
        }
        return role
    }

    private func refusingOnPage(_ viewer: Viewer, _ change: () async throws -> Void) async throws -> Response {
        do {
            try await change()
            return Reply.redirect("/reviewers")
        } catch let error as any FactDeskError {
            return try await page(viewer, error: error.message(in: viewer.l), status: FailureResponse.status(for: error))
        }
    }

    private func page(_ viewer: Viewer, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let l = viewer.l
        let team = try await server.store.team.reviewers()
        let rows = team.map { entry -> [String: Any] in
            let reviewer = entry.reviewer
            return ["handle": reviewer.handle, "name": Piece.text(reviewer.displayName), "role": Piece.role(reviewer.role, l),
                    "active": reviewer.active, "open": l.number(entry.openClaims), "isEditor": reviewer.role == .editor,
                    "editor": viewer.isEditor, "csrf": viewer.csrf ?? ""]
        }
        let hint = l.html("reviewers_password_hint", markup: ["command": "<code dir=\"ltr\">factdesk reviewer password HANDLE</code>"])
        return Reply.html(server.pages.render("reviewers", title: l.text("reviewers_title"), viewer: viewer, in: l,
                                              data: ["reviewers": rows, "passwordHint": hint], error: error, path: "/reviewers"),
                          status: status)
    }
}
