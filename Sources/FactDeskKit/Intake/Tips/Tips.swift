import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Readers' tips: received through the web desk's public form or a tipline bot, triaged by
/// editors into claims, rejections or groups.
///
/// A tip's words are in the signed `tip.receive` event (its actor ``AuditAction/tipActor``,
/// signed by the web desk's service); the reader's contact and the digest of their address
/// are kept apart (``TipContact``), shown to editors only, never exported, and erased by
/// ``forget(_:by:)`` while the history stays whole.
public struct Tips: DeskUseCase {
    let context: DeskContext

    /// The most tips one address may send in an hour.
    public static let perAddressPerHour = 5
    public static let maximumText = 5_000
    public static let maximumContact = 200

    /// What a reader asks the desk to check.
    public struct Submission: Sendable, Equatable {
        public var text: String?
        public var url: String?
        public var contact: String?
        public var language: String?
        /// The address it came from, counted and then kept only as a digest.
        public var address: String?

        public init(text: String?, url: String?, contact: String?, language: String? = nil, address: String? = nil) {
            func clean(_ value: String?) -> String? {
                value.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            (self.text, self.url, self.contact, self.language, self.address) = (clean(text), clean(url), clean(contact), clean(language), address)
        }
    }

    /// A tip in a list, with how many others were merged into it: the demand for its check.
    public struct Listed: Sendable, Equatable {
        public var tip: Tip
        public var count: Int
    }

    /// What the reader's receipt page says.
    public struct Receipt: Sendable, Equatable {
        public enum Stage: String, Sendable { case received, beingChecked = "being checked", checked, notTakenUp = "not taken up" }
        public var code: String
        public var receivedAt: Date
        public var stage: Stage
        /// For a checked tip: the verdict (the claim's final state) and the note published with it.
        public var verdict: String?
        public var note: String?
    }

    /// Takes a reader's tip. The store must sign as a service (the web desk), whose key signs
    /// the event; the reader is not on the team.
    public func receive(_ submission: Submission) async throws -> Tip {
        guard signer.service != nil else {
            throw DeskError.invalidValue("tips are received through the web desk (`factdesk serve`), which signs them as its service")
        }
        guard submission.text != nil || submission.url != nil else {
            throw DeskError.invalidValue("a tip needs the claim in your words, a link, or both")
        }
        if let text = submission.text, text.count > Self.maximumText {
            throw DeskError.tooLarge(name: "the tip", size: text.count, limit: Self.maximumText)
        }
        if let contact = submission.contact, contact.count > Self.maximumContact {
            throw DeskError.tooLarge(name: "the contact", size: contact.count, limit: Self.maximumContact)
        }
        if let url = submission.url { try WebLink.check(url, what: "the link"); _ = try PageFetcher.check(url) }
        if let language = submission.language, !(2...3).contains(language.count) || !language.allSatisfy({ $0.isASCII && $0.isLowercase }) {
            throw DeskError.invalidLanguage(language)
        }
        try StoredText.check([("tip", submission.text), ("link", submission.url), ("contact", submission.contact)])
        let sender = submission.address.map { sha256Hex("tip-sender:" + Self.network(of: $0)) }
        return try await writing { tx in
            let now = clock()
            // An address's digest is kept only as long as the limit needs it.
            try await tx.forgetSenders(before: now.addingTimeInterval(-3600))
            if let sender, try await tx.tipsSent(by: sender, since: now.addingTimeInterval(-3600)) >= Self.perAddressPerHour {
                throw DeskError.tooManyTips(limit: Self.perAddressPerHour)
            }
            let tip = try await tx.insert(Tip(code: Self.newCode(), receivedAt: now, text: submission.text, url: submission.url,
                                              language: submission.language))
            guard let id = tip.id else { throw StoreError.database("the tip was stored without a number") }
            try await tx.insert(TipContact(tipID: id, contact: submission.contact, sender: sender, receivedAt: now))
            try await tx.record(AuditEvent(at: now, actor: AuditAction.tipActor,
                                           .tipReceive(.init(tip: id, text: tip.text, url: tip.url, language: tip.language))), signer)
            return tip
        }
    }

