import Foundation
import GRDB

/// A claim with everything a reviewer needs to decide it.
public struct ClaimDetail: Sendable {
    public var claim: Claim
    public var source: Source
    public var notes: [Note]
    public var evidence: [Evidence]
    public var history: [AuditEvent]
}

// MARK: - Claims

extension ClaimStore {
    /// Records a claim found in a source. The words must appear in the source exactly,
    /// and the claim keeps their span; with `paraphrase` they are stored unanchored.
    @discardableResult
    public func addClaim(sourceID: Int64, text: String, speaker: String? = nil,
                         paraphrase: Bool = false, by actor: String) throws -> Claim {
        let words = text.trimmingWhitespace()
        guard !words.isEmpty else { throw DeskError.invalidValue("the claim's text is empty; give it with --text") }
        return try write { db in
            _ = try activeReviewer(actor, in: db)
            guard let source = try Source.fetchOne(db, key: sourceID) else { throw DeskError.sourceNotFound(sourceID) }
            let span = TextSpan.locate(words, in: source.body)
            if span == nil && !paraphrase { throw DeskError.textNotInSource(source: sourceID) }
            let workflow = try installedWorkflow(db).workflow
            let now = clock()
            var claim = Claim(
                sourceID: sourceID, spanStart: span?.lowerBound, spanEnd: span?.upperBound, text: words,
                speaker: speaker.flatMap { $0.isEmpty ? nil : $0 }, state: workflow.initialState, assignee: nil,
                version: 1, createdBy: actor, createdAt: now, updatedAt: now)
            try claim.insert(db)
            try record(AuditEvent(at: now, actor: actor, claimID: claim.id, sourceID: sourceID,
                                  action: AuditAction.claimAdd, toState: claim.state,
                                  details: EventDetails(text: words)), in: db)
            return claim
        }
    }

    /// The claims a filter selects, oldest first.
    public func claims(_ filter: ClaimFilter) throws -> [Claim] {
        try read { db in
            var request = Claim.all().filtered(by: filter)
            if let limit = filter.limit { request = request.limit(limit) }
            return try request.fetchAll(db)
        }
    }

    /// The claim with this id.
    public func claim(_ id: Int64) throws -> Claim {
        try read { db in try fetchClaim(id, db) }
    }

    /// The claim with its source, notes, evidence and history.
    public func claimDetail(_ id: Int64) throws -> ClaimDetail {
        try read { db in
            let claim = try fetchClaim(id, db)
            guard let source = try Source.fetchOne(db, key: claim.sourceID) else {
                throw DeskError.sourceNotFound(claim.sourceID)
            }
            return ClaimDetail(
                claim: claim, source: source,
                notes: try Note.filter(Note.Columns.claimID == id).order(Column("id")).fetchAll(db),
                evidence: try Evidence.filter(Evidence.Columns.claimID == id).order(Column("id")).fetchAll(db),
                history: try AuditEvent.filter(AuditEvent.Columns.claimID == id).order(AuditEvent.Columns.seq).fetchAll(db))
        }
    }

    /// The current version of each claim, to be checked again when the change is written.
    public func versions(of ids: [Int64]) throws -> [Int64: Int64] {
        try read { db in
            var versions: [Int64: Int64] = [:]
            for id in ids {
                versions[id] = try fetchClaim(id, db).version
            }
            return versions
        }
    }

    func fetchClaim(_ id: Int64, _ db: Database) throws -> Claim {
        guard let claim = try Claim.fetchOne(db, key: id) else { throw DeskError.claimNotFound(id) }
        return claim
    }
}
