import Crypto
import Foundation

/// Holds the rows of logins to the signed history: a password or an API token counts
/// only when the event that set it is in the history as written and signed.
///
/// A row is a plain write away for anyone who can write the desk file, and for an editor
/// on PostgreSQL through the credential function. An event is not: its hash covers its
/// content and its signature needs a key that the desk registered, which the person who
/// plants a row does not hold. So a password event carries the SHA-256 of the bcrypt hash
/// it set, and a token's creation the SHA-256 of the token's secret (never the secret or
/// the password), and a login checks the row against them.
///
/// What this does not do is replay the whole history on each login: the key an event is
/// checked with is the one the history's newest registration before it names, taken as
/// it stands. A forged registration is what `audit verify` reports (its signature, and
/// whether its signer could register keys then).
enum SignedRecords {
    /// The events that register the key a reviewer or service signs with.
    static let registrations = [AuditAction.deskCreate, AuditAction.reviewerAdd, AuditAction.reviewerKey]
    static let serviceRegistrations = [AuditAction.serviceAdd, AuditAction.serviceRemove]

    /// Whether the stored password hash of a reviewer is the one their newest password
    /// event set; nil when that event predates digests (the password must be set again).
    static func credentialIsRecorded(_ hash: String, of handle: String, _ tx: any StorageReader,
                                     checked: VerifiedSignatures) throws -> Bool? {
        guard let event = try tx.newestEvent(actions: [AuditAction.reviewerPassword], handle: handle, before: .max) else {
            return false
        }
        guard let digest = event.details.sha256 else { return nil }
        guard Secret.constantTimeEqual(digest, sha256Hex(hash)) else { return false }
        return try isSigned(event, tx, checked: checked)
    }

    /// Whether an API token (found by its secret's digest) was created for its reviewer by
    /// a signed event, and no event has revoked it since.
    static func tokenIsRecorded(_ token: APIToken, digest: String, _ tx: any StorageReader,
                                checked: VerifiedSignatures) throws -> Bool {
        let events = try tx.events(digest: digest, actions: [AuditAction.tokenCreate, AuditAction.tokenRevoke])
        guard let created = events.first, created.action == AuditAction.tokenCreate, events.count == 1,
              created.details.handle == token.handle, created.actor == token.handle else { return false }
        return try isSigned(created, tx, checked: checked)
    }

    /// Whether an event's stored hash is the hash of its content and its signature is
    /// good by the key its signer had registered before it.
    static func isSigned(_ event: AuditEvent, _ tx: any StorageReader, checked: VerifiedSignatures) throws -> Bool {
        guard let seq = event.seq, let signature = event.signature, let bytes = Data(base64Encoded: signature) else {
            return false
        }
        let content = HashChain.Content(
            seq: seq, at: StoredTime.text(event.at), actor: event.actor, claimID: event.claimID, sourceID: event.sourceID,
            action: event.action, from: event.fromState, to: event.toState, details: event.details.canonicalJSON)
        guard HashChain.hash(prev: event.prevHash, content: content) == event.hash,
              let keyText = try key(of: event, before: seq, tx) else { return false }
        if checked.contains(hash: event.hash, signature: signature, key: keyText) { return true }
        guard let key = try? PublicKeyText.key(keyText),
              key.isValidSignature(bytes, for: EventSigner.message(hash: event.hash)) else { return false }
        checked.insert(hash: event.hash, signature: signature, key: keyText)
        return true
    }

    /// The key that the event's signer (its service, else its actor) had registered before it.
    private static func key(of event: AuditEvent, before seq: Int64, _ tx: any StorageReader) throws -> String? {
        if let service = event.signer {
            let newest = try tx.newestEvent(actions: serviceRegistrations, handle: service, before: seq)
            return newest?.action == AuditAction.serviceAdd ? newest?.details.key : nil
        }
        return try tx.newestEvent(actions: registrations, handle: event.actor, before: seq)?.details.key
    }
}

/// Signatures already found good, so that a token used on every request costs one
/// signature check per process, not one per request.
final class VerifiedSignatures: @unchecked Sendable {
    private let lock = NSLock()
    private var known: Set<String> = []
    private let limit = 10_000


    func contains(hash: String, signature: String, key: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return known.contains(hash + signature + key)
    }

    func insert(hash: String, signature: String, key: String) {
        lock.lock()
        defer { lock.unlock() }
        if known.count >= limit { known.removeAll() }
        known.insert(hash + signature + key)
    }
}
