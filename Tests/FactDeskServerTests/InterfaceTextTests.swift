@testable import FactDeskKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FactDeskServer

/// The words of a page that are the interface's, not the desk's data: its text and spoken
/// attributes, without what carries another language (`lang`), values isolated in `<bdi>`,
/// code, and the script and style.
struct InterfaceText {
    var words: [String] = []

    private static let void: Set<String> = ["meta", "link", "input", "br", "hr", "img", "source", "col", "area", "base", "wbr"]
    private static let spoken = ["title", "aria-label", "placeholder", "alt"]

    init(page: String, language: InterfaceLanguage) {
        var skipping: [Bool] = []
        var rest = Substring(page)
        var text = ""
        func flush() {
            if !(skipping.last ?? false) { words.append(text) }
            text = ""
        }
        while let open = rest.firstIndex(of: "<") {
            text += rest[..<open]
            flush()
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("!") { continue }
            if tag.hasPrefix("/") {
                if !skipping.isEmpty { skipping.removeLast() }
                continue
            }
            let name = String(tag.prefix { $0.isLetter || $0.isNumber }).lowercased()
            let lang = Self.attribute("lang", in: tag)
            let skip = (skipping.last ?? false) || (lang != nil && lang != language.rawValue)
                || ["bdi", "code", "script", "style", "textarea", "svg"].contains(name) || tag.contains("class=\"brand\"")
            if !skip {
                for attribute in Self.spoken {
                    // An example address in a placeholder is not a word of the interface.
                    if let value = Self.attribute(attribute, in: tag), !value.contains("@"), !value.contains("://") { words.append(value) }
                }
            }
            if !Self.void.contains(name) && !tag.hasSuffix("/") { skipping.append(skip) }
        }
        text += rest
        flush()
        // A URL is the desk's data wherever it stands.
        words = words.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty && !$0.contains("://") }
    }

    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let range = tag.range(of: " \(name)=\"") else { return nil }
        return String(tag[range.upperBound...].prefix { $0 != "\"" })
    }
}

/// Every page of the desk in Arabic for a desk whose data is English, and in English for a
/// desk whose data is Arabic: no word of the other language's interface.
@Suite struct InterfaceTextTests {
    /// Latin words an Arabic page may hold: names of programs, protocols and standards, and
    /// the command line's words (the command line stays English).
    static let technical: Set<String> = [
        "factdesk", "utc", "utf", "sha", "yaml", "qr", "json", "api", "http", "csrf", "x", "token", "slack", "standard", "webhooks",
        "webhook", "id", "timestamp", "signature", "freeotp", "aegis", "google", "authenticator", "ar", "en", "d", "t", "ms",
    ]

    /// The words of the English catalog: what an Arabic page must not show.
    static let englishWords: Set<String> = Set(Catalog.entries(.en).values.flatMap { text in
        text.lowercased().split { !$0.isLetter }.map(String.init)
    }).subtracting(technical)

    /// A desk of English articles, notes and names, with one of each thing a page can show.
    static func englishDesk() async throws -> (WebDesk, Int64) {
        let desk = try await WebDesk()
        let store = desk.store
        let imported = try await store.imports.addSource(NewSource(
            body: "The minister said on Tuesday that talks would resume in Geneva within two weeks. The agency reported that "
                + "inflation rose to 4 percent in March, the highest rate in a year, according to official figures.",
            title: "Talks to resume in Geneva", outlet: "Morning Ledger", url: "https://ledger.example/geneva",
            publishedOn: "2026-11-30"), by: "sara")
        let source: Int64
        switch imported {
        case .added(let added, _), .existing(let added): source = added.id ?? 0
        }
        let claim = try #require(try await store.review.claims(ClaimFilter(sourceID: source, limit: 1)).first)
        let id = claim.id ?? 0
        try await store.review.apply(TransitionCommand(transition: "assign", claimIDs: [id], actor: "sara", assignee: "layla",
                                                       due: Date().addingTimeInterval(86_400)))
        _ = try await store.review.addNote(to: id, body: "Checked against the ministry's statement.", by: "layla")
        _ = try await store.review.addEvidence(to: id, NewEvidence(url: "https://ministry.example/statement", stance: .supports,
                                                                   note: "Official statement"), by: "layla")
        _ = try await store.notifications.addWebhook("https://127.0.0.1/desk", events: [], format: .standard,
                                                     allowPrivate: true, by: "sara")
        _ = try await store.notifier.derive(Notifier.Options())
        return (desk, id)
    }

