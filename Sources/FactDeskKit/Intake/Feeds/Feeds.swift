import Foundation

/// The news feeds a desk watches, and their polls.
///
/// An editor adds a feed (a signed `feed.add` event); each poll fetches it conditionally,
/// and fetches every item it has not seen before as a web article (``Imports/addWebSource(_:overrides:extract:by:)``),
/// skipping one already on the desk (same address, or same text). The articles are imported
/// as the editor who asked for the feed, as that event records them: a row changed by hand
/// to name another feed, address or person is refused, not trusted.
public struct Feeds: DeskUseCase {
    let context: DeskContext

    /// What one poll of one feed did.
    public struct PollReport: Sendable, Equatable {
        public var feedID: Int64
        public var url: String
        /// Items new to the feed, and how many of them became new sources.
        public var newItems = 0
        public var imported = 0
        /// Items already on the desk (same address or text), and items whose page was refused.
        public var skipped = 0
        public var refused: [String] = []
        /// Why the feed itself could not be read; nil when it was.
        public var error: String?
        /// Whether the server answered 304.
        public var notModified = false
        /// New items left for the next poll (past ``Feeds/itemsPerPoll``).
        public var deferred = 0
    }

    /// Watches a feed: checks that it is one (fetching it once), then records it.
    public func add(_ address: String, outlet: String?, everySeconds: Int64, fetcher: PageFetcher, by actor: String) async throws -> Feed {
        guard everySeconds >= 60 else { throw DeskError.invalidValue("a feed is polled at most once a minute; give --every 1m or more") }
        let url = try PageFetcher.check(address.trimmingCharacters(in: .whitespacesAndNewlines))
        if let outlet { try StoredText.check(outlet, field: "outlet") }
        try await storage.reading { tx in
            _ = try await tx.permit(.watchFeeds, by: actor)
            if let existing = try await tx.feed(url: url), let id = existing.id { throw DeskError.feedExists(url: url, id: id) }
        }
        guard case .page(let page) = try await fetcher.fetch(url, now: clock) else {
            throw FetchError.unreachable(address: url, reason: "it answered 304 to a request that asked for no condition")
        }
        _ = try FeedDocument.read(page.body, url: url)
        return try await writing { tx in
            _ = try await tx.permit(.watchFeeds, by: actor)
            if let existing = try await tx.feed(url: url), let id = existing.id { throw DeskError.feedExists(url: url, id: id) }
            let now = clock()
            let seq = ((try await tx.historyHead())?.seq ?? 0) + 1
            let feed = try await tx.insert(Feed(url: url, outlet: outlet, everySeconds: everySeconds, addedBy: actor, addedAt: now, addedSeq: seq))
            let event = try await tx.record(AuditEvent(at: now, actor: actor, .feedAdd(.init(feed: feed.id ?? 0, url: url, outlet: outlet, every: everySeconds))), signer)
            guard event.seq == seq else { throw StoreError.database("the feed's event was not the next in the history") }
            return feed
        }
    }

    public func list() async throws -> [Feed] {
        try await storage.reading { try await $0.feeds() }
    }

    public func feed(_ id: Int64) async throws -> Feed {
        try await storage.reading { tx in
            guard let feed = try await tx.feed(id) else { throw DeskError.feedNotFound(id) }
            return feed
        }
    }

    /// Stops watching a feed; the articles it brought stay.
    public func remove(_ id: Int64, by actor: String) async throws -> Feed {
        try await writing { tx in
            _ = try await tx.permit(.watchFeeds, by: actor)
            guard let feed = try await tx.feed(id) else { throw DeskError.feedNotFound(id) }
            try await tx.deleteFeed(id)
            _ = try await tx.record(AuditEvent(at: clock(), actor: actor, .feedRemove(.init(feed: id, url: feed.url, outlet: feed.outlet))), signer)
            return feed
        }
    }

    /// Polls the feeds due at this moment (every feed with `all`), one after another.
    public func pollDue(all: Bool = false, fetcher: PageFetcher, as actor: String? = nil) async throws -> [PollReport] {
        let now = clock()
        var reports: [PollReport] = []
        for feed in try await list() where all || feed.isDue(at: now) {
            guard let id = feed.id else { continue }
            do {
                // Claimed first: another poller that read the feed as due finds it taken.
                guard let claimed = try await claim(feed, at: now) else { continue }
                reports.append(try await poll(claimed, fetcher: fetcher, as: actor))
            } catch let refusal as DeskError {
                // A feed whose row is not trusted, or whose owner may no longer add to the desk,
                // is reported; the others are still polled.
                reports.append(PollReport(feedID: id, url: feed.url, error: refusal.description))
            }
        }
        return reports
    }

    /// Polls one feed: fetches it (conditionally), then each item it has not had, importing
    /// each article as `actor`, or, with nil, as the editor whose `feed.add` event the row names.
    ///
    /// A feed that cannot be fetched or read counts a failure (5 in a row mark it failing);
    /// an item whose page is refused is remembered and not fetched again. Each article is
    /// its own transaction: what a poll imported stays when a later item fails.
    public func poll(_ id: Int64, fetcher: PageFetcher, as actor: String? = nil) async throws -> PollReport {
        try await poll(try await self.feed(id), fetcher: fetcher, as: actor)
    }

