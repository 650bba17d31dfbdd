import Foundation
import GRDB

/// One transaction on a desk file as the domain sees it: the connection it holds, with a
/// transaction left open on it between calls.
///
/// Each call is one short synchronous access to that connection, made by
/// ``SQLiteTransaction`` (which holds the SQL); between calls the domain's body may wait.
/// The connections allow it (`allowsUnsafeTransactions`); ``SQLiteStorage`` begins and ends
/// the transaction.
struct SQLiteSession: StorageWriter {
    let connection: DatabaseQueue

    /// Runs `body` on the connection, inside the open transaction.
    func access<T>(_ body: (SQLiteTransaction) throws -> T) throws -> T {
        try connection.inDatabase { try body(SQLiteTransaction(db: $0)) }
    }

    // MARK: - Streams whose bodies may wait

    func eachClaim(_ body: (Claim) async throws -> Void) async throws {
        try await drain({ try $0.claimCursor() }, body)
    }

    func eachRow(of table: DeskTable, _ body: ([StoredValue]) async throws -> Void) async throws {
        try await drain({ try $0.rowCursor(of: table) }, body)
    }

    /// Reads a cursor a page at a time inside the connection's access and hands each page
    /// to `body` outside it, so that `body` may wait, or write on the same connection. The
    /// cursor is made, stepped and let go only inside accesses, as GRDB requires.
    private func drain<C: Cursor>(_ make: (SQLiteTransaction) throws -> C, _ body: (C.Element) async throws -> Void) async throws {
        var cursor: C? = try access(make)
        defer { connection.inDatabase { _ in cursor = nil } }
        while true {
            let page = try connection.inDatabase { _ in
                var page: [C.Element] = []
                page.reserveCapacity(Self.pageSize)
                while page.count < Self.pageSize, let item = try cursor?.next() { page.append(item) }
                return page
            }
            for item in page { try await body(item) }
            if page.count < Self.pageSize { return }
        }
    }

    private static let pageSize = 256

    // MARK: - Everything else, one access each

