import ArgumentParser
import FactDeskKit
import Foundation

extension Factdesk {
    struct FeedCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "feed",
            abstract: "Watch news feeds (RSS 2.0, Atom 1.0, JSON Feed) and import their new articles.",
            discussion: """
                Each poll asks the feed for what changed since the last one (ETag, Last-Modified), \
                then fetches every item it has not had as a web article, as `source add URL` does; an \
                article already on the desk (same address or same text) is skipped. `factdesk serve` \
                polls due feeds in the background; `feed poll` is for cron. A feed that fails 5 times \
                in a row is marked failing.
                """,
            subcommands: [Add.self, List.self, Remove.self, Poll.self])
    }
}

extension Factdesk.FeedCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Watch a feed (editors).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The feed's address (http or https).") var url: String
        @Option(help: ArgumentHelp("How often to poll it: 30m, 2h, 1d (1m at least).", valueName: "period")) var every = "30m"
        @Option(help: ArgumentHelp("The outlet its articles are credited to when their pages do not say.", valueName: "name"))
        var outlet: String?
        @Option(help: ArgumentHelp("Seconds the feed may take to arrive, whole.", valueName: "seconds"))
        var timeout = PageFetcher.defaultTimeout

        func validate() throws {
            guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be between 0 and 600 seconds") }
        }

        func run() async throws {
            let seconds = try Self.seconds(every)
            try await global.withStore { store in
                let feed = try await store.feeds.add(url, outlet: outlet, everySeconds: seconds,
                                                     fetcher: PageFetcher(timeout: timeout), by: global.handle)
                if global.json { return try Terminal.json(JSONView.FeedView(feed)) }
                Terminal.print("feed \(feed.id ?? 0)  \(Terminal.safe(feed.url))  every \(every)")
            }
        }

        /// A period such as 30m, 2h or 1d, in seconds.
        static func seconds(_ period: String) throws -> Int64 {
            let now = Date()
            guard period.last.map({ "mhdw".contains($0) }) == true, let later = try? Deadline.parse(period, now: now) else {
                throw ValidationError("--every takes a period such as 30m, 2h or 1d")
            }
            return Int64(later.timeIntervalSince(now).rounded())
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The feeds, with their last success, last error and articles imported.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await global.withStoreForReading { store in
                let feeds = try await store.feeds.list()
                if global.json { return try Terminal.json(feeds.map(JSONView.FeedView.init)) }
                if feeds.isEmpty { return Terminal.print("no feeds; `factdesk feed add URL` watches one") }
                Terminal.table(["ID", "FEED", "EVERY", "LAST SUCCESS", "IMPORTED", "STATUS"], feeds.map { feed in
                    [String(feed.id ?? 0), Terminal.safe(feed.url), Self.period(feed.everySeconds),
                     feed.lastSuccessAt.map(ISO8601.string(from:)) ?? "never", String(feed.imported),
                     feed.isFailing ? "failing: " + Terminal.safe(feed.lastError ?? "")
                        : feed.lastError.map { "error: " + Terminal.safe($0) } ?? "ok"]
                })
            }
        }

        static func period(_ seconds: Int64) -> String {
            seconds % 86_400 == 0 ? "\(seconds / 86_400)d" : seconds % 3_600 == 0 ? "\(seconds / 3_600)h" : "\(seconds / 60)m"
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop watching a feed (editors); its articles stay.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The feed's id.") var id: Int64

        func run() async throws {
            try await global.withStore { store in
                let feed = try await store.feeds.remove(id, by: global.handle)
                Terminal.print("removed feed \(id)  \(Terminal.safe(feed.url))")
            }
        }
    }

    struct Poll: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Poll one feed, or every feed that is due, now.",
            discussion: "For cron: `*/10 * * * * factdesk feed poll`. Articles are imported as whoever runs it.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "One feed's id; without it, every feed that is due.") var id: Int64?
        @Flag(help: "Every feed, due or not.") var all = false
        @Option(help: ArgumentHelp("Seconds each page may take to arrive, whole.", valueName: "seconds"))
        var timeout = PageFetcher.defaultTimeout
        @Option(help: ArgumentHelp("The largest page accepted, in bytes.", valueName: "bytes"))
        var maxSize = ArticleReader.defaultMaximumSize
        @Flag(help: ArgumentHelp("Fetch items on private networks too.",
                                 discussion: "Off by default: a feed chooses its items' addresses, and must not reach this machine's network."))
        var allowPrivateAddresses = false

        func validate() throws {
            if id != nil && all { throw ValidationError("name one feed, or --all, not both") }
            guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be between 0 and 600 seconds") }
            guard maxSize > 0 else { throw ValidationError("--max-size must be 1 or more") }
        }

        func run() async throws {
            try await global.withStore { store in
                let fetcher = PageFetcher(timeout: timeout, maximumSize: maxSize, publicOnly: !allowPrivateAddresses)
                let reports = if let id { [try await store.feeds.poll(id, fetcher: fetcher, as: global.handle)] }
                    else { try await store.feeds.pollDue(all: all, fetcher: fetcher, as: global.handle) }
                if global.json { try Terminal.json(reports.map(JSONView.PollView.init)) } else {
                    if reports.isEmpty { Terminal.print("no feed is due") }
                    for report in reports { Self.show(report) }
                }
                let failed = reports.filter { $0.error != nil }
                if !failed.isEmpty {
                    throw DeskError.invalidValue("\(failed.count) of \(reports.count) feeds could not be read: "
                        + failed.map { "feed \($0.feedID): \($0.error ?? "")" }.joined(separator: "; "))
                }
            }
        }

        static func show(_ report: Feeds.PollReport) {
            if let error = report.error { return Terminal.print("feed \(report.feedID)  failed: \(Terminal.safe(error))") }
            if report.notModified { return Terminal.print("feed \(report.feedID)  not modified") }
            Terminal.print("feed \(report.feedID)  \(report.newItems) new items: \(report.imported) imported, \(report.skipped) already on the desk"
                + (report.refused.isEmpty ? "" : ", \(report.refused.count) refused"))
            for line in report.refused { Terminal.print("  refused \(Terminal.safe(line))") }
        }
    }
}
