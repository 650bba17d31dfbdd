import Foundation

/// The stable `--json` shapes of FactDesk's records.
///
/// Field names are snake_case and times are ISO-8601 UTC. Fields are only ever added,
/// never renamed or removed, so scripts written against one version keep working.
public enum JSONView {
    public struct ClaimView: Encodable, Sendable {
        public var id: Int64
        public var sourceID: Int64
        public var text: String
        public var status: String
        @Nullable public var assignee: String?
        @Nullable public var speaker: String?
        @Nullable public var start: Int?
        @Nullable public var end: Int?
        public var version: Int64
        public var createdAt: String
        public var updatedAt: String
        public var worthiness: Int
        public var reasons: [String]
        @Nullable public var dueAt: String?

        enum CodingKeys: String, CodingKey {
            case id, text, status, assignee, speaker, start, end, version, worthiness, reasons
            case dueAt = "due_at"
            case sourceID = "source_id"
            case createdAt = "created_at"
            case updatedAt = "updated_at"
        }

        public init(_ claim: Claim) {
            id = claim.id ?? 0
            sourceID = claim.sourceID
            text = claim.text
            status = claim.state
            assignee = claim.assignee
            speaker = claim.speaker
            start = claim.spanStart
            end = claim.spanEnd
            version = claim.version
            createdAt = ISO8601.string(from: claim.createdAt)
            updatedAt = ISO8601.string(from: claim.updatedAt)
            worthiness = claim.worthiness
            reasons = claim.reasons
            dueAt = claim.dueAt.map(ISO8601.string)
        }

    }

    public struct NoteView: Encodable, Sendable {
        public var author: String
        public var body: String
        public var at: String

        public init(_ note: Note) {
            author = note.author
            body = note.body
            at = ISO8601.string(from: note.createdAt)
        }
    }

    public struct EvidenceView: Encodable, Sendable {
        public var url: String
        public var stance: String
        @Nullable public var note: String?
        public var addedBy: String
        public var at: String

        enum CodingKeys: String, CodingKey {
            case url, stance, note, at
            case addedBy = "added_by"
        }

        public init(_ evidence: Evidence) {
            url = evidence.url
            stance = evidence.stance.rawValue
            note = evidence.note
            addedBy = evidence.addedBy
            at = ISO8601.string(from: evidence.addedAt)
        }
    }

    public struct EventView: Encodable, Sendable {
        public var seq: Int64
        public var at: String
        public var actor: String
        @Nullable public var claimID: Int64?
        @Nullable public var sourceID: Int64?
        public var action: String
        @Nullable public var from: String?
        @Nullable public var to: String?
        public var details: EventPayload
        @Nullable public var signer: String?
        @Nullable public var signature: String?

        enum CodingKeys: String, CodingKey {
            case seq, at, actor, action, from, to, details, signer, signature
            case claimID = "claim_id"
            case sourceID = "source_id"
        }

        public init(_ event: AuditEvent) {
            seq = event.seq ?? 0
            at = ISO8601.string(from: event.at)
            actor = event.actor
            claimID = event.claimID
            sourceID = event.sourceID
            action = event.action
            from = event.fromState
            to = event.toState
            signer = event.signer
            signature = event.signature
            details = event.payload
        }
    }

    /// A strong match of another source, as `claim show --json` lists it.
    public struct RelatedSummary: Encodable, Sendable {
        public var claimID: Int64
        public var sourceID: Int64
        public var score: Double
        public var status: String
        @Nullable public var decidedBy: String?

        enum CodingKeys: String, CodingKey {
            case score, status
            case claimID = "claim_id"
            case sourceID = "source_id"
            case decidedBy = "decided_by"
        }

        public init(_ match: RelatedClaim) {
            claimID = match.claim.id ?? 0
            sourceID = match.claim.sourceID
            score = match.score
            status = match.claim.state
            decidedBy = match.decidedBy
        }

    }

    /// A fact-check published elsewhere that matches a claim: `known_checks` of `claim show
    /// --json` and `related --json`. Fields the review leaves out are null.
    public struct KnownCheckView: Encodable, Sendable {
        public var publisher: String
        @Nullable public var url: String?
        @Nullable public var date: String?
        public var claimReviewed: String
        @Nullable public var rating: String?
        @Nullable public var ratingValue: String?
        @Nullable public var language: String?
        /// How closely the review's claim matches this one, from 0 to 1.
        public var score: Double

        enum CodingKeys: String, CodingKey {
            case publisher, url, date, rating, language, score
            case claimReviewed = "claim_reviewed"
            case ratingValue = "rating_value"
        }

        public init(_ match: KnownCheckMatch) {
            let review = match.check.content
            publisher = review.publisher
            url = review.url
            date = review.publishedOn
            claimReviewed = review.claimReviewed
            rating = review.rating
            ratingValue = review.ratingValue.map { value in
                review.bestRating.map { "\(value)/\($0)" } ?? value
            }
            language = review.language
            score = match.score
        }

    }

    /// `claim show --json`: the claim's fields, then its notes, evidence and history.
    public struct ClaimDetailView: Encodable, Sendable {
        public var claim: ClaimView
        public var sourceTitle: String
        public var notes: [NoteView]
        public var evidence: [EvidenceView]
        public var history: [EventView]
        public var transitions: [String]
        public var related: [RelatedSummary]
        public var otherSources: Int
        public var knownChecks: [KnownCheckView]

