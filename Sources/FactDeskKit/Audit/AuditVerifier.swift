import Crypto
import Foundation

/// What `audit verify` found.
public struct AuditReport: Sendable, Equatable {
    /// A break in the history or in the desk, located.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable {
            case contentChanged = "content changed"
            case eventMissing = "event missing"
            case orderBroken = "order broken"
            case protectionRemoved = "protection removed"
            case anchorMismatch = "anchor not in the history"
            case badSignature = "signature not valid"
            case unsigned = "unsigned"
            case notAllowed = "not allowed"
            case rowChanged = "row not accounted for"
        }

        public var kind: Kind
        public var seq: Int64?
        public var claimID: Int64?
        public var detail: String
        /// The row a problem is about, by table and id (`note 17`), when it is a row's.
        public var row: String?

        public init(kind: Kind, seq: Int64? = nil, claimID: Int64? = nil, detail: String, row: String? = nil) {
            self.kind = kind
            self.seq = seq
            self.claimID = claimID
            self.detail = detail
            self.row = row
        }

        public var description: String {
            let place = row ?? seq.map { "event \($0)" } ?? claimID.map { "claim \($0)" } ?? "the desk"
            return "\(place): \(kind.rawValue): \(detail)"
        }
    }

    public var events: Int
    public var headSeq: Int64
    public var headHash: String
    public var claimsReplayed: Int
    public var problems: [Problem]
    /// How many events carry a signature, and how many of those were checked (not those
    /// before a `--since` anchor).
    public var signedEvents: Int = 0
    public var signaturesChecked: Int = 0
    /// The first signed event; the events before it were written before the desk signed its history.
    public var signingBegan: Int64?
    /// Rows compared with what the history says of them, beyond the claims.
    public var rowsChecked: Int = 0

    public var intact: Bool { problems.isEmpty }

    /// The head as `SEQ:HASH`, the form `audit head` prints and `--anchor` reads.
    public var head: String { "\(headSeq):\(headHash)" }

    /// The events written before the desk signed its history, if any.
    public var unsignedBeforeSigning: Int64 {
        guard let signingBegan else { return Int64(events) }
        return signingBegan - 1
    }
}

