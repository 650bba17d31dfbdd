import Foundation
import GRDB
import Synchronization
import Testing
@testable import FactDeskKit

/// A desk on a clock the test moves: editor `sara`, reviewers `layla` and `omar`, the first
/// seed article with its claims, all imported by `sara`.
private func notifyDesk(_ clock: TestClock) async throws -> ClaimStore {
    let store = try await ClaimStore.inMemory(
        workflow: try WorkflowSource.named("standard"), editor: NewReviewer(handle: "sara", role: .editor), clock: { clock.date })
    try await store.team.addReviewer(NewReviewer(handle: "layla", displayName: "ليلى"), by: "sara")
    try await store.team.addReviewer(NewReviewer(handle: "omar"), by: "sara")
    _ = try await store.imports.addSource(NewSource(body: try seedArticle()), by: "sara")
    return store
}

private func assign(_ store: ClaimStore, _ ids: [Int64], to handle: String, due: Date? = nil, by actor: String = "sara") async throws {
    try await store.review.apply(TransitionCommand(transition: "assign", claimIDs: ids, actor: actor, assignee: handle, due: due))
}

/// What the desk's senders were asked to send, kept for the test to read.
private final class Sent: Sendable {
    let mails = Mutex<[OutgoingMail]>([])
    let posts = Mutex<[(id: String, body: Data)]>([])
    /// The status each post is answered with.
    let answer = Mutex(204)

    var senders: Senders {
        Senders(email: { mail, _, _ in self.mails.withLock { $0.append(mail) } },
                webhook: { body, _, id, _ in
                    self.posts.withLock { $0.append((id, body)) }
                    return self.answer.withLock { $0 }
                })
    }
}

@Suite struct MentionTests {
    @Test func mentionsAreReadAsPeopleWriteThem() {
        #expect(Mentions.handles(in: "ask @sara. and @omar, not x@example.org; @عمر؟ @sara again @") == ["sara", "omar", "عمر"])
        #expect(Mentions.handles(in: "@layla-ali: see (@omar)") == ["layla-ali", "omar"])
    }

    @Test func aNoteMentioningSomeoneUnknownIsRefusedWithAGuessAndLeavesNothing() async throws {
        let fixture = try await Fixture()
        let before = try await fixture.eventCount()
        await #expect(throws: DeskError.unknownMention("omr", suggestion: "omar")) {
            try await fixture.store.review.addNote(to: fixture.claimID, body: "please check @omr", by: "sara")
        }
        await #expect(throws: DeskError.unknownMention("laila", suggestion: "layla")) {
            try await fixture.move("assign", by: "sara", note: "for @laila", to: "layla")
        }
        #expect(try await fixture.eventCount() == before)
        #expect(try await fixture.store.review.claim(fixture.claimID).state == "new")
        // A handle the note quotes from elsewhere is its own text, and tells nobody.
        try await fixture.store.review.addNote(to: fixture.claimID, body: "@WHO and @UN_News said it first", by: "sara")
        #expect(try await fixture.eventCount() == before + 1)
    }
}

