import FactDeskKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FactDeskServer

/// Feeds served by a local site: polled twice, conditionally; items deduplicated; failures
/// counted; rows changed by hand refused; one poller per desk.
@Suite struct FeedIntakeTests {
    static func rss(_ origin: String, _ paths: [String]) -> Data {
        Data(("""
            <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>صحيفة المرصد</title>
            """ + paths.map { "<item><title>خبر</title><link>\(origin)\($0)</link></item>" }.joined() + "</channel></rss>").utf8)
    }

    static func atom(_ origin: String, _ paths: [String]) -> Data {
        Data(("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>الأفق</title>"
            + paths.map { "<entry><title>خبر</title><link href=\"\(origin)\($0)\"/><id>\($0)</id></entry>" }.joined() + "</feed>").utf8)
    }

    static func jsonFeed(_ origin: String, _ paths: [String]) -> Data {
        Data(("{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"الخليج\", \"items\": ["
            + paths.map { "{\"id\": \"\($0)\", \"url\": \"\(origin)\($0)\"}" }.joined(separator: ",") + "]}").utf8)
    }

    /// A desk, a local site with the test pages and three feeds, and a fetcher that may reach it.
    func withFeeds(_ body: @Sendable @escaping (WebDesk, LocalSite, String, PageFetcher) async throws -> Void) async throws {
        let desk = try await WebDesk()
        let site = LocalSite()
        for name in ["plain", "jsonld", "br"] { await site.set("/\(name)", .init(body: try WebIntakeTests.page(name))) }
        try await LocalSite.serving(site) { origin in
            await site.set("/rss.xml", .init(body: Self.rss(origin, ["/plain", "/jsonld", "/gone"]), contentType: "application/rss+xml",
                                             etag: "\"r1\""))
            await site.set("/atom.xml", .init(body: Self.atom(origin, ["/jsonld", "/br"]), contentType: "application/atom+xml"))
            await site.set("/feed.json", .init(body: Self.jsonFeed(origin, ["/br"]), contentType: "application/feed+json"))
            try await body(desk, site, origin, PageFetcher(timeout: 5))
        }
    }

    @Test func pollingTwiceImportsNothingTheSecondTimeAndAsksConditionally() async throws {
        try await withFeeds { desk, site, origin, fetcher in
            let store = desk.store
            let rss = try await store.feeds.add("\(origin)/rss.xml", outlet: "صحيفة المرصد", everySeconds: 1_800, fetcher: fetcher, by: "sara")
            let atom = try await store.feeds.add("\(origin)/atom.xml", outlet: nil, everySeconds: 1_800, fetcher: fetcher, by: "omar")
            let json = try await store.feeds.add("\(origin)/feed.json", outlet: nil, everySeconds: 1_800, fetcher: fetcher, by: "sara")
            let sourcesBefore = try await store.imports.sources().count

            let first = try await store.feeds.pollDue(fetcher: fetcher)
            #expect(first.map(\.feedID) == [rss.id, atom.id, json.id].compactMap { $0 })
            #expect(first[0].imported == 2 && first[0].refused.count == 1 && first[0].refused[0].contains("404"))
            // The Atom feed's /jsonld was imported from the RSS feed: skipped by its address; /br is new.
            #expect(first[1].imported == 1 && first[1].skipped == 1)
            #expect(first[2].imported == 0 && first[2].skipped == 1)
            #expect(try await store.imports.sources().count == sourcesBefore + 3)

            let again = try await store.feeds.pollDue(all: true, fetcher: fetcher)
            #expect(again.allSatisfy { $0.imported == 0 && $0.newItems == 0 && $0.error == nil })
            #expect(again[0].notModified)
            #expect(try await store.imports.sources().count == sourcesBefore + 3)
            let asked = await site.headers(of: "/rss.xml")
            #expect(asked.count == 3 && asked[1][.ifNoneMatch] == nil && asked[2][.ifNoneMatch] == "\"r1\"")
            // Each item's page was fetched once, whatever the feeds and polls.
            let jsonld = await site.headers(of: "/jsonld"), br = await site.headers(of: "/br")
            #expect(jsonld.count == 1 && br.count == 1)

            let listed = try await store.feeds.list()
            #expect(listed.map(\.imported) == [2, 1, 0] && listed.allSatisfy { $0.lastSuccessAt != nil && $0.lastError == nil })
            // Imported as the editor who asked for each feed, with the feed's outlet where the page names none.
            let sources = try await store.imports.sources()
            let plain = try #require(sources.first { $0.source.title.contains("عجز الموازنة") == true }?.source)
            #expect(plain.importedBy == "sara")
            let rain = try #require(sources.first { $0.source.title.contains("أمطار") == true }?.source)
            #expect(rain.importedBy == "omar")
            #expect(try await store.audit.verifyAudit().problems.isEmpty)
        }
    }

