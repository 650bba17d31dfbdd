import FactDeskKit
import Foundation
import Hummingbird

/// `/sources`: the articles, each one's annotated page, and the import form for editors.
struct SourceController {
    let server: DeskServer

    func add(to router: Router<DeskContext>) {
        router.get("/sources") { _, context in
            try await page(context.requireViewer())
        }
        router.post("/sources") { request, context in
            let limit = server.configuration.maxImportSize + 64 * 1_024
            let (viewer, form) = try await server.form(request, context, limit: limit)
            do {
                let outcome = try await importArticle(form, by: viewer.handle)
                switch outcome {
                case .added(let source, _), .existing(let source):
                    return Reply.redirect("/sources/\(source.id ?? 0)")
                }
            } catch let error as any FactDeskError {
                return try await page(viewer, error: error.message(in: viewer.l), status: FailureResponse.status(for: error))
            }
        }
        router.get("/sources/:id") { _, context in
            let viewer = try context.requireViewer()
            guard let id = context.parameters.get("id").flatMap(Int64.init), id > 0 else { throw HTTPFailure.notFound }
            let html = try await server.store.review.report(source: id).render(localizer: viewer.l)
            var response = Reply.html(html)
            // The annotated article is one self-contained page with its own style sheet.
            response.headers[.contentSecurityPolicy] = DeskMiddleware.contentSecurityPolicy
                .replacingOccurrences(of: "style-src 'self'", with: "style-src 'self' 'unsafe-inline'")
            return response
        }
    }

    /// Imports the uploaded file, or else the pasted text, with every check of `source add`.
    private func importArticle(_ form: FormData, by actor: String) async throws -> SourceImport {
        if let address = form["page"], !address.isEmpty {
            // Fetched by the server, for whoever is logged in: public addresses only, unless allowed.
            let overrides = SourceOverrides(title: form["title"], outlet: form["outlet"], language: form["lang"], publishedOn: form["published"])
            return try await server.store.imports.addWebSource(address, fetcher: server.configuration.fetcher(), overrides: overrides, by: actor)
        }
        let reader = ArticleReader(maximumSize: server.configuration.maxImportSize)
        let body: String
        if let file = form.file("file"), !file.data.isEmpty {
            body = try reader.text(of: file.data, named: file.filename.isEmpty ? "the file" : file.filename)
        } else if let text = form.raw("text"), !text.isEmpty {
            body = try reader.text(of: Data(text.utf8), named: "the pasted text")
        } else {
            throw DeskError.invalidValue("give a web page's address, choose a file or paste the article's text")
        }
        let new = NewSource(body: body, title: form["title"], outlet: form["outlet"], url: form["url"],
                            language: form["lang"], publishedOn: form["published"])
        return try await server.store.imports.addSource(new, by: actor)
    }

    private func page(_ viewer: Viewer, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let l = viewer.l
        let sources = try await server.store.imports.sources()
        let rows = sources.map { summary -> [String: Any] in
            let source = summary.source
            let id = Int(source.id ?? 0)
            var row: [String: Any] = [
                "id": String(id), "number": l.number(id), "language": Self.languageName(source.language, l),
                "claims": l.number(summary.claimCount),
                "published": source.publishedOn.map(l.digitsOf) ?? "—", "title": InvisibleCharacters.shown(source.title),
                "lang": source.language, "dir": Piece.direction(source.language), "outlet": false,
            ]
            if let outlet = source.outlet { row["outlet"] = Piece.text(outlet) }
            return row
        }
        let feeds = try await server.store.feeds.list().map { feed -> [String: Any] in
            let read = feed.lastSuccessAt.map { Piece.time($0, l) } ?? HTMLText.escaped(l.text("sources_feed_never"))
            return ["id": String(feed.id ?? 0), "url": feed.url, "failing": feed.isFailing,
                    "line": l.countHTML("sources_feed_line", Int(feed.imported)).replacingOccurrences(of: "{read}", with: read),
                    "failing_text": l.html("sources_feed_failing_line", ["id": l.number(Int(feed.id ?? 0)), "url": feed.url]),
                    "error": feed.lastError.map { Piece.text($0) } ?? false]
        }
        let failing = feeds.filter { $0["failing"] as? Bool == true }.map { feed -> [String: Any] in
            var row = feed
            row["failing"] = feed["failing_text"]
            return row
        }
        let data: [String: Any] = [
            "sources": rows, "feeds": feeds, "failingFeeds": failing,
            "limit": l.html("sources_limit", ["size": l.number(server.configuration.maxImportSize)]),
        ]
        return Reply.html(server.pages.render("sources", title: l.text("sources_title"), viewer: viewer, in: l, data: data,
                                              error: error, path: "/sources"),
                          status: status)
    }

    /// A source's language by its name in the reader's language, or its code when the desk has no name for it.
    static func languageName(_ code: String, _ l: Localizer) -> String {
        switch code {
        case "ar": l.text("language_ar")
        case "en": l.text("language_en")
        case "fr": l.text("language_fr")
        default: code
        }
    }
}
