import Foundation

// MARK: - Actions and bodies

extension EventPayload {
    /// The action the event records: a dotted one (``AuditAction``) or a transition's name.
    public var action: String {
        switch self {
        case .deskCreate: AuditAction.deskCreate
        case .reviewerAdd: AuditAction.reviewerAdd
        case .reviewerActivate: AuditAction.reviewerActivate
        case .reviewerDeactivate: AuditAction.reviewerDeactivate
        case .reviewerRole: AuditAction.reviewerRole
        case .reviewerPassword: AuditAction.reviewerPassword
        case .reviewerKey: AuditAction.reviewerKey
        case .serviceAdd: AuditAction.serviceAdd
        case .serviceRemove: AuditAction.serviceRemove
        case .tokenCreate: AuditAction.tokenCreate
        case .tokenRevoke: AuditAction.tokenRevoke
        case .twoFactorEnable: AuditAction.twoFactorEnable
        case .twoFactorDisable: AuditAction.twoFactorDisable
        case .sourceAdd: AuditAction.sourceAdd
        case .sourceRevise: AuditAction.sourceRevise
        case .feedAdd: AuditAction.feedAdd
        case .feedRemove: AuditAction.feedRemove
        case .tipReceive: AuditAction.tipReceive
        case .tipAccept: AuditAction.tipAccept
        case .tipReject: AuditAction.tipReject
        case .tipMerge: AuditAction.tipMerge
        case .tipForget: AuditAction.tipForget
        case .claimAdd: AuditAction.claimAdd
        case .claimNote: AuditAction.claimNote
        case .claimEvidence: AuditAction.claimEvidence
        case .claimLink: AuditAction.claimLink
        case .aliasAdd: AuditAction.aliasAdd
        case .aliasRemove: AuditAction.aliasRemove
        case .checkImport: AuditAction.checkImport
        case .workflowInstall: AuditAction.workflowInstall
        case .reviewerNotify: AuditAction.reviewerNotify
        case .mailSet: AuditAction.mailSet
        case .webhookAdd: AuditAction.webhookAdd
        case .webhookRemove: AuditAction.webhookRemove
        case .transition(let name, _): name
        case .incomplete(let action), .unknown(let action): action
        }
    }

    /// The body the event's details hold (an empty one for details that could not be read).
    var body: any EventBody {
        switch self {
        case .deskCreate(let body): body
        case .reviewerAdd(let body): body
        case .reviewerActivate(let body), .reviewerDeactivate(let body), .serviceRemove(let body),
             .twoFactorEnable(let body), .twoFactorDisable(let body): body
        case .reviewerRole(let body): body
        case .reviewerPassword(let body): body
        case .reviewerKey(let body), .serviceAdd(let body): body
        case .tokenCreate(let body), .tokenRevoke(let body): body
        case .sourceAdd(let body): body
        case .sourceRevise(let body): body
        case .feedAdd(let body), .feedRemove(let body): body
        case .tipReceive(let body): body
        case .tipAccept(let body), .tipReject(let body), .tipMerge(let body), .tipForget(let body): body
        case .claimAdd(let body): body
        case .claimNote(let body): body
        case .claimEvidence(let body): body
        case .claimLink(let body): body
        case .aliasAdd(let body), .aliasRemove(let body): body
        case .checkImport(let body): body
        case .workflowInstall(let body): body
        case .reviewerNotify(let body): body
        case .mailSet(let body): body
        case .webhookAdd(let body), .webhookRemove(let body): body
        case .transition(_, let body): body
        case .incomplete, .unknown: TransitionDetails()
        }
    }

