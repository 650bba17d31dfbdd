import Foundation

/// The checks nearly every change starts with, written once above the storage.
extension StorageReader {
    /// The reviewer acting, who must exist and be active.
    func activeReviewer(_ handle: String) async throws -> Reviewer {
        guard let reviewer = try await reviewer(handle) else { throw DeskError.reviewerNotFound(handle) }
        guard reviewer.active else { throw DeskError.reviewerInactive(handle) }
        return reviewer
    }

    /// The acting reviewer, who must be an active editor.
    func activeEditor(_ handle: String, doing action: String) async throws -> Reviewer {
        let reviewer = try await activeReviewer(handle)
        guard reviewer.role == .editor else { throw DeskError.editorOnly(actor: handle, action: action) }
        return reviewer
    }

    /// The acting reviewer, once ``ChangePolicy`` allows them the change; the first rule it
    /// breaks is thrown.
    @discardableResult
    func permit(_ change: ChangePolicy.Change, by handle: String) async throws -> Reviewer {
        let actor = try await reviewer(handle)
        let editors: Int
        switch change {
        case .setActive, .setRole: editors = try await activeEditorCount()
        default: editors = 0
        }
        let refusals = ChangePolicy.refusals(change, actor: handle, as: actor.map(ChangePolicy.Person.init), activeEditors: editors)
        if let refusal = refusals.first {
            switch refusal {
            case .notAReviewer: throw DeskError.reviewerNotFound(handle)
            case .inactive: throw DeskError.reviewerInactive(handle)
            case .editorOnly: throw DeskError.editorOnly(actor: handle, action: change.doing)
            case .lastEditor(let last): throw DeskError.lastEditor(last)
            }
        }
        guard let actor else { throw DeskError.reviewerNotFound(handle) }
        return actor
    }

    /// The claim with this id, which must exist.
    func existingClaim(_ id: Int64) async throws -> Claim {
        guard let claim = try await claim(id) else { throw DeskError.claimNotFound(id) }
        return claim
    }

    /// The workflow the desk runs.
    func deskWorkflow() async throws -> (installed: InstalledWorkflow, workflow: Workflow) {
        guard let installed = try await installedWorkflow() else { throw StoreError.database("the desk has no workflow; it is damaged") }
        return (installed, installed.definition)
    }
}

extension StorageWriter {
    /// Stores a new claim with its worthiness, its search terms and its event.
    func add(_ claim: Claim, worthiness: Worthiness, terms: String? = nil, signer: EventSigner) async throws -> Claim {
        var claim = claim
        claim.worthiness = worthiness.score
        claim.reasons = worthiness.reasons
        claim = try await insert(claim, searchTerms: terms ?? SearchIndex.indexText(claim.text))
        try await record(AuditEvent(at: claim.createdAt, actor: claim.createdBy, claimID: claim.id, sourceID: claim.sourceID,
                              toState: claim.state,
                              .claimAdd(.init(text: claim.text, speaker: claim.speaker, spanStart: claim.spanStart.map(Int64.init),
                                              spanEnd: claim.spanEnd.map(Int64.init), worthiness: Int64(claim.worthiness),
                                              reasons: claim.reasons))),
                   signer)
        return claim
    }

    /// Appends an event to the history, numbered right after the last one, chained to it
    /// and signed: the one place an event's number, hash and signature are made, on every
    /// backend. Without the signer's registered key it throws, and the transaction with it.
    @discardableResult
    func record(_ event: AuditEvent, _ signer: EventSigner) async throws -> AuditEvent {
        var event = event
        // Every text a write stores is in its event (a row's own texts are checked where
        // they are made): refused here, nothing of the write is kept.
        try StoredText.check([("reviewer", event.actor), ("action", event.action), ("state", event.fromState),
                              ("state", event.toState)] + event.payload.texts)
        let head = try await historyHead()
        let seq = (head?.seq ?? 0) + 1
        event.seq = seq
        event.prevHash = head?.hash ?? HashChain.genesis
        let details = event.payload.canonicalJSON
        let at = StoredTime.text(event.at)
        event.hash = HashChain.hash(prev: event.prevHash, content: HashChain.Content(
            seq: seq, at: at, actor: event.actor, claimID: event.claimID, sourceID: event.sourceID,
            action: event.action, from: event.fromState, to: event.toState, details: details))
        try await signer.sign(&event, self)
        try await append(event, at: at, details: details)
        return event
    }
}
