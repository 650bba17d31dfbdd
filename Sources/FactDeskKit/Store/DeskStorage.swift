import Foundation
import ServiceLifecycle

/// The one interface between the desk's rules and a database.
///
/// The domain (the workflow's guards, the history's chain, logins) asks a storage for rows
/// and gives it rows to write, inside one transaction at a time; each backend holds only
/// its SQL and the mapping of its rows: `SQLiteStorage` (`Store/SQLite/`) is the embedded
/// desk file, `PostgreSQLStorage` (`Store/PostgreSQL/`) a desk shared through a server.
/// Each opens or creates itself from a ``DeskLocation``.
///
/// Transactions are asynchronous: a body holds one connection for as long as it runs and
/// may wait (for PostgreSQL's answers, for another storage's writes) without holding a
/// thread. A backend whose calls do not wait may answer them synchronously.
protocol DeskStorage: Sendable {
    /// What the desk is called in messages: its path, or its URL without the password.
    var name: String { get }
    /// Whether the desk is shared through a database server (PostgreSQL), where who acts
    /// is who logged in, rather than a file on this machine.
    var isShared: Bool { get }
    /// Who the database says is connected, where it has logins of its own (PostgreSQL);
    /// nil for a desk file, where the person acting is whoever `--as` names.
    var login: DeskLogin? { get }
    /// Runs `body` in a read transaction.
    func reading<T>(_ body: (any StorageReader) async throws -> T) async throws -> T
    /// Runs `body` in one write transaction that commits when it returns and leaves
    /// nothing behind when it throws.
    func writing<T>(_ body: (any StorageWriter) async throws -> T) async throws -> T
    /// Copies the desk, as it is at one moment, to a new desk at `destination`, while
    /// others may go on writing; see ``copyRows(to:busyTimeout:connectTimeout:)``, which a
    /// backend uses unless it has a faster way for that destination.
    func backup(to destination: DeskLocation, busyTimeout: Double, connectTimeout: Double) async throws
    /// The triggers and trigger functions the desk's migrations make, rendered by the same
    /// database as the desk's own, with nothing of them kept.
    func expectedHistoryProtection() async throws -> [ProtectionObject]
    /// The service that keeps the desk's connections to a database server, at most `limit`
    /// of them, which must run while the desk's transactions do; nil where none is needed
    /// (a desk file), or where it already runs.
    func connectionService(limit: Int) -> (any ServiceLifecycle.Service)?
}

/// What the domain reads inside a transaction.
protocol StorageReader {
    func claim(_ id: Int64) async throws -> Claim?
    func reviewer(_ handle: String) async throws -> Reviewer?
    /// The public key a reviewer registered: nil for no such reviewer or no key. Read for
    /// every signed event, so without decoding the whole reviewer.
    func registeredKey(of handle: String) async throws -> String?
    /// The workflow the desk runs, as installed.
    func installedWorkflow() async throws -> InstalledWorkflow?
    /// Every workflow the desk has had, first installed first.
    func installedWorkflows() async throws -> [InstalledWorkflow]
    /// The number and stored details of the event that installed the workflow in force: the
    /// newest `workflow.install`, else the desk's creation; nil for an empty history.
    func workflowInstallEvent() async throws -> (seq: Int64, details: String)?
    /// The claims a filter selects, in its order, within its limit and offset.
    func claims(_ filter: ClaimFilter) async throws -> [Claim]
    /// How many claims a filter selects, whatever its limit and offset, counting no further than `cap`.
    func countClaims(_ filter: ClaimFilter, cap: Int) async throws -> Int
    func source(_ id: Int64) async throws -> Source?
    /// The date a source says it was published, without reading its text.
    func publishedOn(source: Int64) async throws -> String?
    /// The alias that is this spelling, if any.
    func alias(variant: String) async throws -> Alias?
    /// Every alias, by entity, then in the order they were added.
    func aliases() async throws -> [Alias]
    /// The source whose text has this SHA-256, if any.
    func source(sha256: String) async throws -> Source?
    /// Every source, oldest first, without its text (`body` empty), with its number of claims.
    func sourceSummaries() async throws -> [SourceSummary]
    func claimCount(source: Int64) async throws -> Int
    /// The pages a source was read from, oldest first: none for an article from a file.
    func pages(source: Int64) async throws -> [SourcePage]
    /// The newest page of a source, and its last check.
    func newestPage(source: Int64) async throws -> SourcePage?
    func sourceCheck(source: Int64) async throws -> SourceCheck?
    /// The sources fetched from the web, by id, whose last check (or first fetch) is before a moment, or all with nil.
    func webSources(checkedBefore: Date?) async throws -> [Int64]
    /// A source read from this address: its own, the page it was fetched from, or a feed's item's.
    func sourceID(url: String) async throws -> Int64?