    @Test func aChangedArticleFromAFeedIsCaughtByRefresh() async throws {
        try await withFeeds { desk, site, origin, fetcher in
            let store = desk.store
            _ = try await store.feeds.add("\(origin)/rss.xml", outlet: nil, everySeconds: 60, fetcher: fetcher, by: "sara")
            _ = try await store.feeds.pollDue(fetcher: fetcher)
            let plain = try #require(try await store.imports.sources().first { $0.source.title.contains("عجز الموازنة") == true })
            let id = try #require(plain.source.id)
            // The outlet quietly rewrites a sentence of the article.
            let text = String(decoding: try WebIntakeTests.page("plain"), as: UTF8.self)
            #expect(text.contains("أعلنت وزارة المالية"))
            await site.set("/plain", .init(body: Data(text.replacingOccurrences(of: "أعلنت وزارة المالية", with: "نفت وزارة المالية").utf8)))
            guard case .revised(_, let previous, let digest, _) = try await store.imports.refresh(id, fetcher: fetcher, by: "layla") else {
                Issue.record("the edit was not caught"); return
            }
            #expect(previous != digest)
            var revised: EventPayload.SourceRevised?
            try await store.audit.history(limit: 1) { if case .sourceRevise(let body) = $0.payload { revised = body } }
            #expect(revised?.previousSha256 == previous && revised?.sha256 == digest)
            let changes = try await store.imports.changes(of: id)
            #expect(changes.contains { if case .added(let line) = $0 { line.contains("نفت وزارة المالية") } else { false } })
            #expect(changes.contains { if case .removed(let line) = $0 { line.contains("أعلنت وزارة المالية") } else { false } })
            // The web source page shows the change, old struck and new marked.
            let page = try await store.review.report(source: id).render()
            #expect(page.contains("<del lang=\"ar\" dir=\"auto\" title=\"حُذف\">أعلنت وزارة المالية"))
            #expect(page.contains("<ins lang=\"ar\" dir=\"auto\" title=\"أُضيف\">نفت وزارة المالية"))
            #expect(try await store.audit.verifyAudit().problems.isEmpty)
        }
    }

    @Test func aFeedThatFailsFiveTimesIsMarkedFailingAndShownOnSources() async throws {
        try await withFeeds { desk, site, origin, fetcher in
            let feed = try await desk.store.feeds.add("\(origin)/rss.xml", outlet: nil, everySeconds: 60, fetcher: fetcher, by: "sara")
            let id = try #require(feed.id)
            await site.set("/rss.xml", .init(body: Data("<html><body>maintenance</body></html>".utf8)))
            for attempt in 1...5 {
                let report = try await desk.store.feeds.poll(id, fetcher: fetcher)
                #expect(report.error?.contains("is not a feed") == true)
                #expect(try await desk.store.feeds.feed(id).isFailing == (attempt == 5))
            }
            let page = try await desk.test { client in
                let browser = Browser(client)
                try await browser.logIn("layla")
                return String(buffer: try await browser.get("/sources").body)
            }
            #expect(page.contains("Feed <bdi>\(id)</bdi>") && page.contains("is failing"))
            // One success clears it.
            await site.set("/rss.xml", .init(body: Self.rss(origin, ["/plain"])))
            #expect(try await desk.store.feeds.poll(id, fetcher: fetcher).error == nil)
            #expect(try await !desk.store.feeds.feed(id).isFailing)
        }
    }

