import Foundation
import ServiceLifecycle

/// Polls a desk's due feeds in the background, as a service of `factdesk serve`'s group.
///
/// Several servers may share one PostgreSQL desk: before each round a server takes the
/// desk's `feeds` lease (a row every server sees, taken in one statement), and only the
/// holder polls until it lapses; a server that stops lets it lapse, and another takes over.
/// A round's failures are recorded on the feeds (``Feeds/poll(_:fetcher:as:)``), never thrown.
public struct FeedPoller: ServiceLifecycle.Service {
    let store: ClaimStore
    let fetcher: PageFetcher
    /// How often the poller wakes to look for due feeds.
    let interval: Duration
    /// Who this server is, to the lease.
    let holder: String
    let onRound: @Sendable ([Feeds.PollReport]) -> Void

    public static let leaseName = "feeds"

    public init(store: ClaimStore, fetcher: PageFetcher, interval: Duration = .seconds(60),
                onRound: @escaping @Sendable ([Feeds.PollReport]) -> Void = { _ in }) {
        (self.store, self.fetcher, self.interval, self.onRound) = (store, fetcher, interval, onRound)
        holder = ProcessInfo.processInfo.hostName + ":" + String(ProcessInfo.processInfo.processIdentifier) + ":" + Secret.random().text.prefix(8)
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            await round()
            try? await gracefulShutdownSafeSleep(for: interval)
        }
    }

    /// One round: takes the lease for a few intervals, and polls the due feeds if it has it.
    func round() async {
        let seconds = Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18
        do {
            guard try await store.feeds.takeLease(Self.leaseName, holder: holder, for: max(3 * seconds, 60)) else { return }
            onRound(try await store.feeds.pollDue(fetcher: fetcher))
        } catch {
            FileHandle.standardError.write(Data("feeds: \(String(describing: error))\n".utf8))
        }
    }

    private func gracefulShutdownSafeSleep(for duration: Duration) async throws {
        try await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
    }
}

extension Feeds {
    /// Takes or renews a lease for `seconds`; false while another holder has it.
    public func takeLease(_ name: String, holder: String, for seconds: Double) async throws -> Bool {
        let now = clock()
        return try await storage.writing { try await $0.takeLease(name, holder: holder, until: now.addingTimeInterval(seconds), now: now) }
    }
}