    /// Tips, newest first, each with its group's count; merged tips are counted, not listed,
    /// unless asked for by status.
    public func list(status: Tip.Status? = nil, limit: Int = 200) async throws -> [Listed] {
        try await storage.reading { tx in
            let tips = try await tx.tips(status: status, limit: limit).filter { status != nil || $0.status != .merged }
            let counts = try await tx.mergedCounts(into: tips.compactMap(\.id))
            return tips.map { Listed(tip: $0, count: 1 + (counts[$0.id ?? 0] ?? 0)) }
        }
    }

    /// A tip, with its reader's contact for an editor (nil for anyone else).
    public func show(_ id: Int64, by actor: String) async throws -> (tip: Listed, contact: String?) {
        try await storage.reading { tx in
            guard let tip = try await tx.tip(id) else { throw DeskError.tipNotFound(String(id)) }
            let count = 1 + (try await tx.mergedCounts(into: [id])[id] ?? 0)
            let editor = (try? await tx.reviewer(actor))?.map { $0.active && $0.role == .editor } ?? false
            let contact = editor ? try await tx.tipContact(id)?.contact : nil
            return (Listed(tip: tip, count: count), contact)
        }
    }

    /// Makes a claim of a tip: for a link, the article is imported and the claim is found
    /// in it (or kept as the reader's words); otherwise the tip's words become a source of
    /// their own. `text` says the claim when the reader's words do not.
    public func accept(_ id: Int64, text: String?, fetcher: PageFetcher, by actor: String) async throws -> (tip: Tip, claim: Claim) {
        let tip = try await storage.reading { tx in
            _ = try await tx.permit(.triageTips, by: actor)
            return try await Self.undecided(id, tx)
        }
        guard let words = (text?.trimmingWhitespace()).flatMap({ $0.isEmpty ? nil : $0 }) ?? tip.text?.trimmingWhitespace() else {
            throw DeskError.invalidValue("tip \(id) has only a link; give the claim to check with --text")
        }
        try StoredText.check(words, field: "claim")
        let batch: PreparedBatch
        if let url = tip.url {
            guard case .page(let page) = try await fetcher.fetch(url, now: clock) else {
                throw FetchError.unreachable(address: url, reason: "it answered 304 to a request that asked for no condition")
            }
            batch = try await Imports.prepare(page, overrides: SourceOverrides(language: tip.language), extract: true)
        } else {
            batch = try await Imports.prepare([NewSource(body: tip.text ?? words, title: "Reader's tip \(id)", outlet: "readers' tips",
                                                         url: nil, language: tip.language, publishedOn: nil)], extract: false)
        }
        return try await imports.store(batch, by: actor) { imported, tx in
            _ = try await tx.permit(.triageTips, by: actor)
            var tip = try await Self.undecided(id, tx)
            let source: Source
            switch imported[0] { case .added(let added, _), .existing(let added): source = added }
            guard let sourceID = source.id else { throw StoreError.database("the tip's source has no number") }
            let claim = try await review.addClaim(sourceID: sourceID, words: words, speaker: nil, paraphrase: true, by: actor, tx)
            let now = clock()
            (tip.status, tip.claimID, tip.decidedBy, tip.decidedAt) = (.accepted, claim.id, actor, now)
            try await tx.saveTriage(tip)
            try await tx.record(AuditEvent(at: now, actor: actor, claimID: claim.id, sourceID: sourceID, .tipAccept(.init(tip: id))), signer)
            return (tip, claim)
        }
    }

    /// Turns a tip down, saying why (to the desk; the reader sees "not taken up").
    public func reject(_ id: Int64, note: String, by actor: String) async throws -> Tip {
        let reason = note.trimmingWhitespace()
        guard !reason.isEmpty else { throw DeskError.invalidValue("say why with --note; the desk keeps the reason") }
        return try await decide(id, by: actor) { tip, _ in
            (tip.status, tip.note) = (.rejected, reason)
            return .tipReject(.init(tip: id, note: reason))
        }
    }

