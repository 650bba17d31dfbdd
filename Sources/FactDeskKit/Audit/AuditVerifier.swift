import Crypto
import Foundation

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
/// It is fed events in `seq` order as the bytes the store holds, and never holds the
/// history in memory: only each claim's replayed state and assignee, as small numbers
/// standing for the few distinct names a desk uses. A million events take a second or two.
struct AuditVerifier: Sendable {
    /// One stored event, as borrowed column bytes (nil for NULL), valid during ``take(_:)``.
    struct EventBytes {
        var seq: Int64
        var at: UnsafeRawBufferPointer?
        var actor: UnsafeRawBufferPointer?
        var claimID: Int64?
        var sourceID: Int64?
        var action: UnsafeRawBufferPointer?
        var from: UnsafeRawBufferPointer?
        var to: UnsafeRawBufferPointer?
        var details: UnsafeRawBufferPointer?
        var prevHash: UnsafeRawBufferPointer?
        var hash: UnsafeRawBufferPointer?
        /// The assignee a transition's details name, if any.
        var assignee: UnsafeRawBufferPointer?
    }

    private(set) var report = AuditReport(events: 0, headSeq: 0, headHash: HashChain.genesis, claimsReplayed: 0, problems: [])
    /// The number the next event must have; nil in a later segment before its first event,
    /// whose link to the segment before is checked by ``append(_:)``.
    private var expectedSeq: Int64? = 1
    private var previousHash: [UInt8] = Array(HashChain.genesis.utf8)
    /// A later segment's first event: its number and the hash it says precedes it.
    private var firstLink: (seq: Int64, prevHash: [UInt8])?
    private var anchor: (seq: Int64, hash: String)?
    private var anchorSeen = false
    /// The canonical bytes of the event being hashed, reused from event to event.
    private var buffer: [UInt8] = []
    /// Names seen in the history (states, assignees), numbered from 1; 0 stands for none.
    private var names: [[UInt8]] = [[]]
    private var numbers: [[UInt8]: UInt32] = [:]
    /// Per claim id: 0 when its history has not created it, else 1 + its replayed state's number.
    private var states: [UInt32] = []
    /// Per claim id: its replayed assignee's number, 0 for nobody, ``untouched`` when no
    /// event of this segment said.
    private var assignees: [UInt32] = []
    private static let untouched = UInt32.max

    /// A verifier for the history from its first event.
    init(anchor: (seq: Int64, hash: String)? = nil) {
        self.anchor = anchor
    }

    /// A verifier for a later stretch of the history, checked on its own (on another core)
    /// and then joined to the one before it with ``append(_:)``.
    static func continuation(anchor: (seq: Int64, hash: String)?) -> AuditVerifier {
        var verifier = AuditVerifier(anchor: anchor)
        verifier.expectedSeq = nil
        return verifier
    }

    /// Checks the next event of the history.
    mutating func take(_ event: EventBytes) {
        let seq = event.seq
        report.events += 1
        let prevHash = Self.bytes(event.prevHash)
        if let expectedSeq {
            checkLink(seq: seq, prevHash: prevHash, expected: expectedSeq)
        } else {
            firstLink = (seq, Array(prevHash))
        }
        let hash = Self.bytes(event.hash)
        if !matchesHash(event, prevHash: prevHash, stored: hash) {
            report.problems.append(.init(kind: .contentChanged, seq: seq,
                                         detail: "its content no longer matches its hash"))
        }
        if let anchor, anchor.seq == seq {
            anchorSeen = true
            if !Self.equal(hash, Array(anchor.hash.utf8)) {
                report.problems.append(.init(kind: .anchorMismatch, seq: seq,
                                             detail: "the published head has a different hash: the history was rewritten"))
            }
        }
        expectedSeq = seq + 1
        report.headSeq = seq
        previousHash.removeAll(keepingCapacity: true)
        previousHash.append(contentsOf: hash)
        replay(event)
    }

