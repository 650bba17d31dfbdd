import Foundation

/// Derives what the desk must tell, from its history and its clock, into the inbox and the
/// outbox, and sends what is due (``Notifier/deliver(_:senders:)``, in `Deliverer.swift`).
///
/// The history is read in order of its numbers, under a cursor that moves in the same
/// transaction as the rows it produced, so a crash loses nothing and repeats nothing: each
/// row has a key (its topic, event or deadline, and reader) that is written once. Deadlines,
/// failing feeds and daily digests come from the clock, keyed the same way.
public struct Notifier: DeskUseCase {
    let context: DeskContext

    /// How the desk's notifications behave: the defaults are what `serve` and `notify run` use.
    public struct Options: Sendable {
        /// An overdue claim goes to the editors this long after its deadline.
        public var escalateAfter: TimeInterval = 12 * 3_600
        /// A claim due within this long is announced to its assignee.
        public var dueWithin: TimeInterval = 24 * 3_600
        /// The wait before the first retry; each retry waits four times longer, at most two hours.
        public var firstRetry: TimeInterval = 30
        /// A delivery still failing this long after it was made is given up.
        public var giveUpAfter: TimeInterval = 24 * 3_600
        /// The address people open the web desk at, for links in emails and webhooks.
        public var baseURL: String?
        /// Who this deliverer is, to the outbox's leases.
        public var holder: String
        /// How long a leased delivery is kept from other deliverers.
        public var leaseSeconds: TimeInterval = 120

        public init(baseURL: String? = nil, holder: String = Notifier.defaultHolder()) {
            (self.baseURL, self.holder) = (baseURL, holder)
        }
    }

    public static func defaultHolder() -> String {
        ProcessInfo.processInfo.hostName + ":" + String(ProcessInfo.processInfo.processIdentifier) + ":" + Secret.random().text.prefix(8)
    }

    /// The cursor of the history's derivation.
    static let cursorName = "notify"
    /// Events derived per transaction.
    static let eventsPerRound = 200

    /// What one round did.
    public struct Round: Sendable, Equatable {
        public var events = 0
        public var inboxItems = 0
        public var deliveriesMade = 0
        public var sent = 0
        public var failed = 0
        public var gaveUp = 0

        public init() {}
    }

    /// Derives everything due at this moment: the history since the cursor, deadlines,
    /// failing feeds and digests. Safe to run from several processes at once.
    public func derive(_ options: Options) async throws -> Round {
        var round = Round()
        while true {
            let (events, items, deliveries) = try await deriveEvents()
            (round.events, round.inboxItems, round.deliveriesMade) = (round.events + events, round.inboxItems + items,
                                                                      round.deliveriesMade + deliveries)
            if events < Self.eventsPerRound { break }
        }
        let (items, deliveries) = try await deriveFromClock(options)
        round.inboxItems += items
        round.deliveriesMade += deliveries
        return round
    }

    /// One transaction of the history's derivation: the events after the cursor, their
    /// inbox items and deliveries, and the cursor moved past them.
    func deriveEvents() async throws -> (events: Int, items: Int, deliveries: Int) {
        try await storage.writing { tx in
            let cursor = try await tx.notifyCursor(Self.cursorName)
            let events = try await tx.events(after: cursor, limit: Self.eventsPerRound)
            guard let last = events.last?.seq else { return (0, 0, 0) }
            let workflow = try await tx.deskWorkflow().workflow
            let team = try await tx.reviewers()
            // Someone deactivated is told nothing more.
            let handles = Set(team.filter(\.active).map(\.handle))
            let editors = team.filter { $0.active && $0.role == .editor }.map(\.handle)
            let hooks = try await tx.webhooks().filter { $0.disabledAt == nil }
            var (items, deliveries) = (0, 0)
            let now = clock()
            for event in events {
                guard let seq = event.seq else { continue }
                var claimEvents: [AuditEvent] = []
                var followers: [String] = []
                if let claim = event.claimID, Self.mayTellOfClaim(event) {
                    claimEvents = try await tx.events(claim: claim).filter { ($0.seq ?? 0) <= seq }
                    followers = try await tx.followers(of: claim)
                }
                let found = Recipients.items(for: event, .init(workflow: workflow, claimEvents: claimEvents, followers: followers,
                                                               editors: editors, isReviewer: { handles.contains($0) }), at: now)
                let told = try await tell(found, tx)
                (items, deliveries) = (items + told.items, deliveries + told.deliveries)
                for hook in hooks where seq > hook.addedSeq && hook.takes(event.action) {
                    let id = hook.id ?? 0
                    if try await tx.insert(Delivery(channel: .webhook, target: String(id), seq: seq, key: "webhook:\(id):\(seq)",
                                                    createdAt: now)) != nil {
                        deliveries += 1
                    }
                }
            }
            try await tx.setNotifyCursor(Self.cursorName, to: last)
            return (events.count, items, deliveries)
        }
    }

    /// Whether an event can tell of a claim: a transition or a note, which read its history.
    static func mayTellOfClaim(_ event: AuditEvent) -> Bool {
        if case .transition = event.payload { return true }
        return false
    }

