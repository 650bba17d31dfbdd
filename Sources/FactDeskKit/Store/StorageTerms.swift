import Foundation

/// A value as a backend stores it, for statements' parameters and for copying rows
/// between kinds of desk.
public enum StoredValue: Sendable, Equatable {
    case text(String)
    case integer(Int64)
    case real(Double)
    case boolean(Bool)
    case null

    static func text(_ value: String?) -> StoredValue { value.map { .text($0) } ?? .null }
    static func integer(_ value: Int64?) -> StoredValue { value.map { .integer($0) } ?? .null }
    static func integer(_ value: Int?) -> StoredValue { value.map { .integer(Int64($0)) } ?? .null }
    static func time(_ value: Date?) -> StoredValue { value.map { .text(StoredTime.text($0)) } ?? .null }
}

/// What a search asks of the index, in terms of ``SearchIndex/terms(_:)``: each backend
/// writes it in its own query language (an FTS5 pattern, a `tsquery`).
public indirect enum TermQuery: Sendable, Equatable {
    /// One index term.
    case term(String)
    /// Terms next to each other, in this order (`4 ساع`).
    case phrase([String])
    /// Every one of these.
    case all([TermQuery])
    /// Any one of these.
    case any([TermQuery])

    /// Every term of a user's words, or nil when they hold none.
    static func allTerms(of text: String) -> TermQuery? {
        let terms = SearchIndex.terms(text)
        return terms.isEmpty ? nil : .all(terms.map(TermQuery.term))
    }
}

/// Which of a query's matches to read: by claim id, newest first below an id or oldest
/// first above one, within a limit.
public struct MatchRange: Sendable, Equatable {
    public var states: [String] = []
    public var excludingSource: Int64?
    /// Matches with ids below this, newest first.
    public var below: Int64?
    /// Matches with ids above this, oldest first (when `below` is nil).
    public var above: Int64?
    public var limit: Int

    public var newestFirst: Bool { above == nil }
}

/// The desk's tables as a backup copies them, parents before children, with the columns
/// both backends share. Sessions, login failures and locks are not copied: they are
/// momentary, and a moved desk starts with everyone logged out.
public enum DeskTable: String, CaseIterable, Sendable {
    case desk, workflow, reviewer, service, source, claim, note, evidence, event, alias
    case claimLink = "claim_link"
    case credential
    case apiToken = "api_token"
    case knownCheck = "known_check"
    /// Second factors, copied with the desk so that a moved desk keeps asking for codes.
    case secondFactor = "second_factor"
    case recoveryCode = "recovery_code"
    case sourcePage = "source_page"
    case sourceCheck = "source_check"
    case feed
    case feedItem = "feed_item"
    case tip
    /// Readers' contacts: copied with the desk, never exported.
    case tipContact = "tip_contact"
    /// Notifications: settings, webhooks and follows, and what was derived and sent, so that a
    /// moved desk keeps its read flags and sends nothing twice.
    case notifySetting = "notify_setting"
    case mailSetting = "mail_setting"
    case webhook, follow
    case notifyCursor = "notify_cursor"
    case inbox, outbox
    case deliveryAttempt = "delivery_attempt"
    /// How the desk looks to each reviewer, and its month names.
    case interfaceSetting = "interface_setting"
    case deskSetting = "desk_setting"