    /// Whether an event follows the one before it: the next number, and its hash as the previous hash.
    private mutating func checkLink(seq: Int64, prevHash: UnsafeRawBufferPointer, expected: Int64) {
        if seq != expected {
            report.problems.append(seq > expected
                ? .init(kind: .eventMissing, seq: expected,
                        detail: seq - expected == 1 ? "the history jumps from \(expected - 1) to \(seq)"
                            : "events \(expected) to \(seq - 1) are gone")
                : .init(kind: .orderBroken, seq: seq, detail: "it comes after event \(expected - 1)"))
        } else if !Self.equal(prevHash, previousHash) {
            report.problems.append(.init(kind: .orderBroken, seq: seq,
                                         detail: "it does not follow the event before it in the chain"))
        }
    }

    /// Joins the verifier of the stretch of history that comes right after this one's.
    mutating func append(_ later: AuditVerifier) {
        guard later.report.events > 0 else { return }
        if let link = later.firstLink, let expectedSeq {
            link.prevHash.withUnsafeBytes { checkLink(seq: link.seq, prevHash: $0, expected: expectedSeq) }
        }
        report.events += later.report.events
        report.problems += later.report.problems
        report.headSeq = later.report.headSeq
        expectedSeq = later.expectedSeq
        previousHash = later.previousHash
        anchorSeen = anchorSeen || later.anchorSeen
        for (index, state) in later.states.enumerated() where state != 0 || later.assignees[index] != Self.untouched {
            guard let slot = slot(Int64(index)) else { continue }
            if state != 0 { states[slot] = state == 1 ? 1 : 1 + number(ofBytes: later.names[Int(state - 1)]) }
            let assignee = later.assignees[index]
            if assignee != Self.untouched { assignees[slot] = assignee == 0 ? 0 : number(ofBytes: later.names[Int(assignee)]) }
        }
    }

    private static func bytes(_ pointer: UnsafeRawBufferPointer?) -> UnsafeRawBufferPointer {
        pointer ?? UnsafeRawBufferPointer(start: nil, count: 0)
    }

    private static func equal(_ bytes: UnsafeRawBufferPointer, _ other: [UInt8]) -> Bool {
        guard bytes.count == other.count else { return false }
        return other.withUnsafeBytes { theirs in
            guard let mine = bytes.baseAddress, let base = theirs.baseAddress else { return true }
            return memcmp(mine, base, bytes.count) == 0
        }
    }

    /// Whether the stored hash is the one ``HashChain/hash(prev:content:)`` gives this event.
    private mutating func matchesHash(_ event: EventBytes, prevHash: UnsafeRawBufferPointer,
                                      stored: UnsafeRawBufferPointer) -> Bool {
        var buffer = self.buffer
        self.buffer = []
        defer { self.buffer = buffer }
        buffer.removeAll(keepingCapacity: true)
        EventEncoding.hashInput(prev: prevHash, seq: event.seq, at: event.at, actor: event.actor, claimID: event.claimID,
                                sourceID: event.sourceID, action: event.action, from: event.from, to: event.to,
                                details: event.details, into: &buffer)
        guard stored.count == 64 else { return false }
        var index = 0
        for byte in SHA256.hash(data: buffer) {
            guard stored[index] == Self.hexDigit(byte >> 4), stored[index + 1] == Self.hexDigit(byte & 0xF) else {
                return false
            }
            index += 2
        }
        return true
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }


    // MARK: - Replay

    private mutating func number(of name: UnsafeRawBufferPointer) -> UInt32 {
        number(ofBytes: name)
    }

    private mutating func number<Name: Collection<UInt8>>(ofBytes name: Name) -> UInt32 {
        // A desk has a few states and reviewers: a scan beats hashing until it has many.
        if names.count <= 64 {
            for index in 1..<names.count where name.count == names[index].count && name.elementsEqual(names[index]) {
                return UInt32(index)
            }
        }
        let key = Array(name)
        if let known = numbers[key] { return known }
        let new = UInt32(names.count)
        names.append(key)
        numbers[key] = new
        return new
    }