@Suite struct NotifierTests {
    @Test func eachEventTellsThePeopleItConcernsAndNotWhoDidIt() async throws {
        let clock = TestClock()
        let store = try await notifyDesk(clock)
        let options = Notifier.Options()
        try await store.notifications.follow(1, by: "omar")
        try await assign(store, [1], to: "layla")
        try await store.review.addNote(to: 1, body: "@omar هل راجعت الرقم؟ @layla", by: "layla")
        try await store.review.apply(TransitionCommand(transition: "start", claimIDs: [1], actor: "layla"))
        try await store.review.apply(TransitionCommand(transition: "verify", claimIDs: [1], actor: "layla", note: "checked",
                                                       evidence: [NewEvidence(url: "https://example.org/a", stance: .supports)]))
        _ = try await store.notifier.derive(options)
        let layla = try await store.notifications.inbox(of: "layla").map(\.item.topic)
        let omar = try await store.notifications.inbox(of: "omar").map(\.item.topic)
        let sara = try await store.notifications.inbox(of: "sara").map(\.item.topic)
        // layla ran the verdict and wrote the note: she is told only of her assignment.
        #expect(layla == [.assigned])
        // omar follows the claim and was mentioned; sara imported it and assigned it.
        #expect(Set(omar) == [.mention, .verdict] && omar.count == 2)
        #expect(sara == [.verdict])
        // Deriving again adds nothing: each item is written once.
        let again = try await store.notifier.derive(options)
        #expect(again.inboxItems == 0 && again.events == 0)
        #expect(try await store.notifications.unreadCount(of: "omar") == 2)
        #expect(try await store.notifications.markRead(nil, by: "omar") == 2)
        #expect(try await store.notifications.unreadCount(of: "omar") == 0)
        await #expect(throws: DeskError.inboxItemNotFound(1)) { try await store.notifications.markRead(1, by: "omar") }
    }

    @Test func deadlinesAreAnnouncedThenEscalatedOnceAsTheClockMoves() async throws {
        let clock = TestClock()
        let store = try await notifyDesk(clock)
        let options = Notifier.Options()
        try await assign(store, [2], to: "omar", due: clock.date.addingTimeInterval(5 * 3_600))
        _ = try await store.notifier.derive(options)
        #expect(try await store.notifications.inbox(of: "omar").map(\.item.topic) == [.assigned])
        clock.advance(2 * 3_600)
        _ = try await store.notifier.derive(options)
        #expect(try await store.notifications.inbox(of: "omar").map(\.item.topic) == [.due, .assigned])
        clock.advance(4 * 3_600)
        _ = try await store.notifier.derive(options)
        #expect(try await store.notifications.inbox(of: "omar").first?.item.topic == .overdue)
        #expect(try await store.notifications.inbox(of: "sara").isEmpty)
        clock.advance(12 * 3_600)
        _ = try await store.notifier.derive(options)
        _ = try await store.notifier.derive(options)
        let sara = try await store.notifications.inbox(of: "sara")
        #expect(sara.map(\.item.topic) == [.escalated])
        #expect(NotificationText.line(sara[0], language: "en").contains("assigned to omar"))
        #expect(try await store.notifications.inbox(of: "omar").count == 3)
    }

    @Test func aTipTellsTheEditors() async throws {
        let clock = TestClock()
        let store = try await notifyDesk(clock)
        let web = try await store.signingAsService("web", keys: .memory, by: "sara").store
        _ = try await web.tips.receive(Tips.Submission(text: "رقم مشكوك فيه", url: nil, contact: nil,
                                                                                   language: "ar", address: "198.51.100.7"))
        _ = try await store.notifier.derive(Notifier.Options())
        #expect(try await store.notifications.inbox(of: "sara").map(\.item.topic) == [.tip])
        #expect(try await store.notifications.inbox(of: "layla").isEmpty)
    }
}

