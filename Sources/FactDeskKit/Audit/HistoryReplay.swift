import Crypto
import Foundation

/// The desk the history describes, rebuilt event by event: who could act and with which
/// key, what the workflow allowed, and what every row of the desk must hold.
///
/// `audit verify` feeds it every event in order (``apply(_:_:rawDetails:)``), then
/// every row of the desk's tables (``checkClaim(id:source:spanStart:spanEnd:text:speaker:state:assignee:due:)``
/// and ``check(_:_:)``), and reports an event the
/// desk's rules could not have produced and a row the history does not account for.
/// Its memory grows with the number of claims and rows, never with the size of an id.
struct HistoryReplay {
    /// The first 16 bytes of a SHA-256: what the replay keeps of a row's content.
    struct Digest: Hashable {
        var high: UInt64
        var low: UInt64

        /// The digest of texts, each prefixed by its length in bytes (`-` for none).
        init(_ parts: [String?]) {
            var hasher = SHA256()
            for var part in parts {
                if part == nil { Self.add(nil, to: &hasher) }
                part?.withUTF8 { Self.add(UnsafeRawBufferPointer($0), to: &hasher) }
            }
            self.init(hasher)
        }

        /// A claim's content as its signed `claim.add` event holds it: its source, the details'
        /// stored bytes and the event's time.
        init(source: Int64, details: UnsafeRawBufferPointer?, at: String) {
            var hasher = SHA256()
            var number = String(source)
            number.withUTF8 { Self.add(UnsafeRawBufferPointer($0), to: &hasher) }
            Self.add(details, to: &hasher)
            var time = at
            time.withUTF8 { Self.add(UnsafeRawBufferPointer($0), to: &hasher) }
            self.init(hasher)
        }

        private init(_ hasher: SHA256) {
            let bytes = Array(hasher.finalize())
            high = bytes[0..<8].reduce(0) { $0 << 8 | UInt64($1) }
            low = bytes[8..<16].reduce(0) { $0 << 8 | UInt64($1) }
        }

        private static func add(_ bytes: UnsafeRawBufferPointer?, to hasher: inout SHA256) {
            guard let bytes else { return hasher.update(data: [UInt8(ascii: "-")]) }
            hasher.update(data: Array(String(bytes.count).utf8) + [UInt8(ascii: ":")])
            hasher.update(bufferPointer: bytes)
        }
    }

    /// A reviewer as the history has them at this point.
    struct Person {
        var role: String
        var active: Bool
        var key: String?
        /// The name the event that added them recorded; nil for an event from before names were recorded.
        var name: String? = nil
        /// When a signed event added them; nil for an unsigned one.
        var addedAt: String? = nil
    }

    /// What the replay keeps of a claim.
    struct ClaimState {
        var state: UInt32
        var assignee: UInt32
        var evidence: UInt32
        /// Created by an unsigned event, whose details hold only the text.
        var legacy: Bool
        /// Created by an event that records the claim's worthiness and reasons.
        var scored: Bool
        var due: String?
        var content: Digest
        /// The changes that each made a new version (transitions, notes, evidence), and the
        /// hash of the time of the last of them (of the claim's creation, before any).
        var changes: UInt32 = 0
        var changedAt: Int
    }

    private(set) var problems: [AuditReport.Problem] = []
    var reviewers: [String: Person] = [:]
    var services: [String: (key: String, active: Bool)] = [:]
    var guardian: TransitionGuard?
    var keepsRuns = false
    /// Who created the desk, with the key the first event registers for them.
    var founder: (handle: String, key: String?)?
    /// The workflows the desk's table holds, first installed first: their YAML, for the replay to load.
    private let installedWorkflows: [InstalledWorkflow]
    /// The SHA-256 of the workflow the history last installed.
    var workflowInForce: String?

