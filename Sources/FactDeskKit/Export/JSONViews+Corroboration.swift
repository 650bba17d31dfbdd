import Foundation

// The `--json` shapes of related claims, facts reported by several sources, speakers and aliases.

extension JSONView {
    /// `related --json`: one object per related claim.
    public struct RelatedView: Encodable, Sendable {
        public var claimID: Int64
        public var sourceID: Int64
        public var score: Double
        public var reasons: [String]
        public var text: String
        public var status: String
        /// How a reviewer linked the two claims; null when nobody has.
        @Nullable public var link: String?
        /// Who decided the related claim; null until it has a verdict.
        @Nullable public var decidedBy: String?

        enum CodingKeys: String, CodingKey {
            case score, reasons, text, status, link
            case claimID = "claim_id"
            case sourceID = "source_id"
            case decidedBy = "decided_by"
        }

        public init(_ match: RelatedClaim) {
            claimID = match.claim.id ?? 0
            sourceID = match.claim.sourceID
            score = match.score
            reasons = match.reasons
            text = match.claim.text
            status = match.claim.state
            link = match.link?.rawValue
            decidedBy = match.decidedBy
        }
    }

    /// `clusters --json`: the sources and claims of each fact.
    public struct ClusterView: Encodable, Sendable {
        public var sources: [Int64]
        public var claims: [ClaimView]

        public init(_ cluster: FactCluster) {
            sources = cluster.sourceIDs
            claims = cluster.claims.map(ClaimView.init)
        }
    }

    /// A speaker as `speaker list --json` gives them.
    public struct SpeakerView: Encodable, Sendable {
        public var name: String
        public var spellings: [String]
        public var roles: [String]
        public var claims: Int
        /// Claims not yet decided.
        public var open: Int
        /// Claims in each final state (the verdicts).
        public var verdicts: [String: Int]

        public init(_ speaker: Speaker, finals: [String]) {
            name = speaker.name
            spellings = speaker.spellings
            roles = speaker.roles
            claims = speaker.claims
            verdicts = speaker.states.filter { finals.contains($0.key) }
            open = claims - verdicts.values.reduce(0, +)
        }
    }

    /// `speaker show --json`: the speaker, then their claims newest first.
    public struct SpeakerPage: Encodable, Sendable {
        public var speaker: SpeakerView
        public var claims: [ClaimView]

        public init(speaker: SpeakerView, claims: [Claim]) {
            self.speaker = speaker
            self.claims = claims.map(ClaimView.init)
        }
    }

    /// `alias list --json`: a name and its confirmed spellings.
    public struct AliasView: Encodable, Sendable {
        public var entity: String
        public var variants: [String]

        public init(entity: String, variants: [String]) {
            self.entity = entity
            self.variants = variants
        }
    }

    /// `alias suggest --json`: spellings that may name one person, with each one's claims.
    public struct SuggestionView: Encodable, Sendable {
        public var skeleton: String
        public var spellings: [String]
        public var claims: [Int]

        public init(_ suggestion: AliasSuggestion) {
            skeleton = suggestion.skeleton
            spellings = suggestion.spellings.map(\.word)
            claims = suggestion.spellings.map(\.claims)
        }
    }
}
