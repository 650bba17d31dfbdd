import FactDeskKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import FactDeskServer

@Suite struct ClaimPageTests {
    @Test func anEditorAssignsAndTheReviewerVerifiesWithTheirOwnNames() async throws {
        let desk = try await WebDesk()
        let id = try await desk.firstClaim().id ?? 0
        try await desk.test { client in
            let sara = Browser(client)
            try await sara.logIn("sara")
            let page = try await sara.get("/claims/\(id)")
            #expect(page.text.contains("/claims/\(id)/transitions/assign"))
            let assigned = try await sara.post("/claims/\(id)/transitions/assign", [
                ("csrf", Browser.csrf(in: page)), ("to", "layla"), ("due", "3d"), ("version", "1"),
            ])
            #expect(assigned.status == .seeOther)
            #expect(assigned.headers[.location] == "/claims/\(id)")

            let layla = Browser(client)
            try await layla.logIn("layla")
            let queue = try await layla.get("/")
            #expect(queue.text.contains("href=\"/claims/\(id)\""))
            let token = Browser.csrf(in: queue)
            #expect(try await layla.post("/claims/\(id)/transitions/start", [("csrf", token)]).status == .seeOther)
            let verified = try await layla.post("/claims/\(id)/transitions/verify", [
                ("csrf", token), ("note", "the ministry's statement says so"),
                ("evidence", "https://example.org/statement"), ("evidence", "https://example.org/second"),
            ])
            #expect(verified.status == .seeOther)
        }
        let detail = try await desk.store.review.claimDetail(id)
        #expect(detail.claim.state == "verified")
        #expect(detail.evidence.map(\.url) == ["https://example.org/statement", "https://example.org/second"])
        #expect(detail.evidence.allSatisfy { $0.stance == .supports })
        let actors = detail.history.map { "\($0.actor) \($0.action)" }
        #expect(actors.contains("sara assign"))
        #expect(actors.contains("layla start"))
        #expect(actors.contains("layla verify"))
        #expect(detail.claim.dueAt != nil)
    }