    var claims: [Int64: ClaimState] = [:]
    var runs: [Int64: [(transition: UInt32, actor: UInt32)]] = [:]
    var names: [String] = [""]
    var numbers: [String: UInt32] = [:]
    var notes: [Digest: (count: Int32, claim: Int64)] = [:]
    var evidence: [Digest: (count: Int32, claim: Int64)] = [:]
    var legacyEvidence: [Digest: (count: Int32, claim: Int64)] = [:]
    /// What rows of these tables must hold, with the time of the signed event that made them
    /// (nil for an unsigned one, from before the desk signed its history).
    var aliases: [String: (entity: String, by: String, at: String?)] = [:]
    /// Known fact-checks by ref: the digest of their fields as last imported, and by whom.
    var knownChecks: [String: (digest: String, by: String, at: String?)] = [:]
    var links: [Pair: (kind: String, by: String, at: String?)] = [:]
    var sources: [Int64: (sha256: String, title: String?, at: String?)] = [:]
    /// The web pages the history recorded, "source:page SHA-256", with the SHA-256 of the text read from each.
    var pages: [String: String] = [:]
    /// The desk's row as its first event recorded it: its name (nil before names were recorded), founder and time.
    var deskRow: (name: String?, by: String, at: String?)?
    /// Per reviewer, the SHA-256 of the password hash their newest password event set
    /// (empty for an event from before events held it).
    var credentials: [String: String] = [:]
    /// Who has a second factor turned on (HistoryReplay+TwoFactor.swift).
    var secondFactors: Set<String> = []
    /// Feeds watched, by number: the address, outlet, who asked and the event's number.
    var feeds: [Int64: (url: String, outlet: String?, every: Int64?, by: String, seq: Int64)] = [:]
    /// Tips received, by number: a digest of their words, and their triage as the history has it.
    var tips: [Int64: TipState] = [:]
    /// Webhooks added and not removed, by number, as their `webhook.add` events recorded them.
    var webhooks: [Int64: (event: EventPayload.WebhookChange, by: String, seq: Int64)] = [:]
    /// The newest `mail.set`, and each reviewer's newest `reviewer.notify`, with their numbers.
    var mail: (setting: EventPayload.MailSet, seq: Int64)?
    var notifySettings: [String: (setting: EventPayload.NotifySet, seq: Int64)] = [:]

    struct TipState {
        var words: Digest
        var status = Tip.Status.new
        var claim: Int64?
        var into: Int64?
        var note: String?
        var by: String?
        var at: String?
    }

    struct Pair: Hashable {
        var a: Int64
        var b: Int64
        init(_ x: Int64, _ y: Int64) { (a, b) = (min(x, y), max(x, y)) }
    }

    init(workflows: [InstalledWorkflow]) {
        self.installedWorkflows = workflows
    }

    /// One event, as the verifier read it.
    struct Event {
        var seq: Int64
        var actor: String
        var claimID: Int64?
        var sourceID: Int64?
        var action: String
        /// The event's time, as stored.
        var at: String
        var from: String?
        var to: String?
        var signer: String?
        var signed: Bool

        /// The event's time when it is signed, for rows that must carry it; nil when it is not.
        var signedAt: String? { signed ? at : nil }
    }

    // MARK: - Keys

    /// The public key that must have signed an event: its actor's (or the service's) as
    /// registered before it; for the desk's first event and a reviewer's first key, the
    /// key the event registers. Nil, with a problem, when there is none.
    mutating func signingKey(for event: Event, details: EventPayload) -> String? {
        if let signer = event.signer {
            guard let service = services[signer], service.active else {
                problem(.badSignature, event.seq, "it says the service \(signer) signed it, which was not registered then")
                return nil
            }
            return service.key
        }
        if event.action == AuditAction.deskCreate, event.seq == 1 { return details.key }
        if let person = reviewers[event.actor], let key = person.key { return key }
        if reviewers[event.actor] == nil, let founder, founder.handle == event.actor, let key = founder.key { return key }
        if event.action == AuditAction.reviewerKey, details.handle == event.actor { return details.key }
        problem(.badSignature, event.seq, "\(event.actor) had no registered key to sign it with")
        return nil
    }

    // MARK: - Events