@Suite struct DeliveryTests {
    @Test func aWebhookGetsOnlyTheEventsItAskedForAfterItWasAdded() async throws {
        let clock = TestClock()
        let store = try await notifyDesk(clock)
        try await assign(store, [1], to: "layla")
        let (hook, secret) = try await store.notifications.addWebhook("https://hooks.example.org/desk", events: ["assign", "verify"],
                                                                       format: .standard, allowPrivate: true, by: "sara")
        #expect(secret.hasPrefix("whsec_") && Data(base64Encoded: String(secret.dropFirst(6)))?.count == 32)
        try await assign(store, [2], to: "omar")
        try await store.review.addNote(to: 2, body: "a note", by: "omar")
        let sent = Sent()
        _ = try await store.notifier.derive(Notifier.Options())
        let round = try await store.notifier.deliver(Notifier.Options(baseURL: "https://desk.example.org"), senders: sent.senders)
        #expect(round.sent == 1)
        let posts = sent.posts.withLock { $0 }
        #expect(posts.count == 1)
        let body = try #require(try JSONSerialization.jsonObject(with: posts[0].body) as? [String: Any])
        #expect(body["action"] as? String == "assign" && body["claim_id"] as? Int == 2)
        let claim = try #require(body["claim"] as? [String: Any])
        #expect(claim["assignee"] as? String == "omar" && claim["link"] as? String == "https://desk.example.org/claims/2")
        #expect(hook.id != nil)
        await #expect(throws: DeskError.self) {
            _ = try await store.notifications.addWebhook("https://hooks.example.org/x", events: ["asign"], format: .standard,
                                                         allowPrivate: true, by: "sara")
        }
        await #expect(throws: DeskError.self) {
            _ = try await store.notifications.addWebhook("https://hooks.example.org/x", events: [], format: .standard,
                                                         allowPrivate: true, by: "layla")
        }
    }

    @Test func aFailingPostIsRetriedUnderOneIDThenGivenUpAfterADay() async throws {
        let clock = TestClock()
        let store = try await notifyDesk(clock)
        _ = try await store.notifications.addWebhook("https://hooks.example.org/desk", events: [], format: .standard,
                                                     allowPrivate: true, by: "sara")
        try await assign(store, [1], to: "layla")
        let sent = Sent()
        sent.answer.withLock { $0 = 500 }
        var options = Notifier.Options()
        options.firstRetry = 10
        _ = try await store.notifier.derive(options)
        #expect(try await store.notifier.deliver(options, senders: sent.senders).failed == 1)
        // Not due again yet: nothing is posted.
        #expect(try await store.notifier.deliver(options, senders: sent.senders) == Notifier.Round())
        clock.advance(13)
        #expect(try await store.notifier.deliver(options, senders: sent.senders).failed == 1)
        sent.answer.withLock { $0 = 200 }
        clock.advance(60)
        #expect(try await store.notifier.deliver(options, senders: sent.senders).sent == 1)
        let ids = sent.posts.withLock { $0.map(\.id) }
        #expect(ids.count == 3 && Set(ids).count == 1)
        let logs = try await store.notifications.deliveries(webhook: 1, by: "sara")
        #expect(logs.first?.attempts.map(\.status) == [500, 500, 200] && logs.first?.delivery.status == .sent)

        // A post that keeps failing is given up after a day, and the webhook disabled after five.
        sent.answer.withLock { $0 = 503 }
        try await assign(store, [2], to: "omar")
        _ = try await store.notifier.derive(options)
        for _ in 0..<40 {
            _ = try await store.notifier.deliver(options, senders: sent.senders)
            clock.advance(3_600)
        }
        let last = try await store.notifications.deliveries(webhook: 1, by: "sara").first
        #expect(last?.delivery.status == .failed)
        #expect(try await store.notifications.webhooks().first?.disabledAt == nil)
        for day in 0..<5 {
            try await assign(store, [Int64(3 + day)], to: "omar")
            _ = try await store.notifier.derive(options)
            for _ in 0..<24 {
                _ = try await store.notifier.deliver(options, senders: sent.senders)
                clock.advance(3_600)
            }
        }
        let hook = try #require(try await store.notifications.webhooks().first)
        #expect(hook.disabledAt != nil)
        _ = try await store.notifier.derive(options)
        #expect(try await store.notifications.inbox(of: "sara").contains { $0.item.topic == .webhookDisabled })
    }

    @Test func twoDeliverersNeverSendOneMessageTwice() async throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("desk.db").path
        let created = try await ClaimStore.create(path: path, workflow: try WorkflowSource.named("standard"),
                                                  editor: NewReviewer(handle: "sara", role: .editor))
        _ = try await created.imports.addSource(NewSource(body: try seedArticle()), by: "sara")
        _ = try await created.notifications.addWebhook("https://hooks.example.org/desk", events: [], format: .standard,
                                                       allowPrivate: true, by: "sara")
        for id in 1...30 { try await created.review.addNote(to: Int64(id), body: "note \(id)", by: "sara") }
        _ = try await created.notifier.derive(Notifier.Options())
        let counts = Mutex<[String: Int]>([:])
        let slow = Senders(email: { _, _, _ in }, webhook: { _, _, id, _ in
            try await Task.sleep(for: .milliseconds(20))
            counts.withLock { $0[id, default: 0] += 1 }
            return 204
        })
        try await withThrowingTaskGroup(of: Void.self) { group in
            for holder in ["one", "two", "three"] {
                group.addTask {
                    let store = try await ClaimStore.open(path: path)
                    _ = try await store.notifier.deliver(Notifier.Options(holder: holder), senders: slow)
                }
            }
            try await group.waitForAll()
        }
        let sent = counts.withLock { $0 }
        #expect(sent.count == 30 && sent.values.allSatisfy { $0 == 1 })
    }
}