    /// The most new items one poll fetches; the rest wait for the next poll, so that a feed
    /// listing thousands of addresses cannot fill the desk, or outlast the poller's lease, at once.
    public static let itemsPerPoll = 50
    /// The largest feed document read.
    public static let maximumFeedSize = 2 * 1024 * 1024

    func poll(_ claimed: Feed, fetcher: PageFetcher, as actor: String?) async throws -> PollReport {
        var feed = claimed
        guard let id = feed.id else { throw DeskError.feedNotFound(0) }
        var report = PollReport(feedID: id, url: feed.url)
        feed.lastCheckedAt = clock()
        let importer: String
        do {
            if let actor { importer = actor } else { importer = try await owner(of: feed) }
            // The owner must still be someone who may add to the desk.
            _ = try await storage.reading { try await $0.permit(.contribute, by: importer) }
        } catch {
            // Recorded, so that a feed nobody may import for shows as failing rather than silently retried.
            (feed.lastError, feed.failures) = (Self.message(error), feed.failures + 1)
            try await savePoll(feed)
            throw error
        }
        var feedFetcher = fetcher
        feedFetcher.maximumSize = min(fetcher.maximumSize, Self.maximumFeedSize)
        let document: FeedDocument
        do {
            let outcome = try await feedFetcher.fetch(feed.url, etag: feed.etag, lastModified: feed.lastModified, now: clock)
            guard case .page(let page) = outcome else {
                report.notModified = true
                (feed.lastSuccessAt, feed.lastError, feed.failures) = (clock(), nil, 0)
                try await savePoll(feed)
                return report
            }
            document = try FeedDocument.read(page.body, url: feed.url)
            (feed.etag, feed.lastModified) = (page.etag, page.lastModified)
        } catch {
            report.error = Self.message(error)
            (feed.lastError, feed.failures) = (report.error, feed.failures + 1)
            try await savePoll(feed)
            return report
        }
        for item in document.items {
            if try await storage.reading({ try await $0.feedHasItem(feed: id, link: item.link) }) { continue }
            guard report.newItems < Self.itemsPerPoll else {
                report.deferred += 1
                continue
            }
            report.newItems += 1
            var source: Int64?
            do {
                if let existing = try await storage.reading({ try await $0.sourceID(url: item.link) }) {
                    source = existing
                    report.skipped += 1
                } else {
                    let result = try await imports.addWebSource(item.link, fetcher: fetcher, overrides: SourceOverrides(outlet: feed.outlet),
                                                                by: importer)
                    switch result {
                    case .added(let added, _): (source, report.imported) = (added.id, report.imported + 1)
                    case .existing(let existing): (source, report.skipped) = (existing.id, report.skipped + 1)
                    }
                }
            } catch let error as DeskError where error.kind == .permissionDenied {
                throw error
            } catch {
                report.refused.append("\(item.link): \(Self.message(error))")
            }
            let seen = source
            try await storage.writing { try await $0.insertFeedItem(feed: id, link: item.link, source: seen, at: clock()) }
        }
        if report.deferred > 0 {
            // Due again at once: what is left is fetched by the next round.
            feed.lastCheckedAt = nil
        }
        feed.imported += Int64(report.imported)
        (feed.lastSuccessAt, feed.lastError, feed.failures) = (clock(), nil, 0)
        try await savePoll(feed)
        return report
    }

    /// Who a feed's articles are imported as: the actor of the `feed.add` event its row names,
    /// when that event records this feed, at this address, by this person.
    func owner(of feed: Feed) async throws -> String {
        try await storage.reading { tx in
            guard let event = try await tx.event(seq: feed.addedSeq), case .feedAdd(let added) = event.payload,
                  added.feed == feed.id, added.url == feed.url, added.name == feed.outlet, event.actor == feed.addedBy,
                  added.every == nil || added.every == feed.everySeconds else {
                throw DeskError.invalidValue("feed \(feed.id ?? 0)'s row is not what its feed.add event recorded; "
                                             + "run `factdesk audit verify`, then remove and add the feed again")
            }
            return event.actor
        }
    }

    /// Marks a feed checked now, unless someone else checked it since it was read; nil then.
    private func claim(_ feed: Feed, at now: Date) async throws -> Feed? {
        guard let id = feed.id else { return nil }
        return try await storage.writing { tx in
            guard var current = try await tx.feed(id), current.lastCheckedAt == feed.lastCheckedAt else { return nil }
            current.lastCheckedAt = now
            try await tx.savePoll(current)
            return current
        }
    }

    private func savePoll(_ feed: Feed) async throws {
        try await storage.writing { try await $0.savePoll(feed) }
    }

    static func message(_ error: any Error) -> String {
        String(describing: error)
    }
}