    /// Calls the visitor with the body type an action's details are read as, and how a body
    /// of it makes the payload: the one place an action names its body.
    static func kind<Visitor: BodyVisitor>(of action: String, _ visitor: Visitor) -> Visitor.Result {
        switch action {
        case AuditAction.deskCreate: visitor.visit(action, EventPayload.deskCreate)
        case AuditAction.reviewerAdd: visitor.visit(action, EventPayload.reviewerAdd)
        case AuditAction.reviewerActivate: visitor.visit(action, EventPayload.reviewerActivate)
        case AuditAction.reviewerDeactivate: visitor.visit(action, EventPayload.reviewerDeactivate)
        case AuditAction.reviewerRole: visitor.visit(action, EventPayload.reviewerRole)
        case AuditAction.reviewerPassword: visitor.visit(action, EventPayload.reviewerPassword)
        case AuditAction.reviewerKey: visitor.visit(action, EventPayload.reviewerKey)
        case AuditAction.serviceAdd: visitor.visit(action, EventPayload.serviceAdd)
        case AuditAction.serviceRemove: visitor.visit(action, EventPayload.serviceRemove)
        case AuditAction.tokenCreate: visitor.visit(action, EventPayload.tokenCreate)
        case AuditAction.tokenRevoke: visitor.visit(action, EventPayload.tokenRevoke)
        case AuditAction.twoFactorEnable: visitor.visit(action, EventPayload.twoFactorEnable)
        case AuditAction.twoFactorDisable: visitor.visit(action, EventPayload.twoFactorDisable)
        case AuditAction.sourceAdd: visitor.visit(action, EventPayload.sourceAdd)
        case AuditAction.sourceRevise: visitor.visit(action, EventPayload.sourceRevise)
        case AuditAction.feedAdd: visitor.visit(action, EventPayload.feedAdd)
        case AuditAction.feedRemove: visitor.visit(action, EventPayload.feedRemove)
        case AuditAction.tipReceive: visitor.visit(action, EventPayload.tipReceive)
        case AuditAction.tipAccept: visitor.visit(action, EventPayload.tipAccept)
        case AuditAction.tipReject: visitor.visit(action, EventPayload.tipReject)
        case AuditAction.tipMerge: visitor.visit(action, EventPayload.tipMerge)
        case AuditAction.tipForget: visitor.visit(action, EventPayload.tipForget)
        case AuditAction.claimAdd: visitor.visit(action, EventPayload.claimAdd)
        case AuditAction.claimNote: visitor.visit(action, EventPayload.claimNote)
        case AuditAction.claimEvidence: visitor.visit(action, EventPayload.claimEvidence)
        case AuditAction.claimLink: visitor.visit(action, EventPayload.claimLink)
        case AuditAction.aliasAdd: visitor.visit(action, EventPayload.aliasAdd)
        case AuditAction.aliasRemove: visitor.visit(action, EventPayload.aliasRemove)
        case AuditAction.checkImport: visitor.visit(action, EventPayload.checkImport)
        case AuditAction.workflowInstall: visitor.visit(action, EventPayload.workflowInstall)
        case AuditAction.reviewerNotify: visitor.visit(action, EventPayload.reviewerNotify)
        case AuditAction.mailSet: visitor.visit(action, EventPayload.mailSet)
        case AuditAction.webhookAdd: visitor.visit(action, EventPayload.webhookAdd)
        case AuditAction.webhookRemove: visitor.visit(action, EventPayload.webhookRemove)
        case _ where AuditAction.isTransition(action):
            visitor.visit(action) { (details: TransitionDetails) in .transition(action, details) }
        default:
            visitor.visit(action) { (_: TransitionDetails) in .unknown(action: action) }
        }
    }

    // MARK: - Stored, read and coded

    /// The details as the history stores and hashes them: canonical JSON, keys sorted, absent fields left out.
    public var canonicalJSON: String { body.canonicalJSON }

    /// Every text the details hold, by the name a person knows the field by.
    var texts: [(field: String, text: String?)] { body.texts }

    /// The payload of stored details, read straight from their bytes; nil when they are not
    /// the JSON FactDesk writes, ``incomplete(action:)`` when they lack what the action needs.
    init?(action: String, details bytes: UnsafeRawBufferPointer) {
        guard let payload = Self.kind(of: action, ByteReading(bytes: bytes)) else { return nil }
        self = payload
    }