        enum CodingKeys: String, CodingKey {
            case notes, evidence, history, transitions, related
            case sourceTitle = "source_title"
            case otherSources = "other_sources"
            case knownChecks = "known_checks"
        }

        public init(_ detail: ClaimDetail, transitions: [String], related: [RelatedClaim] = [],
                    knownChecks: [KnownCheckMatch] = []) {
            self.knownChecks = knownChecks.map(KnownCheckView.init)
            claim = ClaimView(detail.claim)
            sourceTitle = detail.source.title
            notes = detail.notes.map(NoteView.init)
            evidence = detail.evidence.map(EvidenceView.init)
            history = detail.history.map(EventView.init)
            self.transitions = transitions
            self.related = related.map(RelatedSummary.init)
            otherSources = Set(related.map(\.claim.sourceID)).count
        }

        /// One flat object: the claim's own keys beside the detail's, as `claim list` shows a claim.
        public func encode(to encoder: any Encoder) throws {
            try claim.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(sourceTitle, forKey: .sourceTitle)
            try container.encode(notes, forKey: .notes)
            try container.encode(evidence, forKey: .evidence)
            try container.encode(history, forKey: .history)
            try container.encode(transitions, forKey: .transitions)
            try container.encode(related, forKey: .related)
            try container.encode(otherSources, forKey: .otherSources)
            try container.encode(knownChecks, forKey: .knownChecks)
        }
    }

    public struct SourceView: Encodable, Sendable {
        public var id: Int64
        public var title: String
        @Nullable public var outlet: String?
        @Nullable public var url: String?
        public var language: String
        @Nullable public var published: String?
        public var sha256: String
        public var claims: Int
        public var importedBy: String
        public var importedAt: String
        public var text: String?
        /// In a source's own view (`source show --json`): when its page was first fetched and
        /// that page's SHA-256 (null for an article from a file), and every version fetched.
        public var fetchedAt: Nullable<String>?
        public var snapshotSHA256: Nullable<String>?
        public var revisions: [PageView]?

        enum CodingKeys: String, CodingKey {
            case id, title, outlet, url, language, published, sha256, claims, text, revisions
            case importedBy = "imported_by"
            case importedAt = "imported_at"
            case fetchedAt = "fetched_at"
            case snapshotSHA256 = "snapshot_sha256"
        }

        /// A source with its text and the pages it was read from.
        public init(_ summary: SourceSummary, pages: [SourcePage]) {
            self.init(summary, includeText: true)
            fetchedAt = Nullable(wrappedValue: pages.first.map { ISO8601.string(from: $0.fetchedAt) })
            snapshotSHA256 = Nullable(wrappedValue: pages.first?.sha256)
            revisions = pages.map(PageView.init)
        }

        public init(_ summary: SourceSummary, includeText: Bool = false) {
            let source = summary.source
            id = source.id ?? 0
            title = source.title
            outlet = source.outlet
            url = source.url
            language = source.language
            published = source.publishedOn
            sha256 = source.sha256
            claims = summary.claimCount
            importedBy = source.importedBy
            importedAt = ISO8601.string(from: source.importedAt)
            text = includeText ? source.body : nil
        }

    }

    /// What `source refresh --json` says of each source.
    public struct RefreshView: Encodable, Sendable {
        public var id: Int64
        public var status: String
        @Nullable public var previousSHA256: String?
        @Nullable public var sha256: String?
        public var revisedClaims: [Int64]

        enum CodingKeys: String, CodingKey {
            case id, status, sha256
            case previousSHA256 = "previous_sha256"
            case revisedClaims = "revised_claims"
        }

        public init(_ refresh: SourceRefresh) {
            switch refresh {
            case .unchanged(let id):
                (self.id, status, previousSHA256, sha256, revisedClaims) = (id, "unchanged", nil, nil, [])
            case .revised(let id, let previous, let digest, let claims):
                (self.id, status, previousSHA256, sha256, revisedClaims) = (id, "revised", previous, digest, claims)
            }
        }
    }

    /// One version of a web source's page.
    public struct PageView: Encodable, Sendable {
        public var fetchedAt: String
        public var url: String
        public var sha256: String
        public var textSHA256: String

        enum CodingKeys: String, CodingKey {
            case url, sha256
            case fetchedAt = "fetched_at"
            case textSHA256 = "text_sha256"
        }

        init(_ page: SourcePage) {
            (fetchedAt, url, sha256, textSHA256) = (ISO8601.string(from: page.fetchedAt), page.url, page.sha256, page.textSHA256)
        }
    }

    public struct ReviewerView: Encodable, Sendable {
        public var handle: String
        public var name: String
        public var role: String
        public var active: Bool
        public var openClaims: Int
        /// The key that signs what they do; null on a desk from before signing, until registered.
        @Nullable public var publicKey: String?

        enum CodingKeys: String, CodingKey {
            case handle, name, role, active
            case openClaims = "open_claims"
            case publicKey = "public_key"
        }

        public init(_ reviewer: Reviewer, openClaims: Int) {
            handle = reviewer.handle
            name = reviewer.displayName
            role = reviewer.role.rawValue
            active = reviewer.active
            self.openClaims = openClaims
            publicKey = reviewer.publicKey
        }
    }

    /// The encoder every `--json` output uses: sorted keys, pretty, Arabic left as is.
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