    /// Every page a person can open, for a claim, a source, a webhook and a tip receipt.
    static func pages(claim: Int64, source: Int64, receipt: String) -> [String] {
        ["/", "/claims", "/claims?status=assigned&sort=due", "/claims/\(claim)", "/sources", "/sources/\(source)", "/reviewers", "/tips",
         "/tip", "/tips/\(receipt)", "/stats", "/audit", "/audit?verify=1", "/workflow", "/settings", "/inbox", "/webhooks",
         "/webhooks/1", "/claims/99999"]
    }

    /// Runs `body` against the desk's server signing as the `web` service, as `factdesk serve` does.
    static func serve(_ desk: WebDesk, _ body: @Sendable @escaping (any TestClientProtocol) async throws -> Void) async throws {
        let web = try await desk.store.signingAsService("web", keys: .memory, by: "sara").store
        let server = try DeskServer(store: web, configuration: ServerConfiguration(baseURL: WebDesk.origin, logRequests: false))
        try await Application(responder: server.responder()).test(.router) { client in try await body(client) }
    }

    /// Whether a reader who is not logged in opens a page: the login, the tip form and a receipt.
    static func isPublic(_ path: String) -> Bool { path == "/login" || path == "/tip" || path.hasPrefix("/tips/") }

    /// Sends a tip through the public form and returns its receipt code.
    static func sendTip(_ browser: Browser, text: String) async throws -> String {
        let form = try await browser.get("/tip")
        let sent = try await browser.post("/tip", [("csrf", Browser.csrf(in: form)), ("text", text), ("url", ""), ("contact", "")])
        return String((sent.headers[.location] ?? "").dropFirst("/tips/".count))
    }

    @Test func anArabicPageOfAnEnglishDeskShowsNoEnglishWordOfTheInterface() async throws {
        let (desk, claim) = try await Self.englishDesk()
        let source = try await desk.store.review.claim(claim).sourceID
        try await desk.store.interface.set(language: .ar, by: "sara")
        try await Self.serve(desk) { client in
            let anonymous = Browser(client)
            let receipt = try await Self.sendTip(anonymous, text: "The mayor said the bridge will open in May.")
            let sara = Browser(client)
            try await sara.logIn("sara")
            var pages = Self.pages(claim: claim, source: source, receipt: receipt)
            pages.append("/login")
            for path in pages {
                let reader = Self.isPublic(path) ? anonymous : sara
                var headers = HTTPFields()
                headers[.acceptLanguage] = "ar"
                let page = try await reader.get(path, headers: headers)
                #expect(page.status == .ok || path == "/claims/99999", "\(path): \(page.status)")
                #expect(page.text.contains(#"dir="rtl""#), "\(path) is not right to left")
                let interface = InterfaceText(page: page.text, language: .ar)
                #expect(interface.words.count > 3, "\(path) shows too little")
                // A command quoted in a sentence stays as typed: the command line speaks English.
                let english = interface.words.map { $0.replacing(/factdesk( [a-z0-9-]+)*/, with: "") }
                    .flatMap { $0.lowercased().split { !$0.isLetter }.map(String.init) }
                    .filter { Self.englishWords.contains($0) }
                #expect(english == [], "\(path) shows English interface words: \(english)")
            }
        }
    }

    @Test func anEnglishPageOfAnArabicDeskShowsNoArabicWordOfTheInterface() async throws {
        let desk = try await WebDesk()
        let claim = try await desk.firstClaim()
        let id = claim.id ?? 0
        try await desk.store.review.apply(TransitionCommand(transition: "assign", claimIDs: [id], actor: "sara", assignee: "layla"))
        _ = try await desk.store.review.addNote(to: id, body: "راجعت البيان الرسمي للوزارة.", by: "sara")
        _ = try await desk.store.notifications.addWebhook("https://127.0.0.1/desk", events: [], format: .slack,
                                                          allowPrivate: true, by: "sara")
        _ = try await desk.store.notifier.derive(Notifier.Options())
        try await desk.store.interface.set(language: .en, by: "sara")
        try await Self.serve(desk) { client in
            let anonymous = Browser(client)
            let receipt = try await Self.sendTip(anonymous, text: "قال الوزير إن المحادثات ستستأنف الأسبوع المقبل.")
            let sara = Browser(client)
            try await sara.logIn("sara")
            var pages = Self.pages(claim: id, source: claim.sourceID, receipt: receipt)
            pages.append("/login")
            for path in pages {
                let reader = Self.isPublic(path) ? anonymous : sara
                var headers = HTTPFields()
                headers[.acceptLanguage] = "en"
                let page = try await reader.get(path, headers: headers)
                #expect(page.text.contains(#"<html lang="en" dir="ltr">"#), "\(path) is not English")
                let interface = InterfaceText(page: page.text, language: .en)
                let arabic = interface.words.filter { $0.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } }
                #expect(arabic == [], "\(path) shows Arabic interface text: \(arabic)")
            }
        }
    }
}