@Suite struct InsiderDeliveryTests {
    /// A row written straight into the desk file, as anyone who can write it could.
    private func plant(_ store: ClaimStore, _ sql: String) async throws {
        try await store.writer.write { try $0.execute(sql: sql) }
    }

    @Test func aPlantedAddressIsNeverMailed() async throws {
        let clock = TestClock()
        let store = try await notifyDesk(clock)
        try await store.notifications.configure("layla", email: .set("layla@example.org"), by: "layla")
        _ = try await store.notifications.setMail(.smtp(url: "smtp://127.0.0.1:2525", starttls: false), from: "desk@example.org",
                                                  includeNotes: false, password: nil, by: "sara")
        try await plant(store, "UPDATE notify_setting SET email = 'spy@example.net' WHERE handle = 'layla'")
        try await assign(store, [1], to: "layla")
        let sent = Sent()
        _ = try await store.notifier.derive(Notifier.Options())
        let round = try await store.notifier.deliver(Notifier.Options(), senders: sent.senders)
        #expect(round.gaveUp == 1 && sent.mails.withLock { $0.isEmpty })
        let report = try await store.audit.verifyAudit()
        #expect(report.problems.contains { "\($0)".contains("notify setting layla") })
    }

    @Test func aSwappedTransportIsNeverRun() async throws {
        let clock = TestClock()
        let store = try await notifyDesk(clock)
        try await store.notifications.configure("layla", email: .set("layla@example.org"), by: "layla")
        _ = try await store.notifications.setMail(.sendmail(command: "/usr/sbin/sendmail -t"), from: "desk@example.org",
                                                  includeNotes: false, password: nil, by: "sara")
        try await plant(store, "UPDATE mail_setting SET transport = 'sendmail:/usr/bin/touch /tmp/factdesk-pwned'")
        try await assign(store, [1], to: "layla")
        let sent = Sent()
        _ = try await store.notifier.derive(Notifier.Options())
        #expect(try await store.notifier.deliver(Notifier.Options(), senders: sent.senders).gaveUp == 1)
        #expect(sent.mails.withLock { $0.isEmpty })
    }

    @Test func aWebhookPointedElsewhereIsNeverPosted() async throws {
        let clock = TestClock()
        let store = try await notifyDesk(clock)
        _ = try await store.notifications.addWebhook("https://hooks.example.org/desk", events: [], format: .standard,
                                                     allowPrivate: true, by: "sara")
        try await plant(store, "UPDATE webhook SET url = 'https://collector.example.net/' WHERE id = 1")
        try await assign(store, [1], to: "layla")
        let sent = Sent()
        _ = try await store.notifier.derive(Notifier.Options())
        #expect(try await store.notifier.deliver(Notifier.Options(), senders: sent.senders).gaveUp == 1)
        #expect(sent.posts.withLock { $0.isEmpty })
        #expect(try await store.audit.verifyAudit().problems.contains { "\($0)".contains("webhook 1") })
    }