    @Test func onlyEditorsWatchFeedsAndAFeedIsAddedOnce() async throws {
        try await withFeeds { desk, _, origin, fetcher in
            await #expect(throws: DeskError.editorOnly(actor: "layla", action: "watch feeds")) {
                try await desk.store.feeds.add("\(origin)/rss.xml", outlet: nil, everySeconds: 60, fetcher: fetcher, by: "layla")
            }
            let feed = try await desk.store.feeds.add("\(origin)/rss.xml", outlet: nil, everySeconds: 60, fetcher: fetcher, by: "sara")
            await #expect(throws: DeskError.feedExists(url: "\(origin)/rss.xml", id: feed.id ?? 0)) {
                try await desk.store.feeds.add("\(origin)/rss.xml", outlet: nil, everySeconds: 60, fetcher: fetcher, by: "omar")
            }
            let head = try await desk.store.audit.auditHead()
            await #expect(throws: DeskError.self) {
                try await desk.store.feeds.add("\(origin)/plain", outlet: nil, everySeconds: 60, fetcher: fetcher, by: "sara")
            }
            #expect(try await desk.store.audit.auditHead() == head)
            #expect(try await desk.store.feeds.list().count == 1)
        }
    }

    /// Someone who can write the desk file points a feed elsewhere, or at another owner: the
    /// poller refuses the row rather than import as someone who never asked, and the audit says so.
    @Test(arguments: ["UPDATE feed SET url = replace(url, 'rss.xml', 'feed.json')", "UPDATE feed SET added_by = 'layla'",
                      "UPDATE feed SET every_seconds = 315360000",
                      "INSERT INTO feed (url, every_seconds, added_by, added_at, added_seq) SELECT url || '?2', 60, added_by, added_at, added_seq FROM feed"])
    func aFeedRowChangedByHandIsNotTrusted(_ tampering: String) async throws {
        try await withFeeds { desk, _, origin, fetcher in
            _ = try await desk.store.feeds.add("\(origin)/rss.xml", outlet: nil, everySeconds: 60, fetcher: fetcher, by: "sara")
            try Self.sqlite(desk.path, tampering)
            let sources = try await desk.store.imports.sources().count
            let tampered = try #require(try await desk.store.feeds.list().last?.id)
            await #expect(throws: DeskError.self) { _ = try await desk.store.feeds.poll(tampered, fetcher: fetcher) }
            let reports = try await desk.store.feeds.pollDue(all: true, fetcher: fetcher)
            #expect(reports.first { $0.feedID == tampered }?.error?.contains("feed.add event") == true)
            if reports.count == 1 { #expect(try await desk.store.imports.sources().count == sources) }
            let problems = try await desk.store.audit.verifyAudit().problems
            #expect(problems.contains { $0.description.contains("feed") }, "\(problems)")
        }
    }

    @Test func aFeedOfManyItemsIsFetchedFiftyAPoll() async throws {
        try await withFeeds { desk, site, origin, fetcher in
            await site.set("/many.xml", .init(body: Self.rss(origin, (1...60).map { "/missing-\($0)" })))
            let feed = try await desk.store.feeds.add("\(origin)/many.xml", outlet: nil, everySeconds: 3_600, fetcher: fetcher, by: "sara")
            let first = try await desk.store.feeds.pollDue(fetcher: fetcher)
            #expect(first.first?.newItems == Feeds.itemsPerPoll && first.first?.deferred == 10)
            // What was left is due at once, and the next round fetches it.
            #expect(try await desk.store.feeds.feed(feed.id ?? 0).isDue(at: Date()))
            let second = try await desk.store.feeds.pollDue(fetcher: fetcher)
            #expect(second.first?.newItems == 10 && second.first?.deferred == 0)
            #expect(try await desk.store.feeds.pollDue(fetcher: fetcher).isEmpty)
        }
    }

    @Test func oneServerPollsADeskAtATime() async throws {
        let desk = try await WebDesk()
        #expect(try await desk.store.feeds.takeLease("feeds", holder: "a", for: 180))
        #expect(try await !desk.store.feeds.takeLease("feeds", holder: "b", for: 180))
        #expect(try await desk.store.feeds.takeLease("feeds", holder: "a", for: 180))
        // Once a's lease lapses (its server stopped), b takes over.
        try Self.sqlite(desk.path, "UPDATE desk_lease SET until = '2000-01-01T00:00:00.000Z'")
        #expect(try await desk.store.feeds.takeLease("feeds", holder: "b", for: 180))
        #expect(try await !desk.store.feeds.takeLease("feeds", holder: "a", for: 180))
    }

    static func sqlite(_ path: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, sql]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