    /// Adds inbox items, and an email for each to a reviewer who has an address and wants
    /// each notification; says how many of each were new.
    func tell(_ items: [InboxItem], _ tx: any StorageWriter) async throws -> (items: Int, deliveries: Int) {
        var (added, emails) = (0, 0)
        var settings: [String: NotifySetting?] = [:]
        for item in items {
            guard let stored = try await tx.insert(item), let id = stored.id else { continue }
            added += 1
            if settings[item.handle] == nil { settings[item.handle] = .some(try await tx.notifySetting(item.handle)) }
            guard let setting = settings[item.handle] ?? nil, setting.email != nil, setting.mode == .each else { continue }
            if try await tx.insert(Delivery(channel: .email, target: item.handle, inboxFrom: id, inboxTo: id, key: "email:\(id)",
                                            createdAt: item.createdAt)) != nil {
                emails += 1
            }
        }
        return (added, emails)
    }

    /// What the clock makes due: deadlines near and past (and escalated to the editors),
    /// failing feeds, and daily digests whose hour has come.
    func deriveFromClock(_ options: Options) async throws -> (items: Int, deliveries: Int) {
        try await storage.writing { tx in
            let now = clock()
            let workflow = try await tx.deskWorkflow().workflow
            let team = try await tx.reviewers()
            let editors = team.filter { $0.active && $0.role == .editor }.map(\.handle)
            var items: [InboxItem] = []
            var filter = ClaimFilter()
            (filter.overdueAt, filter.finalStates) = (now.addingTimeInterval(options.dueWithin), workflow.finalStates)
            for claim in try await tx.claims(filter) {
                guard let id = claim.id, let due = claim.dueAt, let assignee = claim.assignee else { continue }
                let when = ISO8601.string(from: due)
                func item(_ handle: String, _ topic: InboxItem.Topic) -> InboxItem {
                    InboxItem(handle: handle, topic: topic, seq: nil, claimID: id, key: "\(topic.rawValue):\(id):\(when):\(handle)",
                              detail: topic == .escalated ? "\(when) \(assignee)" : when, createdAt: now)
                }
                if due > now {
                    // A claim changed within the hour (its assignment, which said when it is due) waits for the next round.
                    if now.timeIntervalSince(claim.updatedAt) >= 3_600 { items.append(item(assignee, .due)) }
                } else {
                    items.append(item(assignee, .overdue))
                    if now.timeIntervalSince(due) >= options.escalateAfter {
                        items += editors.map { item($0, .escalated) }
                    }
                }
            }
            for feed in try await tx.feeds() where feed.isFailing {
                let since = StoredTime.text(feed.lastSuccessAt ?? feed.addedAt)
                items += editors.map {
                    InboxItem(handle: $0, topic: .feedFailing, seq: nil, claimID: nil, key: "feed-failing:\(feed.id ?? 0):\(since):\($0)",
                              detail: "\(feed.id ?? 0) \(feed.url): \(feed.lastError ?? "")", createdAt: now)
                }
            }
            var told = try await tell(items, tx)
            told.deliveries += try await scheduleDigests(tx, at: now)
            return told
        }
    }

    /// A digest for each reviewer whose hour has come today (UTC) and who has items since
    /// their last one (of the past day at most).
    func scheduleDigests(_ tx: any StorageWriter, at now: Date) async throws -> Int {
        var made = 0
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        for setting in try await tx.notifySettings() where setting.email != nil {
            guard case .digest(let hour, let minute) = setting.mode,
                  let moment = calendar.date(bySettingHour: hour, minute: minute, second: 0, of: now), now >= moment else { continue }
            let day = String(ISO8601.string(from: moment).prefix(10))
            let key = "digest:\(setting.handle):\(day)"
            let last = try await tx.deliveries(.email, target: setting.handle, limit: 50).first { $0.key.hasPrefix("digest:") }
            if last?.key == key { continue }
            let since = moment.addingTimeInterval(-86_400)
            // The newest items (at most 500 a day), past the last digest's.
            let pending = try await tx.inbox(of: setting.handle, unreadOnly: false, after: nil, limit: 500)
                .filter { ($0.id ?? 0) > (last?.inboxTo ?? 0) && $0.createdAt > since && $0.createdAt <= moment }
                .sorted { ($0.id ?? 0) < ($1.id ?? 0) }
            guard let first = pending.first?.id, let newest = pending.last?.id else { continue }
            if try await tx.insert(Delivery(channel: .email, target: setting.handle, inboxFrom: first, inboxTo: newest, key: key,
                                            createdAt: now)) != nil {
                made += 1
            }
        }
        return made
    }

    /// Tells the editors that the history check the server ran failed (once per head of the history).
    public func auditFailed(_ problem: String, head: Int64) async throws {
        try await storage.writing { tx in
            let editors = try await tx.reviewers().filter { $0.active && $0.role == .editor }.map(\.handle)
            _ = try await tell(editors.map {
                InboxItem(handle: $0, topic: .auditFailed, seq: nil, claimID: nil, key: "audit-failed:\(head):\($0)", detail: problem,
                          createdAt: clock())
            }, tx)
        }
    }
}
