import Crypto
import Foundation
import GRDB
import Testing

/// Notifications delivered to real receivers: an SMTP server and a webhook receiver that
/// checks Standard Webhooks signatures, both on 127.0.0.1. A sender may die between sending
/// and recording that it sent; the outbox then sends again under the same id, never under
/// a new one, and never leaves an event or an inbox item untold.
@Suite(.serialized) struct NotifyDeliveryTests {
    static let firstSeed = packageRoot.appendingPathComponent("seeds/000_9a4494d048ed1904.txt").path

    /// A desk file with editor sara, reviewer layla emailed each notification, the first
    /// seed's 34 claims, and mail sent to `smtp`.
    static func desk(mailingTo smtp: Receiver) throws -> Binary {
        let desk = try Binary()
        try desk.expectSuccess(["init", "--name", "Sara Haddad"])
        try desk.expectSuccess(["reviewer", "add", "layla", "--email", "layla@example.org"])
        try desk.expectSuccess(["reviewer", "notify", "layla", "each"])
        try desk.expectSuccess(["source", "add", firstSeed])
        try desk.expectSuccess(["mail", "set", "--smtp", "smtp://127.0.0.1:\(smtp.port)", "--from", "desk@example.org"])
        return desk
    }

    /// The Message-ID's tail that names the email of one inbox item: its outbox row's key
    /// is `email:ID`, and the Message-ID carries the first 16 hex digits of the key's SHA-256.
    static func messageIDTail(ofItem id: Int) -> String {
        let digest = SHA256.hash(data: Data("email:\(id)".utf8)).map { String(format: "%02x", $0) }.joined()
        return ".\(digest.prefix(16))@example.org>"
    }

    /// The rows of the desk file's outbox not yet sent.
    static func unsent(_ desk: Binary) throws -> Int {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: desk.deskPath, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM outbox WHERE status <> 'sent'") ?? -1 }
    }

    @Test(.needsReceivers)
    func aServerKilledTwentyTimesMidDeliveryLeavesEveryEventPostedOnceByIdAndEveryItemMailedUnderOneMessageID() throws {
        let smtp = try Receiver.smtp()
        defer { smtp.stop() }
        let desk = try Self.desk(mailingTo: smtp)
        let hookPort = try Receiver.freePort()
        let added = try desk.run(["webhook", "add", "http://127.0.0.1:\(hookPort)/hook", "--all", "--allow-private"])
        #expect(added.status == 0, "\(added.stderr)")
        let secret = try #require(added.stdout.firstMatch(of: /secret \(shown once[^)]*\): (whsec_\S+)/)).1
        let hook = try Receiver.webhook(port: hookPort, secret: String(secret))
        defer { hook.stop() }
        let history = try #require(try desk.json(["history"]) as? [[String: Any]])
        let addedAt = try #require(history.first { $0["action"] as? String == "webhook.add" }.flatMap { ($0["seq"] as? NSNumber)?.intValue })

        // Twenty servers, each killed at a random moment while the editor assigns and mentions.
        var delays: [Double] = []
        for round in 1...20 {
            let server = try BackgroundServer(desk, ["--no-feeds", "--notify-interval", "0.2", "--audit-every", "0",
                                                     "--first-retry", "1s"])
            let delay = Double.random(in: 0...1.5)
            delays.append(delay)
            let killed = DispatchGroup()
            DispatchQueue.global().async(group: killed) {
                usleep(useconds_t(delay * 1_000_000))
                server.crash()
            }
            try desk.expectSuccess(["assign", String(round), "--to", "layla"])
            try desk.expectSuccess(["note", String(round), "round \(round): over to you @layla"])
            killed.wait()
            #expect(server.process.terminationReason == .uncaughtSignal, "server \(round) ended on its own: \(server.log)")
        }
        let postedByServers = try hook.posts().count
        let mailedByServers = try smtp.messageIDs().count

        // What the killed servers left leased comes due when its lease ends; `notify run` sends it.
        let events = try #require(try desk.json(["history"]) as? [[String: Any]])
        let expected = Set(events.compactMap { ($0["seq"] as? NSNumber)?.intValue }.filter { $0 > addedAt })
        var runs = 0
        let deadline = Date().addingTimeInterval(240)
        while Date() < deadline {
            let run = try desk.run(["notify", "run", "--first-retry", "1s"])
            runs += 1
            #expect(run.status == 0, "\(run.stderr)")
            if try Self.unsent(desk) == 0 { break }
            sleep(2)
        }
        #expect(try Self.unsent(desk) == 0, "after \(runs) runs of notify run, some deliveries are still unsent")
        #expect(try desk.eventCount() == events.count, "delivering recorded events")
        let items = try #require(try desk.json(["inbox", "--limit", "1000"], as: "layla") as? [[String: Any]])
        let itemIDs = items.compactMap { ($0["id"] as? NSNumber)?.intValue }

        // Every event since the webhook was added, posted and verified, under one webhook-id each.
        let posts = try hook.posts()
        #expect(posts.allSatisfy { $0.verified && $0.status == 204 }, "\(posts.filter { !$0.verified }.count) posts did not verify")
        let posted = Dictionary(grouping: posts.compactMap { post in post.seq.map { ($0, post.webhookID) } }, by: \.0)
            .mapValues { Set($0.map(\.1)) }
        #expect(Set(posted.keys) == expected, "missing \(expected.subtracting(posted.keys).sorted()), extra \(Set(posted.keys).subtracting(expected).sorted())")
        #expect(posted.values.allSatisfy { $0.count == 1 }, "events posted under two ids: \(posted.filter { $0.value.count > 1 })")
        let eventsOfID = Dictionary(grouping: posts, by: \.webhookID).mapValues { Set($0.compactMap(\.seq)) }
        #expect(eventsOfID.values.allSatisfy { $0.count == 1 })
        #expect(expected.count >= 40, "the rounds made \(expected.count) events")

        // Every item of layla's inbox emailed, under one Message-ID each, and nothing else emailed.
        let topics = items.compactMap { $0["topic"] as? String }
        #expect(topics.filter { $0 == "assigned" }.count == 20)
        #expect(topics.filter { $0 == "mention" }.count == 20)
        let messageIDs = try smtp.messageIDs()
        for id in itemIDs {
            let mailed = Set(messageIDs.filter { $0.hasSuffix(Self.messageIDTail(ofItem: id)) })
            #expect(mailed.count == 1, "inbox item \(id) was emailed under \(mailed.sorted())")
        }
        #expect(Set(messageIDs).count == itemIDs.count, "\(Set(messageIDs).count) Message-IDs for \(itemIDs.count) inbox items")

        // The servers did send before they were killed: the run tested sending, not only `notify run`.
        #expect(postedByServers + mailedByServers > 0, "kills after \(delays)")
        print("killed 20 servers after \(delays.map { String(format: "%.2f", $0) }.joined(separator: ", ")) s; "
              + "they sent \(postedByServers) posts and \(mailedByServers) emails; \(runs) runs of notify run sent the rest; "
              + "\(posts.count - posted.count) posts and \(messageIDs.count - Set(messageIDs).count) emails came twice")
    }

    @Test func aWebhookToALoopbackAddressIsRefusedWithoutAllowPrivate() throws {
        let desk = try Binary.seededDesk()
        let before = try desk.eventCount()
        let result = try desk.run(["webhook", "add", "http://127.0.0.1:8080/x", "--all"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--allow-private"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(try desk.eventCount() == before)
        let hooks = try #require(try desk.json(["webhook", "list"]) as? [Any])
        #expect(hooks.isEmpty)
    }
}