    /// Checks one event against the desk's rules as the history had them, then applies it.
    mutating func apply(_ event: Event, _ payload: EventPayload, rawDetails: UnsafeRawBufferPointer?) {
        if case .deskCreate(let desk) = payload { return createDesk(event, desk) }
        // A rule broken is reported, and the event still replayed, so that one forged event
        // is named once rather than through everything after it.
        if case .transition(_, let details) = payload { return transition(event, details) }
        if case .tipReceive(let tip) = payload { return receiveTip(event, tip) }
        switch payload {
        case .incomplete, .unknown: _ = actorIsActive(event)
        default:
            // What the change policy allows, as the history had the team; a target not on the team is malformed.
            guard let change = change(payload, by: event.actor) else {
                _ = actorIsActive(event)
                return malformed(event)
            }
            permit(change, event)
        }
        switch payload {
        case .reviewerAdd(let added):
            if reviewers[added.handle] != nil {
                return problem(.notAllowed, event.seq, "it adds \(added.handle), who was already a reviewer")
            }
            reviewers[added.handle] = Person(role: added.role, active: true, key: added.key, name: added.name,
                                             addedAt: event.signedAt)
        case .reviewerActivate(let subject), .reviewerDeactivate(let subject):
            reviewers[subject.handle]?.active = payload.action == AuditAction.reviewerActivate
        case .reviewerRole(let change):
            reviewers[change.handle]?.role = change.role ?? ""
        case .reviewerKey(let change):
            reviewers[change.handle]?.key = change.key
        case .serviceAdd(let service):
            services[service.handle] = (service.key ?? "", true)
        case .serviceRemove(let service):
            services[service.handle]?.active = false
        case .sourceAdd(let added):
            guard let source = event.sourceID else { return malformed(event) }
            if sources[source] != nil { return problem(.notAllowed, event.seq, "it adds source \(source) a second time") }
            sources[source] = (added.sha256, added.title, event.signedAt)
            if let page = added.pageSha256 { pages["\(source):\(page)"] = added.sha256 }
        case .sourceRevise(let revision):
            guard let source = event.sourceID else { return malformed(event) }
            if sources[source] == nil { return problem(.notAllowed, event.seq, "it revises source \(source), which it never added") }
            pages["\(source):\(revision.pageSha256)"] = revision.sha256
        case .feedAdd(let feed):
            if feeds[feed.feed] != nil { return problem(.notAllowed, event.seq, "it adds feed \(feed.feed) a second time") }
            feeds[feed.feed] = (feed.url, feed.name, feed.every, event.actor, event.seq)
        case .feedRemove(let feed):
            if feeds.removeValue(forKey: feed.feed) == nil {
                return problem(.notAllowed, event.seq, "it removes feed \(feed.feed), which was not watched")
            }
        case .tipAccept(let decided), .tipReject(let decided), .tipMerge(let decided):
            decideTip(event, payload, decided)
        case .tipForget(let decided):
            if tips[decided.tip] == nil { return problem(.notAllowed, event.seq, "it forgets tip \(decided.tip), which was never received") }
        case .claimAdd(let added):
            guard let id = event.claimID else { return malformed(event) }
            if claims[id] != nil { return problem(.notAllowed, event.seq, "it adds claim \(id) a second time") }
            let source = event.sourceID ?? 0
            claims[id] = ClaimState(state: number(event.to ?? ""), assignee: 0, evidence: 0, legacy: !event.signed,
                                    scored: added.worthiness != nil, due: nil,
                                    content: event.signed ? Digest(source: source, details: rawDetails, at: event.at)
                                        : Digest([String(source), added.text]),
                                    changedAt: event.at.hashValue)
        case .claimNote(let added):
            guard let id = existingClaim(event) else { return malformed(event) }
            Self.count(&notes, Self.noteDigest(id, event.actor, added.note, at: event.signedAt), claim: id)
            changed(id, at: event.at)
        case .claimEvidence(let added):
            guard let id = existingClaim(event), let url = added.evidence.first else { return malformed(event) }
            addEvidence(claim: id, event: event, urls: [url], stances: added.stances,
                        notes: added.stances == nil ? nil : [added.note ?? ""])
            changed(id, at: event.at)
        case .claimLink(let link):
            guard let id = existingClaim(event) else { return malformed(event) }
            guard claims[link.otherClaim] != nil else {
                return problem(.notAllowed, event.seq, "it links claim \(link.otherClaim), which did not exist")
            }
            links[Pair(id, link.otherClaim)] = (link.relation, event.actor, event.signedAt)
        case .aliasAdd(let change):
            guard let entity = change.entity else { return malformed(event) }
            for variant in change.variants ?? [] { aliases[variant] = (entity, event.actor, event.signedAt) }
        case .aliasRemove(let change):
            for variant in change.variants ?? [] { aliases[variant] = nil }
        case .checkImport(let check):
            knownChecks[check.reference] = (check.sha256, event.actor, event.signedAt)
        case .workflowInstall(let installed):
            installWorkflow(event, installed)
        case .reviewerPassword(let credential):
            setCredential(event, credential)
        case .tokenCreate, .tokenRevoke, .tipReceive:
            break
        case .reviewerNotify, .mailSet, .webhookAdd, .webhookRemove:
            applyNotify(event, payload)
        case .twoFactorEnable(let subject):
            enableTwoFactor(event, subject)
        case .twoFactorDisable(let subject):
            disableTwoFactor(event, subject)
        case .incomplete(let action):
            // What these check before their details is still reported.
            switch action {
            case AuditAction.workflowInstall: _ = isEditor(event)
            case AuditAction.claimNote, AuditAction.claimEvidence, AuditAction.claimLink: _ = existingClaim(event)
            default: break
            }
            malformed(event)
        case .unknown(let action):
            problem(.notAllowed, event.seq, "FactDesk writes no '\(action)' event")
        case .deskCreate, .transition:
            break
        }
    }