    // MARK: Feeds and tips (Store/IntakeRows.swift)

    /// Every feed, by id; one by id, and one by address.
    func feeds() async throws -> [Feed]
    func feed(_ id: Int64) async throws -> Feed?
    func feed(url: String) async throws -> Feed?
    /// Whether a feed has already had an item with this link.
    func feedHasItem(feed: Int64, link: String) async throws -> Bool
    /// The event of this number, if any.
    func event(seq: Int64) async throws -> AuditEvent?
    /// Tips, newest first: of one status, or all with nil; at most `limit`.
    func tips(status: Tip.Status?, limit: Int) async throws -> [Tip]
    func tip(_ id: Int64) async throws -> Tip?
    func tip(code: String) async throws -> Tip?
    /// How many tips were merged into each of these tips.
    func mergedCounts(into ids: [Int64]) async throws -> [Int64: Int]
    /// What the desk keeps of who sent a tip (editors only, on PostgreSQL).
    func tipContact(_ id: Int64) async throws -> TipContact?
    /// How many tips came from an address (by its digest) since a moment.
    func tipsSent(by sender: String, since: Date) async throws -> Int

    // MARK: Notifications (Store/NotifyRows.swift)

    func notifySetting(_ handle: String) async throws -> NotifySetting?
    func interfaceSetting(_ handle: String) async throws -> InterfaceSetting?
    /// A setting of the whole desk's interface (`months`), as stored.
    func deskSetting(_ name: String) async throws -> String?
    func notifySettings() async throws -> [NotifySetting]
    func mailSetting() async throws -> MailSetting?
    /// The SMTP relay's password, as `mail set` stored it (the server's login alone, on PostgreSQL).
    func mailPassword() async throws -> String?
    /// Every webhook, by id, and one by id.
    func webhooks() async throws -> [Webhook]
    func webhook(_ id: Int64) async throws -> Webhook?
    /// Who follows a claim, by handle.
    func followers(of claim: Int64) async throws -> [String]
    /// How far a deriver of notifications has read the history; 0 before it started.
    func notifyCursor(_ name: String) async throws -> Int64
    /// The events after a number, oldest first, at most `limit`.
    func events(after seq: Int64, limit: Int) async throws -> [AuditEvent]
    /// A reviewer's inbox, newest first (unread only, or all), at most `limit`; with
    /// `after`, the items past that id, oldest first.
    func inbox(of handle: String, unreadOnly: Bool, after: Int64?, limit: Int) async throws -> [InboxItem]
    func unreadCount(of handle: String) async throws -> Int
    /// The emails of a reviewer, or the posts to a webhook, newest first, at most `limit`.
    func deliveries(_ channel: Delivery.Channel, target: String, limit: Int) async throws -> [Delivery]
    func delivery(_ id: Int64) async throws -> Delivery?
    /// The attempts to send a delivery, oldest first.
    func attempts(delivery: Int64) async throws -> [DeliveryAttempt]

