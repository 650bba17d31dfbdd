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
    public var fromState: String?
    public var toState: String?
    /// What the event records: its action and that action's fields.
    public var payload: EventPayload
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
                fromState: String? = nil, toState: String? = nil, _ payload: EventPayload) {
        self.at = at
        self.actor = actor
        self.claimID = claimID
        self.sourceID = sourceID
        self.fromState = fromState
        self.toState = toState
        self.payload = payload
    }

    /// A transition's name (`verify`), or a dotted action (`claim.note`, `reviewer.add`).
    public var action: String { payload.action }

    /// Decodes a stored row: the details column's text is read as the body its action names.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        seq = try container.decodeIfPresent(Int64.self, forKey: .seq)
        at = try container.decode(Date.self, forKey: .at)
        actor = try container.decode(String.self, forKey: .actor)
        claimID = try container.decodeIfPresent(Int64.self, forKey: .claimID)
        sourceID = try container.decodeIfPresent(Int64.self, forKey: .sourceID)
        fromState = try container.decodeIfPresent(String.self, forKey: .fromState)
        toState = try container.decodeIfPresent(String.self, forKey: .toState)
        let action = try container.decode(String.self, forKey: .action)
        let details = try container.decode(String.self, forKey: .details)
        guard let payload = EventPayload(action: action, details: details) else {
            throw DecodingError.dataCorruptedError(forKey: .details, in: container,
                                                   debugDescription: "the event's details are not the JSON FactDesk writes")
        }
        self.payload = payload
        prevHash = try container.decode(String.self, forKey: .prevHash)
        hash = try container.decode(String.self, forKey: .hash)
        signer = try container.decodeIfPresent(String.self, forKey: .signer)
        signature = try container.decodeIfPresent(String.self, forKey: .signature)
    }

    /// Encodes the event as the store holds it: the details as their canonical JSON text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(seq, forKey: .seq)
        try container.encode(at, forKey: .at)
        try container.encode(actor, forKey: .actor)
        try container.encodeIfPresent(claimID, forKey: .claimID)
        try container.encodeIfPresent(sourceID, forKey: .sourceID)
        try container.encode(action, forKey: .action)
        try container.encodeIfPresent(fromState, forKey: .fromState)
        try container.encodeIfPresent(toState, forKey: .toState)
        try container.encode(payload.canonicalJSON, forKey: .details)
        try container.encode(prevHash, forKey: .prevHash)
        try container.encode(hash, forKey: .hash)
        try container.encodeIfPresent(signer, forKey: .signer)
        try container.encodeIfPresent(signature, forKey: .signature)
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
    /// A web source fetched again and found changed: both texts' SHA-256 and the new page's.
    public static let sourceRevise = "source.revised"
    /// A feed watched, or no longer watched, by an editor.
    public static let feedAdd = "feed.add"
    public static let feedRemove = "feed.remove"
    /// A reader's tip received through the web desk (its actor ``tipActor``, signed by the server's service).
    public static let tipReceive = "tip.receive"
    public static let tipAccept = "tip.accept"
    public static let tipReject = "tip.reject"
    public static let tipMerge = "tip.merge"
    /// A reader's contact erased; the tip's words stay.
    public static let tipForget = "tip.forget"
    /// Who a received tip's event names: a reader, who is not on the team.
    public static let tipActor = "reader"
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
    /// A reviewer's notification settings: how they are told, in which language, and the
    /// SHA-256 of their email address (the address itself is kept out of the history).
    public static let reviewerNotify = "reviewer.notify"
    /// The desk's mail transport and sender, set by an editor (a relay's password is never in it).
    public static let mailSet = "mail.set"
    /// A webhook added or removed by an editor: its address, events, format, and its secret's SHA-256.
    public static let webhookAdd = "webhook.add"
    public static let webhookRemove = "webhook.remove"

    /// Every dotted action FactDesk writes, for a webhook's choice of events.
    public static let all = [deskCreate, reviewerAdd, reviewerDeactivate, reviewerActivate, reviewerRole, reviewerPassword, reviewerKey,
                             serviceAdd, serviceRemove, tokenCreate, tokenRevoke, twoFactorEnable, twoFactorDisable, sourceAdd,
                             sourceRevise, feedAdd, feedRemove, tipReceive, tipAccept, tipReject, tipMerge, tipForget, claimAdd,
                             claimNote, claimEvidence, claimLink, aliasAdd, aliasRemove, checkImport, workflowInstall, reviewerNotify,
                             mailSet, webhookAdd, webhookRemove]

    /// Whether an action is a workflow transition: transition names hold no dot.
    public static func isTransition(_ action: String) -> Bool {
        !action.contains(".")
    }
}