    /// The payload of stored details, as text.
    init?(action: String, details text: String) {
        var text = text
        guard let payload = text.withUTF8({ Self(action: action, details: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = payload
    }

    /// The payload of an action's details from a decoder, through its body's field table.
    public init(action: String, from decoder: any Decoder) throws {
        self = try Self.kind(of: action, Decoding(decoder: decoder)).get()
    }
}

extension EventPayload: Encodable {
    /// Encodes the details object, through its body's field table.
    public func encode(to encoder: any Encoder) throws {
        try body.encode(to: encoder)
    }
}

/// Something done with the body type of an action (see ``EventPayload/kind(of:_:)``).
protocol BodyVisitor {
    associatedtype Result
    func visit<Body: EventBody>(_ action: String, _ make: (Body) -> EventPayload) -> Result
}

/// Reads an action's body from stored bytes.
private struct ByteReading: BodyVisitor {
    let bytes: UnsafeRawBufferPointer

    func visit<Body: EventBody>(_ action: String, _ make: (Body) -> EventPayload) -> EventPayload? {
        switch DetailsReader.read(Body.self, bytes) {
        case .body(let body): make(body)
        case .incomplete: .incomplete(action: action)
        case .unreadable: nil
        }
    }
}

/// Decodes an action's body.
private struct Decoding: BodyVisitor {
    let decoder: any Decoder

    func visit<Body: EventBody>(_ action: String, _ make: (Body) -> EventPayload) -> Result<EventPayload, any Error> {
        Result { make(try Body(from: decoder)) }
    }
}

// MARK: - What several kinds of event share

extension EventPayload {
    /// A field's text, whichever kind of event holds it: for showing an event, not for its rules.
    public func text(_ key: DetailKey) -> String? {
        guard case .text(let text)? = body.value(key) else { return nil }
        return text
    }

    /// A field's number, whichever kind of event holds it.
    public func number(_ key: DetailKey) -> Int64? {
        guard case .number(let number)? = body.value(key) else { return nil }
        return number
    }

    /// A field's list of texts, whichever kind of event holds it.
    public func list(_ key: DetailKey) -> [String]? {
        guard case .texts(let items)? = body.value(key) else { return nil }
        return items
    }
}

extension EventPayload {
    /// What a transition carries, when the event is one.
    public var transition: TransitionDetails? {
        if case .transition(_, let details) = self { return details }
        return nil
    }

    /// The reviewer or service the event is about.
    public var handle: String? {
        switch self {
        case .deskCreate(let body): body.handle
        case .reviewerAdd(let body): body.handle
        case .reviewerActivate(let body), .reviewerDeactivate(let body), .serviceRemove(let body),
             .twoFactorEnable(let body), .twoFactorDisable(let body): body.handle
        case .reviewerRole(let body): body.handle
        case .reviewerPassword(let body): body.handle
        case .reviewerKey(let body), .serviceAdd(let body): body.handle
        case .tokenCreate(let body), .tokenRevoke(let body): body.handle
        case .reviewerNotify(let body): body.handle
        default: nil
        }
    }

    /// The public key the event registers (`ed25519:...`).
    public var key: String? {
        switch self {
        case .deskCreate(let body): body.key
        case .reviewerAdd(let body): body.key
        case .reviewerKey(let body), .serviceAdd(let body): body.key
        default: nil
        }
    }

    /// The digest the event records: of a workflow, a password hash, a token, a source or a fact-check.
    public var sha256: String? {
        switch self {
        case .deskCreate(let body): body.sha256
        case .reviewerPassword(let body): body.sha256
        case .tokenCreate(let body), .tokenRevoke(let body): body.sha256
        case .sourceAdd(let body): body.sha256
        case .sourceRevise(let body): body.sha256
        case .checkImport(let body): body.sha256
        case .workflowInstall(let body): body.sha256
        default: nil
        }
    }

    /// The note the event adds to a claim: on its own, with evidence, or with a transition.
    public var note: String? {
        switch self {
        case .claimNote(let body): body.note
        case .claimEvidence(let body): body.note
        case .transition(_, let details): details.note
        default: nil
        }
    }

    /// The role the event gives a reviewer.
    public var role: String? {
        switch self {
        case .reviewerAdd(let body): body.role
        case .reviewerRole(let body): body.role
        default: nil
        }
    }

    /// Whether the event registers a public key in its hashed details: the desk's creation
    /// with its founder's key, a reviewer added with a key, a key registered, a service added.
    var registersKey: Bool { key != nil }
}