    /// A claim's notes, evidence and events, oldest first.
    func notes(claim: Int64) async throws -> [Note]
    func evidence(claim: Int64) async throws -> [Evidence]
    func events(claim: Int64) async throws -> [AuditEvent]
    func evidenceCount(claim: Int64) async throws -> Int
    /// The transitions run on a claim, newest first, with who ran each.
    func transitionRuns(claim: Int64) async throws -> [(transition: String, actor: String)]
    /// The claim's most recent event.
    func lastEvent(claim: Int64) async throws -> AuditEvent?
    /// Hands the events of the desk, or of one claim, to `body` newest first, as they are
    /// read, at most `limit` of them.
    func eachEvent(claim: Int64?, limit: Int?, _ body: (AuditEvent) throws -> Void) async throws
    /// The desk's own row: its name and who created it, when.
    func desk() async throws -> (name: String, createdBy: String, createdAt: Date)?
    /// The last event's number and hash; nil for an empty history.
    func historyHead() async throws -> (seq: Int64, hash: String)?
    /// Every reviewer, by handle.
    func reviewers() async throws -> [Reviewer]
    /// A registered service, by name, and all of them by name.
    func service(_ name: String) async throws -> Service?
    func services() async throws -> [Service]
    /// How many claims each reviewer has assigned and not in one of these states.
    func openClaims(notIn finalStates: [String]) async throws -> [String: Int]
    func activeEditorCount() async throws -> Int
    /// How many claims are in each state.
    func claimCountsByState() async throws -> [String: Int]
    /// Per assignee, by handle: claims open, done (in one of `finalStates`) and overdue at `now`.
    func reviewerLoads(finalStates: [String], now: Date) async throws -> [DeskStats.ReviewerLoad]
    /// For each claim that was assigned (by one of `assigning`) and later decided (a
    /// transition to one of `finalStates`), its first assignment and first verdict, streamed.
    func assignmentsAndVerdicts(assigning: [String], finalStates: [String], _ body: (Date, Date) throws -> Void) async throws
    /// When each transition to one of `finalStates` since a moment happened.
    func verdictTimes(finalStates: [String], since: Date) async throws -> [Date]
    /// A stored password hash of an active reviewer.
    func passwordHash(of handle: String) async throws -> String?
    /// The latest time until which any of these keys is locked out.
    func lockedUntil(keys: [String]) async throws -> Date?
    /// A session by its token's hash: the reviewer's handle, its CSRF token and times.
    func session(tokenHash: String) async throws -> (handle: String, csrf: String, createdAt: Date, lastSeenAt: Date)?
    func apiToken(id: Int64) async throws -> APIToken?
    func apiToken(hash: String) async throws -> APIToken?
    /// Tokens of one reviewer, or of everyone with nil, oldest first.
    func apiTokens(of handle: String?) async throws -> [APIToken]
    /// The digest of a token's secret, as its row stores it.
    func apiTokenDigest(id: Int64) async throws -> String?
    /// The newest event of one of these actions, before `seq`, whose details name this
    /// handle (a reviewer's, or a service's name): found through an index, not a scan.
    func newestEvent(actions: [String], handle: String, before seq: Int64) async throws -> AuditEvent?
    /// The events of these actions whose details hold this SHA-256, oldest first.
    func events(digest: String, actions: [String]) async throws -> [AuditEvent]

    /// How many claims each speaker (as stored) has in each state.
    func speakerCounts() async throws -> [(speaker: String, state: String, claims: Int)]
    /// The claims of these speakers (as stored), newest first, within a limit.
    func claims(spokenBy speakers: [String], limit: Int) async throws -> [Claim]

    /// Every known fact-check, oldest first, and one by its ref (its URL, mostly).
    func knownChecks() async throws -> [KnownCheck]
    func knownCheck(ref: String) async throws -> KnownCheck?

    // MARK: Search

    /// The highest claim id, 0 for none.
    func newestClaimID() async throws -> Int64
    /// The claims whose terms match, in the range's order and limit.
    func claims(matching query: TermQuery, _ range: MatchRange) async throws -> [Claim]
    /// How many claims above an id match, counting no further than `cap`.
    func countMatches(_ query: TermQuery, states: [String], above: Int64, cap: Int) async throws -> Int
    /// Of the `window` newest matching claims, the `limit` best matches, best first.
    func bestMatches(_ query: TermQuery, states: [String], window: Int, limit: Int) async throws -> [Claim]
    /// The `limit` best matches (BM25 on a desk file, `ts_rank` on PostgreSQL) of another
    /// source than `excludingSource`, among the claims whose ids are within `span` of `id`.
    func bestMatches(_ query: TermQuery, near id: Int64, within span: Int64, excludingSource: Int64, limit: Int) async throws -> [Claim]
    /// Every term of the index with the number of claims that hold it.
    func termVocabulary() async throws -> [(term: String, claims: Int)]
    /// The version of the terms the index holds; 0 when it must be rebuilt.
    func searchIndexVersion() async throws -> Int64
    /// Hands every claim to `body`, in id order, as they are read; `body` may write in the
    /// same transaction.
    func eachClaim(_ body: (Claim) async throws -> Void) async throws
    /// The links a reviewer made between this claim and others.
    func links(of claim: Int64) async throws -> [ClaimLink]
    /// Who ran the transition that put a claim in its current state.
    func decider(of claim: Int64) async throws -> String?

