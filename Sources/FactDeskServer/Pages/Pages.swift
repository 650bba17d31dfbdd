import FactDeskKit
import Foundation
import Mustache

/// Renders the desk's pages: a page's own template inside the layout.
struct Pages: Sendable {
    private let library: MustacheLibrary

    init() throws {
        var library = MustacheLibrary()
        for (name, text) in Templates.all {
            try library.register(text, named: name)
        }
        self.library = library
    }

    /// A whole page: `template` rendered with `data`, inside the layout.
    func render(_ template: String, title: String, viewer: Viewer?, data: [String: Any] = [:],
                error: String? = nil, notice: String? = nil) -> String {
        page(title: title, viewer: viewer, content: content(template, viewer: viewer, data: data),
             error: error, notice: notice)
    }

    /// A page's own part, without the layout.
    func content(_ template: String, viewer: Viewer?, data: [String: Any]) -> String {
        var data = data
        if let viewer {
            data["csrf"] = viewer.csrf ?? ""
            data["handle"] = viewer.handle
            data["editor"] = viewer.isEditor
        }
        return library.render(data, withTemplate: template) ?? ""
    }

    /// A page's own part inside the layout. The title and the messages may quote what
    /// someone typed, so their invisible and direction-changing characters are written out.
    func page(title: String, viewer: Viewer?, content: String, error: String? = nil, notice: String? = nil) -> String {
        var page: [String: Any] = ["title": InvisibleCharacters.shown(title), "content": content]
        if let viewer {
            page["viewer"] = ["handle": viewer.handle, "role": viewer.reviewer.role.rawValue, "csrf": viewer.csrf ?? "",
                              "unread": String(viewer.unread), "hasUnread": viewer.unread > 0, "editor": viewer.isEditor]
        }
        if let error { page["error"] = InvisibleCharacters.shown(error) }
        if let notice { page["notice"] = InvisibleCharacters.shown(notice) }
        return library.render(page, withTemplate: "layout") ?? ""
    }
}

/// How desk text is shown: with the language and direction of its script.
enum Piece {
    static func text(_ text: String, language: String? = nil) -> [String: Any] {
        let lang = language ?? ScriptDetector.language(of: text)
        return ["text": InvisibleCharacters.shown(text), "lang": lang, "dir": direction(lang)]
    }

    static func direction(_ language: String) -> String {
        ["ar", "fa", "ur", "he", "ps", "ckb"].contains(language) ? "rtl" : "ltr"
    }

    /// A moment as people read it on the desk: `2026-11-23 14:05 UTC`.
    static func time(_ date: Date) -> String {
        let text = ISO8601.string(from: date)
        return String(text.prefix(16)).replacingOccurrences(of: "T", with: " ") + " UTC"
    }

    /// The CSS class of a state: verdicts coloured by how they rate.
    static func stateClass(_ state: String, workflow: Workflow) -> String {
        guard workflow.isFinal(state) else { return "open" }
        switch state {
        case "verified": return "final-good"
        case "disputed": return "final-bad"
        default: return "final"
        }
    }
}
