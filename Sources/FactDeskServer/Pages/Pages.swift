import FactDeskKit
import Foundation
import Mustache

/// Renders the desk's pages: a page's own template inside the layout, in the reader's
/// language. Every template reads its words as `{{t.key}}` from the reader's catalog.
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
    func render(_ template: String, title: String, viewer: Viewer?, in l: Localizer, data: [String: Any] = [:],
                error: String? = nil, notice: String? = nil, path: String = "/") -> String {
        page(title: title, viewer: viewer, in: l, content: content(template, viewer: viewer, in: l, data: data),
             error: error, notice: notice, path: path)
    }

    /// A page's own part, without the layout.
    func content(_ template: String, viewer: Viewer?, in l: Localizer, data: [String: Any]) -> String {
        var data = data
        data["t"] = l.table
        if let viewer {
            data["csrf"] = viewer.csrf ?? ""
            data["handle"] = viewer.handle
            data["editor"] = viewer.isEditor
        }
        return library.render(data, withTemplate: template) ?? ""
    }

    /// A page's own part inside the layout. The title and the messages may quote what
    /// someone typed, so their invisible and direction-changing characters are written out.
    func page(title: String, viewer: Viewer?, in l: Localizer, content: String, error: String? = nil, notice: String? = nil,
              path: String = "/") -> String {
        var page: [String: Any] = ["title": InvisibleCharacters.shown(title), "content": content, "t": l.table,
                                   "lang": l.language.rawValue, "dir": l.direction]
        let other: InterfaceLanguage = l.language == .ar ? .en : .ar
        page["switch"] = ["lang": other.rawValue, "dir": other.direction, "name": other.ownName,
                          "next": path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "%2F"]
        if let viewer {
            let unread = viewer.unread
            page["viewer"] = ["handle": viewer.handle, "role": Piece.role(viewer.reviewer.role, l), "csrf": viewer.csrf ?? "",
                              "unread": l.number(unread), "hasUnread": unread > 0, "editor": viewer.isEditor,
                              "unreadLabel": l.count("nav_unread", unread), "plurals": Piece.pluralForms("nav_unread", l),
                              "digits": l.digits.rawValue]
        }
        if let error { page["error"] = InvisibleCharacters.shown(error) }
        if let notice { page["notice"] = InvisibleCharacters.shown(notice) }
        return library.render(page, withTemplate: "layout") ?? ""
    }
}

/// How desk text and the interface's values are shown: desk text with the language and
/// direction of its script, the interface's values in the reader's language and digits.
enum Piece {
    static func text(_ text: String, language: String? = nil) -> [String: Any] {
        let lang = language ?? ScriptDetector.language(of: text)
        return ["text": InvisibleCharacters.shown(text), "lang": lang, "dir": direction(lang)]
    }

    static func direction(_ language: String) -> String {
        ["ar", "fa", "ur", "he", "ps", "ckb"].contains(language) ? "rtl" : "ltr"
    }

    /// A moment as the reader reads it: relative when recent, the exact time on hover, as
    /// the HTML of a `<time>` element (put in with `{{{…}}}`).
    static func time(_ date: Date, _ l: Localizer, now: Date = Date()) -> String {
        l.timeHTML(date, now: now)
    }

    /// A role in the reader's language.
    static func role(_ role: Reviewer.Role, _ l: Localizer) -> String {
        switch role {
        case .editor: l.text("role_editor")
        case .reviewer: l.text("role_reviewer")
        }
    }

    /// Every plural form of a counted string, for the script that rewrites a count.
    static func pluralForms(_ key: String, _ l: Localizer) -> [[String: String]] {
        PluralCategory.required(in: l.language).map { ["category": $0.rawValue, "form": l.pluralForm(key, $0)] }
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

    /// A state's badge: its label in the reader's language, its class, and a mark that
    /// says the same as its colour (✓ holds up, ✗ does not, ■ another verdict, ○ open).
    static func state(_ state: String, workflow: Workflow, _ l: Localizer) -> [String: Any] {
        let style = stateClass(state, workflow: workflow)
        let mark = switch style {
        case "final-good": "✓"
        case "final-bad": "✗"
        case "final": "■"
        default: "○"
        }
        return ["label": WorkflowText.state(state, in: workflow, l), "class": style, "mark": mark, "name": state]
    }
}