    mutating func createDesk(_ event: Event, _ details: EventPayload.DeskCreated) {
        guard event.seq == 1 else { return problem(.notAllowed, event.seq, "a desk is created once, by its first event") }
        founder = (event.actor, details.key)
        deskRow = (details.title, event.actor, event.signedAt)
        guard !installedWorkflows.isEmpty else {
            return problem(.rowChanged, nil, "the desk's workflow is gone", row: "workflow")
        }
        guard let sha256 = details.sha256, let installed = installedWorkflows.first(where: { $0.sha256 == sha256 }),
              sha256Hex(installed.yaml) == sha256 else {
            return problem(.rowChanged, nil, "the workflow the desk was created with is not among its workflows, or was changed",
                           row: "workflow")
        }
        enforce(installed.yaml, sha256: sha256, seq: event.seq)
    }

    /// Replays a workflow installed after the desk's creation: by an editor, its YAML in the
    /// event, whose hash the event records.
    mutating func installWorkflow(_ event: Event, _ details: EventPayload.WorkflowInstalled) {
        let (yaml, sha256) = (details.text, details.sha256)
        guard sha256Hex(yaml) == sha256 else {
            return problem(.notAllowed, event.seq, "the workflow it installs does not have the SHA-256 it records")
        }
        enforce(yaml, sha256: sha256, seq: event.seq)
    }

    /// Makes a workflow the one the transitions after it are checked against.
    mutating func enforce(_ yaml: String, sha256: String, seq: Int64) {
        workflowInForce = sha256
        guard let workflow = WorkflowSeal.definition(of: yaml, sha256: sha256) else {
            return problem(.rowChanged, seq, "the workflow it installed no longer loads", row: "workflow")
        }
        guardian = TransitionGuard(workflow: workflow)
        keepsRuns = workflow.transitions.contains { !$0.notBy.isEmpty || $0.acceptsProposal }
    }

    /// The workflow the desk enforces must be the one the history last installed, its
    /// definition the one its YAML gives.
    mutating func checkWorkflowInForce() {
        guard let newest = installedWorkflows.last, let expected = workflowInForce else { return }
        let row = "workflow \(newest.id ?? 0)"
        if newest.sha256 != expected || sha256Hex(newest.yaml) != expected {
            problem(.rowChanged, nil, "the desk enforces a workflow that its history did not install last", row: row)
        } else if let workflow = WorkflowSeal.definition(of: newest.yaml, sha256: expected), workflow != newest.definition {
            problem(.rowChanged, nil, "its stored definition is not what its YAML says, and the desk enforces the definition", row: row)
        }
    }