    /// Groups a tip under another that asks the same: its reader's receipt follows that tip.
    public func merge(_ id: Int64, into target: Int64, by actor: String) async throws -> Tip {
        guard id != target else { throw DeskError.invalidValue("a tip cannot be merged into itself") }
        return try await decide(id, by: actor) { tip, tx in
            guard var into = try await tx.tip(target) else { throw DeskError.tipNotFound(String(target)) }
            var hops = 0
            while into.status == .merged, let next = into.mergedInto, let found = try await tx.tip(next) {
                (into, hops) = (found, hops + 1)
                guard hops < 20 else { throw DeskError.invalidValue("tip \(target)'s merges go round in a circle; run `factdesk audit verify`") }
            }
            guard let intoID = into.id, intoID != id else { throw DeskError.invalidValue("tip \(target) is merged into tip \(id)") }
            (tip.status, tip.mergedInto) = (.merged, intoID)
            return .tipMerge(.init(tip: id, into: intoID))
        }
    }

    /// Erases a reader's contact and address digest; the tip and its history stay.
    public func forget(_ id: Int64, by actor: String) async throws {
        try await writing { tx in
            _ = try await tx.permit(.triageTips, by: actor)
            guard try await tx.tip(id) != nil else { throw DeskError.tipNotFound(String(id)) }
            try await tx.forgetContact(tip: id)
            try await tx.record(AuditEvent(at: clock(), actor: actor, .tipForget(.init(tip: id))), signer)
        }
    }

    /// What the reader's receipt page shows: where the tip (or the tip it was merged into)
    /// stands, and for a claim that reached a verdict, the verdict and the note given with it.
    public func receipt(code: String) async throws -> Receipt {
        try await storage.reading { tx in
            guard Self.isCode(code), var tip = try await tx.tip(code: code) else { throw DeskError.tipNotFound(code) }
            let received = tip.receivedAt
            var hops = 0
            while tip.status == .merged, let next = tip.mergedInto, hops < 20, let found = try await tx.tip(next) { (tip, hops) = (found, hops + 1) }
            var receipt = Receipt(code: code, receivedAt: received, stage: .received)
            switch tip.status {
            case .new, .merged: break
            case .rejected: receipt.stage = .notTakenUp
            case .accepted:
                receipt.stage = .beingChecked
                if let id = tip.claimID, let claim = try await tx.claim(id),
                   try await tx.deskWorkflow().workflow.finalStates.contains(claim.state) {
                    receipt.stage = .checked
                    receipt.verdict = claim.state
                    // The note given with the verdict: the transition that put the claim in its
                    // state, never a note or evidence added since.
                    receipt.note = try await tx.events(claim: id).last {
                        AuditAction.isTransition($0.action) && $0.toState == claim.state
                    }?.payload.note
                }
            }
            return receipt
        }
    }

    private func decide(_ id: Int64, by actor: String,
                        _ change: (inout Tip, any StorageWriter) async throws -> EventPayload) async throws -> Tip {
        try await writing { tx in
            _ = try await tx.permit(.triageTips, by: actor)
            var tip = try await Self.undecided(id, tx)
            let payload = try await change(&tip, tx)
            let now = clock()
            (tip.decidedBy, tip.decidedAt) = (actor, now)
            try await tx.saveTriage(tip)
            try await tx.record(AuditEvent(at: now, actor: actor, payload), signer)
            return tip
        }
    }

    private static func undecided(_ id: Int64, _ tx: any StorageReader) async throws -> Tip {
        guard let tip = try await tx.tip(id) else { throw DeskError.tipNotFound(String(id)) }
        guard tip.status == .new else { throw DeskError.tipDecided(id: id, status: tip.status.rawValue) }
        return tip
    }

    /// What a sender is counted by: an IPv4 address, or an IPv6 address's /64 (one subscriber's
    /// network, where each device may take any of 2^64 addresses).
    static func network(of address: String) -> String {
        guard address.contains(":") else { return address }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, address, &v6) == 1 else { return address }
        let bytes = withUnsafeBytes(of: v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
            return bytes[12..<16].map(String.init).joined(separator: ".")
        }
        return bytes[0..<8].map { String(format: "%02x", $0) }.joined() + "::/64"
    }

    /// A receipt code: 16 letters and digits a reader can read out (no 0/O, 1/I/L), 80 bits.
    static func newCode() -> String {
        let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    public static func isCode(_ text: String) -> Bool {
        text.count == 16 && text.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
    }
}
