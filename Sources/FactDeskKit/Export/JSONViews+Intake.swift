import Foundation

extension JSONView {
    /// A feed as `feed list --json` gives it.
    public struct FeedView: Encodable, Sendable {
        public var id: Int64
        public var url: String
        @Nullable public var outlet: String?
        public var everySeconds: Int64
        public var addedBy: String
        @Nullable public var lastSuccess: String?
        @Nullable public var lastError: String?
        public var failures: Int64
        public var failing: Bool
        public var imported: Int64

        enum CodingKeys: String, CodingKey {
            case id, url, outlet, failures, failing, imported
            case everySeconds = "every_seconds"
            case addedBy = "added_by"
            case lastSuccess = "last_success"
            case lastError = "last_error"
        }

        public init(_ feed: Feed) {
            (id, url, outlet, everySeconds, addedBy) = (feed.id ?? 0, feed.url, feed.outlet, feed.everySeconds, feed.addedBy)
            (lastSuccess, lastError) = (feed.lastSuccessAt.map(ISO8601.string(from:)), feed.lastError)
            (failures, failing, imported) = (feed.failures, feed.isFailing, feed.imported)
        }
    }

    /// What `feed poll --json` says of each feed.
    public struct PollView: Encodable, Sendable {
        public var id: Int64
        public var url: String
        public var newItems: Int
        public var imported: Int
        public var skipped: Int
        public var refused: [String]
        @Nullable public var error: String?
        public var notModified: Bool

        enum CodingKeys: String, CodingKey {
            case id, url, imported, skipped, refused, error
            case newItems = "new_items"
            case notModified = "not_modified"
        }

        public init(_ report: Feeds.PollReport) {
            (id, url, newItems, imported, skipped) = (report.feedID, report.url, report.newItems, report.imported, report.skipped)
            (refused, error, notModified) = (report.refused, report.error, report.notModified)
        }
    }

    /// A tip as `tip list --json` gives it; never the reader's contact.
    public struct TipView: Encodable, Sendable {
        public var id: Int64
        public var code: String
        public var status: String
        @Nullable public var text: String?
        @Nullable public var url: String?
        @Nullable public var language: String?
        /// The tip and those merged into it: how many readers asked.
        public var count: Int
        public var receivedAt: String
        @Nullable public var claimID: Int64?
        @Nullable public var mergedInto: Int64?

        enum CodingKeys: String, CodingKey {
            case id, code, status, text, url, language, count
            case receivedAt = "received_at"
            case claimID = "claim_id"
            case mergedInto = "merged_into"
        }

        public init(_ listed: Tips.Listed) {
            let tip = listed.tip
            (id, code, status, text, url, language) = (tip.id ?? 0, tip.code, tip.status.rawValue, tip.text, tip.url, tip.language)
            (count, receivedAt, claimID, mergedInto) = (listed.count, ISO8601.string(from: tip.receivedAt), tip.claimID, tip.mergedInto)
        }
    }

    /// What `tip accept --json` says.
    public struct TipAcceptView: Encodable, Sendable {
        public var tipID: Int64
        public var claimID: Int64
        public var sourceID: Int64

        enum CodingKeys: String, CodingKey {
            case tipID = "tip_id"
            case claimID = "claim_id"
            case sourceID = "source_id"
        }

        public init(tip: Tip, claim: Claim) {
            (tipID, claimID, sourceID) = (tip.id ?? 0, claim.id ?? 0, claim.sourceID)
        }
    }
}
