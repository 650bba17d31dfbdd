import Foundation

/// A workflow transition to run on one or more claims, with what the command carries.
public struct TransitionCommand: Sendable, Equatable {
    public var transition: String
    public var claimIDs: [Int64]
    public var actor: String
    public var note: String?
    public var evidence: [NewEvidence]
    /// The reviewer to assign, for a transition that assigns (`assign ... --to`).
    public var assignee: String?
    /// The version each claim had when the user looked at it; a claim that has changed
    /// since is refused with a conflict instead of being changed on stale information.
    public var expectedVersions: [Int64: Int64]
    /// The deadline to set, for a transition that assigns (`assign --due`).
    public var due: Date?

    public init(transition: String, claimIDs: [Int64], actor: String, note: String? = nil,
                evidence: [NewEvidence] = [], assignee: String? = nil, expectedVersions: [Int64: Int64] = [:],
                due: Date? = nil) {
        self.transition = transition
        self.claimIDs = claimIDs
        self.actor = actor
        self.note = note
        self.evidence = evidence
        self.assignee = assignee
        self.expectedVersions = expectedVersions
        self.due = due
    }
}

/// The longest note FactDesk stores, in characters; longer material belongs in evidence.
public let maximumNoteLength = 100_000

// MARK: - Transitions, notes and evidence

extension Review {
    /// Runs a transition on every claim named, all or nothing: if one claim may not
    /// move, none does, and the error names it.
    @discardableResult
    public func apply(_ command: TransitionCommand) async throws -> [Claim] {
        let note = try Self.validNote(command.note)
        for item in command.evidence { try Self.validate(item) }
        try StoredText.check([("assignee", command.assignee)])
        let ids = command.claimIDs.reduce(into: [Int64]()) { if !$0.contains($1) { $0.append($1) } }
        guard !ids.isEmpty else { throw DeskError.invalidValue("name at least one claim id") }
        return try await writing { tx in
            let actor = try await tx.activeReviewer(command.actor)
            let guardian = TransitionGuard(workflow: try await tx.deskWorkflow().workflow)
            let transition = try guardian.transition(named: command.transition)
            if let assignee = command.assignee {
                _ = try await tx.activeReviewer(assignee)
            }
            if command.due != nil && !transition.setsAssignee {
                throw DeskError.deadlineWithoutAssignment
            }
            var moved: [Claim] = []
            for id in ids {
                var claim = try await tx.existingClaim(id)
                try await checkVersion(claim, expected: command.expectedVersions[id], tx)
                let existing = try await tx.evidenceCount(claim: id)
                let runs = transition.notBy.isEmpty && !transition.acceptsProposal ? [] : try await tx.transitionRuns(claim: id)
                try guardian.check(transition, TransitionGuard.Request(
                    claimID: id, state: claim.state, assignee: claim.assignee, actor: actor,
                    hasNote: note != nil, evidenceCount: existing + command.evidence.count,
                    newAssignee: command.assignee, runs: runs))
                let target = guardian.target(of: transition, runs: runs) ?? transition.to
                let now = clock()
                _ = try await attach(note: note, evidence: command.evidence, to: id, by: actor.handle, at: now, tx)
                let from = claim.state
                let previousAssignee = claim.assignee
                claim.state = target
                if transition.setsAssignee {
                    claim.assignee = command.assignee
                    claim.dueAt = command.due
                }
                claim.version += 1
                claim.updatedAt = now
                try await tx.saveProgress(claim)
                try await tx.record(AuditEvent(
                    at: now, actor: actor.handle, claimID: id, fromState: from, toState: target,
                    .transition(transition.name, .init(
                        assignee: transition.setsAssignee ? command.assignee : nil,
                        previousAssignee: transition.setsAssignee ? previousAssignee : nil,
                        due: command.due.map(ISO8601.string), note: note,
                        evidence: command.evidence.isEmpty ? nil : command.evidence.map(\.url),
                        stances: command.evidence.isEmpty ? nil : command.evidence.map(\.stance.rawValue),
                        evidenceNotes: command.evidence.contains { $0.note != nil } ? command.evidence.map { $0.note ?? "" } : nil))),
                    signer)
                moved.append(claim)
            }
            return moved
        }
    }

