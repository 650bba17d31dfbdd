import Crypto
import Foundation
import Synchronization

/// Holds the rows of logins to the signed history: a password or an API token counts
/// only when the event that set it is in the history as written, signed, and allowed.
///
/// A row is a plain write away for anyone who can write the desk file, and for an editor
/// on PostgreSQL through the credential function. An event is not: its hash covers its
/// content and its signature needs a key that the desk registered, which the person who
/// plants a row does not hold. So a password event carries the SHA-256 of the bcrypt hash
/// it set, and a token's creation the SHA-256 of the token's secret (never the secret or
/// the password), and a login checks the row against them.
///
/// An event is trusted when its hash is its content's, its signature is good by the key
/// its signer had registered before it, and its actor could do it then (themselves, or as
/// an editor); the registrations and roles it leans on are held to the same test, back to
/// the desk's first event. Each is found through an index, and what is found good is kept,
/// so this costs a few reads once per event, not a replay of the history. What it does not
/// check is the rest of the replay (an editor deactivated since, an event out of the
/// workflow): `audit verify` does.
enum SignedRecords {
    /// The events that register the key a reviewer signs with, and a service's.
    static let registrations = [AuditAction.deskCreate, AuditAction.reviewerAdd, AuditAction.reviewerKey]
    static let serviceRegistrations = [AuditAction.serviceAdd, AuditAction.serviceRemove]
    /// How many registrations and roles deep a check may lean before it gives up.
    static let depthLimit = 64

    /// Whether the stored password hash of a reviewer is the one their newest password
    /// event set; nil when that event predates digests (the password must be set again).
    static func credentialIsRecorded(_ hash: String, of handle: String, _ tx: any StorageReader,
                                     checked: VerifiedSignatures) async throws -> Bool? {
        guard let event = try await tx.newestEvent(actions: [AuditAction.reviewerPassword], handle: handle, before: .max) else {
            return false
        }
        guard let digest = event.payload.sha256 else { return nil }
        guard Secret.constantTimeEqual(digest, sha256Hex(hash)) else { return false }
        return try await isTrusted(event, tx, checked: checked)
    }

    /// Whether an API token (found by its secret's digest) was created for its reviewer by
    /// a trusted event, and no event has revoked it since.
    static func tokenIsRecorded(_ token: APIToken, digest: String, _ tx: any StorageReader,
                                checked: VerifiedSignatures) async throws -> Bool {
        let events = try await tx.events(digest: digest, actions: [AuditAction.tokenCreate, AuditAction.tokenRevoke])
        guard let created = events.first, created.action == AuditAction.tokenCreate, events.count == 1,
              created.payload.handle == token.handle, created.actor == token.handle else { return false }
        return try await isTrusted(created, tx, checked: checked)
    }

    /// Whether an event is as it was written and signed, by someone who could write it.
    static func isTrusted(_ event: AuditEvent, _ tx: any StorageReader, checked: VerifiedSignatures,
                          depth: Int = 0) async throws -> Bool {
        guard depth < depthLimit, let seq = event.seq, let signature = event.signature,
              let bytes = Data(base64Encoded: signature) else { return false }
        let content = HashChain.Content(
            seq: seq, at: StoredTime.text(event.at), actor: event.actor, claimID: event.claimID, sourceID: event.sourceID,
            action: event.action, from: event.fromState, to: event.toState, details: event.payload.canonicalJSON)
        guard HashChain.hash(prev: event.prevHash, content: content) == event.hash else { return false }
        if checked.contains(hash: event.hash, signature: signature) { return true }
        guard try await mayAct(event, seq, tx, checked, depth),
              let keyText = try await key(of: event, seq, tx, checked, depth), let key = try? PublicKeyText.key(keyText),
              key.isValidSignature(bytes, for: EventSigner.message(hash: event.hash)) else { return false }
        checked.insert(hash: event.hash, signature: signature)
        return true
    }

    /// The key that the event's signer (its service, else its actor) had registered before
    /// it, by a trusted registration; the key the event itself registers for the desk's
    /// first event and for a reviewer's first key.
    private static func key(of event: AuditEvent, _ seq: Int64, _ tx: any StorageReader, _ checked: VerifiedSignatures,
                            _ depth: Int) async throws -> String? {
        if let service = event.signer {
            guard let added = try await tx.newestEvent(actions: serviceRegistrations, handle: service, before: seq),
                  added.action == AuditAction.serviceAdd, try await isTrusted(added, tx, checked: checked, depth: depth + 1)
            else { return nil }
            return added.payload.key
        }
        if seq == 1, event.action == AuditAction.deskCreate { return event.payload.key }
        if let registered = try await tx.newestEvent(actions: registrations, handle: event.actor, before: seq),
           let key = registered.payload.key {
            return try await isTrusted(registered, tx, checked: checked, depth: depth + 1) ? key : nil
        }
        let selfRegistration = event.action == AuditAction.reviewerKey && event.payload.handle == event.actor
        return selfRegistration ? event.payload.key : nil
    }

    /// Whether the actor could write the event: for themselves, or as an editor then.
    private static func mayAct(_ event: AuditEvent, _ seq: Int64, _ tx: any StorageReader, _ checked: VerifiedSignatures,
                               _ depth: Int) async throws -> Bool {
        let own = event.payload.handle == event.actor
        switch event.action {
        case AuditAction.deskCreate:
            return seq == 1 && own
        case AuditAction.tokenCreate, AuditAction.tokenRevoke:
            if own { return true }
            return try await isEditor(event.actor, before: seq, tx, checked, depth)
        case AuditAction.reviewerPassword, AuditAction.reviewerKey, AuditAction.reviewerNotify:
            if own { return true }
            return try await isEditor(event.actor, before: seq, tx, checked, depth)
        case AuditAction.reviewerAdd where own:
            // The founder adds themselves right after creating the desk.
            guard let created = try await tx.newestEvent(actions: [AuditAction.deskCreate], handle: event.actor, before: seq) else {
                return false
            }
            guard created.seq == 1 else { return false }
            return try await isTrusted(created, tx, checked: checked, depth: depth + 1)
        default:
            return try await isEditor(event.actor, before: seq, tx, checked, depth)
        }
    }

    /// Whether a reviewer was an editor before an event, by a trusted event that says so.
    private static func isEditor(_ handle: String, before seq: Int64, _ tx: any StorageReader, _ checked: VerifiedSignatures,
                                 _ depth: Int) async throws -> Bool {
        guard let role = try await tx.newestEvent(actions: [AuditAction.reviewerAdd, AuditAction.reviewerRole], handle: handle, before: seq),
              role.payload.role == Reviewer.Role.editor.rawValue else { return false }
        return try await isTrusted(role, tx, checked: checked, depth: depth + 1)
    }
}

/// Events already found trusted, by hash and signature, so that a token used on every
/// request costs its checks once per process, not once per request.
final class VerifiedSignatures: Sendable {
    private let known = Mutex<Set<String>>([])
    private let limit = 10_000

    func contains(hash: String, signature: String) -> Bool {
        known.withLock { $0.contains(hash + signature) }
    }

    func insert(hash: String, signature: String) {
        known.withLock { known in
            if known.count >= limit { known.removeAll() }
            known.insert(hash + signature)
        }
    }
}
