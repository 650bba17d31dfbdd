import Foundation

/// What an event records beyond who, when and which states: one case per action, each with
/// the fields that action writes.
///
/// Its details are stored as canonical JSON (sorted keys, absent fields left out), written,
/// read and coded from each body's field table (``EventBody``), so that the same change
/// always reads the same and a field is added in one place.
public enum EventPayload: Sendable, Equatable {
    case deskCreate(DeskCreated)
    case reviewerAdd(ReviewerAdded)
    case reviewerActivate(Subject)
    case reviewerDeactivate(Subject)
    case reviewerRole(RoleSet)
    case reviewerPassword(Credential)
    case reviewerKey(KeySet)
    case serviceAdd(KeySet)
    case serviceRemove(Subject)
    case tokenCreate(TokenChange)
    case tokenRevoke(TokenChange)
    case twoFactorEnable(Subject)
    case twoFactorDisable(Subject)
    case sourceAdd(SourceAdded)
    case sourceRevise(SourceRevised)
    case feedAdd(FeedChange)
    case feedRemove(FeedChange)
    case tipReceive(TipReceived)
    case tipAccept(TipDecided)
    case tipReject(TipDecided)
    case tipMerge(TipDecided)
    case tipForget(TipDecided)
    case claimAdd(ClaimAdded)
    case claimNote(NoteAdded)
    case claimEvidence(EvidenceAdded)
    case claimLink(LinkSet)
    case aliasAdd(AliasChange)
    case aliasRemove(AliasChange)
    case checkImport(CheckImported)
    case workflowInstall(WorkflowInstalled)
    case reviewerNotify(NotifySet)
    case mailSet(MailSet)
    case webhookAdd(WebhookChange)
    case webhookRemove(WebhookChange)
    /// A workflow transition, by its name.
    case transition(String, TransitionDetails)
    /// Details that lack a field their action needs: read back from a desk, never written.
    case incomplete(action: String)
    /// An action FactDesk does not write: read back from a desk, never written.
    case unknown(action: String)

    // MARK: - The bodies

    /// The desk's first event: its founder, name and workflow, and the founder's key.
    public struct DeskCreated: EventBody {
        public var handle: String?, title: String?, sha256: String?, workflow: String?, key: String?
        public init() {}
        public init(handle: String, title: String, sha256: String, workflow: String, key: String) {
            (self.handle, self.title, self.sha256, self.workflow, self.key) = (handle, title, sha256, workflow, key)
        }
        static let fields = table([.optional(.handle, \.handle), .optional(.title, \.title), .optional(.sha256, \.sha256),
                                   .optional(.workflow, \.workflow), .optional(.key, \.key)])
    }

    /// A reviewer added, with their role, key and shown name (the last two absent from early desks).
    public struct ReviewerAdded: EventBody {
        public var handle = "", role = "", key: String?, name: String?
        public init() {}
        public init(handle: String, role: String, key: String?, name: String?) {
            (self.handle, self.role, self.key, self.name) = (handle, role, key, name)
        }
        static let fields = table([.required(.handle, \.handle), .required(.role, \.role), .optional(.key, \.key),
                                   .optional(.name, \.name)])
    }

    /// The reviewer or service an event is about, and nothing else.
    public struct Subject: EventBody {
        public var handle = ""
        public init() {}
        public init(handle: String) { self.handle = handle }
        static let fields = table([.required(.handle, \.handle)])
    }

    /// A reviewer's new role.
    public struct RoleSet: EventBody {
        public var handle = "", role: String?
        public init() {}
        public init(handle: String, role: String) { (self.handle, self.role) = (handle, role) }
        static let fields = table([.required(.handle, \.handle), .optional(.role, \.role)])
    }

    /// A public key registered for a reviewer or a service.
    public struct KeySet: EventBody {
        public var handle = "", key: String?
        public init() {}
        public init(handle: String, key: String) { (self.handle, self.key) = (handle, key) }
        static let fields = table([.required(.handle, \.handle), .optional(.key, \.key)])
    }

    /// A password set: the SHA-256 of its stored hash (absent from events written before it was recorded).
    public struct Credential: EventBody {
        public var handle = "", sha256: String?
        public init() {}
        public init(handle: String, sha256: String?) { (self.handle, self.sha256) = (handle, sha256) }
        static let fields = table([.required(.handle, \.handle), .optional(.sha256, \.sha256)])
    }

    /// An API token made or revoked: whose, its name and its secret's SHA-256.
    public struct TokenChange: EventBody {
        public var handle: String?, title: String?, sha256: String?
        public init() {}
        public init(handle: String, title: String?, sha256: String?) {
            (self.handle, self.title, self.sha256) = (handle, title, sha256)
        }
        static let fields = table([.optional(.handle, \.handle), .optional(.title, \.title), .optional(.sha256, \.sha256)])
    }

