import Foundation

/// One entry of the desk's history: who did what, when, to which claim.
///
/// Events are only ever appended. The store's triggers abort any UPDATE or DELETE of
/// an event and any INSERT that would reuse or go behind an existing sequence number,
/// so `INSERT OR REPLACE` cannot overwrite one either.
public struct AuditEvent: Codable, Sendable, Equatable {
    /// The event's place in the history, from 1, with no gaps.
    public var seq: Int64?
    public var at: Date
    public var actor: String
    public var claimID: Int64?
    public var sourceID: Int64?
    /// A transition's name (`verify`), or a dotted action (`claim.note`, `reviewer.add`).
    public var action: String
    public var fromState: String?
    public var toState: String?
    public var details: EventDetails
    /// The hash of the event before this one (64 zeros for the first).
    public var prevHash: String = ""
    /// SHA-256 of `prevHash` and this event's canonical content: see ``HashChain``.
    public var hash: String = ""
    /// The registered service whose key signed the event for its actor; nil when the
    /// actor's own key signed it.
    public var signer: String?
    /// The Ed25519 signature of the hash's 32 bytes, in base64; nil for an event written
    /// before the desk's history was signed.
    public var signature: String?

    enum CodingKeys: String, CodingKey {
        case prevHash = "prev_hash"
        case hash
        case seq, at, actor
        case claimID = "claim_id"
        case sourceID = "source_id"
        case action
        case fromState = "from_state"
        case toState = "to_state"
        case details, signer, signature
    }

    public init(at: Date, actor: String, claimID: Int64? = nil, sourceID: Int64? = nil,
                action: String, fromState: String? = nil, toState: String? = nil,
                details: EventDetails = EventDetails()) {
        self.at = at
        self.actor = actor
        self.claimID = claimID
        self.sourceID = sourceID
        self.action = action
        self.fromState = fromState
        self.toState = toState
        self.details = details
    }

    /// Whether the event records a workflow transition rather than another change.
    public var isTransition: Bool {
        AuditAction.isTransition(action)
    }
}

/// The actions that are not workflow transitions. Each holds a dot, which a transition
/// name cannot, so the two never collide.
public enum AuditAction {
    public static let deskCreate = "desk.create"
    public static let reviewerAdd = "reviewer.add"
    public static let reviewerDeactivate = "reviewer.deactivate"
    public static let reviewerActivate = "reviewer.activate"
    public static let reviewerRole = "reviewer.role"
    public static let reviewerPassword = "reviewer.password"
    public static let reviewerKey = "reviewer.key"
    public static let serviceAdd = "service.add"
    public static let serviceRemove = "service.remove"
    public static let tokenCreate = "token.create"
    public static let tokenRevoke = "token.revoke"
    /// A reviewer's second factor turned on (a new secret) or off; the secret is never in it.
    public static let twoFactorEnable = "twofactor.enable"
    public static let twoFactorDisable = "twofactor.disable"
    public static let sourceAdd = "source.add"
    public static let claimAdd = "claim.add"
    public static let claimNote = "claim.note"
    public static let claimEvidence = "claim.evidence"
    public static let claimLink = "claim.link"
    public static let aliasAdd = "alias.add"
    public static let aliasRemove = "alias.remove"
    /// A fact-check published elsewhere, imported new or changed since its last import.
    public static let checkImport = "check.import"
    /// A workflow installed by an editor after the desk's creation, its YAML in the event.
    public static let workflowInstall = "workflow.install"

    /// Whether an action is a workflow transition: transition names hold no dot.
    public static func isTransition(_ action: String) -> Bool {
        !action.contains(".")
    }
}

/// What an event records beyond who, when and which states: stored as canonical JSON
/// (sorted keys, absent fields left out) so that the same change always reads the same.
public struct EventDetails: Codable, Sendable, Equatable {
    public var assignee: String?
    public var previousAssignee: String?
    public var note: String?
    public var evidence: [String]?
    public var handle: String?
    public var role: String?
    public var title: String?
    public var sha256: String?
    public var text: String?
    public var workflow: String?
    /// For a link: the other claim and the relation (same, contradicts, unrelated).
    public var otherClaim: Int64?
    public var relation: String?
    /// For an alias: the entity and its spelling.
    public var entity: String?
    public var variants: [String]?
    /// For an assignment with a deadline: when it is due, ISO-8601.
    public var due: String?
    /// A public key registered by the event (`ed25519:...`).
    public var key: String?
    /// For a new claim: who said it and where it stands in its source.
    public var speaker: String?
    public var spanStart: Int64?
    public var spanEnd: Int64?
    /// For evidence: each item's stance, and its note (empty for none), beside `evidence`.
    public var stances: [String]?
    public var evidenceNotes: [String]?
    /// For a known fact-check: what identifies it (its URL, mostly); `sha256` holds its fields' digest.
    public var reference: String?
    /// For a new reviewer: the name shown for them.
    public var name: String?
    /// For a new claim: how check-worthy it was found, and why.
    public var worthiness: Int64?
    public var reasons: [String]?

    enum CodingKeys: String, CodingKey {
        case assignee
        case previousAssignee = "previous_assignee"
        case note, evidence, handle, role, title, sha256, text, workflow
        case otherClaim = "other_claim"
        case relation, entity, variants, due, key, speaker
        case spanStart = "span_start"
        case spanEnd = "span_end"
        case stances
        case evidenceNotes = "evidence_notes"
        case reference = "ref"
        case name, worthiness, reasons
    }

    public init(assignee: String? = nil, previousAssignee: String? = nil, note: String? = nil,
                evidence: [String]? = nil, handle: String? = nil, role: String? = nil,
                title: String? = nil, sha256: String? = nil, text: String? = nil, workflow: String? = nil,
                otherClaim: Int64? = nil, relation: String? = nil, entity: String? = nil, variants: [String]? = nil,
                due: String? = nil, key: String? = nil, speaker: String? = nil, spanStart: Int64? = nil,
                spanEnd: Int64? = nil, stances: [String]? = nil, evidenceNotes: [String]? = nil, reference: String? = nil,
                name: String? = nil, worthiness: Int64? = nil, reasons: [String]? = nil) {
        self.assignee = assignee
        self.previousAssignee = previousAssignee
        self.note = note
        self.evidence = evidence
        self.handle = handle
        self.role = role
        self.title = title
        self.sha256 = sha256
        self.text = text
        self.workflow = workflow
        self.otherClaim = otherClaim
        self.relation = relation
        self.entity = entity
        self.variants = variants
        self.due = due
        self.key = key
        self.speaker = speaker
        self.spanStart = spanStart
        self.spanEnd = spanEnd
        self.stances = stances
        self.evidenceNotes = evidenceNotes
        self.reference = reference
        self.name = name
        self.worthiness = worthiness
        self.reasons = reasons
    }
}