    mutating func transition(_ event: Event, _ details: EventPayload.TransitionDetails) {
        guard let id = existingClaim(event), var claim = claims[id], let guardian else { return }
        let person = reviewers[event.actor] ?? Person(role: "", active: false, key: nil)
        let state = names[Int(claim.state)]
        let assignee = claim.assignee == 0 ? nil : names[Int(claim.assignee)]
        let claimRuns = (runs[id] ?? []).reversed().map { (names[Int($0.transition)], names[Int($0.actor)]) }
        let urls = details.evidence ?? []
        do {
            let transition = try guardian.transition(named: event.action)
            if let newAssignee = details.assignee, reviewers[newAssignee]?.active != true {
                throw DeskError.reviewerInactive(newAssignee)
            }
            try guardian.check(transition, TransitionGuard.Request(
                claimID: id, state: state, assignee: assignee,
                actor: Reviewer(handle: event.actor, displayName: event.actor, role: Reviewer.Role(rawValue: person.role) ?? .reviewer,
                                active: person.active, createdAt: .distantPast),
                hasNote: details.note != nil, evidenceCount: Int(claim.evidence) + urls.count,
                newAssignee: transition.setsAssignee ? details.assignee : nil, runs: claimRuns))
            let target = guardian.target(of: transition, runs: claimRuns) ?? transition.to
            if event.from != state || event.to != target {
                problem(.notAllowed, event.seq, "it moves claim \(id) from '\(event.from ?? "")' to '\(event.to ?? "")', but the claim was '\(state)' and \(event.action) leads to '\(target)'")
            }
            if transition.setsAssignee {
                claim.assignee = details.assignee.map { number($0) } ?? 0
                claim.due = details.due
            }
        } catch {
            problem(.notAllowed, event.seq, "the workflow could not have made it: \(error)")
        }
        if let note = details.note { Self.count(&notes, Self.noteDigest(id, event.actor, note, at: event.signedAt), claim: id) }
        claim.state = number(event.to ?? "")
        claim.changes += 1
        claim.changedAt = event.at.hashValue
        claims[id] = claim
        if !urls.isEmpty { addEvidence(claim: id, event: event, urls: urls, stances: details.stances, notes: details.evidenceNotes) }
        if keepsRuns { runs[id, default: []].append((number(event.action), number(event.actor))) }
    }

    mutating func addEvidence(claim id: Int64, event: Event, urls: [String], stances: [String]?, notes: [String]?) {
        claims[id]?.evidence += UInt32(urls.count)
        for (index, url) in urls.enumerated() {
            if let stances, index < stances.count {
                let note = notes.flatMap { index < $0.count ? $0[index] : nil } ?? ""
                Self.count(&evidence, Self.evidenceDigest(id, event.actor, url, stances[index], note, at: event.signedAt), claim: id)
            } else {
                Self.count(&legacyEvidence, Digest([String(id), event.actor, url]), claim: id)
            }
        }
    }

    /// A note as its row must hold it: with its time when a signed event wrote it.
    static func noteDigest(_ claim: Int64, _ author: String?, _ body: String?, at: String?) -> Digest {
        at.map { Digest([String(claim), author, body, $0]) } ?? Digest([String(claim), author, body])
    }

    /// Evidence as its row must hold it: with its time when a signed event added it.
    static func evidenceDigest(_ claim: Int64, _ by: String?, _ url: String?, _ stance: String?, _ note: String,
                                       at: String?) -> Digest {
        at.map { Digest([String(claim), by, url, stance, note, $0]) } ?? Digest([String(claim), by, url, stance, note])
    }

    /// Counts a note or evidence added on its own, which makes a new version of the claim.
    mutating func changed(_ id: Int64, at: String) {
        claims[id]?.changes += 1
        claims[id]?.changedAt = at.hashValue
    }

    static func count(_ table: inout [Digest: (count: Int32, claim: Int64)], _ key: Digest, claim: Int64) {
        table[key, default: (0, claim)].count += 1
    }

    mutating func existingClaim(_ event: Event) -> Int64? {
        guard let id = event.claimID else { return nil }
        guard claims[id] != nil else {
            problem(.notAllowed, event.seq, "claim \(id) did not exist then")
            return nil
        }
        return id
    }

    mutating func malformed(_ event: Event) {
        problem(.notAllowed, event.seq, "its details lack what a \(event.action) event records")
    }

    mutating func number(_ name: String) -> UInt32 {
        if let known = numbers[name] { return known }
        let new = UInt32(names.count)
        names.append(name)
        numbers[name] = new
        return new
    }

    mutating func problem(_ kind: AuditReport.Problem.Kind, _ seq: Int64?, _ detail: String, row: String? = nil) {
        problems.append(.init(kind: kind, seq: seq, detail: detail, row: row))
    }
}
