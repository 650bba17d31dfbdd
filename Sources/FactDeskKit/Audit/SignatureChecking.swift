import Crypto
import Foundation

/// A public key as FactDesk prints, stores and reads it: `ed25519:` and the key's 32
/// bytes in base64.
public enum PublicKeyText {
    static let prefix = "ed25519:"

    /// The text of a public key.
    public static func text(of key: Curve25519.Signing.PublicKey) -> String {
        prefix + key.rawRepresentation.base64EncodedString()
    }

    /// The key a text names, refusing anything but `ed25519:` and 32 bytes of base64.
    public static func key(_ text: String) throws(KeyError) -> Curve25519.Signing.PublicKey {
        let trimmed = text.trimmingWhitespace()
        guard trimmed.hasPrefix(prefix), let raw = Data(base64Encoded: String(trimmed.dropFirst(prefix.count))),
              raw.count == 32, let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
            throw .malformedPublicKey(text.count > 80 ? String(text.prefix(80)) + "..." : text)
        }
        return key
    }

    /// The canonical text of a key given as text (whitespace trimmed, checked).
    public static func normalized(_ text: String) throws(KeyError) -> String {
        Self.text(of: try key(text))
    }
}

/// Gathers the signatures to check into batches, which ``Audit/verifyAudit(anchor:trustedThrough:)``
/// checks in a task group, a few at a time on every core, while the history goes on being read.
struct SignatureChecker {
    typealias Item = (seq: Int64, key: Curve25519.Signing.PublicKey, message: [UInt8], signature: Data, signer: String)
    typealias Failure = (seq: Int64, signer: String)
    static let batchSize = 2_048

    /// The batch being gathered.
    private var pending: [Item] = []
    private var full: [[Item]] = []

    mutating func add(_ item: Item) {
        pending.append(item)
        if pending.count >= Self.batchSize {
            full.append(pending)
            pending = []
        }
    }

    /// The full batches gathered since the last call, with the last, partial one when
    /// `all`: the history has been read.
    mutating func batches(all: Bool) -> [[Item]] {
        if all && !pending.isEmpty {
            full.append(pending)
            pending = []
        }
        defer { full = [] }
        return full
    }

    /// The events of a batch whose signature is not good.
    static func failures(in batch: [Item]) -> [Failure] {
        batch.filter { !$0.key.isValidSignature($0.signature, for: $0.message) }.map { ($0.seq, $0.signer) }
    }
}
