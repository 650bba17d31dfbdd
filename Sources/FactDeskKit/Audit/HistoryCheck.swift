import Foundation

// MARK: - Audit

extension ClaimStore {
    /// Walks the whole history and every claim in one read, checking the hash chain, the
    /// anchor if one is given, and that replaying the events reproduces every claim.
    ///
    /// On a storage that reads on several threads at once and a long history, the later
    /// half of the events is checked at the same time on another core, in a second read of
    /// the same events (events never change, so both reads see the same ones up to the head
    /// read here), and joined to the first.
    public func verifyAudit(anchor: (seq: Int64, hash: String)? = nil) throws -> AuditReport {
        try verifyAudit(anchor: anchor, parallelFrom: 20_000)
    }

    /// ``verifyAudit(anchor:)``, checking the history in two halves at once when it holds at
    /// least `parallelFrom` events and the storage allows it.
    func verifyAudit(anchor: (seq: Int64, hash: String)?, parallelFrom: Int64) throws -> AuditReport {
        try storage.reading { tx in
            var verifier = AuditVerifier(anchor: anchor)
            for protection in try tx.missingHistoryProtections() {
                verifier.protectionMissing(protection)
            }
            let (low, high, count) = try tx.eventBounds()
            if storage.readsConcurrently, count >= max(parallelFrom, 2) {
                let middle = low + (high - low) / 2
                let later = laterHalf(after: middle, through: high, anchor: anchor)
                try tx.walkEvents(after: .min, through: middle) { verifier.take($0) }
                verifier.append(try later.wait())
            } else {
                try tx.walkEvents(after: .min, through: .max) { verifier.take($0) }
            }
            try tx.walkClaimStates { id, state, assignee in
                verifier.check(claim: id, state: state, assignee: assignee)
            }
            return verifier.finish()
        }
    }

    /// Starts checking the events after `middle` up to `high` on another thread, in a read of its own.
    private func laterHalf(after middle: Int64, through high: Int64,
                           anchor: (seq: Int64, hash: String)?) -> Pending<AuditVerifier> {
        let storage = self.storage
        return Pending.start {
            try storage.reading { tx in
                var verifier = AuditVerifier.continuation(anchor: anchor)
                try tx.walkEvents(after: middle, through: high) { verifier.take($0) }
                return verifier
            }
        }
    }

    /// The last event's sequence number and hash, for publishing outside the desk.
    public func auditHead() throws -> (seq: Int64, hash: String) {
        try storage.reading { try $0.historyHead() } ?? (0, HashChain.genesis)
    }
}
