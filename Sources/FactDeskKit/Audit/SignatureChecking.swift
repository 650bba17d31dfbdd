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

/// Checks signatures in the background while the history goes on being read: they are
/// gathered into batches, each checked on every core, a few batches at a time.
final class SignatureChecker: @unchecked Sendable {
    typealias Item = (seq: Int64, key: Curve25519.Signing.PublicKey, message: [UInt8], signature: Data, signer: String)
    static let batchSize = 2_048

    /// The batch being gathered, touched only by the thread that reads the history.
    private var pending: [Item] = []
    private let queue = DispatchQueue(label: "factdesk.signatures", attributes: .concurrent)
    private let group = DispatchGroup()
    /// At most this many batches wait or run at once, so memory stays bounded.
    private let slots = DispatchSemaphore(value: 3)
    private let lock = NSLock()
    private var failures: [(seq: Int64, signer: String)] = []

    func add(_ item: Item) {
        pending.append(item)
        if pending.count >= Self.batchSize { submit() }
    }

    private func submit() {
        let items = pending
        pending = []
        guard !items.isEmpty else { return }
        slots.wait()
        group.enter()
        queue.async { [self] in
            let workers = min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 8)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var failed: [(seq: Int64, signer: String)] = []
                for index in stride(from: worker, to: items.count, by: workers) {
                    let item = items[index]
                    if !item.key.isValidSignature(item.signature, for: item.message) { failed.append((item.seq, item.signer)) }
                }
                guard !failed.isEmpty else { return }
                lock.lock()
                failures += failed
                lock.unlock()
            }
            slots.signal()
            group.leave()
        }
    }

    /// Checks what is left, waits for every batch, and gives the events whose signature failed, in order.
    func finish() -> [(seq: Int64, signer: String)] {
        submit()
        group.wait()
        lock.lock()
        defer { lock.unlock() }
        return failures.sorted { $0.seq < $1.seq }
    }
}