    @Test func aPlantedDeliveryGetsAWebhookNoEventItDidNotAskFor() async throws {
        let clock = TestClock()
        let store = try await notifyDesk(clock)
        try await store.review.addNote(to: 1, body: "an early note", by: "layla")
        _ = try await store.notifications.addWebhook("https://hooks.example.org/desk", events: ["verify"], format: .standard,
                                                     allowPrivate: true, by: "sara")
        try await store.review.addNote(to: 1, body: "a later note", by: "layla")
        let head = try await store.audit.auditHead().seq
        // One row for an event before the webhook, one for an action it did not ask for.
        try await plant(store, """
            INSERT INTO outbox (channel, target, seq, key, created_at, next_at) VALUES
              ('webhook', '1', 2, 'planted-1', '2025-04-18 18:13:20.000', '2025-04-18 18:13:20.000'),
              ('webhook', '1', \(head), 'planted-2', '2025-04-18 18:13:20.000', '2025-04-18 18:13:20.000')
            """)
        let sent = Sent()
        #expect(try await store.notifier.deliver(Notifier.Options(), senders: sent.senders).gaveUp == 2)
        #expect(sent.posts.withLock { $0.isEmpty })
    }

    @Test func someoneDeactivatedIsToldNothingMore() async throws {
        let clock = TestClock()
        let store = try await notifyDesk(clock)
        try await store.notifications.configure("omar", email: .set("omar@example.org"), by: "omar")
        try await store.notifications.follow(1, by: "omar")
        _ = try await store.team.setReviewer("omar", active: false, by: "sara")
        try await store.review.addNote(to: 1, body: "@omar still there?", by: "sara")
        _ = try await store.notifier.derive(Notifier.Options())
        #expect(try await store.notifications.inbox(of: "omar").isEmpty)
    }

    @Test func aClaimCannotSlipALinkIntoSlackAndSettingsStayOnTheDesk() async throws {
        let clock = TestClock()
        let store = try await notifyDesk(clock)
        var claim = try await store.review.claim(1)
        claim.text = "see <https://evil.example|the official result> & more"
        let event = AuditEvent(at: clock.date, actor: "sara", claimID: 1, .claimNote(.init(note: "x")))
        let slack = try EventMessage(event: event, claim: claim, baseURL: "https://desk.example.org").slackJSON()
        let text = try #require(try JSONSerialization.jsonObject(with: slack) as? [String: String])["text"]
        #expect(text?.contains("&lt;https://evil.example|the official result&gt; &amp; more") == true)
        #expect(text?.hasSuffix("<https://desk.example.org/claims/1|claim 1>") == true)
        try await store.notifications.configure("layla", email: .set("layla@example.org"), by: "layla")
        var settings: AuditEvent?
        try await store.audit.history(limit: 1) { settings = $0 }
        let json = try EventMessage(event: try #require(settings), claim: nil, baseURL: nil).json()
        #expect(!String(decoding: json, as: UTF8.self).contains(sha256Hex("layla@example.org")))
    }

    @Test func aReviewerSetsOnlyTheirOwnAddress() async throws {
        let clock = TestClock()
        let store = try await notifyDesk(clock)
        await #expect(throws: DeskError.self) {
            try await store.notifications.configure("layla", email: .set("omar@example.org"), by: "omar")
        }
        try await store.notifications.configure("layla", email: .set("layla@example.org"), mode: .digest(hour: 8, minute: 0),
                                                language: "ar", by: "sara")
        let setting = try await store.notifications.setting(of: "layla")
        #expect(setting.email == "layla@example.org" && setting.mode == .digest(hour: 8, minute: 0) && setting.language == "ar")
        await #expect(throws: DeskError.self) {
            _ = try await store.notifications.setMail(.sendmail(command: "/usr/sbin/sendmail -t"), from: "desk@example.org",
                                                      includeNotes: false, password: nil, by: "omar")
        }
        #expect(try await store.audit.verifyAudit().intact)
    }
}

