import Crypto
import Foundation

/// The desk the history describes, rebuilt event by event: who could act and with which
/// key, what the workflow allowed, and what every row of the desk must hold.
///
/// `audit verify` feeds it every event in order (``apply(_:details:rawDetails:)``), then
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

        /// A claim's content as its `claim.add` event holds it: its source and the details' stored bytes.
        init(source: Int64, details: UnsafeRawBufferPointer?) {
            var hasher = SHA256()
            var number = String(source)
            number.withUTF8 { Self.add(UnsafeRawBufferPointer($0), to: &hasher) }
            Self.add(details, to: &hasher)
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
    }

    /// What the replay keeps of a claim.
    struct ClaimState {
        var state: UInt32
        var assignee: UInt32
        var evidence: UInt32
        /// Created by an unsigned event, whose details hold only the text.
        var legacy: Bool
        var due: String?
        var content: Digest
    }

    private(set) var problems: [AuditReport.Problem] = []
    private(set) var reviewers: [String: Person] = [:]
    private var services: [String: (key: String, active: Bool)] = [:]
    private var guardian: TransitionGuard?
    private var keepsRuns = false
    /// Who created the desk, with the key the first event registers for them.
    private var founder: (handle: String, key: String?)?
    /// The workflow the desk's table holds: its YAML, for the replay to load.
    private let installedWorkflow: InstalledWorkflow?

    private var claims: [Int64: ClaimState] = [:]
    private var runs: [Int64: [(transition: UInt32, actor: UInt32)]] = [:]
    private var names: [String] = [""]
    private var numbers: [String: UInt32] = [:]
    private var notes: [Digest: (count: Int32, claim: Int64)] = [:]
    private var evidence: [Digest: (count: Int32, claim: Int64)] = [:]
    private var legacyEvidence: [Digest: (count: Int32, claim: Int64)] = [:]
    private var aliases: [String: (entity: String, by: String)] = [:]
    /// Known fact-checks by ref: the digest of their fields as last imported, and by whom.
    private var knownChecks: [String: (digest: String, by: String)] = [:]
    private var links: [Pair: (kind: String, by: String)] = [:]
    private var sources: [Int64: (sha256: String, title: String?)] = [:]
    /// Who has a second factor turned on (HistoryReplay+TwoFactor.swift).
    var secondFactors: Set<String> = []

    struct Pair: Hashable {
        var a: Int64
        var b: Int64
        init(_ x: Int64, _ y: Int64) { (a, b) = (min(x, y), max(x, y)) }
    }

    init(workflow: InstalledWorkflow?) {
        self.installedWorkflow = workflow
    }

    /// One event, as the verifier read it.
    struct Event {
        var seq: Int64
        var actor: String
        var claimID: Int64?
        var sourceID: Int64?
        var action: String
        var from: String?
        var to: String?
        var signer: String?
        var signed: Bool
    }

    // MARK: - Keys

    /// The public key that must have signed an event: its actor's (or the service's) as
    /// registered before it; for the desk's first event and a reviewer's first key, the
    /// key the event registers. Nil, with a problem, when there is none.
    mutating func signingKey(for event: Event, details: EventDetails) -> String? {
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
    mutating func apply(_ event: Event, details: EventDetails, rawDetails: UnsafeRawBufferPointer?) {
        let action = event.action
        if action == AuditAction.deskCreate {
            createDesk(event, details)
            return
        }
        // A rule broken is reported, and the event still replayed, so that one forged event
        // is named once rather than through everything after it.
        if AuditAction.isTransition(action) {
            transition(event, details)
            return
        }
        let founding = action == AuditAction.reviewerAdd && reviewers.isEmpty && details.handle == event.actor
        if !founding { _ = actorIsActive(event) }
        switch action {
        case AuditAction.reviewerAdd:
            guard let handle = details.handle, let role = details.role else { return malformed(event) }
            if !founding { _ = isEditor(event) }
            if reviewers[handle] != nil { return problem(.notAllowed, event.seq, "it adds \(handle), who was already a reviewer") }
            reviewers[handle] = Person(role: role, active: true, key: details.key)
        case AuditAction.reviewerActivate, AuditAction.reviewerDeactivate, AuditAction.reviewerRole, AuditAction.reviewerKey:
            guard let handle = details.handle, reviewers[handle] != nil else { return malformed(event) }
            let selfRegistration = action == AuditAction.reviewerKey && handle == event.actor && reviewers[handle]?.key == nil
            if !selfRegistration { _ = isEditor(event) }
            switch action {
            case AuditAction.reviewerActivate: reviewers[handle]?.active = true
            case AuditAction.reviewerDeactivate: reviewers[handle]?.active = false
            case AuditAction.reviewerRole: reviewers[handle]?.role = details.role ?? ""
            default: reviewers[handle]?.key = details.key
            }
        case AuditAction.serviceAdd, AuditAction.serviceRemove:
            guard let name = details.handle else { return malformed(event) }
            _ = isEditor(event)
            if action == AuditAction.serviceAdd {
                services[name] = (details.key ?? "", true)
            } else {
                services[name]?.active = false
            }
        case AuditAction.sourceAdd:
            guard let source = event.sourceID, let sha256 = details.sha256 else { return malformed(event) }
            if sources[source] != nil { return problem(.notAllowed, event.seq, "it adds source \(source) a second time") }
            sources[source] = (sha256, details.title)
        case AuditAction.claimAdd:
            guard let id = event.claimID, let text = details.text else { return malformed(event) }
            if claims[id] != nil { return problem(.notAllowed, event.seq, "it adds claim \(id) a second time") }
            let source = event.sourceID ?? 0
            claims[id] = ClaimState(state: number(event.to ?? ""), assignee: 0, evidence: 0, legacy: !event.signed, due: nil,
                                    content: event.signed ? Digest(source: source, details: rawDetails) : Digest([String(source), text]))
        case AuditAction.claimNote:
            guard let id = existingClaim(event), let note = details.note else { return malformed(event) }
            Self.count(&notes, Digest([String(id), event.actor, note]), claim: id)
        case AuditAction.claimEvidence:
            guard let id = existingClaim(event), let url = details.evidence?.first else { return malformed(event) }
            addEvidence(claim: id, actor: event.actor, urls: [url], stances: details.stances,
                        notes: details.stances == nil ? nil : [details.note ?? ""])
        case AuditAction.claimLink:
            guard let id = existingClaim(event), let other = details.otherClaim, let relation = details.relation
            else { return malformed(event) }
            guard claims[other] != nil else { return problem(.notAllowed, event.seq, "it links claim \(other), which did not exist") }
            links[Pair(id, other)] = (relation, event.actor)
        case AuditAction.aliasAdd:
            guard let entity = details.entity else { return malformed(event) }
            for variant in details.variants ?? [] { aliases[variant] = (entity, event.actor) }
        case AuditAction.aliasRemove:
            for variant in details.variants ?? [] { aliases[variant] = nil }
        case AuditAction.checkImport:
            guard let ref = details.reference, let digest = details.sha256 else { return malformed(event) }
            knownChecks[ref] = (digest, event.actor)
        case AuditAction.reviewerPassword, AuditAction.tokenCreate, AuditAction.tokenRevoke:
            break
        case AuditAction.twoFactorEnable:
            enableTwoFactor(event, details)
        case AuditAction.twoFactorDisable:
            disableTwoFactor(event, details)
        default:
            problem(.notAllowed, event.seq, "FactDesk writes no '\(action)' event")
        }
    }

    private mutating func createDesk(_ event: Event, _ details: EventDetails) {
        guard event.seq == 1 else { return problem(.notAllowed, event.seq, "a desk is created once, by its first event") }
        founder = (event.actor, details.key)
        guard let installed = installedWorkflow else {
            return problem(.rowChanged, nil, "the desk's workflow is gone", row: "workflow")
        }
        guard sha256Hex(installed.yaml) == details.sha256, installed.sha256 == details.sha256 else {
            return problem(.rowChanged, nil, "the workflow the desk runs is not the one it was created with", row: "workflow \(installed.id ?? 0)")
        }
        do {
            let workflow = try WorkflowLoader(file: "the desk's workflow").load(yaml: installed.yaml, refusingAliases: false)
            guardian = TransitionGuard(workflow: workflow)
            keepsRuns = workflow.transitions.contains { !$0.notBy.isEmpty || $0.acceptsProposal }
        } catch {
            problem(.rowChanged, nil, "the desk's workflow no longer loads: \(error)", row: "workflow \(installed.id ?? 0)")
        }
    }

    private mutating func transition(_ event: Event, _ details: EventDetails) {
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
        if let note = details.note { Self.count(&notes, Digest([String(id), event.actor, note]), claim: id) }
        claim.state = number(event.to ?? "")
        claims[id] = claim
        if !urls.isEmpty { addEvidence(claim: id, actor: event.actor, urls: urls, stances: details.stances, notes: details.evidenceNotes) }
        if keepsRuns { runs[id, default: []].append((number(event.action), number(event.actor))) }
    }

    private mutating func addEvidence(claim id: Int64, actor: String, urls: [String], stances: [String]?, notes: [String]?) {
        claims[id]?.evidence += UInt32(urls.count)
        for (index, url) in urls.enumerated() {
            if let stances, index < stances.count {
                let note = notes.flatMap { index < $0.count ? $0[index] : nil } ?? ""
                Self.count(&evidence, Digest([String(id), actor, url, stances[index], note]), claim: id)
            } else {
                Self.count(&legacyEvidence, Digest([String(id), actor, url]), claim: id)
            }
        }
    }

    private static func count(_ table: inout [Digest: (count: Int32, claim: Int64)], _ key: Digest, claim: Int64) {
        table[key, default: (0, claim)].count += 1
    }

    private mutating func actorIsActive(_ event: Event) -> Bool {
        guard let person = reviewers[event.actor], person.active else {
            problem(.notAllowed, event.seq, "\(event.actor) was not an active reviewer then")
            return false
        }
        return true
    }

    private mutating func isEditor(_ event: Event) -> Bool {
        guard reviewers[event.actor]?.role == Reviewer.Role.editor.rawValue else {
            problem(.notAllowed, event.seq, "only an editor may \(event.action), and \(event.actor) was not one then")
            return false
        }
        return true
    }

    private mutating func existingClaim(_ event: Event) -> Int64? {
        guard let id = event.claimID else { return nil }
        guard claims[id] != nil else {
            problem(.notAllowed, event.seq, "claim \(id) did not exist then")
            return nil
        }
        return id
    }

    private mutating func malformed(_ event: Event) {
        problem(.notAllowed, event.seq, "its details lack what a \(event.action) event records")
    }

    private mutating func number(_ name: String) -> UInt32 {
        if let known = numbers[name] { return known }
        let new = UInt32(names.count)
        names.append(name)
        numbers[name] = new
        return new
    }

    mutating func problem(_ kind: AuditReport.Problem.Kind, _ seq: Int64?, _ detail: String, row: String? = nil) {
        problems.append(.init(kind: kind, seq: seq, detail: detail, row: row))
    }

    // MARK: - Rows

    /// Compares one claim row with what the history says of it.
    mutating func checkClaim(id: Int64, source: Int64, spanStart: Int64?, spanEnd: Int64?, text: String, speaker: String?,
                             state: String, assignee: String?, due: String?) {
        guard let replayed = claims.removeValue(forKey: id) else {
            return problem(.rowChanged, nil, "no event created it", row: "claim \(id)")
        }
        // The same digest as ``Digest/init(source:details:)`` gives the event's stored details
        // when the row holds what the event wrote.
        let content = replayed.legacy
            ? Digest([String(source), text])
            : Digest([String(source), EventDetails(text: text, speaker: speaker, spanStart: spanStart, spanEnd: spanEnd).canonicalJSON])
        if content != replayed.content {
            problem(.rowChanged, nil, "its text, speaker, place or source is not what its history recorded", row: "claim \(id)")
        }
        if state != names[Int(replayed.state)] {
            problem(.rowChanged, nil, "it is '\(state)' but its history ends in '\(names[Int(replayed.state)])'", row: "claim \(id)")
        }
        let expected = replayed.assignee == 0 ? nil : names[Int(replayed.assignee)]
        if assignee != expected {
            problem(.rowChanged, nil, "it is assigned to \(assignee ?? "nobody") but its history says \(expected ?? "nobody")",
                    row: "claim \(id)")
        }
        if !Self.sameMoment(due, replayed.due) {
            problem(.rowChanged, nil, "it is due \(due ?? "never") but its history says \(replayed.due ?? "never")", row: "claim \(id)")
        }
    }

    /// A stored time and an event's ISO-8601 deadline name the same moment, to the millisecond.
    private static func sameMoment(_ stored: String?, _ recorded: String?) -> Bool {
        switch (stored, recorded) {
        case (nil, nil): return true
        case (let stored?, let recorded?):
            // The two forms round the same moment to the millisecond each in its own way.
            guard let date = StoredTime.date(stored),
                  let said = try? Date(recorded, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
            else { return false }
            return abs(date.timeIntervalSince(said)) < 0.002
        default: return false
        }
    }

    /// Claims the history created whose rows are gone.
    mutating func finishClaims() {
        for id in claims.keys.sorted() { problem(.rowChanged, nil, "its history exists but the claim is gone", row: "claim \(id)") }
        claims = [:]
    }

    /// Compares the other tables' rows, each as the table's columns (``DeskTable``).
    mutating func check(_ table: DeskTable, _ row: [StoredValue]) {
        func text(_ column: String) -> String? {
            guard let index = table.columns.firstIndex(of: column) else { return nil }
            switch row[index] {
            case .text(let value): return value
            case .integer(let value): return String(value)
            case .boolean(let value): return value ? "1" : "0"
            case .real(let value): return String(value)
            case .null: return nil
            }
        }
        let id = text(table == .service ? "name" : "id") ?? "?"
        switch table {
        case .note:
            let claim = text("claim_id") ?? ""
            if !Self.take(&notes, Digest([claim, text("author"), text("body")])) {
                problem(.rowChanged, nil, "no event wrote this note on claim \(claim), or it was changed since", row: "note \(id)")
            }
        case .evidence:
            let claim = text("claim_id") ?? ""
            if !Self.take(&evidence, Digest([claim, text("added_by"), text("url"), text("stance"), text("note") ?? ""])),
               !Self.take(&legacyEvidence, Digest([claim, text("added_by"), text("url")])) {
                problem(.rowChanged, nil, "no event added this evidence to claim \(claim), or it was changed since", row: "evidence \(id)")
            }
        case .source:
            guard let recorded = sources.removeValue(forKey: Int64(id) ?? -1) else {
                return problem(.rowChanged, nil, "no event added this source", row: "source \(id)")
            }
            if text("sha256") != recorded.sha256 || sha256Hex(text("body") ?? "") != recorded.sha256 {
                problem(.rowChanged, nil, "its text is not the text its history recorded (SHA-256 \(recorded.sha256))", row: "source \(id)")
            } else if let title = recorded.title, text("title") != title {
                problem(.rowChanged, nil, "its title is not the one its history recorded", row: "source \(id)")
            }
        case .alias:
            let variant = text("variant") ?? ""
            guard let recorded = aliases.removeValue(forKey: variant) else {
                return problem(.rowChanged, nil, "no event added the spelling '\(variant)'", row: "alias \(id)")
            }
            if text("entity") != recorded.entity || text("added_by") != recorded.by {
                problem(.rowChanged, nil, "'\(variant)' names '\(text("entity") ?? "")' but its history says '\(recorded.entity)'", row: "alias \(id)")
            }
        case .claimLink:
            let a = Int64(text("claim_a") ?? "") ?? -1, b = Int64(text("claim_b") ?? "") ?? -1
            guard let recorded = links.removeValue(forKey: Pair(a, b)) else {
                return problem(.rowChanged, nil, "no event linked these claims", row: "link \(a)-\(b)")
            }
            if text("kind") != recorded.kind || text("linked_by") != recorded.by {
                problem(.rowChanged, nil, "it says '\(text("kind") ?? "")' but its history says '\(recorded.kind)' by \(recorded.by)",
                        row: "link \(a)-\(b)")
            }
        case .knownCheck:
            let ref = text("ref") ?? ""
            guard let recorded = knownChecks.removeValue(forKey: ref) else {
                return problem(.rowChanged, nil, "no event imported the fact-check \(ref)", row: "known check \(id)")
            }
            if KnownCheck.Content.digest(KnownCheck.contentColumns.map(text)) != recorded.digest || text("imported_by") != recorded.by {
                problem(.rowChanged, nil, "it is not the review its history recorded (\(ref))", row: "known check \(id)")
            }
        case .reviewer:
            let handle = text("handle") ?? ""
            guard let person = reviewers.removeValue(forKey: handle) else {
                return problem(.rowChanged, nil, "no event added \(handle)", row: "reviewer \(handle)")
            }
            if text("role") != person.role || (text("active") == "1") != person.active || text("public_key") != person.key {
                problem(.rowChanged, nil,
                        "\(handle) is \(text("role") ?? "")\(text("active") == "1" ? "" : ", inactive"), key \(text("public_key") ?? "none"); the history says \(person.role)\(person.active ? "" : ", inactive"), key \(person.key ?? "none")",
                        row: "reviewer \(handle)")
            }
        case .service:
            guard let service = services.removeValue(forKey: id) else {
                return problem(.rowChanged, nil, "no event registered it", row: "service \(id)")
            }
            if text("public_key") != service.key || (text("active") == "1") != service.active {
                problem(.rowChanged, nil, "its key or state is not what its history recorded", row: "service \(id)")
            }
        case .secondFactor:
            checkSecondFactorRow(handle: text("handle") ?? "")
        default:
            break
        }
    }

    private static func take(_ table: inout [Digest: (count: Int32, claim: Int64)], _ key: Digest) -> Bool {
        guard let entry = table[key], entry.count > 0 else { return false }
        table[key] = entry.count == 1 ? nil : (entry.count - 1, entry.claim)
        return true
    }

    /// What the history recorded that no row holds any more.
    mutating func finishRows() {
        for entry in notes.values.sorted(by: { $0.claim < $1.claim }) {
            problem(.rowChanged, nil, "a note its history records is gone", row: "claim \(entry.claim)")
        }
        for entry in (Array(evidence.values) + Array(legacyEvidence.values)).sorted(by: { $0.claim < $1.claim }) {
            problem(.rowChanged, nil, "evidence its history records is gone", row: "claim \(entry.claim)")
        }
        for (id, source) in sources.sorted(by: { $0.key < $1.key }) {
            problem(.rowChanged, nil, "its history added it (SHA-256 \(source.sha256)) but it is gone", row: "source \(id)")
        }
        for (variant, alias) in aliases.sorted(by: { $0.key < $1.key }) {
            problem(.rowChanged, nil, "the spelling '\(variant)' of '\(alias.entity)' is gone", row: "alias")
        }
        for pair in links.keys.sorted(by: { ($0.a, $0.b) < ($1.a, $1.b) }) {
            problem(.rowChanged, nil, "the link its history records is gone", row: "link \(pair.a)-\(pair.b)")
        }
        for ref in knownChecks.keys.sorted() {
            problem(.rowChanged, nil, "its history imported the fact-check \(ref) but it is gone", row: "known check")
        }
        for handle in reviewers.keys.sorted() {
            problem(.rowChanged, nil, "its history added \(handle) but the reviewer is gone", row: "reviewer \(handle)")
        }
        for name in services.keys.sorted() {
            problem(.rowChanged, nil, "its history registered it but it is gone", row: "service \(name)")
        }
        finishSecondFactors()
    }
}
