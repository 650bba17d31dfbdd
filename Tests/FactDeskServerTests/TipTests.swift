@testable import FactDeskKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import FactDeskServer

/// Readers' tips through the public form and the API: abuse limits, receipts, triage, and
/// the reader's contact kept from everyone but editors, and from the history.
@Suite struct TipTests {
    /// A desk whose server signs as the `web` service, as `factdesk serve` does.
    func withServer(_ body: @Sendable @escaping (WebDesk, ClaimStore, any TestClientProtocol) async throws -> Void) async throws {
        let desk = try await WebDesk()
        let web = try await desk.store.signingAsService("web", keys: .memory, by: "sara").store
        var configuration = ServerConfiguration(baseURL: WebDesk.origin, logRequests: false)
        configuration.allowPrivateAddresses = true
        configuration.behindProxy = true
        let app = Application(responder: try DeskServer(store: web, configuration: configuration).responder())
        try await app.test(.router) { client in try await body(desk, web, client) }
    }

    /// Sends the public form as a reader's browser does: the page first, for its token and cookie.
    static func sendTip(_ browser: Browser, text: String, contact: String = "", address: String = "203.0.113.7",
                        extra: [(String, String)] = []) async throws -> TestResponse {
        let form = try await browser.get("/tip")
        return try await browser.post("/tip", [("csrf", Browser.csrf(in: form)), ("text", text), ("url", ""), ("contact", contact)] + extra,
                                      headers: [HTTPField.Name("X-Forwarded-For")!: address])
    }

