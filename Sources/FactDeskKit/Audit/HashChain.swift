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

        public init(seq: Int64, at: String, actor: String, claimID: Int64?, sourceID: Int64?, action: String,
                    from: String?, to: String?, details: String) {
            self.seq = seq
            self.at = at
            self.actor = actor
            self.claimID = claimID
            self.sourceID = sourceID
            self.action = action
            self.from = from
            self.to = to
            self.details = details
        }
    }

    /// The hash of an event: SHA-256 of the previous hash, a line break, and the canonical content.
    public static func hash(prev: String, content: Content) -> String {
        // The fields' bytes side by side in one array, handed to the encoder as slices of it.
        var storage: [UInt8] = []
        var ranges: [Range<Int>?] = []
        for text in [prev, content.at, content.actor, content.action, content.from, content.to, content.details] {
            guard let text else {
                ranges.append(nil)
                continue
            }
            let start = storage.count
            storage.append(contentsOf: text.utf8)
            ranges.append(start..<storage.count)
        }
        return storage.withUnsafeBytes { base in
            func slice(_ index: Int) -> UnsafeRawBufferPointer? {
                ranges[index].map { UnsafeRawBufferPointer(rebasing: base[$0]) }
            }
            var buffer: [UInt8] = []
            EventEncoding.hashInput(
                prev: slice(0) ?? UnsafeRawBufferPointer(start: nil, count: 0), seq: content.seq, at: slice(1),
                actor: slice(2), claimID: content.claimID, sourceID: content.sourceID, action: slice(3),
                from: slice(4), to: slice(5), details: slice(6), into: &buffer)
            return sha256Hex(bytes: buffer)
        }
    }
}