    // MARK: History check and copies

    /// The triggers and trigger functions the desk holds, as its catalog renders them
    /// (compared with ``DeskStorage/expectedHistoryProtection()`` by ``HistoryProtection``).
    func historyProtection() async throws -> [ProtectionObject]
    /// Hands the events after `seq` to `body` in order, at most `limit` of them, as their
    /// stored bytes, valid only during the call.
    func walkEvents(after seq: Int64, limit: Int, _ body: (AuditVerifier.EventBytes) -> Void) async throws
    /// Hands every claim's columns that its history accounts for to `body`, in id order.
    func walkClaims(_ body: (ClaimRow) -> Void) async throws
    /// Whether this login may read the stored password hashes: not a reviewer's on PostgreSQL.
    func mayReadCredentials() async throws -> Bool
    /// Hands every row of a table to `body`, in the table's key order, as the table's columns;
    /// `body` may write elsewhere meanwhile (a copy's target).
    func eachRow(of table: DeskTable, _ body: ([StoredValue]) async throws -> Void) async throws

    // MARK: Second factors

    /// Whether a reviewer has a second factor; readable by everyone on PostgreSQL.
    func hasSecondFactor(_ handle: String) async throws -> Bool
    /// Who has a second factor, by handle: what `audit verify` holds to the history.
    func secondFactorHandles() async throws -> [String]
    /// A reviewer's TOTP secret and last used step; on PostgreSQL only its owner (the server) may read it.
    func secondFactor(of handle: String) async throws -> StoredSecondFactor?
}

/// What the domain writes inside a write transaction, on top of what it reads.
protocol StorageWriter: StorageReader {
    /// Writes what a transition, note or evidence changes on a claim: state, assignee,
    /// deadline, version and time, nothing else.
    func saveProgress(_ claim: Claim) async throws
    func insert(_ note: Note) async throws -> Note
    func insert(_ evidence: Evidence) async throws -> Evidence
    /// Appends an event whose number and hash the domain has computed; `at` and `details`
    /// are the exact texts that were hashed.
    func append(_ event: AuditEvent, at: String, details: String) async throws

    /// Inserts a claim with its search terms (the domain's ``SearchIndex`` terms, joined by
    /// spaces) and returns it with its id.
    func insert(_ claim: Claim, searchTerms: String) async throws -> Claim
    func insert(_ source: Source) async throws -> Source
    func insert(_ page: SourcePage) async throws -> SourcePage
    /// Records a source's last check, replacing the one before.
    func save(_ check: SourceCheck) async throws
    func insert(_ feed: Feed) async throws -> Feed
    /// Writes what a poll found: the feed's conditional headers, times, error, failures and count.
    func savePoll(_ feed: Feed) async throws
    func deleteFeed(_ id: Int64) async throws
    /// Remembers a feed's item, with the source it became (nil for one skipped or refused).
    func insertFeedItem(feed: Int64, link: String, source: Int64?, at: Date) async throws
    /// Takes or renews a lease (the feed poller's) until a moment, unless another holder has
    /// it past `now`; says whether this holder has it.
    func takeLease(_ name: String, holder: String, until: Date, now: Date) async throws -> Bool
    func insert(_ tip: Tip) async throws -> Tip
    /// Writes a tip's triage: status, claim, merged tip, note, who and when.
    func saveTriage(_ tip: Tip) async throws
    func insert(_ contact: TipContact) async throws
    /// Erases a reader's contact and address digest.
    func forgetContact(tip: Int64) async throws
    /// Erases the address digests of tips received before a moment: the hourly limit no longer needs them.
    func forgetSenders(before: Date) async throws
    func save(_ setting: NotifySetting) async throws
    func save(_ setting: InterfaceSetting, of handle: String) async throws
    func setDeskSetting(_ name: String, to value: String) async throws
    func save(_ mail: MailSetting, password: String?) async throws
    func insert(_ webhook: Webhook) async throws -> Webhook
    /// Writes a webhook's bookkeeping: when it began failing, when and why it was disabled.
    func saveState(_ webhook: Webhook) async throws
    func deleteWebhook(_ id: Int64) async throws
    func setFollowing(_ following: Bool, claim: Int64, handle: String, at: Date) async throws
    func setNotifyCursor(_ name: String, to seq: Int64) async throws
    /// Adds an inbox item; nil when one of its key is already there.
    func insert(_ item: InboxItem) async throws -> InboxItem?
    /// Marks one item of a reviewer's read, or all with nil; says how many it marked.
    func markRead(_ handle: String, item: Int64?, at: Date) async throws -> Int
    /// Adds a delivery; nil when one of its key is already there.
    func insert(_ delivery: Delivery) async throws -> Delivery?
    /// Leases up to `limit` pending deliveries due at `now`, whose lease (if any) has run out,
    /// to `holder` until a moment, and returns them: two deliverers never hold one together.
    func leaseDeliveries(holder: String, now: Date, until: Date, limit: Int) async throws -> [Delivery]
    /// Writes a delivery's status, attempts, next time, error and time sent, and lets go of
    /// its lease, if `holder` still holds it (any holder's, with nil); says whether it wrote.
    func save(_ delivery: Delivery, holder: String?) async throws -> Bool
    func insert(_ attempt: DeliveryAttempt) async throws