    /// A source imported: its title and the SHA-256 of its text.
    public struct SourceAdded: EventBody {
        /// The SHA-256 of the web page the text was read from, for an article fetched from the web.
        public var title: String?, sha256 = "", pageSha256: String?
        public init() {}
        public init(title: String?, sha256: String, pageSha256: String? = nil) {
            (self.title, self.sha256, self.pageSha256) = (title, sha256, pageSha256)
        }
        static let fields = table([.optional(.title, \.title), .required(.sha256, \.sha256),
                                   .optional(.pageSha256, \.pageSha256)])
    }

    /// A web source found changed: the SHA-256 of its text before and after, and of the new page.
    public struct SourceRevised: EventBody {
        public var previousSha256 = "", sha256 = "", pageSha256 = ""
        public init() {}
        public init(previousSha256: String, sha256: String, pageSha256: String) {
            (self.previousSha256, self.sha256, self.pageSha256) = (previousSha256, sha256, pageSha256)
        }
        static let fields = table([.required(.previousSha256, \.previousSha256), .required(.sha256, \.sha256),
                                   .required(.pageSha256, \.pageSha256)])
    }

    /// A feed watched or no longer watched: its number, its address, the outlet it is credited
    /// to and how often it is polled, in seconds.
    public struct FeedChange: EventBody {
        public var feed: Int64 = 0, url = "", name: String?, every: Int64?
        public init() {}
        public init(feed: Int64, url: String, outlet: String?, every: Int64? = nil) {
            (self.feed, self.url, self.name, self.every) = (feed, url, outlet, every)
        }
        static let fields = table([.required(.feed, \.feed), .required(.url, \.url), .optional(.name, \.name),
                                   .optional(.every, \.every)])
    }

    /// A reader's tip received: its number and what the reader said (their contact is never in it).
    public struct TipReceived: EventBody {
        public var tip: Int64 = 0, text: String?, url: String?, language: String?
        public init() {}
        public init(tip: Int64, text: String?, url: String?, language: String?) {
            (self.tip, self.text, self.url, self.language) = (tip, text, url, language)
        }
        static let fields = table([.required(.tip, \.tip), .optional(.text, \.text), .optional(.url, \.url),
                                   .optional(.language, \.language)])
    }

    /// A tip accepted (the event's claim is the claim made from it), rejected with a note,
    /// merged into another, or its reader's contact forgotten.
    public struct TipDecided: EventBody {
        public var tip: Int64 = 0, note: String?, into: Int64?
        public init() {}
        public init(tip: Int64, note: String? = nil, into: Int64? = nil) { (self.tip, self.note, self.into) = (tip, note, into) }
        static let fields = table([.required(.tip, \.tip), .optional(.note, \.note), .optional(.into, \.into)])
    }

    /// A claim added: its text, who said it, where it stands in its source, and how check-worthy it was found.
    public struct ClaimAdded: EventBody {
        public var text = "", speaker: String?, spanStart: Int64?, spanEnd: Int64?, worthiness: Int64?, reasons: [String]?
        public init() {}
        public init(text: String, speaker: String?, spanStart: Int64?, spanEnd: Int64?, worthiness: Int64?, reasons: [String]?) {
            (self.text, self.speaker, self.spanStart, self.spanEnd) = (text, speaker, spanStart, spanEnd)
            (self.worthiness, self.reasons) = (worthiness, reasons)
        }
        static let fields = table([.required(.text, \.text), .optional(.speaker, \.speaker), .optional(.spanStart, \.spanStart),
                                   .optional(.spanEnd, \.spanEnd), .optional(.worthiness, \.worthiness),
                                   .optional(.reasons, \.reasons)])
    }

    /// A note added on its own.
    public struct NoteAdded: EventBody {
        public var note = ""
        public init() {}
        public init(note: String) { self.note = note }
        static let fields = table([.required(.note, \.note)])
    }

    /// A piece of evidence added on its own: its URL, its stance and its note (the last two absent from early desks).
    public struct EvidenceAdded: EventBody {
        public var evidence: [String] = [], stances: [String]?, note: String?
        public init() {}
        public init(url: String, stance: String, note: String?) { (evidence, stances, self.note) = ([url], [stance], note) }
        static let fields = table([.required(.evidence, \.evidence), .optional(.stances, \.stances), .optional(.note, \.note)])
    }