    @Test func aReviewerCannotAssignAndThePageSaysWhyWith403() async throws {
        let desk = try await WebDesk()
        let id = try await desk.firstClaim().id ?? 0
        try await desk.test { client in
            let layla = Browser(client)
            try await layla.logIn("layla")
            let page = try await layla.get("/claims/\(id)")
            #expect(!page.text.contains("/transitions/assign"))
            let refused = try await layla.post("/claims/\(id)/transitions/assign", [
                ("csrf", Browser.csrf(in: page)), ("to", "layla"),
            ])
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("only an editor may"))
        }
        #expect(try await desk.store.review.claim(id).state == "new")
    }

    @Test func aGuardsRefusalIsTheLibrarysSentenceWithoutCommandLineFlags() async throws {
        let desk = try await WebDesk()
        let id = try await desk.firstClaim().id ?? 0
        try await desk.test { client in
            let sara = Browser(client)
            try await sara.logIn("sara")
            let refused = try await sara.post("/claims/\(id)/transitions/skip", [("csrf", try await sara.csrf())])
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("&#39;skip&#39; needs a note saying why") || refused.text.contains("'skip' needs a note saying why"))
            #expect(!refused.text.contains("--note"))
            let late = try await sara.post("/claims/\(id)/transitions/assign", [
                ("csrf", try await sara.csrf()), ("to", "layla"), ("due", "someday"),
            ])
            #expect(late.status == .badRequest)
            #expect(!late.text.contains("--due"))
        }
    }

    @Test func aFormWithoutItsCSRFTokenOrFromAnotherSiteChangesNothing() async throws {
        let desk = try await WebDesk()
        let id = try await desk.firstClaim().id ?? 0
        let before = try await desk.store.audit.auditHead()
        try await desk.test { client in
            let sara = Browser(client)
            try await sara.logIn("sara")
            let token = try await sara.csrf()
            let missing = try await sara.post("/claims/\(id)/transitions/skip", [("note", "not worth it")])
            #expect(missing.status == .forbidden)
            let wrong = try await sara.post("/claims/\(id)/transitions/skip", [("csrf", "forged"), ("note", "no")])
            #expect(wrong.status == .forbidden)
            var elsewhere = HTTPFields()
            elsewhere[.origin] = "https://attacker.example"
            let crossSite = try await sara.post("/claims/\(id)/transitions/skip", [("csrf", token), ("note", "no")],
                                                headers: elsewhere)
            #expect(crossSite.status == .forbidden)
            #expect(crossSite.text.contains("another site"))
        }
        #expect(try await desk.store.audit.auditHead() == before)
    }

    @Test func aStaleFormSaysTheClaimChangedShowsTheNewStateAndOverwritesNothing() async throws {
        let desk = try await WebDesk()
        let id = try await desk.firstClaim().id ?? 0
        try await desk.test { client in
            let sara = Browser(client)
            try await sara.logIn("sara")
            let page = try await sara.get("/claims/\(id)")
            let token = Browser.csrf(in: page)
            // Someone else assigns it first, from the command line.
            try await desk.store.review.apply(TransitionCommand(transition: "assign", claimIDs: [id], actor: "omar", assignee: "omar"))
            let stale = try await sara.post("/claims/\(id)/transitions/assign", [
                ("csrf", token), ("to", "layla"), ("version", "1"),
            ])
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("changed since you looked"))
            #expect(stale.text.contains(#"id="claim-assignee"><bdi>omar</bdi><"#))
        }
        #expect(try await desk.store.review.claim(id).assignee == "omar")
    }

    @Test func anEditorCannotApproveTheirOwnProposalOnATwoPersonDesk() async throws {
        let desk = try await WebDesk(workflow: "two-person")
        let id = try await desk.firstClaim().id ?? 0
        try await desk.store.review.apply(TransitionCommand(transition: "assign", claimIDs: [id], actor: "sara", assignee: "sara"))
        try await desk.test { client in
            let sara = Browser(client)
            try await sara.logIn("sara")
            let token = try await sara.csrf()
            let proposed = try await sara.post("/claims/\(id)/transitions/verify", [
                ("csrf", token), ("note", "matches the agency's report"), ("evidence", "https://example.org/a"),
            ])
            #expect(proposed.status == .seeOther)
            let own = try await sara.post("/claims/\(id)/transitions/approve", [("csrf", token)])
            #expect(own.status == .forbidden)
            #expect(own.text.contains("a second person must decide"))

            let omar = Browser(client)
            try await omar.logIn("omar")
            let approved = try await omar.post("/claims/\(id)/transitions/approve", [("csrf", try await omar.csrf())])
            #expect(approved.status == .seeOther)
        }
        #expect(try await desk.store.review.claim(id).state == "verified")
    }

    @Test func aChangeMadeOnTheCommandLineShowsOnTheNextPageLoad() async throws {
        let desk = try await WebDesk()
        let id = try await desk.firstClaim().id ?? 0
        try await desk.test { client in
            let layla = Browser(client)
            try await layla.logIn("layla")
            #expect(!(try await layla.get("/claims/\(id)")).text.contains("checked by phone"))
            #expect(!(try await layla.get("/")).text.contains("href=\"/claims/\(id)\""))
            try await desk.store.review.addNote(to: id, body: "checked by phone", by: "omar")
            try await desk.store.review.apply(TransitionCommand(transition: "assign", claimIDs: [id], actor: "sara", assignee: "layla"))
            #expect(try await layla.get("/claims/\(id)").text.contains("checked by phone"))
            #expect(try await layla.get("/").text.contains("href=\"/claims/\(id)\""))
        }
    }

    @Test func notesAreShownAsTextNeverAsMarkup() async throws {
        let desk = try await WebDesk()
        let id = try await desk.firstClaim().id ?? 0
        let hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>"
        try await desk.test { client in
            let sara = Browser(client)
            try await sara.logIn("sara")
            let token = try await sara.csrf()
            #expect(try await sara.post("/claims/\(id)/notes", [("csrf", token), ("body", hostile)]).status == .seeOther)
            // An address that is not http or https is refused at the door; a citation is any text.
            #expect(try await sara.post("/claims/\(id)/evidence", [
                ("csrf", token), ("url", "javascript:alert(3)"), ("stance", "context"),
            ]).status == .badRequest)
            #expect(try await sara.post("/claims/\(id)/evidence", [
                ("csrf", token), ("url", hostile), ("stance", "context"),
            ]).status == .seeOther)
            let page = try await sara.get("/claims/\(id)")
            #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"))
            #expect(!page.text.contains("<script>alert"))
            #expect(!page.text.contains("<img"))
            #expect(!page.text.contains("href=\"javascript:"))
            #expect(page.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            #expect(page.headers[.xContentTypeOptions] == "nosniff")
            #expect(page.headers[named: HeaderNames.referrerPolicy] == "same-origin")
            #expect(page.headers[named: HeaderNames.frameOptions] == "DENY")
            #expect(page.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
        }
    }

    @Test func aFormThatIsNotUTF8IsRefusedWith400AndAnOversizedOneWith413() async throws {
        let desk = try await WebDesk()
        let id = try await desk.firstClaim().id ?? 0
        let before = try await desk.store.audit.auditHead()
        try await desk.test { client in
            let sara = Browser(client)
            try await sara.logIn("sara")
            let token = try await sara.csrf()
            var headers = HTTPFields()
            headers[.contentType] = "application/x-www-form-urlencoded"
            headers[.origin] = WebDesk.origin
            let bad = try await sara.send("/claims/\(id)/notes", method: .post, headers: headers,
                                          body: ByteBuffer(string: "csrf=\(token)&body=%C3%28"))
            #expect(bad.status == .badRequest)
            let huge = String(repeating: "a", count: ServerConfiguration.maxBodySize + 10)
            let large = try await sara.send("/claims/\(id)/notes", method: .post, headers: headers,
                                            body: ByteBuffer(string: "csrf=\(token)&body=\(huge)"))
            #expect(large.status == .contentTooLarge)
        }
        #expect(try await desk.store.audit.auditHead() == before)
    }

    @Test func theClaimPageShowsTheClaimInItsParagraphRightToLeft() async throws {
        let desk = try await WebDesk()
        let claim = try await desk.firstClaim()
        try await desk.test { client in
            let sara = Browser(client)
            try await sara.logIn("sara")
            let page = try await sara.get("/claims/\(claim.id ?? 0)")
            #expect(page.text.contains(#"<blockquote class="paragraph" lang="ar" dir="rtl">"#))
            #expect(page.text.contains("<mark>\(claim.text)</mark>"))
            let unknown = try await sara.get("/claims/999999")
            #expect(unknown.status == .notFound)
            let nowhere = try await sara.get("/etc/passwd")
            #expect(nowhere.status == .notFound)
            #expect(nowhere.text.contains("Not found"))
        }
    }

    @Test func theClaimListFiltersSearchesAndRefusesABadState() async throws {
        let desk = try await WebDesk()
        try await desk.test { client in
            let sara = Browser(client)
            try await sara.logIn("sara")
            let search = try await sara.get("/claims?q=" + Browser.escape("أربع ساعات"))
            #expect(search.status == .ok)
            #expect(search.text.contains("4 ساعات") || search.text.contains("أربع ساعات"))
            let bad = try await sara.get("/claims?status=nonsense")
            #expect(bad.status == .badRequest)
            let page2 = try await sara.get("/claims?page=2")
            #expect(page2.text.contains("page 2"))
            #expect(page2.text.contains("href=\"/claims/51\""))
        }
    }
}

@Suite struct KnownCheckPageTests {
    @Test func aClaimPageListsTheFactChecksPublishedElsewhereThatMatchIt() async throws {
        let desk = try await WebDesk()
        let claim = try await desk.firstClaim()
        let review = KnownCheck.Content(
            url: "https://checks.example/ar/1", publisher: "مسبار", publishedOn: "2025-04-22",
            claimReviewed: claim.text, rating: "صحيح", ratingValue: "5", bestRating: "5", worstRating: "1", language: "ar")
        _ = try await desk.store.corroboration.importKnownChecks([review], by: "sara")
        try await desk.test { client in
            let layla = Browser(client)
            try await layla.logIn("layla")
            let page = try await layla.get("/claims/\(claim.id ?? 0)")
            #expect(page.text.contains("Checked elsewhere"))
            #expect(page.text.contains("مسبار"))
            #expect(page.text.contains("صحيح, 5 (1-5)"))
            #expect(page.text.contains("href=\"https://checks.example/ar/1\""))
        }
    }
}