/// Emails through a real SMTP server (aiosmtpd), read back as a mail program reads them.
@Suite(.serialized) struct NotificationMailTests {
    private func mailDesk(_ clock: TestClock, receiver: SMTPReceiver, includeNotes: Bool = false) async throws -> ClaimStore {
        let store = try await notifyDesk(clock)
        try await store.notifications.configure("layla", email: .set("layla@example.org"), language: "ar", by: "sara")
        try await store.notifications.configure("sara", email: .set("sara@example.org"), by: "sara")
        _ = try await store.notifications.setMail(.smtp(url: "smtp://127.0.0.1:\(receiver.port)", starttls: false),
                                                  from: "desk@example.org", includeNotes: includeNotes, password: nil, by: "sara")
        return store
    }

    @Test(.needsReceivers) func theAssignmentArrivesInArabicWithALinkAndNoNote() async throws {
        let receiver = try await SMTPReceiver.start()
        defer { receiver.stop() }
        let clock = TestClock()
        let store = try await mailDesk(clock, receiver: receiver)
        try await store.review.apply(TransitionCommand(transition: "assign", claimIDs: [1], actor: "sara", note: "سرّي: المصدر @layla",
                                                       assignee: "layla", due: clock.date.addingTimeInterval(86_400)))
        let options = Notifier.Options(baseURL: "https://desk.example.org")
        _ = try await store.notifier.derive(options)
        let round = try await store.notifier.deliver(options, senders: .live)
        #expect(round.sent == 2 && receiver.count == 2)
        let mails = try (1...2).map { try receiver.message($0) }
        let assigned = try #require(mails.first { $0.subject.contains("أسند إليك") })
        #expect(assigned.subject == "FactDesk: أسند إليك sara الادعاء رقم 1، موعده "
                + NotificationText.day(ISO8601.string(from: clock.date.addingTimeInterval(86_400))))
        #expect(assigned.to == ["layla@example.org"] && assigned.toNames == ["ليلى"])
        #expect(assigned.headers["List-Unsubscribe"] == "<https://desk.example.org/settings>")
        #expect(assigned.plain?.contains("https://desk.example.org/claims/1") == true)
        #expect(assigned.html?.contains("dir=\"rtl\"") == true)
        // The mention carries the note only where the desk allows notes in emails: here it does not.
        let mention = try #require(mails.first { $0.subject.contains("ذكرك") })
        #expect(mention.plain?.contains("سرّي") == false && mention.plain?.contains("الملاحظة محفوظة في المكتب") == true)
    }

    @Test(.needsReceivers) func aDigestGathersTheDaysNotificationsInOneMessage() async throws {
        let receiver = try await SMTPReceiver.start()
        defer { receiver.stop() }
        let clock = TestClock()  // 2025-04-18T18:13:20Z
        let store = try await mailDesk(clock, receiver: receiver)
        try await store.notifications.configure("omar", email: .set("omar@example.org"), mode: .digest(hour: 18, minute: 30), by: "omar")
        let options = Notifier.Options()
        for id in 1...3 { try await assign(store, [Int64(id)], to: "omar") }
        try await store.review.addNote(to: 1, body: "@omar انظر هنا", by: "layla")
        _ = try await store.notifier.derive(options)
        _ = try await store.notifier.deliver(options, senders: .live)
        #expect(receiver.count == 0)
        clock.advance(20 * 60)
        _ = try await store.notifier.derive(options)
        _ = try await store.notifier.deliver(options, senders: .live)
        #expect(receiver.count == 1)
        let digest = try receiver.message(1)
        #expect(digest.subject == "FactDesk: 4 notifications of 2025-04-18" && digest.to == ["omar@example.org"])
        #expect(digest.plain?.components(separatedBy: "• ").count == 5)
        // The next round, and the next day without news, send nothing more.
        _ = try await store.notifier.derive(options)
        _ = try await store.notifier.deliver(options, senders: .live)
        clock.advance(86_400)
        _ = try await store.notifier.derive(options)
        _ = try await store.notifier.deliver(options, senders: .live)
        #expect(receiver.count == 1)
    }

    @Test(.needsReceivers) func theOverdueEscalationReachesTheEditors() async throws {
        let receiver = try await SMTPReceiver.start()
        defer { receiver.stop() }
        let clock = TestClock()
        let store = try await mailDesk(clock, receiver: receiver)
        try await assign(store, [1], to: "omar", due: clock.date.addingTimeInterval(3_600))
        clock.advance(14 * 3_600)
        let options = Notifier.Options()
        _ = try await store.notifier.derive(options)
        _ = try await store.notifier.deliver(options, senders: .live)
        let mails = try (0..<receiver.count).map { try receiver.message($0 + 1) }
        #expect(mails.count == 1 && mails[0].to == ["sara@example.org"])
        #expect(mails[0].subject.hasPrefix("FactDesk: Claim 1, assigned to omar, is overdue since"))
    }

    @Test(.needsReceivers) func messagesWaitForAStoppedServerAndArriveOnce() async throws {
        let first = try await SMTPReceiver.start()
        let port = first.port
        first.stop()
        let clock = TestClock()
        let store = try await notifyDesk(clock)
        try await store.notifications.configure("layla", email: .set("layla@example.org"), by: "layla")
        _ = try await store.notifications.setMail(.smtp(url: "smtp://127.0.0.1:\(port)", starttls: false), from: "desk@example.org",
                                                  includeNotes: false, password: nil, by: "sara")
        for id in 1...3 { try await assign(store, [Int64(id)], to: "layla") }
        var options = Notifier.Options()
        options.firstRetry = 5
        _ = try await store.notifier.derive(options)
        #expect(try await store.notifier.deliver(options, senders: .live).failed == 3)
        let receiver = try await SMTPReceiver.start(["--port", String(port)])
        defer { receiver.stop() }
        clock.advance(10)
        #expect(try await store.notifier.deliver(options, senders: .live).sent == 3)
        clock.advance(600)
        _ = try await store.notifier.derive(options)
        _ = try await store.notifier.deliver(options, senders: .live)
        #expect(receiver.count == 3)
        let ids = try (1...3).map { try receiver.message($0).headers["Message-ID"] ?? "" }
        #expect(Set(ids).count == 3)
    }
}