/// Checks the history: the hash chain event by event, each event's signature by the key
/// its signer had registered at that point, an anchor published earlier, and (through
/// ``HistoryReplay``) each event against the desk's rules and every row against the events.
///
/// It is fed events in `seq` order as the bytes the store holds, and never holds the
/// history in memory. Signatures are gathered by a ``SignatureChecker`` and checked on every core.
struct AuditVerifier {
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
        var signer: UnsafeRawBufferPointer?
        var signature: UnsafeRawBufferPointer?
    }

    private(set) var report = AuditReport(events: 0, headSeq: 0, headHash: HashChain.genesis, claimsReplayed: 0, problems: [])
    private(set) var replay: HistoryReplay
    private var expectedSeq: Int64 = 1
    private var previousHash: [UInt8] = Array(HashChain.genesis.utf8)
    private var anchor: (seq: Int64, hash: String)?
    private var anchorSeen = false
    /// Signatures of events up to this number are not checked (`--since`): the chain up to
    /// a head verified before stands for them.
    private let trustedThrough: Int64
    /// The canonical bytes of the event being hashed, reused from event to event.
    private var buffer: [UInt8] = []
    private var checker = SignatureChecker()
    private var signatureFailures: [SignatureChecker.Failure] = []
    private var keys: [String: Curve25519.Signing.PublicKey] = [:]

    /// A verifier for the history from its first event, with the desk's workflow row.
    init(anchor: (seq: Int64, hash: String)? = nil, trustedThrough: Int64 = 0, workflows: [InstalledWorkflow]) {
        self.anchor = anchor
        self.trustedThrough = trustedThrough
        self.replay = HistoryReplay(workflows: workflows)
    }

    /// Checks the next event of the history.
    mutating func take(_ event: EventBytes) {
        let seq = event.seq
        report.events += 1
        let prevHash = Self.bytes(event.prevHash)
        checkLink(seq: seq, prevHash: prevHash)
        let hash = Self.bytes(event.hash)
        let digest = hashMatching(event, prevHash: prevHash, stored: hash)
        if digest == nil {
            report.problems.append(.init(kind: .contentChanged, seq: seq, detail: "its content no longer matches its hash"))
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

        let action = Self.string(event.action)
        guard let details = event.details.flatMap({ EventPayload(action: action, details: $0) }) else {
            report.problems.append(.init(kind: .notAllowed, seq: seq, detail: "its details are not the JSON FactDesk writes"))
            return
        }
        let replayed = HistoryReplay.Event(
            seq: seq, actor: Self.string(event.actor), claimID: event.claimID, sourceID: event.sourceID,
            action: action, at: Self.string(event.at), from: event.from.map { String(decoding: $0, as: UTF8.self) },
            to: event.to.map { String(decoding: $0, as: UTF8.self) },
            signer: event.signer.map { String(decoding: $0, as: UTF8.self) }, signed: event.signature != nil)
        checkSignature(event, replayed, details, digest: digest)
        replay.apply(replayed, details, rawDetails: event.details)
    }

    /// Queues an event's signature for checking against the key its signer had, or notes
    /// an event without one after the desk began signing.
    private mutating func checkSignature(_ event: EventBytes, _ replayed: HistoryReplay.Event, _ details: EventPayload,
                                         digest: [UInt8]?) {
        // Signing begins with the first key the hashed history registers, not with the
        // first signature found: stripping every signature cannot make a signed desk read
        // as one from before signing, since the key its events register is in their hash.
        if report.signingBegan == nil, details.registersKey { report.signingBegan = event.seq }
        guard let signature = event.signature else {
            if let began = report.signingBegan {
                report.problems.append(.init(kind: .unsigned, seq: event.seq,
                                             detail: "it carries no signature, but every event since \(began) is signed"))
            }
            return
        }
        report.signedEvents += 1
        if report.signingBegan == nil { report.signingBegan = event.seq }
        guard let keyText = replay.signingKey(for: replayed, details: details) else { return }
        guard event.seq > trustedThrough, let digest else { return }
        guard let key = publicKey(keyText) else {
            report.problems.append(.init(kind: .badSignature, seq: event.seq, detail: "the key it names is not a public key"))
            return
        }
        guard let bytes = Data(base64Encoded: Data(UnsafeRawBufferPointer(signature))), bytes.count == 64 else {
            report.problems.append(.init(kind: .badSignature, seq: event.seq, detail: "its signature is not one"))
            return
        }
        report.signaturesChecked += 1
        checker.add((event.seq, key, digest, bytes, replayed.signer.map { "the service \($0)" } ?? replayed.actor))
    }

    private mutating func publicKey(_ text: String) -> Curve25519.Signing.PublicKey? {
        if let known = keys[text] { return known }
        guard let key = try? PublicKeyText.key(text) else { return nil }
        keys[text] = key
        return key
    }

    /// Whether an event follows the one before it: the next number, and its hash as the previous hash.
    private mutating func checkLink(seq: Int64, prevHash: UnsafeRawBufferPointer) {
        let expected = expectedSeq
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

    private static func bytes(_ pointer: UnsafeRawBufferPointer?) -> UnsafeRawBufferPointer {
        pointer ?? UnsafeRawBufferPointer(start: nil, count: 0)
    }

    private static func string(_ pointer: UnsafeRawBufferPointer?) -> String {
        pointer.map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    private static func equal(_ bytes: UnsafeRawBufferPointer, _ other: [UInt8]) -> Bool {
        guard bytes.count == other.count else { return false }
        return other.withUnsafeBytes { theirs in
            guard let mine = bytes.baseAddress, let base = theirs.baseAddress else { return true }
            return memcmp(mine, base, bytes.count) == 0
        }
    }

    /// The event's SHA-256 when the stored hash is the one ``HashChain/hash(prev:content:)``
    /// gives it; nil when it is not.
    private mutating func hashMatching(_ event: EventBytes, prevHash: UnsafeRawBufferPointer,
                                       stored: UnsafeRawBufferPointer) -> [UInt8]? {
        var buffer = self.buffer
        self.buffer = []
        defer { self.buffer = buffer }
        buffer.removeAll(keepingCapacity: true)
        EventEncoding.hashInput(prev: prevHash, seq: event.seq, at: event.at, actor: event.actor, claimID: event.claimID,
                                sourceID: event.sourceID, action: event.action, from: event.from, to: event.to,
                                details: event.details, into: &buffer)
        guard stored.count == 64 else { return nil }
        let digest = Array(SHA256.hash(data: buffer))
        var index = 0
        for byte in digest {
            guard stored[index] == Self.hexDigit(byte >> 4), stored[index + 1] == Self.hexDigit(byte & 0xF) else {
                return nil
            }
            index += 2
        }
        return digest
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    // MARK: - Rows and the end

    /// Notes a problem with the history's protections (its triggers).
    mutating func protectionProblem(_ detail: String) {
        report.problems.append(.init(kind: .protectionRemoved, detail: detail))
    }

    /// Compares one claim row with its replayed history.
    mutating func check(claim: ClaimRow) {
        report.claimsReplayed += 1
        replay.checkClaim(claim)
    }

    /// Compares one row of another table with its replayed history.
    /// Checks the notifications' settings and webhooks against the events that set them.
    mutating func checkNotifications(settings: [NotifySetting], mail: MailSetting?, webhooks: [Webhook], secretsRead: Bool) {
        replay.checkNotifications(settings: settings, mail: mail, webhooks: webhooks, secretsRead: secretsRead)
    }

    mutating func check(_ table: DeskTable, _ row: [StoredValue]) {
        report.rowsChecked += 1
        replay.check(table, row)
    }

    /// The signatures gathered to be checked since the last call (see ``SignatureChecker``).
    mutating func signatureBatches(all: Bool) -> [[SignatureChecker.Item]] {
        checker.batches(all: all)
    }

    /// Records events whose signature was found not good.
    mutating func signaturesFailed(_ failures: [SignatureChecker.Failure]) {
        signatureFailures += failures
    }

    /// The report, once every event and row has been taken and every signature checked.
    mutating func finish() -> AuditReport {
        for (seq, signer) in signatureFailures.sorted(by: { $0.seq < $1.seq }) {
            report.problems.append(.init(kind: .badSignature, seq: seq,
                                         detail: "it is not signed by the key \(signer) had registered: it was forged or changed"))
        }
        report.headHash = String(decoding: previousHash, as: UTF8.self)
        if let anchor, !anchorSeen {
            report.problems.append(.init(
                kind: .anchorMismatch, seq: anchor.seq,
                detail: anchor.seq > report.headSeq
                    ? "the history ends at \(report.headSeq): it was cut after the published head"
                    : "the published head is not in the history"))
        }
        replay.finishClaims()
        replay.finishRows()
        report.problems += replay.problems
        return report
    }
}

/// A claim's columns as `audit verify` compares them.
struct ClaimRow {
    var id: Int64
    var sourceID: Int64
    var spanStart: Int64?
    var spanEnd: Int64?
    var text: String
    var speaker: String?
    var state: String
    var assignee: String?
    var dueAt: String?
    var version: Int64
    var createdAt: String
    var updatedAt: String
    var worthiness: Int64
    /// The stored reasons: a JSON array of strings.
    var reasons: String
}
