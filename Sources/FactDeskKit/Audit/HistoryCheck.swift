import Foundation

// MARK: - Audit

extension ClaimStore {
    /// Checks the whole desk against its history in one read: the hash chain, each event's
    /// signature, the anchor if one is given, each event against the rules in force when
    /// it was written, every row of the desk against what the events say of it, and the
    /// triggers that keep the history append-only, by their full definitions.
    ///
    /// With `trustedThrough`, the signatures of events up to that number are not checked
    /// again (`--since`, from a head verified before, whose hash the anchor checks).
    public func verifyAudit(anchor: (seq: Int64, hash: String)? = nil, trustedThrough: Int64 = 0) throws -> AuditReport {
        let expected = try storage.expectedHistoryProtection()
        return try storage.reading { tx in
            var verifier = AuditVerifier(anchor: anchor, trustedThrough: trustedThrough, workflows: try tx.installedWorkflows())
            for problem in HistoryProtection.problems(installed: try tx.historyProtection(), expected: expected) {
                verifier.protectionProblem(problem)
            }
            try tx.walkEvents { verifier.take($0) }
            try tx.walkClaims { verifier.check(claim: $0) }
            let credentials: [DeskTable] = try tx.mayReadCredentials() ? [.credential] : []
            for table in [DeskTable.desk, .reviewer, .service, .source, .note, .evidence, .alias, .claimLink, .knownCheck] + credentials {
                try tx.eachRow(of: table) { verifier.check(table, $0) }
            }
            // Only the handle: all that a reviewer may read of a second factor on PostgreSQL.
            for handle in try tx.secondFactorHandles() { verifier.check(.secondFactor, [.text(handle)]) }
            return verifier.finish()
        }
    }

    /// The last event's sequence number and hash, for publishing outside the desk.
    public func auditHead() throws -> (seq: Int64, hash: String) {
        try storage.reading { try $0.historyHead() } ?? (0, HashChain.genesis)
    }
}
