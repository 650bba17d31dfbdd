import FactDeskKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import FactDeskServer

/// The inbox, one's own notification settings, the editors' webhooks and the event feed, on
/// the web desk: each the FactDeskKit call the command line makes.
@Suite struct NotifyPageTests {
    private func bearer(_ secret: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(secret)"
        return headers
    }

    @Test func theHeaderCountsUnreadItemsAndOpeningOneReadsIt() async throws {
        let desk = try await WebDesk()
        let claim = try await desk.firstClaim()
        try await desk.store.review.apply(TransitionCommand(transition: "assign", claimIDs: [claim.id ?? 0], actor: "sara",
                                                            assignee: "layla"))
        _ = try await desk.store.notifier.derive(Notifier.Options())
        try await desk.test { client in
            let browser = Browser(client)
            try await browser.logIn("layla")
            let queue = try await browser.get("/")
            #expect(queue.text.contains(#"id="unread" aria-label="1 unread" data-count="1""#))
            let inbox = try await browser.get("/inbox")
            #expect(inbox.text.contains("sara assigned claim \(claim.id ?? 0) to you"))
            let opened = try await browser.get("/inbox/1/open")
            #expect(opened.status == .seeOther && opened.headers[.location] == "/claims/\(claim.id ?? 0)")
            #expect(try await browser.get("/").text.contains(#"data-count="0""#))
            let count = try JSONSerialization.jsonObject(with: Data(try await browser.get("/api/inbox/unread").text.utf8)) as? [String: Int]
            #expect(count == ["unread": 0])
            // Another reviewer's item is not hers to open.
            #expect(try await browser.get("/inbox/99/open").status == .notFound)
        }
    }

    @Test func aReviewerSetsTheirOwnEmailOnTheSettingsPage() async throws {
        let desk = try await WebDesk()
        try await desk.test { client in
            let browser = Browser(client)
            try await browser.logIn("layla")
            let page = try await browser.get("/settings")
            #expect(page.text.contains("name=\"email\""))
            let saved = try await browser.post("/settings/notifications", [("csrf", Browser.csrf(in: page)), ("email", "layla@example.org"),
                                                                           ("mode", "digest"), ("hour", "07:30"), ("language", "ar")])
            #expect(saved.status == .seeOther)
            let refused = try await browser.post("/settings/notifications", [("csrf", Browser.csrf(in: page)), ("email", "not an address"),
                                                                             ("mode", "each"), ("language", "en")])
            #expect(refused.status == .badRequest)
        }
        let setting = try await desk.store.notifications.setting(of: "layla")
        #expect(setting.email == "layla@example.org" && setting.mode == .digest(hour: 7, minute: 30) && setting.language == "ar")
    }

    @Test func onlyEditorsSeeWebhooksAndTheSecretIsShownOnce() async throws {
        let desk = try await WebDesk()
        try await desk.test { client in
            let reviewer = Browser(client)
            try await reviewer.logIn("layla")
            #expect(try await reviewer.get("/webhooks").status == .forbidden)
            let editor = Browser(client)
            try await editor.logIn("sara")
            let page = try await editor.get("/webhooks")
            let refused = try await editor.post("/webhooks", [("csrf", Browser.csrf(in: page)), ("url", "http://127.0.0.1:9/hook"),
                                                              ("events", ""), ("format", "standard")])
            #expect(refused.text.contains("--allow-private") && refused.status != .ok)
            #expect(try await desk.store.notifications.webhooks().isEmpty)
        }
    }

    @Test func theEventFeedPagesTheHistoryAndWaitsForTheNext() async throws {
        let desk = try await WebDesk()
        let (_, token) = try await desk.store.logins.createToken(name: "feed", expiresAt: nil, by: "layla")
        let secret = token.text
        let head = try await desk.store.audit.auditHead().seq
        try await desk.test { client in
            let first = try await client.execute(uri: "/api/events?after=0&limit=3", method: .get, headers: bearer(secret))
            let events = try JSONSerialization.jsonObject(with: Data(first.text.utf8)) as? [[String: Any]]
            #expect(events?.map { $0["seq"] as? Int } == [1, 2, 3])
            #expect(try await client.execute(uri: "/api/events?after=0", method: .get).status == .unauthorized)
            #expect(try await client.execute(uri: "/api/events?wait=600", method: .get, headers: bearer(secret)).status == .badRequest)
            // A long poll past the head answers when the next event comes, with its claim's summary.
            async let waited = client.execute(uri: "/api/events?after=\(head)&wait=20", method: .get, headers: bearer(secret))
            try await Task.sleep(for: .milliseconds(600))
            try await desk.store.review.apply(TransitionCommand(transition: "assign", claimIDs: [1], actor: "sara", assignee: "omar"))
            let answer = try await waited
            let next = try JSONSerialization.jsonObject(with: Data(answer.text.utf8)) as? [[String: Any]]
            #expect(next?.count == 1 && next?.first?["action"] as? String == "assign")
            #expect((next?.first?["claim"] as? [String: Any])?["assignee"] as? String == "omar")
        }
    }
}