    /// Two claims linked, and how.
    public struct LinkSet: EventBody {
        public var otherClaim: Int64 = 0, relation = ""
        public init() {}
        public init(otherClaim: Int64, relation: String) { (self.otherClaim, self.relation) = (otherClaim, relation) }
        static let fields = table([.required(.otherClaim, \.otherClaim), .required(.relation, \.relation)])
    }

    /// Spellings of a name confirmed or withdrawn.
    public struct AliasChange: EventBody {
        public var entity: String?, variants: [String]?
        public init() {}
        public init(entity: String, variants: [String]) { (self.entity, self.variants) = (entity, variants) }
        static let fields = table([.optional(.entity, \.entity), .optional(.variants, \.variants)])
    }

    /// A fact-check published elsewhere: what identifies it, the digest of its fields and the claim it reviewed.
    public struct CheckImported: EventBody {
        public var reference = "", sha256 = "", text: String?
        public init() {}
        public init(reference: String, sha256: String, text: String?) {
            (self.reference, self.sha256, self.text) = (reference, sha256, text)
        }
        static let fields = table([.required(.reference, \.reference), .required(.sha256, \.sha256), .optional(.text, \.text)])
    }

    /// A workflow installed after the desk's creation: its YAML, the YAML's SHA-256 and its name.
    public struct WorkflowInstalled: EventBody {
        public var text = "", sha256 = "", workflow: String?
        public init() {}
        public init(yaml: String, sha256: String, workflow: String) { (text, self.sha256, self.workflow) = (yaml, sha256, workflow) }
        static let fields = table([.required(.text, \.text), .required(.sha256, \.sha256), .optional(.workflow, \.workflow)])
    }

    /// What a transition carries: the assignee and deadline it sets (and the assignee before),
    /// its note, and its evidence with each item's stance and note.
    public struct TransitionDetails: EventBody {
        public var assignee: String?, previousAssignee: String?, due: String?, note: String?
        public var evidence: [String]?, stances: [String]?, evidenceNotes: [String]?
        public init() {}
        public init(assignee: String? = nil, previousAssignee: String? = nil, due: String? = nil, note: String? = nil,
                    evidence: [String]? = nil, stances: [String]? = nil, evidenceNotes: [String]? = nil) {
            (self.assignee, self.previousAssignee, self.due, self.note) = (assignee, previousAssignee, due, note)
            (self.evidence, self.stances, self.evidenceNotes) = (evidence, stances, evidenceNotes)
        }
        static let fields = table([.optional(.assignee, \.assignee), .optional(.previousAssignee, \.previousAssignee),
                                   .optional(.due, \.due), .optional(.note, \.note), .optional(.evidence, \.evidence),
                                   .optional(.stances, \.stances), .optional(.evidenceNotes, \.evidenceNotes)])
    }

    /// A reviewer's notification settings: how they are told (`each`, `digest@HH:MM`, `none`),
    /// in which language, and the SHA-256 of their email address (absent: no email).
    public struct NotifySet: EventBody {
        public var handle = "", mode = "", language: String?, sha256: String?
        public init() {}
        public init(handle: String, mode: String, language: String, emailSha256: String?) {
            (self.handle, self.mode, self.language, self.sha256) = (handle, mode, language, emailSha256)
        }
        static let fields = table([.required(.handle, \.handle), .required(.mode, \.mode), .optional(.language, \.language),
                                   .optional(.sha256, \.sha256)])
    }

    /// The desk's mail transport (a relay's address without its password, or a command), its
    /// From address, and whether notes' text goes into emails (`notes` 1).
    public struct MailSet: EventBody {
        public var url = "", sender = "", notes: Int64?
        public init() {}
        public init(transport: String, sender: String, includeNotes: Bool) {
            (url, self.sender, notes) = (transport, sender, includeNotes ? 1 : nil)
        }
        static let fields = table([.required(.url, \.url), .required(.sender, \.sender), .optional(.notes, \.notes)])
    }

    /// A webhook added or removed: its number and address; when added, the events it takes
    /// (`all` for every one), its format, `private` when it may reach private addresses, and
    /// the SHA-256 of its secret.
    public struct WebhookChange: EventBody {
        public var webhook: Int64 = 0, url = "", events: [String]?, format: String?, network: String?, sha256: String?
        public init() {}
        public init(webhook: Int64, url: String, events: [String]? = nil, format: String? = nil, allowPrivate: Bool = false,
                    secretSha256: String? = nil) {
            (self.webhook, self.url, self.events, self.format) = (webhook, url, events, format)
            (network, sha256) = (allowPrivate ? "private" : nil, secretSha256)
        }
        static let fields = table([.required(.webhook, \.webhook), .required(.url, \.url), .optional(.events, \.events),
                                   .optional(.format, \.format), .optional(.network, \.network), .optional(.sha256, \.sha256)])
    }
}