    func claim(_ id: Int64) throws -> Claim? { try access { try $0.claim(id) } }
    func reviewer(_ handle: String) throws -> Reviewer? { try access { try $0.reviewer(handle) } }
    func registeredKey(of handle: String) throws -> String? { try access { try $0.registeredKey(of: handle) } }
    func installedWorkflow() throws -> InstalledWorkflow? { try access { try $0.installedWorkflow() } }
    func installedWorkflows() throws -> [InstalledWorkflow] { try access { try $0.installedWorkflows() } }
    func workflowInstallEvent() throws -> (seq: Int64, details: String)? { try access { try $0.workflowInstallEvent() } }
    func claims(_ filter: ClaimFilter) throws -> [Claim] { try access { try $0.claims(filter) } }
    func countClaims(_ filter: ClaimFilter, cap: Int) throws -> Int { try access { try $0.countClaims(filter, cap: cap) } }
    func source(_ id: Int64) throws -> Source? { try access { try $0.source(id) } }
    func publishedOn(source: Int64) throws -> String? { try access { try $0.publishedOn(source: source) } }
    func alias(variant: String) throws -> Alias? { try access { try $0.alias(variant: variant) } }
    func aliases() throws -> [Alias] { try access { try $0.aliases() } }
    func source(sha256: String) throws -> Source? { try access { try $0.source(sha256: sha256) } }
    func sourceSummaries() throws -> [SourceSummary] { try access { try $0.sourceSummaries() } }
    func claimCount(source: Int64) throws -> Int { try access { try $0.claimCount(source: source) } }
    func pages(source: Int64) throws -> [SourcePage] { try access { try $0.pages(source: source) } }
    func newestPage(source: Int64) throws -> SourcePage? { try access { try $0.newestPage(source: source) } }
    func sourceCheck(source: Int64) throws -> SourceCheck? { try access { try $0.sourceCheck(source: source) } }
    func webSources(checkedBefore: Date?) throws -> [Int64] { try access { try $0.webSources(checkedBefore: checkedBefore) } }
    func sourceID(url: String) throws -> Int64? { try access { try $0.sourceID(url: url) } }
    func feeds() throws -> [Feed] { try access { try $0.feeds() } }
    func feed(_ id: Int64) throws -> Feed? { try access { try $0.feed(id) } }
    func feed(url: String) throws -> Feed? { try access { try $0.feed(url: url) } }
    func feedHasItem(feed: Int64, link: String) throws -> Bool { try access { try $0.feedHasItem(feed: feed, link: link) } }
    func event(seq: Int64) throws -> AuditEvent? { try access { try $0.event(seq: seq) } }
    func tips(status: Tip.Status?, limit: Int) throws -> [Tip] { try access { try $0.tips(status: status, limit: limit) } }
    func tip(_ id: Int64) throws -> Tip? { try access { try $0.tip(id) } }
    func tip(code: String) throws -> Tip? { try access { try $0.tip(code: code) } }
    func mergedCounts(into ids: [Int64]) throws -> [Int64: Int] { try access { try $0.mergedCounts(into: ids) } }
    func tipContact(_ id: Int64) throws -> TipContact? { try access { try $0.tipContact(id) } }
    func tipsSent(by sender: String, since: Date) throws -> Int { try access { try $0.tipsSent(by: sender, since: since) } }
    func notes(claim: Int64) throws -> [Note] { try access { try $0.notes(claim: claim) } }
    func evidence(claim: Int64) throws -> [Evidence] { try access { try $0.evidence(claim: claim) } }
    func events(claim: Int64) throws -> [AuditEvent] { try access { try $0.events(claim: claim) } }
    func evidenceCount(claim: Int64) throws -> Int { try access { try $0.evidenceCount(claim: claim) } }
    func transitionRuns(claim: Int64) throws -> [(transition: String, actor: String)] { try access { try $0.transitionRuns(claim: claim) } }
    func lastEvent(claim: Int64) throws -> AuditEvent? { try access { try $0.lastEvent(claim: claim) } }
    func eachEvent(claim: Int64?, limit: Int?, _ body: (AuditEvent) throws -> Void) throws { try access { try $0.eachEvent(claim: claim, limit: limit, body) } }
    func desk() throws -> (name: String, createdBy: String, createdAt: Date)? { try access { try $0.desk() } }
    func historyHead() throws -> (seq: Int64, hash: String)? { try access { try $0.historyHead() } }
    func reviewers() throws -> [Reviewer] { try access { try $0.reviewers() } }
    func service(_ name: String) throws -> Service? { try access { try $0.service(name) } }
    func services() throws -> [Service] { try access { try $0.services() } }
    func openClaims(notIn finalStates: [String]) throws -> [String: Int] { try access { try $0.openClaims(notIn: finalStates) } }
    func activeEditorCount() throws -> Int { try access { try $0.activeEditorCount() } }
    func claimCountsByState() throws -> [String: Int] { try access { try $0.claimCountsByState() } }
    func reviewerLoads(finalStates: [String], now: Date) throws -> [DeskStats.ReviewerLoad] { try access { try $0.reviewerLoads(finalStates: finalStates, now: now) } }
    func assignmentsAndVerdicts(assigning: [String], finalStates: [String], _ body: (Date, Date) throws -> Void) throws { try access { try $0.assignmentsAndVerdicts(assigning: assigning, finalStates: finalStates, body) } }
    func verdictTimes(finalStates: [String], since: Date) throws -> [Date] { try access { try $0.verdictTimes(finalStates: finalStates, since: since) } }
    func passwordHash(of handle: String) throws -> String? { try access { try $0.passwordHash(of: handle) } }
    func lockedUntil(keys: [String]) throws -> Date? { try access { try $0.lockedUntil(keys: keys) } }
    func session(tokenHash: String) throws -> (handle: String, csrf: String, createdAt: Date, lastSeenAt: Date)? { try access { try $0.session(tokenHash: tokenHash) } }
    func apiToken(id: Int64) throws -> APIToken? { try access { try $0.apiToken(id: id) } }
    func apiToken(hash: String) throws -> APIToken? { try access { try $0.apiToken(hash: hash) } }
    func apiTokens(of handle: String?) throws -> [APIToken] { try access { try $0.apiTokens(of: handle) } }
    func apiTokenDigest(id: Int64) throws -> String? { try access { try $0.apiTokenDigest(id: id) } }
    func newestEvent(actions: [String], handle: String, before seq: Int64) throws -> AuditEvent? { try access { try $0.newestEvent(actions: actions, handle: handle, before: seq) } }
    func events(digest: String, actions: [String]) throws -> [AuditEvent] { try access { try $0.events(digest: digest, actions: actions) } }
    func speakerCounts() throws -> [(speaker: String, state: String, claims: Int)] { try access { try $0.speakerCounts() } }
    func claims(spokenBy speakers: [String], limit: Int) throws -> [Claim] { try access { try $0.claims(spokenBy: speakers, limit: limit) } }
    func knownChecks() throws -> [KnownCheck] { try access { try $0.knownChecks() } }
    func knownCheck(ref: String) throws -> KnownCheck? { try access { try $0.knownCheck(ref: ref) } }
    func newestClaimID() throws -> Int64 { try access { try $0.newestClaimID() } }
    func claims(matching query: TermQuery, _ range: MatchRange) throws -> [Claim] { try access { try $0.claims(matching: query, range) } }
    func countMatches(_ query: TermQuery, states: [String], above: Int64, cap: Int) throws -> Int { try access { try $0.countMatches(query, states: states, above: above, cap: cap) } }
    func bestMatches(_ query: TermQuery, states: [String], window: Int, limit: Int) throws -> [Claim] { try access { try $0.bestMatches(query, states: states, window: window, limit: limit) } }
    func bestMatches(_ query: TermQuery, near id: Int64, within span: Int64, excludingSource: Int64, limit: Int) throws -> [Claim] { try access { try $0.bestMatches(query, near: id, within: span, excludingSource: excludingSource, limit: limit) } }
    func termVocabulary() throws -> [(term: String, claims: Int)] { try access { try $0.termVocabulary() } }
    func searchIndexVersion() throws -> Int64 { try access { try $0.searchIndexVersion() } }
    func links(of claim: Int64) throws -> [ClaimLink] { try access { try $0.links(of: claim) } }
    func decider(of claim: Int64) throws -> String? { try access { try $0.decider(of: claim) } }
    func historyProtection() throws -> [ProtectionObject] { try access { try $0.historyProtection() } }
    func walkEvents(after seq: Int64, limit: Int, _ body: (AuditVerifier.EventBytes) -> Void) throws { try access { try $0.walkEvents(after: seq, limit: limit, body) } }
    func walkClaims(_ body: (ClaimRow) -> Void) throws { try access { try $0.walkClaims(body) } }
    func mayReadCredentials() throws -> Bool { try access { try $0.mayReadCredentials() } }
    func hasSecondFactor(_ handle: String) throws -> Bool { try access { try $0.hasSecondFactor(handle) } }
    func secondFactorHandles() throws -> [String] { try access { try $0.secondFactorHandles() } }
    func secondFactor(of handle: String) throws -> StoredSecondFactor? { try access { try $0.secondFactor(of: handle) } }
    func saveProgress(_ claim: Claim) throws { try access { try $0.saveProgress(claim) } }
    func insert(_ note: Note) throws -> Note { try access { try $0.insert(note) } }
    func insert(_ evidence: Evidence) throws -> Evidence { try access { try $0.insert(evidence) } }
    func append(_ event: AuditEvent, at: String, details: String) throws { try access { try $0.append(event, at: at, details: details) } }
    func insert(_ claim: Claim, searchTerms: String) throws -> Claim { try access { try $0.insert(claim, searchTerms: searchTerms) } }
    func insert(_ source: Source) throws -> Source { try access { try $0.insert(source) } }
    func insert(_ page: SourcePage) throws -> SourcePage { try access { try $0.insert(page) } }
    func save(_ check: SourceCheck) throws { try access { try $0.save(check) } }
    func insert(_ feed: Feed) throws -> Feed { try access { try $0.insert(feed) } }
    func savePoll(_ feed: Feed) throws { try access { try $0.savePoll(feed) } }
    func deleteFeed(_ id: Int64) throws { try access { try $0.deleteFeed(id) } }
    func insertFeedItem(feed: Int64, link: String, source: Int64?, at: Date) throws {
        try access { try $0.insertFeedItem(feed: feed, link: link, source: source, at: at) }
    }
    func takeLease(_ name: String, holder: String, until: Date, now: Date) throws -> Bool {
        try access { try $0.takeLease(name, holder: holder, until: until, now: now) }
    }
    func insert(_ tip: Tip) throws -> Tip { try access { try $0.insert(tip) } }
    func saveTriage(_ tip: Tip) throws { try access { try $0.saveTriage(tip) } }
    func insert(_ contact: TipContact) throws { try access { try $0.insert(contact) } }
    func forgetContact(tip: Int64) throws { try access { try $0.forgetContact(tip: tip) } }
    func forgetSenders(before: Date) throws { try access { try $0.forgetSenders(before: before) } }
    func notifySetting(_ handle: String) throws -> NotifySetting? { try access { try $0.notifySetting(handle) } }
    func notifySettings() throws -> [NotifySetting] { try access { try $0.notifySettings() } }
    func interfaceSetting(_ handle: String) throws -> InterfaceSetting? { try access { try $0.interfaceSetting(handle) } }
    func deskSetting(_ name: String) throws -> String? { try access { try $0.deskSetting(name) } }
    func save(_ setting: InterfaceSetting, of handle: String) throws { try access { try $0.save(setting, of: handle) } }
    func setDeskSetting(_ name: String, to value: String) throws { try access { try $0.setDeskSetting(name, to: value) } }
    func mailSetting() throws -> MailSetting? { try access { try $0.mailSetting() } }
    func mailPassword() throws -> String? { try access { try $0.mailPassword() } }
    func webhooks() throws -> [Webhook] { try access { try $0.webhooks() } }
    func webhook(_ id: Int64) throws -> Webhook? { try access { try $0.webhook(id) } }
    func followers(of claim: Int64) throws -> [String] { try access { try $0.followers(of: claim) } }
    func notifyCursor(_ name: String) throws -> Int64 { try access { try $0.notifyCursor(name) } }
    func events(after seq: Int64, limit: Int) throws -> [AuditEvent] { try access { try $0.events(after: seq, limit: limit) } }
    func inbox(of handle: String, unreadOnly: Bool, after: Int64?, limit: Int) throws -> [InboxItem] {
        try access { try $0.inbox(of: handle, unreadOnly: unreadOnly, after: after, limit: limit) }
    }
    func unreadCount(of handle: String) throws -> Int { try access { try $0.unreadCount(of: handle) } }
    func deliveries(_ channel: Delivery.Channel, target: String, limit: Int) throws -> [Delivery] {
        try access { try $0.deliveries(channel, target: target, limit: limit) }
    }
    func delivery(_ id: Int64) throws -> Delivery? { try access { try $0.delivery(id) } }
    func attempts(delivery: Int64) throws -> [DeliveryAttempt] { try access { try $0.attempts(delivery: delivery) } }
    func save(_ setting: NotifySetting) throws { try access { try $0.save(setting) } }
    func save(_ mail: MailSetting, password: String?) throws { try access { try $0.save(mail, password: password) } }
    func insert(_ webhook: Webhook) throws -> Webhook { try access { try $0.insert(webhook) } }
    func saveState(_ webhook: Webhook) throws { try access { try $0.saveState(webhook) } }
    func deleteWebhook(_ id: Int64) throws { try access { try $0.deleteWebhook(id) } }
    func setFollowing(_ following: Bool, claim: Int64, handle: String, at: Date) throws {
        try access { try $0.setFollowing(following, claim: claim, handle: handle, at: at) }
    }
    func setNotifyCursor(_ name: String, to seq: Int64) throws { try access { try $0.setNotifyCursor(name, to: seq) } }
    func insert(_ item: InboxItem) throws -> InboxItem? { try access { try $0.insert(item) } }
    func markRead(_ handle: String, item: Int64?, at: Date) throws -> Int { try access { try $0.markRead(handle, item: item, at: at) } }
    func insert(_ delivery: Delivery) throws -> Delivery? { try access { try $0.insert(delivery) } }
    func leaseDeliveries(holder: String, now: Date, until: Date, limit: Int) throws -> [Delivery] {
        try access { try $0.leaseDeliveries(holder: holder, now: now, until: until, limit: limit) }
    }
    func save(_ delivery: Delivery, holder: String?) throws -> Bool { try access { try $0.save(delivery, holder: holder) } }
    func insert(_ attempt: DeliveryAttempt) throws { try access { try $0.insert(attempt) } }
    func createDesk(name: String, createdBy: String, at: Date) throws { try access { try $0.createDesk(name: name, createdBy: createdBy, at: at) } }
    func insert(_ workflow: InstalledWorkflow) throws -> InstalledWorkflow { try access { try $0.insert(workflow) } }
    func save(_ link: ClaimLink) throws { try access { try $0.save(link) } }
    func insert(_ alias: Alias) throws { try access { try $0.insert(alias) } }
    func save(_ check: KnownCheck) throws -> KnownCheck { try access { try $0.save(check) } }
    func delete(_ alias: Alias) throws { try access { try $0.delete(alias) } }
    func insert(_ reviewer: Reviewer) throws -> Reviewer { try access { try $0.insert(reviewer) } }
    func update(_ reviewer: Reviewer) throws { try access { try $0.update(reviewer) } }
    func save(_ service: Service) throws { try access { try $0.save(service) } }
    func setPasswordHash(_ hash: String, of handle: String, at: Date) throws { try access { try $0.setPasswordHash(hash, of: handle, at: at) } }
    func setDatabasePassword(_ password: String, of handle: String) throws { try access { try $0.setDatabasePassword(password, of: handle) } }
    func deleteSessions(of handle: String) throws { try access { try $0.deleteSessions(of: handle) } }
    func deleteSession(tokenHash: String) throws { try access { try $0.deleteSession(tokenHash: tokenHash) } }
    func deleteSessions(createdBefore: Date) throws { try access { try $0.deleteSessions(createdBefore: createdBefore) } }
    func insertSession(tokenHash: String, handle: String, csrf: String, at: Date) throws { try access { try $0.insertSession(tokenHash: tokenHash, handle: handle, csrf: csrf, at: at) } }
    func touchSession(tokenHash: String, at: Date) throws { try access { try $0.touchSession(tokenHash: tokenHash, at: at) } }
    func forgetFailures(before: Date) throws { try access { try $0.forgetFailures(before: before) } }
    func forgetFailures(key: String) throws { try access { try $0.forgetFailures(key: key) } }
    func recordFailure(key: String, at: Date, countingSince since: Date) throws -> Int { try access { try $0.recordFailure(key: key, at: at, countingSince: since) } }
    func lock(key: String, until: Date) throws { try access { try $0.lock(key: key, until: until) } }
    func insertAPIToken(name: String, tokenHash: String, handle: String, createdAt: Date, expiresAt: Date?) throws -> Int64 { try access { try $0.insertAPIToken(name: name, tokenHash: tokenHash, handle: handle, createdAt: createdAt, expiresAt: expiresAt) } }
    func revokeAPIToken(id: Int64, at: Date) throws { try access { try $0.revokeAPIToken(id: id, at: at) } }
    func setSecondFactor(secret: String, recoveryDigests: [String], of handle: String, at: Date) throws { try access { try $0.setSecondFactor(secret: secret, recoveryDigests: recoveryDigests, of: handle, at: at) } }
    func removeSecondFactor(of handle: String) throws { try access { try $0.removeSecondFactor(of: handle) } }
    func useStep(_ step: Int64, of handle: String) throws -> Bool { try access { try $0.useStep(step, of: handle) } }
    func useRecoveryCode(_ digest: String, of handle: String, at: Date) throws -> Bool { try access { try $0.useRecoveryCode(digest, of: handle, at: at) } }
    func clearSearchIndex(version: Int64) throws { try access { try $0.clearSearchIndex(version: version) } }
    func storeSearchTerms(claimID: Int64, terms: String) throws { try access { try $0.storeSearchTerms(claimID: claimID, terms: terms) } }
    func storeSearchTerms(_ batch: [(claimID: Int64, terms: String)]) throws { try access { try $0.storeSearchTerms(batch) } }
    func insertRows(_ rows: [[StoredValue]], into table: DeskTable) throws { try access { try $0.insertRows(rows, into: table) } }
    func finishCopy() throws { try access { try $0.finishCopy() } }
}