/// Posts to a real receiver that checks them with the Standard Webhooks library.
@Suite(.serialized) struct WebhookReceiverTests {
    @Test(.needsReceivers) func aReceiverThatFailsTwiceGetsTheEventThreeTimesVerified() async throws {
        // The receiver holds timestamps to five minutes of its own clock.
        let clock = TestClock(Date())
        let store = try await notifyDesk(clock)
        let port = try WebhookReceiver.freePort()
        let (_, secret) = try await store.notifications.addWebhook("http://127.0.0.1:\(port)/hook", events: ["assign"], format: .standard,
                                                                    allowPrivate: true, by: "sara")
        let receiver = try await WebhookReceiver.start(["--secret", secret, "--port", String(port), "--fail", "2"])
        defer { receiver.stop() }
        try await assign(store, [1], to: "layla")
        var options = Notifier.Options()
        options.firstRetry = 1
        _ = try await store.notifier.derive(options)
        for _ in 0..<3 {
            _ = try await store.notifier.deliver(options, senders: .live)
            clock.advance(60)
        }
        let posts = try receiver.received()
        #expect(posts.map(\.status) == [500, 500, 204])
        #expect(posts.allSatisfy(\.verified) && Set(posts.map(\.id)).count == 1)
    }

    @Test(.needsReceivers) func aSlackReceiverTakesTheSlackFormat() async throws {
        let clock = TestClock(Date())
        let store = try await notifyDesk(clock)
        let port = try WebhookReceiver.freePort()
        _ = try await store.notifications.addWebhook("http://127.0.0.1:\(port)/slack", events: [], format: .slack,
                                                     allowPrivate: true, by: "sara")
        let receiver = try await WebhookReceiver.start(["--port", String(port), "--slack"])
        defer { receiver.stop() }
        try await assign(store, [1], to: "layla")
        _ = try await store.notifier.derive(Notifier.Options())
        #expect(try await store.notifier.deliver(Notifier.Options(baseURL: "https://desk.example.org"), senders: .live).sent == 1)
        let post = try #require(try receiver.received().first)
        #expect(post.status == 200 && post.body.contains("<https://desk.example.org/claims/1|claim 1>"))
    }

