import Foundation

// MARK: - Audit

extension Audit {
    /// Checks the whole desk against its history in one read: the hash chain, each event's
    /// signature, the anchor if one is given, each event against the rules in force when
    /// it was written, every row of the desk against what the events say of it, and the
    /// triggers that keep the history append-only, by their full definitions.
    ///
    /// With `trustedThrough`, the signatures of events up to that number are not checked
    /// again (`--since`, from a head verified before, whose hash the anchor checks).
    public func verifyAudit(anchor: (seq: Int64, hash: String)? = nil, trustedThrough: Int64 = 0) async throws -> AuditReport {
        let expected = try await storage.expectedHistoryProtection()
        return try await storage.reading { tx in
            var verifier = AuditVerifier(anchor: anchor, trustedThrough: trustedThrough, workflows: try await tx.installedWorkflows())
            for problem in HistoryProtection.problems(installed: try await tx.historyProtection(), expected: expected) {
                verifier.protectionProblem(problem)
            }
            try await Self.walkEvents(tx, into: &verifier)
            try await tx.walkClaims { verifier.check(claim: $0) }
            let credentials: [DeskTable] = try await tx.mayReadCredentials() ? [.credential] : []
            for table in [DeskTable.desk, .reviewer, .service, .source, .note, .evidence, .alias, .claimLink, .knownCheck, .sourcePage, .feed, .tip] + credentials {
                try await tx.eachRow(of: table) { verifier.check(table, $0) }
            }
            let webhooks = try await tx.webhooks()
            verifier.checkNotifications(settings: try await tx.notifySettings(), mail: try await tx.mailSetting(), webhooks: webhooks,
                                        secretsRead: webhooks.allSatisfy { !$0.secret.isEmpty })
            // Only the handle: all that a reviewer may read of a second factor on PostgreSQL.
            for handle in try await tx.secondFactorHandles() { verifier.check(.secondFactor, [.text(handle)]) }
            return verifier.finish()
        }
    }

    /// How many events are read at a time; their signatures are checked while the next are read.
    static let eventPage = 5_000

    /// Hands every event to the verifier, a page at a time, and checks the signatures it
    /// gathers in a task group while the pages after them are read: a few batches at once,
    /// so that memory stays bounded however long the history.
    private static func walkEvents(_ tx: any StorageReader, into verifier: inout AuditVerifier) async throws {
        let running = max(ProcessInfo.processInfo.activeProcessorCount, 2)
        let failures = try await withThrowingTaskGroup(of: [SignatureChecker.Failure].self) { group in
            var failures: [SignatureChecker.Failure] = []
            var inFlight = 0
            var after: Int64 = 0
            var read = eventPage
            while read == eventPage {
                read = 0
                try await tx.walkEvents(after: after, limit: eventPage) { event in
                    after = event.seq
                    read += 1
                    verifier.take(event)
                }
                for batch in verifier.signatureBatches(all: read < eventPage) {
                    if inFlight >= running, let done = try await group.next() {
                        failures += done
                        inFlight -= 1
                    }
                    group.addTask { SignatureChecker.failures(in: batch) }
                    inFlight += 1
                }
            }
            for try await done in group { failures += done }
            return failures
        }
        verifier.signaturesFailed(failures)
    }

    /// The last event's sequence number and hash, for publishing outside the desk.
    public func auditHead() async throws -> (seq: Int64, hash: String) {
        try await storage.reading { try await $0.historyHead() } ?? (0, HashChain.genesis)
    }
}
