import Foundation

/// The chain that makes the history tamper-evident.
///
/// Every event stores the hash of the event before it and its own hash: SHA-256 of the
/// previous hash and the event's canonical content. Changing, removing, inserting or
/// reordering an event breaks the chain at that event; rebuilding the whole chain changes
/// its head, which `audit verify --anchor` catches against a head published earlier.
public enum HashChain {
    /// The "previous hash" of the first event.
    public static let genesis = String(repeating: "0", count: 64)

    /// An event's content exactly as the desk stores it: times and details as their
    /// stored text, so the hash can be recomputed from the file alone.
    public struct Content: Sendable, Equatable {
        public var seq: Int64
        public var at: String
        public var actor: String
        public var claimID: Int64?
        public var sourceID: Int64?
        public var action: String
        public var from: String?
        public var to: String?
        public var details: String

        /// One JSON array of the fields in a fixed order, nulls written as null.
        var canonicalBytes: [UInt8] {
            CanonicalJSON.array([String(seq), at, actor, claimID.map(String.init), sourceID.map(String.init),
                                 action, from, to, details])
        }
    }

    /// The hash of an event: SHA-256 of the previous hash, a line break, and the canonical content.
    public static func hash(prev: String, content: Content) -> String {
        var bytes = Array(prev.utf8)
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: content.canonicalBytes)
        return sha256Hex(bytes: bytes)
    }
}