    private mutating func slot(_ claim: Int64) -> Int? {
        guard claim >= 0, claim < Int64(Int32.max) else { return nil }
        let index = Int(claim)
        if index >= states.count {
            let count = max(index + 1, states.count * 2)
            states.append(contentsOf: repeatElement(0, count: count - states.count))
            assignees.append(contentsOf: repeatElement(Self.untouched, count: count - assignees.count))
        }
        return index
    }

    private mutating func replay(_ event: EventBytes) {
        guard let claim = event.claimID, let action = event.action, let index = slot(claim) else { return }
        if Self.equal(action, claimAdd) {
            states[index] = 1 + (event.to.map { number(of: $0) } ?? 0)
            assignees[index] = 0
        } else if !action.contains(UInt8(ascii: ".")), let to = event.to {
            states[index] = 1 + number(of: to)
            if let assignee = event.assignee { assignees[index] = number(of: assignee) }
        }
    }

    private let claimAdd: [UInt8] = Array(AuditAction.claimAdd.utf8)

    private func name(_ number: UInt32) -> String? {
        number == 0 || number == Self.untouched ? nil : String(decoding: names[Int(number)], as: UTF8.self)
    }

    /// Compares one claim's stored state and assignee (column bytes; nil for NULL) with
    /// what the history replays to.
    mutating func check(claim id: Int64, state: UnsafeRawBufferPointer?, assignee: UnsafeRawBufferPointer?) {
        report.claimsReplayed += 1
        guard let index = slot(id), states[index] != 0 else {
            report.problems.append(.init(kind: .stateMismatch, claimID: id, detail: "the history never created it"))
            return
        }
        let replayedState = states[index] - 1, replayedAssignee = assignees[index]
        states[index] = 0
        if !matches(state, replayedState) {
            let stored = state.map { String(decoding: $0, as: UTF8.self) } ?? "nothing"
            report.problems.append(.init(kind: .stateMismatch, claimID: id,
                                         detail: "it is '\(stored)' but its history ends in '\(name(replayedState) ?? "nothing")'"))
        }
        if !matches(assignee, replayedAssignee) {
            let stored = assignee.map { String(decoding: $0, as: UTF8.self) } ?? "nobody"
            report.problems.append(.init(kind: .stateMismatch, claimID: id,
                                         detail: "it is assigned to \(stored) but its history says \(name(replayedAssignee) ?? "nobody")"))
        }
    }

    private func matches(_ stored: UnsafeRawBufferPointer?, _ number: UInt32) -> Bool {
        guard let stored else { return number == 0 || number == Self.untouched }
        return number != 0 && number != Self.untouched && Self.equal(stored, names[Int(number)])
    }

    /// Notes that a protection of the history (an append-only trigger) is missing.
    mutating func protectionMissing(_ name: String) {
        report.problems.append(.init(kind: .protectionRemoved, detail: "the trigger \(name) that keeps the history append-only is gone"))
    }

    /// The report, once every event and claim has been taken.
    mutating func finish() -> AuditReport {
        report.headHash = String(decoding: previousHash, as: UTF8.self)
        if let anchor, !anchorSeen {
            report.problems.append(.init(
                kind: .anchorMismatch, seq: anchor.seq,
                detail: anchor.seq > report.headSeq
                    ? "the history ends at \(report.headSeq): it was cut after the published head"
                    : "the published head is not in the history"))
        }
        for (claim, state) in states.enumerated() where state != 0 {
            report.problems.append(.init(kind: .stateMismatch, claimID: Int64(claim), detail: "its history exists but the claim is gone"))
        }
        states = []
        assignees = []
        return report
    }
}
