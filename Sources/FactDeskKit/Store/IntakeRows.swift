import Foundation

/// A news feed the desk watches: RSS 2.0, Atom 1.0 or JSON Feed.
///
/// Who asked for it, and its address, are in the signed `feed.add` event the row names
/// (`addedSeq`); the poller imports only for a row its event matches, as that event's actor.
/// The rest is bookkeeping that each poll rewrites.
public struct Feed: Sendable, Equatable {
    public var id: Int64?
    public var url: String
    /// The outlet its articles are credited to when their pages do not say.
    public var outlet: String?
    /// How often it is polled.
    public var everySeconds: Int64
    public var addedBy: String
    public var addedAt: Date
    /// The number of the `feed.add` event that asked for it.
    public var addedSeq: Int64
    public var etag: String?
    public var lastModified: String?
    public var lastCheckedAt: Date?
    public var lastSuccessAt: Date?
    public var lastError: String?
    /// Failed polls in a row; 5 or more marks the feed failing.
    public var failures: Int64 = 0
    /// Articles imported from it so far.
    public var imported: Int64 = 0

    public static let failingAfter: Int64 = 5

    public init(id: Int64? = nil, url: String, outlet: String?, everySeconds: Int64, addedBy: String, addedAt: Date, addedSeq: Int64) {
        (self.id, self.url, self.outlet, self.everySeconds) = (id, url, outlet, everySeconds)
        (self.addedBy, self.addedAt, self.addedSeq) = (addedBy, addedAt, addedSeq)
    }

    /// Whether it failed often enough in a row to be shown as failing.
    public var isFailing: Bool { failures >= Self.failingAfter }

    /// Whether a poll is due at `now`: never checked, or last checked a period ago.
    public func isDue(at now: Date) -> Bool {
        guard let last = lastCheckedAt else { return true }
        return now.timeIntervalSince(last) >= Double(everySeconds)
    }
}

/// A reader's tip, sent through the public form or a tipline bot.
///
/// The tip's words are in the signed `tip.receive` event; its triage (accepted into a claim,
/// rejected with a note, merged into another tip) in the events of the editors who did it.
/// The reader's contact and the digest of their address are kept apart (``TipContact``),
/// outside the history, so that `tip forget` erases them and the history stays whole.
public struct Tip: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case new, accepted, rejected, merged
    }

    public var id: Int64?
    /// The receipt code the reader checks the tip's progress with.
    public var code: String
    public var receivedAt: Date
    public var text: String?
    public var url: String?
    public var language: String?
    public var status: Status = .new
    /// The claim made from it, once accepted.
    public var claimID: Int64?
    /// The tip it was merged into.
    public var mergedInto: Int64?
    /// Why it was not taken up.
    public var note: String?
    public var decidedBy: String?
    public var decidedAt: Date?

    public init(id: Int64? = nil, code: String, receivedAt: Date, text: String?, url: String?, language: String?) {
        (self.id, self.code, self.receivedAt, self.text, self.url, self.language) = (id, code, receivedAt, text, url, language)
    }
}

/// What the desk keeps of who sent a tip, outside the history: shown to editors only, never
/// exported, erased by `tip forget`.
public struct TipContact: Sendable, Equatable {
    public var tipID: Int64
    public var contact: String?
    /// The SHA-256 of the address the tip came from, to count tips per address per hour.
    public var sender: String?
    public var receivedAt: Date

    public init(tipID: Int64, contact: String?, sender: String?, receivedAt: Date) {
        (self.tipID, self.contact, self.sender, self.receivedAt) = (tipID, contact, sender, receivedAt)
    }
}