    /// Adds a note to a claim. Any active reviewer may.
    @discardableResult
    public func addNote(to claimID: Int64, body: String, by actor: String) async throws -> Note {
        guard let body = try Self.validNote(body) else {
            throw DeskError.invalidValue("the note is empty; write what you found")
        }
        return try await writing { tx in
            let reviewer = try await tx.activeReviewer(actor)
            let now = clock()
            try await touch(claimID, at: now, tx)
            let note = try await attach(note: body, evidence: [], to: claimID, by: reviewer.handle, at: now, tx).note
            try await tx.record(AuditEvent(at: now, actor: actor, claimID: claimID,
                                     .claimNote(.init(note: body))), signer)
            return note ?? Note(claimID: claimID, author: actor, body: body, createdAt: now)
        }
    }

    /// Adds a piece of evidence to a claim. Any active reviewer may.
    @discardableResult
    public func addEvidence(to claimID: Int64, _ item: NewEvidence, by actor: String) async throws -> Evidence {
        try Self.validate(item)
        return try await writing { tx in
            let reviewer = try await tx.activeReviewer(actor)
            let now = clock()
            try await touch(claimID, at: now, tx)
            let evidence = try await tx.insert(Evidence(claimID: claimID, url: item.url, stance: item.stance, note: item.note,
                                                  addedBy: reviewer.handle, addedAt: now))
            try await tx.record(AuditEvent(at: now, actor: actor, claimID: claimID,
                                     .claimEvidence(.init(url: item.url, stance: item.stance.rawValue, note: item.note))), signer)
            return evidence
        }
    }

    // MARK: - Helpers

    private func checkVersion(_ claim: Claim, expected: Int64?, _ tx: any StorageReader) async throws {
        guard let expected, let id = claim.id, expected != claim.version else { return }
        let change = try await tx.lastEvent(claim: id).map { "\($0.actor) ran \($0.action) at \(ISO8601.string(from: $0.at))" }
        throw DeskError.versionConflict(claim: id, expected: expected, actual: claim.version, lastChange: change)
    }

    private func attach(note: String?, evidence: [NewEvidence], to claimID: Int64, by actor: String,
                        at now: Date, _ tx: any StorageWriter) async throws -> (note: Note?, evidence: [Evidence]) {
        // The caller has read the claim, so it exists.
        var stored: Note?
        if let note { try await Mentions.check(note, tx) }
        if let note { stored = try await tx.insert(Note(claimID: claimID, author: actor, body: note, createdAt: now)) }
        var items: [Evidence] = []
        for item in evidence {
            items.append(try await tx.insert(Evidence(claimID: claimID, url: item.url, stance: item.stance, note: item.note,
                                                      addedBy: actor, addedAt: now)))
        }
        return (stored, items)
    }

    /// Counts a change to a claim that is not a transition: a new version, a new time.
    private func touch(_ claimID: Int64, at now: Date, _ tx: any StorageWriter) async throws {
        var claim = try await tx.existingClaim(claimID)
        claim.version += 1
        claim.updatedAt = now
        try await tx.saveProgress(claim)
    }

    static func validNote(_ note: String?) throws(DeskError) -> String? {
        guard let note else { return nil }
        try StoredText.check(note, field: "note")
        let trimmed = note.trimmingWhitespace()
        if trimmed.isEmpty { return nil }
        if trimmed.count > maximumNoteLength {
            throw .invalidValue(
                "the note has \(trimmed.count) characters, over the limit of \(maximumNoteLength); attach long material as evidence")
        }
        return trimmed
    }

    static func validate(_ item: NewEvidence) throws(DeskError) {
        try StoredText.check([("evidence", item.url), ("evidence note", item.note)])
        let url = item.url.trimmingWhitespace()
        if url.isEmpty { throw .invalidValue("the evidence is empty; give a URL or a citation") }
        if url.count > 2_000 { throw .invalidValue("the evidence is over 2000 characters; give a URL or a short citation") }
        // A citation is any text; an address is http or https, so that no page links to javascript:.
        if WebLink.hasScheme(url) { try WebLink.check(url, what: "the evidence") }
        if let note = item.note, note.count > maximumNoteLength {
            throw .invalidValue("the evidence note is over \(maximumNoteLength) characters")
        }
    }
}
