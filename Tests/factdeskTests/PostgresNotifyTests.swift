import Foundation
import Testing

/// Two `factdesk serve` on one PostgreSQL desk both run the notifier: each leases the outbox
/// rows it sends, skipping those the other holds, so that every email goes out once.
@Suite struct PostgresNotifyTests {
    @Test(.tags(.postgres), .needsPostgres, .needsReceivers)
    func twoServersOnOneDeskSendEveryEmailOnce() throws {
        let smtp = try Receiver.smtp()
        defer { smtp.stop() }
        let desk = try Binary(backend: .postgres)
        try desk.expectSuccess(["init", "--name", "Sara Haddad"])
        try desk.expectSuccess(["reviewer", "add", "layla", "--email", "layla@example.org"])
        try desk.expectSuccess(["reviewer", "notify", "layla", "each"])
        try desk.expectSuccess(["source", "add", NotifyDeliveryTests.firstSeed])
        try desk.expectSuccess(["mail", "set", "--smtp", "smtp://127.0.0.1:\(smtp.port)", "--from", "desk@example.org"])

        let servers = try (0..<2).map { _ in
            try BackgroundServer(desk, ["--no-feeds", "--notify-interval", "0.2", "--audit-every", "0", "--first-retry", "1s"])
        }
        defer { servers.forEach { $0.stop() } }
        for server in servers {
            #expect(server.port() != nil, "\(server.log)")
        }
        let assigned = 15
        for claim in 1...assigned {
            try desk.expectSuccess(["assign", String(claim), "--to", "layla"])
        }
        let deadline = Date().addingTimeInterval(90)
        while Date() < deadline, try smtp.messageIDs().count < assigned {
            usleep(200_000)
        }
        // Time for a second sending of any of them, had both servers leased one row.
        sleep(3)
        servers.forEach { $0.stop() }

        let messageIDs = try smtp.messageIDs()
        #expect(messageIDs.count == assigned, "\(messageIDs.count) emails: \(messageIDs.sorted())")
        #expect(Set(messageIDs).count == messageIDs.count, "an email came twice: \(messageIDs.sorted())")
        let items = try #require(try desk.json(["inbox", "--limit", "100"], as: "layla") as? [[String: Any]])
        #expect(items.count == assigned)
        for id in items.compactMap({ ($0["id"] as? NSNumber)?.intValue }) {
            let mailed = messageIDs.filter { $0.hasSuffix(NotifyDeliveryTests.messageIDTail(ofItem: id)) }
            #expect(mailed.count == 1, "inbox item \(id) was emailed \(mailed.count) times")
        }
        let (status, rows) = try TestCluster.psql("SELECT count(*) FROM outbox WHERE channel = 'email' AND status = 'sent'",
                                                  database: desk.database)
        #expect(status == 0, "\(rows)")
        #expect(Int(rows) == assigned)
    }
}