    @Test(.needsReceivers) func aReceiverThatDripsItsAnswerIsCutOffAtTheDeadline() async throws {
        let port = try WebhookReceiver.freePort()
        let receiver = try await WebhookReceiver.start(["--port", String(port), "--drip", "0.5"])
        defer { receiver.stop() }
        var sender = WebhookSender()
        sender.timeout = 2
        let hook = Webhook(id: 1, url: "http://127.0.0.1:\(port)/hook", events: [], format: .standard,
                           secret: "whsec_" + Data(repeating: 7, count: 32).base64EncodedString(), allowPrivate: true,
                           addedBy: "sara", addedAt: Date(), addedSeq: 1)
        let started = ContinuousClock.now
        await #expect(throws: (any Error).self) { _ = try await sender.post(Data("{}".utf8), to: hook, id: "msg_1", at: Date()) }
        #expect(ContinuousClock.now - started < .seconds(6))
    }

    @Test func aPrivateAddressIsRefusedUnlessAllowed() async throws {
        let clock = TestClock()
        let store = try await notifyDesk(clock)
        for address in ["http://127.0.0.1:9/x", "http://localhost:9/x", "http://10.1.2.3/x", "http://[::1]:9/x", "http://169.254.169.254/"] {
            await #expect(throws: DeskError.self) {
                _ = try await store.notifications.addWebhook(address, events: [], format: .standard, allowPrivate: false, by: "sara")
            }
        }
        #expect(try await store.notifications.webhooks().isEmpty)
        _ = try await store.notifications.addWebhook("http://127.0.0.1:9/x", events: [], format: .standard, allowPrivate: true, by: "sara")
        #expect(try await store.notifications.webhooks().count == 1)
    }
}

/// `.ci/webhook_receiver.py`, started on a port, with what it received.
struct WebhookReceiver {
    let process: Process
    let folder: URL

    struct Post: Decodable {
        let id: String?
        let verified: Bool
        let status: Int
        let body: String
    }

    static func freePort() throws -> Int {
        let (status, output) = try SMTPReceiver.run(["python3", "-c",
                                        "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])"])
        guard status == 0, let port = Int(String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw ReceiverError(message: "no free port")
        }
        return port
    }

    static func start(_ arguments: [String]) async throws -> WebhookReceiver {
        let folder = try temporaryFolder()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", packageRoot.appendingPathComponent(".ci/webhook_receiver.py").path, "--dir", folder.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        guard let line = await SMTPReceiver.firstLine(output.fileHandleForReading), line.hasPrefix("ready ") else {
            process.terminate()
            throw ReceiverError(message: "the webhook receiver did not start; is standardwebhooks installed for python3?")
        }
        return WebhookReceiver(process: process, folder: folder)
    }

    func received() throws -> [Post] {
        let path = folder.appendingPathComponent("received.jsonl")
        guard let text = try? String(contentsOf: path, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Post.self, from: Data($0.utf8)) }
    }

    /// Killed outright: a process the tests start may inherit a blocked SIGTERM.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