    /// Writes the desk's own row, once, when it is created.
    func createDesk(name: String, createdBy: String, at: Date) async throws
    func insert(_ workflow: InstalledWorkflow) async throws -> InstalledWorkflow
    /// Records a link between two claims, replacing the one they had.
    func save(_ link: ClaimLink) async throws
    func insert(_ alias: Alias) async throws
    /// Writes a known fact-check: a new row without an id, else the row of its id.
    func save(_ check: KnownCheck) async throws -> KnownCheck
    func delete(_ alias: Alias) async throws
    func insert(_ reviewer: Reviewer) async throws -> Reviewer
    /// Writes a reviewer's role, whether they are active, and their public key.
    func update(_ reviewer: Reviewer) async throws
    /// Registers a service, or changes its key or whether it is active.
    func save(_ service: Service) async throws

    func setPasswordHash(_ hash: String, of handle: String, at: Date) async throws
    /// Sets the password the database itself asks of a reviewer's login, where it has
    /// logins of its own (PostgreSQL); nothing on a desk file.
    func setDatabasePassword(_ password: String, of handle: String) async throws
    func deleteSessions(of handle: String) async throws
    func deleteSession(tokenHash: String) async throws
    func deleteSessions(createdBefore: Date) async throws
    func insertSession(tokenHash: String, handle: String, csrf: String, at: Date) async throws
    func touchSession(tokenHash: String, at: Date) async throws
    /// Forgets login failures older than a moment, and those of one key.
    func forgetFailures(before: Date) async throws
    func forgetFailures(key: String) async throws
    /// Records a failure and says how many the key has had since `since`.
    func recordFailure(key: String, at: Date, countingSince since: Date) async throws -> Int
    func lock(key: String, until: Date) async throws
    func insertAPIToken(name: String, tokenHash: String, handle: String, createdAt: Date, expiresAt: Date?) async throws -> Int64
    func revokeAPIToken(id: Int64, at: Date) async throws
    /// Gives a reviewer a new secret and new recovery codes (their digests), replacing the old.
    func setSecondFactor(secret: String, recoveryDigests: [String], of handle: String, at: Date) async throws
    /// Forgets a reviewer's secret and recovery codes.
    func removeSecondFactor(of handle: String) async throws
    /// Records that a code of this step was used; false when that step, or a later one, already was.
    func useStep(_ step: Int64, of handle: String) async throws -> Bool
    /// Marks an unused recovery code used; false when there is no such unused code.
    func useRecoveryCode(_ digest: String, of handle: String, at: Date) async throws -> Bool

    /// Empties the search index, to be filled again with terms of `version`.
    func clearSearchIndex(version: Int64) async throws
    /// Stores a claim's search terms (joined by spaces).
    func storeSearchTerms(claimID: Int64, terms: String) async throws
    /// Stores the search terms of many claims at once.
    func storeSearchTerms(_ batch: [(claimID: Int64, terms: String)]) async throws
    /// Writes rows copied from another desk, with their ids, as the table's columns.
    func insertRows(_ rows: [[StoredValue]], into table: DeskTable) async throws
    /// After a copy: sets what hands out new ids past the copied ones.
    func finishCopy() async throws
}
