import Foundation
import ServiceLifecycle

/// Derives and sends the desk's notifications in the background, as a service of
/// `factdesk serve`'s group, and checks the history on a schedule, telling the editors
/// when the check fails.
///
/// Several servers may share one PostgreSQL desk: each derives (the rows' keys make that
/// idempotent) and each sends, but a delivery is leased to one at a time, so nothing is
/// sent twice while both run. A round's failures are recorded on the deliveries, never thrown.
public struct NotifyService: ServiceLifecycle.Service {
    let store: ClaimStore
    let options: Notifier.Options
    let senders: Senders
    let interval: Duration
    /// How often the history is checked end to end; nil never.
    let auditEvery: Duration?

    public init(store: ClaimStore, options: Notifier.Options, senders: Senders = .live, interval: Duration = .seconds(15),
                auditEvery: Duration? = .seconds(6 * 3_600)) {
        (self.store, self.options, self.senders, self.interval, self.auditEvery) = (store, options, senders, interval, auditEvery)
    }

    public func run() async throws {
        var lastAudit = ContinuousClock.now
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            await round()
            if let auditEvery, ContinuousClock.now - lastAudit >= auditEvery {
                lastAudit = ContinuousClock.now
                await audit()
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    func round() async {
        do {
            _ = try await store.notifier.derive(options)
            _ = try await store.notifier.deliver(options, senders: senders)
        } catch {
            FileHandle.standardError.write(Data("notifications: \(String(describing: error))\n".utf8))
        }
    }

    /// Checks the history; a check that finds problems tells the editors, once per head.
    func audit() async {
        do {
            let report = try await store.audit.verifyAudit()
            guard let first = report.problems.first else { return }
            let head = try await store.audit.auditHead().seq
            try await store.notifier.auditFailed("\(report.problems.count) problem\(report.problems.count == 1 ? "" : "s"), first: \(first)",
                                                 head: head)
        } catch {
            FileHandle.standardError.write(Data("audit: \(String(describing: error))\n".utf8))
        }
    }
}