    @Test func aTipFromTheFormGetsAReceiptThatShowsNothingElseOfTheDesk() async throws {
        try await withServer { desk, web, client in
            let reader = Browser(client)
            let sent = try await Self.sendTip(reader, text: "قال الوزير إن البطالة انخفضت إلى 5 في المئة", contact: "+962 7 9999 0000")
            #expect(sent.status == .seeOther)
            let location = try #require(sent.headers[.location])
            #expect(location.hasPrefix("/tips/") && Tips.isCode(String(location.dropFirst("/tips/".count))))
            let receipt = try await reader.get(location)
            let page = String(buffer: receipt.body)
            #expect(receipt.status == .ok && page.contains("received"))
            for desk in ["/claims", "/sources", "sara", "layla", "9999", "logout"] { #expect(!page.contains(desk), "\(desk) on the receipt") }
            // A code that is not one, or no tip's, is not found; an editor's page needs a login.
            #expect(try await reader.get("/tips/ZZZZZZZZZZZZZZZZ").status == .notFound)
            #expect(try await reader.get("/tips/1").status == .notFound)
            #expect(try await reader.get("/tips").status == .seeOther)
            let tips = try await web.tips.list()
            #expect(tips.count == 1 && tips[0].tip.text == "قال الوزير إن البطالة انخفضت إلى 5 في المئة")
            #expect(try await desk.store.audit.verifyAudit().problems.isEmpty)
        }
    }

    @Test func theSixthTipFromOneAddressInAnHourGets429() async throws {
        try await withServer { _, web, client in
            let reader = Browser(client)
            for number in 1...5 {
                #expect(try await Self.sendTip(reader, text: "ادعاء رقم \(number)", address: "198.51.100.20").status == .seeOther)
            }
            let sixth = try await Self.sendTip(reader, text: "ادعاء سادس", address: "198.51.100.20")
            #expect(sixth.status == .tooManyRequests)
            #expect(String(buffer: sixth.body).contains("try again later"))
            // Another address is not held back.
            #expect(try await Self.sendTip(reader, text: "ادعاء من عنوان آخر", address: "198.51.100.21").status == .seeOther)
            #expect(try await web.tips.list().count == 6)
        }
    }

    @Test func aFormWithoutItsTokenFromAProgramOrTooLargeIsRefusedAndNothingIsStored() async throws {
        try await withServer { desk, web, client in
            let reader = Browser(client)
            let head = try await desk.store.audit.auditHead()
            // No token: a page elsewhere posting to the desk.
            #expect(try await reader.post("/tip", [("csrf", "forged"), ("text", "ادعاء")]).status == .forbidden)
            // The honeypot filled in: a program.
            #expect(try await Self.sendTip(reader, text: "ادعاء", extra: [("website", "http://spam.example")]).status == .badRequest)
            // Too long a tip, and a body past the form's limit.
            #expect(try await Self.sendTip(reader, text: String(repeating: "a", count: Tips.maximumText + 1)).status == .badRequest)
            #expect(try await Self.sendTip(reader, text: String(repeating: "a", count: 20_000)).status == .contentTooLarge)
            // Neither words nor a link; a link that is not http(s).
            #expect(try await Self.sendTip(reader, text: "  ").status == .badRequest)
            let form = try await reader.get("/tip")
            #expect(try await reader.post("/tip", [("csrf", Browser.csrf(in: form)), ("url", "javascript:alert(1)")]).status == .badRequest)
            #expect(try await web.tips.list().isEmpty)
            #expect(try await desk.store.audit.auditHead() == head)
        }
    }

    @Test func aTiplineBotSendsATipWithItsTokenAndGets201() async throws {
        try await withServer { desk, web, client in
            let token = try await desk.store.logins.createToken(name: "tipline", expiresAt: nil, by: "layla").secret.text
            let body = #"{"text": "قالت الوزارة إن 12 مدرسة جديدة افتتحت", "url": "https://news.example/schools", "contact": "whatsapp:+9627"}"#
            let unsigned = try await client.execute(uri: "/api/tips", method: .post, headers: [.contentType: "application/json"],
                                                    body: ByteBuffer(string: body))
            #expect(unsigned.status == .unauthorized)
            let sent = try await client.execute(uri: "/api/tips", method: .post,
                                                headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                                                body: ByteBuffer(string: body))
            #expect(sent.status == .created)
            let answer = try JSONSerialization.jsonObject(with: Data(String(buffer: sent.body).utf8)) as? [String: Any]
            let code = try #require(answer?["code"] as? String)
            #expect(Tips.isCode(code) && answer?["status"] as? String == "received")
            let tip = try #require(try await web.tips.list().first?.tip)
            #expect(tip.code == code && tip.url == "https://news.example/schools")
        }
    }

    @Test func editorsTriageTipsAndOnlyTheySeeTheContact() async throws {
        try await withServer { desk, web, client in
            let reader = Browser(client)
            for _ in 0..<3 { _ = try await Self.sendTip(reader, text: "قيل إن سعر الوقود ارتفع 30 في المئة", contact: "salma@example.org") }
            let ids = try await web.tips.list().compactMap(\.tip.id).sorted()
            let layla = Browser(client)
            try await layla.logIn("layla")
            #expect(try await layla.get("/tips").status == .forbidden)
            #expect(try await web.tips.show(ids[0], by: "layla").contact == nil)
            await #expect(throws: DeskError.editorOnly(actor: "layla", action: "triage readers' tips")) {
                try await web.tips.merge(ids[1], into: ids[0], by: "layla")
            }
            let sara = Browser(client)
            try await sara.logIn("sara")
            let csrf = try await sara.csrf()
            #expect(try await sara.post("/tips/\(ids[1])/merge", [("csrf", csrf), ("into", String(ids[0]))]).status == .seeOther)
            #expect(try await sara.post("/tips/\(ids[2])/merge", [("csrf", csrf), ("into", String(ids[1]))]).status == .seeOther)
            let listed = try await web.tips.list()
            #expect(listed.count == 1 && listed[0].count == 3 && listed[0].tip.id == ids[0])
            let page = String(buffer: try await sara.get("/tips").body)
            #expect(page.contains("3 readers") && page.contains("salma@example.org"))
            let accepted = try await sara.post("/tips/\(ids[0])/accept", [("csrf", csrf), ("text", "")])
            #expect(accepted.status == .seeOther && accepted.headers[.location]?.hasPrefix("/claims/") == true)
            let claim = try #require(try await web.tips.show(ids[0], by: "sara").tip.tip.claimID)
            #expect(try await web.review.claim(claim).text == "قيل إن سعر الوقود ارتفع 30 في المئة")
            // A merged tip's receipt follows the tip it joined.
            let merged = try await web.tips.show(ids[2], by: "sara").tip.tip
            #expect(try await web.tips.receipt(code: merged.code).stage == .beingChecked)
            await #expect(throws: DeskError.tipDecided(id: ids[0], status: "accepted")) {
                try await web.tips.reject(ids[0], note: "مكرر", by: "sara")
            }
            // The contact is in no event, and forgetting it leaves the history whole.
            var events: [String] = []
            try await desk.store.audit.history(limit: 1_000) { events.append($0.payload.canonicalJSON) }
            #expect(!events.contains { $0.contains("salma@example.org") })
            #expect(try await desk.store.audit.verifyAudit().problems.isEmpty)
            for id in ids { try await web.tips.forget(id, by: "sara") }
            #expect(try await web.tips.show(ids[0], by: "sara").contact == nil)
            #expect(!String(buffer: try await sara.get("/tips?status=accepted").body).contains("salma@example.org"))
            #expect(try await desk.store.audit.verifyAudit().problems.isEmpty)
        }
    }

    /// Someone who can write the desk file marks a tip checked, or rewrites what the reader said:
    /// the audit finds the row is not what the history recorded.
    @Test(arguments: ["UPDATE tip SET status = 'rejected', note = 'x', decided_by = 'sara', decided_at = received_at",
                      "UPDATE tip SET text = 'نص آخر'", "DELETE FROM tip_contact; DELETE FROM tip",
                      "INSERT INTO tip (code, received_at, text) VALUES ('AAAAAAAAAAAAAAAA', '2026-01-01T00:00:00.000Z', 'مزروع')"])
    func aTipRowChangedByHandIsCaughtByTheAudit(_ tampering: String) async throws {
        try await withServer { desk, web, client in
            _ = try await Self.sendTip(Browser(client), text: "قيل إن المطار أغلق ثلاثة أيام")
            #expect(try await web.tips.list().count == 1)
            try FeedIntakeTests.sqlite(desk.path, tampering)
            let problems = try await desk.store.audit.verifyAudit().problems
            #expect(problems.contains { $0.kind == .rowChanged && $0.description.contains("tip") }, "\(problems)")
        }
    }

    @Test func theReceiptShowsTheVerdictsNoteNotOneAddedLater() async throws {
        try await withServer { desk, web, client in
            let location = try #require(try await Self.sendTip(Browser(client), text: "قيل إن الميناء أغلق").headers[.location])
            let id = try #require(try await web.tips.list().first?.tip.id)
            let claim = try #require(try await web.tips.accept(id, text: nil, fetcher: PageFetcher(timeout: 1), by: "sara").claim.id)
            _ = try await desk.store.review.apply(TransitionCommand(transition: "assign", claimIDs: [claim], actor: "sara", assignee: "layla"))
            _ = try await desk.store.review.apply(TransitionCommand(transition: "unverifiable", claimIDs: [claim], actor: "layla",
                                                                    note: "لا مصدر رسميا يؤكد أو ينفي"))
            _ = try await desk.store.review.addNote(to: claim, body: "ملاحظة داخلية: المصدر صديق المحرر", by: "sara")
            let page = String(buffer: try await Browser(client).get(location).body)
            #expect(page.contains("Unverifiable") && page.contains("لا مصدر رسميا يؤكد أو ينفي"))
            #expect(!page.contains("ملاحظة داخلية"))
        }
    }

    @Test func anIPv6SenderIsCountedByItsNetwork() {
        #expect(Tips.network(of: "2001:db8:1:2::5") == Tips.network(of: "2001:db8:1:2:ffff:ffff:0:9"))
        #expect(Tips.network(of: "2001:db8:1:2::5") != Tips.network(of: "2001:db8:1:3::5"))
        #expect(Tips.network(of: "::ffff:203.0.113.9") == "203.0.113.9" && Tips.network(of: "203.0.113.9") == "203.0.113.9")
    }

    @Test func aTipIsReceivedOnlyThroughTheWebDesksService() async throws {
        let desk = try await WebDesk()
        await #expect(throws: DeskError.self) {
            try await desk.store.tips.receive(Tips.Submission(text: "ادعاء", url: nil, contact: nil))
        }
    }
}
