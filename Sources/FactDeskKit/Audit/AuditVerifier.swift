/// What `audit verify` found.
public struct AuditReport: Sendable, Equatable {
    /// A break in the history, located.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable {
            case contentChanged = "content changed"
            case eventMissing = "event missing"
            case orderBroken = "order broken"
            case stateMismatch = "claim changed without an event"
            case protectionRemoved = "protection removed"
            case anchorMismatch = "anchor not in the history"
        }

        public var kind: Kind
        public var seq: Int64?
        public var claimID: Int64?
        public var detail: String

        public var description: String {
            let place = seq.map { "event \($0)" } ?? claimID.map { "claim \($0)" } ?? "the desk"
            return "\(place): \(kind.rawValue): \(detail)"
        }
    }

    public var events: Int
    public var headSeq: Int64
    public var headHash: String
    public var claimsReplayed: Int
    public var problems: [Problem]

    public var intact: Bool { problems.isEmpty }

    /// The head as `SEQ:HASH`, the form `audit head` prints and `--anchor` reads.
    public var head: String { "\(headSeq):\(headHash)" }
}

/// Checks the history: the hash chain event by event, an anchor published earlier, and a
/// replay of the events against every claim's current state and assignee.
///
/// It is fed rows in `seq` order and never holds the history in memory, only each claim's
/// replayed state.
public struct AuditVerifier {
    /// An event as stored, with its recorded hashes.
    public struct StoredEvent: Sendable {
        public var content: HashChain.Content
        public var prevHash: String
        public var hash: String
        public var assignee: String?
    }

    private(set) var report = AuditReport(events: 0, headSeq: 0, headHash: HashChain.genesis, claimsReplayed: 0, problems: [])
    private var expectedSeq: Int64 = 1
    private var previousHash = HashChain.genesis
    private var anchor: (seq: Int64, hash: String)?
    private var anchorSeen = false
    /// Each claim's state and assignee, as the history tells them.
    private var replayed: [Int64: (state: String?, assignee: String?)] = [:]

    public init(anchor: (seq: Int64, hash: String)? = nil) {
        self.anchor = anchor
    }

    /// Checks the next event of the history.
    public mutating func take(_ event: StoredEvent) {
        let content = event.content
        report.events += 1
        if content.seq != expectedSeq {
            report.problems.append(content.seq > expectedSeq
                ? .init(kind: .eventMissing, seq: expectedSeq,
                        detail: content.seq - expectedSeq == 1 ? "the history jumps from \(expectedSeq - 1) to \(content.seq)"
                            : "events \(expectedSeq) to \(content.seq - 1) are gone")
                : .init(kind: .orderBroken, seq: content.seq, detail: "it comes after event \(expectedSeq - 1)"))
        } else if event.prevHash != previousHash {
            report.problems.append(.init(kind: .orderBroken, seq: content.seq,
                                         detail: "it does not follow the event before it in the chain"))
        }
        if HashChain.hash(prev: event.prevHash, content: content) != event.hash {
            report.problems.append(.init(kind: .contentChanged, seq: content.seq,
                                         detail: "its content no longer matches its hash"))
        }
        if let anchor, anchor.seq == content.seq {
            anchorSeen = true
            if anchor.hash != event.hash {
                report.problems.append(.init(kind: .anchorMismatch, seq: content.seq,
                                             detail: "the published head has a different hash: the history was rewritten"))
            }
        }
        expectedSeq = content.seq + 1
        previousHash = event.hash
        report.headSeq = content.seq
        report.headHash = event.hash
        replay(event)
    }

    private mutating func replay(_ event: StoredEvent) {
        guard let claim = event.content.claimID else { return }
        let action = event.content.action
        if action == AuditAction.claimAdd {
            replayed[claim] = (event.content.to, nil)
        } else if AuditAction.isTransition(action), let to = event.content.to {
            let assignee = event.assignee ?? replayed[claim]?.assignee
            replayed[claim] = (to, assignee)
        }
    }

    /// Compares one claim's stored state and assignee with what the history replays to.
    public mutating func check(claim id: Int64, state: String, assignee: String?) {
        report.claimsReplayed += 1
        guard let history = replayed.removeValue(forKey: id) else {
            report.problems.append(.init(kind: .stateMismatch, claimID: id, detail: "the history never created it"))
            return
        }
        if history.state != state {
            report.problems.append(.init(kind: .stateMismatch, claimID: id,
                                         detail: "it is '\(state)' but its history ends in '\(history.state ?? "nothing")'"))
        }
        if history.assignee != assignee {
            report.problems.append(.init(kind: .stateMismatch, claimID: id,
                                         detail: "it is assigned to \(assignee ?? "nobody") but its history says \(history.assignee ?? "nobody")"))
        }
    }

    /// Notes that a protection of the history (an append-only trigger) is missing.
    public mutating func protectionMissing(_ name: String) {
        report.problems.append(.init(kind: .protectionRemoved, detail: "the trigger \(name) that keeps the history append-only is gone"))
    }

    /// The report, once every event and claim has been taken.
    public mutating func finish() -> AuditReport {
        if let anchor, !anchorSeen {
            report.problems.append(.init(
                kind: .anchorMismatch, seq: anchor.seq,
                detail: anchor.seq > report.headSeq
                    ? "the history ends at \(report.headSeq): it was cut after the published head"
                    : "the published head is not in the history"))
        }
        for (claim, _) in replayed.sorted(by: { $0.key < $1.key }) {
            report.problems.append(.init(kind: .stateMismatch, claimID: claim, detail: "its history exists but the claim is gone"))
        }
        replayed = [:]
        return report
    }
}