    public var columns: [String] {
        switch self {
        case .desk: ["id", "name", "created_by", "created_at"]
        case .workflow: ["id", "name", "yaml", "definition", "sha256", "installed_by", "installed_at"]
        case .reviewer: ["id", "handle", "display_name", "role", "active", "created_at", "public_key"]
        case .service: ["name", "public_key", "active", "added_by", "added_at"]
        case .source: ["id", "title", "outlet", "url", "language", "published_on", "body", "sha256", "imported_by", "imported_at"]
        case .claim: ["id", "source_id", "span_start", "span_end", "text", "speaker", "state", "assignee", "version",
                      "created_by", "created_at", "updated_at", "worthiness", "reasons", "due_at"]
        case .note: ["id", "claim_id", "author", "body", "created_at"]
        case .evidence: ["id", "claim_id", "url", "stance", "note", "added_by", "added_at"]
        case .event: ["seq", "at", "actor", "claim_id", "source_id", "action", "from_state", "to_state", "details",
                      "prev_hash", "hash", "signer", "signature"]
        case .alias: ["id", "entity", "variant", "added_by", "added_at"]
        case .claimLink: ["claim_a", "claim_b", "kind", "linked_by", "linked_at"]
        case .credential: ["handle", "password_hash", "set_at"]
        case .apiToken: ["id", "name", "token_hash", "handle", "created_at", "expires_at", "revoked_at"]
        case .knownCheck: ["id"] + KnownCheck.contentColumns + ["imported_by", "imported_at"]
        case .secondFactor: ["handle", "secret", "last_step", "enabled_at"]
        case .recoveryCode: ["handle", "digest", "used_at"]
        case .sourceCheck: ["source_id", "checked_at", "etag", "last_modified"]
        case .sourcePage: ["id", "source_id", "fetched_at", "url", "content_type", "sha256", "page", "body", "text_sha256"]
        case .feed: ["id", "url", "outlet", "every_seconds", "added_by", "added_at", "added_seq", "etag", "last_modified",
                     "last_checked_at", "last_success_at", "last_error", "failures", "imported"]
        case .feedItem: ["feed_id", "link", "source_id", "seen_at"]
        case .tip: ["id", "code", "received_at", "text", "url", "language", "status", "claim_id", "merged_into", "note",
                    "decided_by", "decided_at"]
        case .tipContact: ["tip_id", "contact", "sender", "received_at"]
        case .notifySetting: ["handle", "email", "mode", "language", "seq"]
        case .mailSetting: ["id", "transport", "starttls", "sender", "include_notes", "password", "seq"]
        case .webhook: ["id", "url", "events", "format", "secret", "allow_private", "added_by", "added_at", "added_seq",
                        "failing_since", "disabled_at", "disabled_reason"]
        case .follow: ["claim_id", "handle", "since"]
        case .notifyCursor: ["name", "seq"]
        case .inbox: ["id", "handle", "topic", "seq", "claim_id", "key", "detail", "created_at", "read_at"]
        case .outbox: ["id", "channel", "target", "seq", "inbox_from", "inbox_to", "key", "created_at", "status", "attempts",
                       "next_at", "last_error", "sent_at", "lease_holder", "lease_until"]
        case .deliveryAttempt: ["id", "delivery_id", "at", "status", "error", "milliseconds"]
        case .interfaceSetting: ["handle", "language", "digits"]
        case .deskSetting: ["name", "value"]
        }
    }

    /// The column rows are read in order of, so a copy appends the history in order.
    public var key: String {
        switch self {
        case .event: "seq"
        case .claimLink: "claim_a, claim_b"
        case .credential, .secondFactor: "handle"
        case .recoveryCode: "handle, digest"
        case .service: "name"
        case .sourceCheck: "source_id"
        case .feedItem: "feed_id, link"
        case .tipContact: "tip_id"
        case .notifySetting: "handle"
        case .follow: "claim_id, handle"
        case .notifyCursor, .deskSetting: "name"
        case .interfaceSetting: "handle"
        default: "id"
        }
    }

    /// What a copy does with a row the new desk already has: only the notifications' cursor,
    /// which every new desk starts at its head, is taken from the desk copied.
    public var onConflict: String {
        self == .notifyCursor ? " ON CONFLICT (name) DO UPDATE SET seq = excluded.seq" : ""
    }

    /// Columns that hold a yes or no.
    public var booleanColumns: Set<String> { self == .reviewer || self == .service ? ["active"] : [] }
}

/// SQL that both backends share word for word.
enum StorageTerms {
    /// A claim whose text is not in the newest page of its source, for a source fetched more
    /// than once; `find` is the backend's substring position function (0 when absent).
    static func revisedClaim(find: String) -> String {
        """
        claim.source_id IN (SELECT source_id FROM source_page GROUP BY source_id HAVING count(*) > 1) \
        AND \(find)((SELECT p.body FROM source_page p WHERE p.source_id = claim.source_id ORDER BY p.id DESC LIMIT 1), claim.text) = 0
        """
    }

    /// The events a login looks up, by the handle or the digest their details hold: the
    /// condition of the two partial indexes migration v15 makes, which a query must repeat
    /// exactly for the index to serve it. Shipped in a migration: never change it; an action
    /// added later needs an index of its own.
    static let loginEventActions = """
        action IN ('desk.create', 'reviewer.add', 'reviewer.key', 'reviewer.role', 'reviewer.password', \
        'service.add', 'service.remove', 'token.create', 'token.revoke')
        """
}
