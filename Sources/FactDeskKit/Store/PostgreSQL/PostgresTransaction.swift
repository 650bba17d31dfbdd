import Foundation
import PostgresNIO

/// One transaction on a PostgreSQL desk: the desk's reads and writes in PostgreSQL's SQL.
struct PostgresTransaction: StorageWriter {
    let session: PostgresSession

    func rows(_ sql: String, _ binds: [StoredValue] = []) async throws -> [PGRow] {
        try await session.query(sql, binds).map(PGRow.init)
    }

    func first(_ sql: String, _ binds: [StoredValue] = []) async throws -> PGRow? {
        try await rows(sql, binds).first
    }

    func run(_ sql: String, _ binds: [StoredValue] = []) async throws {
        try await session.query(sql, binds)
    }

    func count(_ sql: String, _ binds: [StoredValue] = []) async throws -> Int {
        Int(try await first(sql, binds)?.int("n") ?? 0)
    }

    /// Hands every row of a query to `body`, a page at a time in the order of an integer key:
    /// `sql` takes the key to start after as `$1` (and `binds` from `$2`), orders by the key,
    /// and the page's LIMIT is added here; the key is the row's first column.
    private func keysetPages(_ sql: String, after start: Int64, _ binds: [StoredValue] = [], size: Int,
                             _ body: (PGRow) async throws -> Void) async throws {
        var after = start
        while true {
            let page = try await session.query(sql + " LIMIT \(size)", [.integer(after)] + binds)
            for raw in page {
                let row = PGRow(raw)
                try await body(row)
                after = try row.row[0].decode(Int64.self)
            }
            if page.count < size { return }
        }
    }

    /// `$first, $first+1, ...` for a list of values.
    private static func placeholders(from first: Int, count: Int) -> String {
        (first..<(first + count)).map { "$\($0)" }.joined(separator: ", ")
    }

    // MARK: - Reading

    func claim(_ id: Int64) async throws -> Claim? {
        try await first("SELECT * FROM claim WHERE id = $1", [.integer(id)])?.claim()
    }

    func reviewer(_ handle: String) async throws -> Reviewer? {
        try await first("SELECT * FROM reviewer WHERE handle = $1", [.text(handle)])?.reviewer()
    }

    func registeredKey(of handle: String) async throws -> String? {
        try await first("SELECT public_key FROM reviewer WHERE handle = $1", [.text(handle)])?.optionalText("public_key")
    }

    func installedWorkflow() async throws -> InstalledWorkflow? {
        try await first("SELECT * FROM workflow ORDER BY id DESC LIMIT 1")?.workflow()
    }

    func installedWorkflows() async throws -> [InstalledWorkflow] {
        try await rows("SELECT * FROM workflow ORDER BY id").map { try $0.workflow() }
    }

    func workflowInstallEvent() async throws -> (seq: Int64, details: String)? {
        var row = try await first("SELECT seq, details FROM event WHERE action = 'workflow.install' ORDER BY seq DESC LIMIT 1")
        if row == nil { row = try await first("SELECT seq, details FROM event WHERE seq = 1 AND action = 'desk.create'") }
        return try row.map { (try $0.int("seq"), try $0.text("details")) }
    }

    func claims(_ filter: ClaimFilter) async throws -> [Claim] {
        var (sql, binds) = Self.claimSelection(filter, columns: "*")
        func bind(_ value: StoredValue) -> String { binds.append(value); return "$\(binds.count)" }
        switch filter.order {
        case .oldest: sql += " ORDER BY id"
        case .worthiness: sql += " ORDER BY worthiness DESC, id"
        case .due: sql += " ORDER BY due_at ASC NULLS LAST, id"
        }
        if let limit = filter.limit { sql += " LIMIT \(bind(.integer(limit))) OFFSET \(bind(.integer(filter.offset)))" }
        return try await rows(sql, binds).map { try $0.claim() }
    }

    func countClaims(_ filter: ClaimFilter, cap: Int) async throws -> Int {
        var (sql, binds) = Self.claimSelection(filter, columns: "1")
        binds.append(.integer(Int64(cap)))
        return Int(try await first("SELECT count(*) AS n FROM (\(sql) LIMIT $\(binds.count)) AS hit", binds)?.int("n") ?? 0)
    }

    /// The claims a filter selects, unordered and unlimited, with the values it binds.
    private static func claimSelection(_ filter: ClaimFilter, columns: String) -> (sql: String, binds: [StoredValue]) {
        var conditions: [String] = []
        var binds: [StoredValue] = []
        func bind(_ value: StoredValue) -> String { binds.append(value); return "$\(binds.count)" }
        if !filter.states.isEmpty {
            conditions.append("state IN (\(filter.states.map { bind(.text($0)) }.joined(separator: ", ")))")
        }
        switch filter.assignment {
        case .any: break
        case .assignedTo(let handle): conditions.append("assignee = \(bind(.text(handle)))")
        case .unassigned: conditions.append("assignee IS NULL")
        }
        if let source = filter.sourceID { conditions.append("source_id = \(bind(.integer(source)))") }
        if filter.revised { conditions.append(StorageTerms.revisedClaim(find: "strpos")) }
        if let now = filter.overdueAt {
            var condition = "due_at < \(bind(.time(now)))"
            if !filter.finalStates.isEmpty {
                condition += " AND state NOT IN (\(filter.finalStates.map { bind(.text($0)) }.joined(separator: ", ")))"
            }
            conditions.append(condition)
        }
        if let ids = filter.ids {
            // Whole numbers, written into the query: no text of a user's reaches it.
            conditions.append(ids.isEmpty ? "FALSE" : "id IN (" + ids.sorted().map(String.init).joined(separator: ", ") + ")")
        }
        var sql = "SELECT \(columns) FROM claim"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        return (sql, binds)
    }

    func newestPage(source: Int64) async throws -> SourcePage? {
        try await first("SELECT * FROM source_page WHERE source_id = $1 ORDER BY id DESC LIMIT 1", [.integer(source)])?.sourcePage()
    }

    func sourceCheck(source: Int64) async throws -> SourceCheck? {
        guard let row = try await first("SELECT * FROM source_check WHERE source_id = $1", [.integer(source)]) else { return nil }
        return SourceCheck(sourceID: try row.int("source_id"), checkedAt: try row.date("checked_at"),
                           etag: try row.optionalText("etag"), lastModified: try row.optionalText("last_modified"))
    }

    func webSources(checkedBefore: Date?) async throws -> [Int64] {
        try await rows("""
            SELECT p.source_id AS id FROM source_page p LEFT JOIN source_check c ON c.source_id = p.source_id
            GROUP BY p.source_id HAVING $1::text IS NULL OR coalesce(max(c.checked_at), max(p.fetched_at)) < $1::text
            ORDER BY p.source_id
            """, [.time(checkedBefore)]).map { try $0.int("id") }
    }

    func save(_ check: SourceCheck) async throws {
        try await run("""
            INSERT INTO source_check (source_id, checked_at, etag, last_modified) VALUES ($1, $2, $3, $4)
            ON CONFLICT (source_id) DO UPDATE SET checked_at = excluded.checked_at, etag = excluded.etag,
                last_modified = excluded.last_modified
            """, [.integer(check.sourceID), .time(check.checkedAt), .text(check.etag), .text(check.lastModified)])
    }

    func pages(source: Int64) async throws -> [SourcePage] {
        try await rows("SELECT * FROM source_page WHERE source_id = $1 ORDER BY id", [.integer(source)]).map { try $0.sourcePage() }
    }

    func source(_ id: Int64) async throws -> Source? {
        try await first("SELECT * FROM source WHERE id = $1", [.integer(id)])?.source()
    }

    func publishedOn(source: Int64) async throws -> String? {
        try await first("SELECT published_on FROM source WHERE id = $1", [.integer(source)])?.optionalText("published_on")
    }

    func alias(variant: String) async throws -> Alias? {
        try await first("SELECT * FROM alias WHERE variant = $1", [.text(variant)])?.alias()
    }

    func aliases() async throws -> [Alias] {
        try await rows("SELECT * FROM alias ORDER BY entity, id").map { try $0.alias() }
    }

    func speakerCounts() async throws -> [(speaker: String, state: String, claims: Int)] {
        try await rows("SELECT speaker, state, count(*) AS n FROM claim WHERE speaker IS NOT NULL GROUP BY speaker, state")
            .map { (try $0.text("speaker"), try $0.text("state"), Int(try $0.int("n"))) }
    }

    func claims(spokenBy speakers: [String], limit: Int) async throws -> [Claim] {
        try await rows("SELECT * FROM claim WHERE speaker = ANY($1::text[]) ORDER BY id DESC LIMIT $2",
                       [.text(Self.array(speakers)), .integer(Int64(limit))]).map { try $0.claim() }
    }

    func knownChecks() async throws -> [KnownCheck] {
        try await rows("SELECT * FROM known_check ORDER BY id").map { try $0.knownCheck() }
    }

    func knownCheck(ref: String) async throws -> KnownCheck? {
        try await first("SELECT * FROM known_check WHERE ref = $1", [.text(ref)])?.knownCheck()
    }

    func source(sha256: String) async throws -> Source? {
        try await first("SELECT * FROM source WHERE sha256 = $1", [.text(sha256)])?.source()
    }

    func sourceSummaries() async throws -> [SourceSummary] {
        try await rows("""
            SELECT id, title, outlet, url, language, published_on, '' AS body, sha256, imported_by, imported_at,
                         (SELECT count(*) FROM claim WHERE claim.source_id = source.id) AS n
            FROM source ORDER BY id
            """).map { SourceSummary(source: try $0.source(), claimCount: Int(try $0.int("n"))) }
    }

    func claimCount(source: Int64) async throws -> Int {
        try await count("SELECT count(*) AS n FROM claim WHERE source_id = $1", [.integer(source)])
    }

    func notes(claim: Int64) async throws -> [Note] {
        try await rows("SELECT * FROM note WHERE claim_id = $1 ORDER BY id", [.integer(claim)]).map { try $0.note() }
    }

    func evidence(claim: Int64) async throws -> [Evidence] {
        try await rows("SELECT * FROM evidence WHERE claim_id = $1 ORDER BY id", [.integer(claim)]).map { try $0.evidence() }
    }

    func events(claim: Int64) async throws -> [AuditEvent] {
        try await rows("SELECT * FROM event WHERE claim_id = $1 ORDER BY seq", [.integer(claim)]).map { try $0.event() }
    }

    func evidenceCount(claim: Int64) async throws -> Int {
        try await count("SELECT count(*) AS n FROM evidence WHERE claim_id = $1", [.integer(claim)])
    }

    func transitionRuns(claim: Int64) async throws -> [(transition: String, actor: String)] {
        try await rows("SELECT action, actor FROM event WHERE claim_id = $1 AND kind = 'transition' ORDER BY seq DESC",
                       [.integer(claim)]).map { (try $0.text("action"), try $0.text("actor")) }
    }

    func lastEvent(claim: Int64) async throws -> AuditEvent? {
        try await first("SELECT * FROM event WHERE claim_id = $1 ORDER BY seq DESC LIMIT 1", [.integer(claim)])?.event()
    }

    func eachEvent(claim: Int64?, limit: Int?, _ body: (AuditEvent) throws -> Void) async throws {
        // Pages of events, newest first, so that a long history is never held at once.
        var before = Int64.max
        var left = limit ?? .max
        while left > 0 {
            let page = min(left, 2_000)
            let found = try await rows("""
                SELECT * FROM event WHERE seq < $1 AND ($2::bigint IS NULL OR claim_id = $2) ORDER BY seq DESC LIMIT $3
                """, [.integer(before), .integer(claim), .integer(page)])
            for row in found {
                let event = try row.event()
                try body(event)
                before = event.seq ?? before
            }
            left -= found.count
            if found.count < page { return }
        }
    }

    func desk() async throws -> (name: String, createdBy: String, createdAt: Date)? {
        guard let row = try await first("SELECT name, created_by, created_at FROM desk") else { return nil }
        return (try row.text("name"), try row.text("created_by"), try row.date("created_at"))
    }

    func historyHead() async throws -> (seq: Int64, hash: String)? {
        guard let row = try await first("SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1") else { return nil }
        return (try row.int("seq"), try row.text("hash"))
    }

    func service(_ name: String) async throws -> Service? {
        try await first("SELECT * FROM service WHERE name = $1", [.text(name)])?.service()
    }

    func services() async throws -> [Service] {
        try await rows("SELECT * FROM service ORDER BY name COLLATE \"C\"").map { try $0.service() }
    }

    func reviewers() async throws -> [Reviewer] {
        try await rows("SELECT * FROM reviewer ORDER BY handle COLLATE \"C\"").map { try $0.reviewer() }
    }

    func openClaims(notIn finalStates: [String]) async throws -> [String: Int] {
        let found = try await rows("""
            SELECT assignee, count(*) AS n FROM claim
            WHERE assignee IS NOT NULL AND NOT (state = ANY($1::text[])) GROUP BY assignee
            """, [.text(Self.array(finalStates))])
        return Dictionary(uniqueKeysWithValues: try found.map { (try $0.text("assignee"), Int(try $0.int("n"))) })
    }

    func activeEditorCount() async throws -> Int {
        try await count("SELECT count(*) AS n FROM reviewer WHERE role = 'editor' AND active")
    }

    func claimCountsByState() async throws -> [String: Int] {
        Dictionary(uniqueKeysWithValues: try await rows("SELECT state, count(*) AS n FROM claim GROUP BY state")
            .map { (try $0.text("state"), Int(try $0.int("n"))) })
    }

    func reviewerLoads(finalStates: [String], now: Date) async throws -> [DeskStats.ReviewerLoad] {
        try await rows("""
            SELECT assignee,
                         count(*) FILTER (WHERE NOT (state = ANY($1::text[]))) AS open,
                         count(*) FILTER (WHERE state = ANY($1::text[])) AS done,
                         count(*) FILTER (WHERE NOT (state = ANY($1::text[])) AND due_at < $2) AS overdue
            FROM claim WHERE assignee IS NOT NULL GROUP BY assignee ORDER BY assignee COLLATE "C"
            """, [.text(Self.array(finalStates)), .time(now)]).map {
            DeskStats.ReviewerLoad(handle: try $0.text("assignee"), open: Int(try $0.int("open")),
                                   done: Int(try $0.int("done")), overdue: Int(try $0.int("overdue")))
        }
    }

    func assignmentsAndVerdicts(assigning: [String], finalStates: [String], _ body: (Date, Date) throws -> Void) async throws {
        guard !assigning.isEmpty, !finalStates.isEmpty else { return }
        for row in try await rows("""
            SELECT assigned, decided FROM (
                SELECT min(CASE WHEN action = ANY($1::text[]) THEN at END) AS assigned,
                       min(CASE WHEN kind = 'transition' AND to_state = ANY($2::text[]) THEN at END) AS decided
                FROM event
                WHERE claim_id IS NOT NULL
                  AND (action = ANY($1::text[]) OR (kind = 'transition' AND to_state = ANY($2::text[])))
                GROUP BY claim_id) AS firsts
            WHERE assigned IS NOT NULL AND decided >= assigned
            """, [.text(Self.array(assigning)), .text(Self.array(finalStates))]) {
            try body(try row.date("assigned"), try row.date("decided"))
        }
    }

    func verdictTimes(finalStates: [String], since: Date) async throws -> [Date] {
        guard !finalStates.isEmpty else { return [] }
        return try await rows("""
            SELECT at FROM event WHERE kind = 'transition' AND at >= $1 AND to_state = ANY($2::text[])
            """, [.time(since), .text(Self.array(finalStates))]).map { try $0.date("at") }
    }

    func passwordHash(of handle: String) async throws -> String? {
        try await first("""
            SELECT password_hash FROM credential JOIN reviewer USING (handle) WHERE handle = $1 AND active
            """, [.text(handle)])?.text("password_hash")
    }

    func lockedUntil(keys: [String]) async throws -> Date? {
        guard !keys.isEmpty else { return nil }
        return try await first("SELECT max(until) AS until FROM login_lock WHERE key = ANY($1::text[])",
                               [.text(Self.array(keys))])?.optionalDate("until")
    }

    func session(tokenHash: String) async throws -> (handle: String, csrf: String, createdAt: Date, lastSeenAt: Date)? {
        guard let row = try await first("SELECT handle, csrf, created_at, last_seen_at FROM login_session WHERE token_hash = $1",
                                        [.text(tokenHash)]) else { return nil }
        return (try row.text("handle"), try row.text("csrf"), try row.date("created_at"), try row.date("last_seen_at"))
    }

    // A reviewer's login may not read api_token itself: the tokens it may see come through
    // factdesk_api_tokens(), its own or, for an editor or the owner, everyone's.
    func apiToken(id: Int64) async throws -> APIToken? {
        try await first("SELECT * FROM factdesk_api_tokens() WHERE id = $1", [.integer(id)])?.token()
    }

    func apiToken(hash: String) async throws -> APIToken? {
        try await first("SELECT * FROM api_token WHERE token_hash = $1", [.text(hash)])?.token()
    }

    func apiTokens(of handle: String?) async throws -> [APIToken] {
        try await rows("SELECT * FROM factdesk_api_tokens() WHERE $1::text IS NULL OR handle = $1 ORDER BY id", [.text(handle)])
            .map { try $0.token() }
    }

    func mayReadCredentials() async throws -> Bool {
        try await first("SELECT has_column_privilege('credential', 'password_hash', 'SELECT')::text AS allowed")?
            .text("allowed") == "true"
    }

    func apiTokenDigest(id: Int64) async throws -> String? {
        try await first("SELECT token_hash FROM factdesk_api_tokens() WHERE id = $1", [.integer(id)])?.text("token_hash")
    }

    func newestEvent(actions: [String], handle: String, before seq: Int64) async throws -> AuditEvent? {
        try await first("""
            SELECT * FROM event WHERE (details::jsonb ->> 'handle') = $1 AND seq < $2 AND action = ANY($3::text[])
                    AND \(StorageTerms.loginEventActions)
            ORDER BY seq DESC LIMIT 1
            """, [.text(handle), .integer(seq), .text(Self.array(actions))])?.event()
    }

    func events(digest: String, actions: [String]) async throws -> [AuditEvent] {
        try await rows("""
            SELECT * FROM event WHERE (details::jsonb ->> 'sha256') = $1 AND action = ANY($2::text[])
                    AND \(StorageTerms.loginEventActions) ORDER BY seq
            """, [.text(digest), .text(Self.array(actions))]).map { try $0.event() }
    }

    /// A list of texts as a PostgreSQL array literal, for `= ANY($n::text[])`.
    static func array(_ values: [String]) -> String {
        "{" + values.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "}"
    }

    // MARK: - Search

    /// A query as a `tsquery`: each index term a quoted lexeme, read as it is.
    static func tsquery(_ query: TermQuery) -> String {
        switch query {
        case .term(let term): lexeme(term)
        case .phrase(let terms): "(" + terms.map(lexeme).joined(separator: " <-> ") + ")"
        case .all(let parts): "(" + parts.map(tsquery).joined(separator: " & ") + ")"
        case .any(let parts): "(" + parts.map(tsquery).joined(separator: " | ") + ")"
        }
    }

    /// A claim's terms as a `tsvector`, each at its position, so phrases match.
    static func tsvector(_ terms: String) -> String {
        terms.split(separator: " ").enumerated().map { "\(lexeme(String($1))):\(min($0 + 1, 16_383))" }.joined(separator: " ")
    }

    private static func lexeme(_ term: String) -> String {
        "'" + term.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
    }

    private func stateCondition(_ states: [String], bind index: Int) -> (String, [StoredValue]) {
        states.isEmpty ? ("", []) : (" AND claim.state = ANY($\(index)::text[])", [.text(Self.array(states))])
    }

    func newestClaimID() async throws -> Int64 {
        try await first("SELECT coalesce(max(id), 0) AS id FROM claim")?.int("id") ?? 0
    }

    func claims(matching query: TermQuery, _ range: MatchRange) async throws -> [Claim] {
        var binds: [StoredValue] = [.text(Self.tsquery(query))]
        func bind(_ value: StoredValue) -> String { binds.append(value); return "$\(binds.count)" }
        var sql = "SELECT claim.* FROM claim_search JOIN claim ON claim.id = claim_search.claim_id WHERE claim_search.terms @@ $1::tsquery"
        if !range.states.isEmpty { sql += " AND claim.state = ANY(\(bind(.text(Self.array(range.states))))::text[])" }
        if let source = range.excludingSource { sql += " AND claim.source_id <> \(bind(.integer(source)))" }
        if let below = range.below { sql += " AND claim_search.claim_id < \(bind(.integer(below)))" }
        if let above = range.above { sql += " AND claim_search.claim_id > \(bind(.integer(above)))" }
        sql += range.newestFirst ? " ORDER BY claim_search.claim_id DESC" : " ORDER BY claim_search.claim_id"
        sql += " LIMIT \(bind(.integer(range.limit)))"
        return try await rows(sql, binds).map { try $0.claim() }
    }

    func countMatches(_ query: TermQuery, states: [String], above: Int64, cap: Int) async throws -> Int {
        let (condition, stateBinds) = stateCondition(states, bind: 4)
        return try await count("""
            SELECT count(*) AS n FROM (SELECT 1 FROM claim_search JOIN claim ON claim.id = claim_search.claim_id
                                             WHERE claim_search.terms @@ $1::tsquery AND claim_search.claim_id > $2\(condition)
                                             LIMIT $3) AS hit
            """, [.text(Self.tsquery(query)), .integer(above), .integer(cap)] + stateBinds)
    }

    func bestMatches(_ query: TermQuery, states: [String], window: Int, limit: Int) async throws -> [Claim] {
        let (condition, stateBinds) = stateCondition(states, bind: 4)
        return try await rows("""
            SELECT claim.* FROM (
                SELECT claim_search.claim_id AS id, ts_rank(claim_search.terms, $1::tsquery) AS rank
                FROM claim_search JOIN claim ON claim.id = claim_search.claim_id
                WHERE claim_search.terms @@ $1::tsquery\(condition)
                ORDER BY claim_search.claim_id DESC LIMIT $2) AS hit
            JOIN claim ON claim.id = hit.id
            ORDER BY hit.rank DESC, claim.id LIMIT $3
            """, [.text(Self.tsquery(query)), .integer(window), .integer(limit)] + stateBinds).map { try $0.claim() }
    }

    func bestMatches(_ query: TermQuery, near id: Int64, within span: Int64, excludingSource: Int64, limit: Int) async throws -> [Claim] {
        try await rows("""
            SELECT claim.* FROM claim_search JOIN claim ON claim.id = claim_search.claim_id
            WHERE claim_search.terms @@ $1::tsquery AND claim_search.claim_id BETWEEN $2 AND $3 AND claim.source_id <> $4
            ORDER BY ts_rank(claim_search.terms, $1::tsquery) DESC, claim.id LIMIT $5
            """, [.text(Self.tsquery(query)), .integer(id - span), .integer(id + span), .integer(excludingSource),
                        .integer(Int64(limit))]).map { try $0.claim() }
    }

    func termVocabulary() async throws -> [(term: String, claims: Int)] {
        try await rows("SELECT word, ndoc FROM ts_stat('SELECT terms FROM claim_search')").map {
            (try $0.text("word"), Int(try $0.row["ndoc"].decode(Int32.self)))
        }
    }

    func searchIndexVersion() async throws -> Int64 {
        try await first("SELECT version FROM search_index")?.int("version") ?? 0
    }

    func eachClaim(_ body: (Claim) async throws -> Void) async throws {
        try await keysetPages("SELECT * FROM claim WHERE id > $1 ORDER BY id", after: 0, size: 2_000) { try await body(try $0.claim()) }
    }

    func links(of claim: Int64) async throws -> [ClaimLink] {
        try await rows("SELECT * FROM claim_link WHERE claim_a = $1 OR claim_b = $1", [.integer(claim)]).map { try $0.link() }
    }

    func decider(of claim: Int64) async throws -> String? {
        try await first("""
            SELECT actor FROM event WHERE claim_id = $1 AND to_state IS NOT NULL AND kind = 'transition'
            ORDER BY seq DESC LIMIT 1
            """, [.integer(claim)])?.text("actor")
    }

    // MARK: - The history, byte for byte

    func historyProtection() async throws -> [ProtectionObject] {
        try PostgresProtection.objects(try await rows(PostgresProtection.catalogQuery(schema: "'public'::regnamespace")),
                                       schema: "public")
    }

    func walkEvents(after seq: Int64, limit: Int, _ body: (AuditVerifier.EventBytes) -> Void) async throws {
        for raw in try await session.query("""
            SELECT seq, at, actor, claim_id, source_id, action, from_state, to_state, details, prev_hash, hash, signer, signature
            FROM event WHERE seq > $1 ORDER BY seq LIMIT $2
            """, [.integer(seq), .integer(Int64(limit))]) {
            let row = PGRow(raw)
            let seq = try row.row[0].decode(Int64.self)
            let claimID = try row.row[3].decode(Int64?.self), sourceID = try row.row[4].decode(Int64?.self)
            row.withBytes(1) { at in row.withBytes(2) { actor in row.withBytes(5) { action in
                row.withBytes(6) { from in row.withBytes(7) { to in row.withBytes(8) { details in
                    row.withBytes(9) { prev in row.withBytes(10) { hash in row.withBytes(11) { signer in
                        row.withBytes(12) { signature in
                            body(AuditVerifier.EventBytes(
                                seq: seq, at: at, actor: actor, claimID: claimID, sourceID: sourceID, action: action,
                                from: from, to: to, details: details, prevHash: prev, hash: hash, signer: signer,
                                signature: signature))
                        }
                    } } }
                } } }
            } } }
        }
    }

    func walkClaims(_ body: (ClaimRow) -> Void) async throws {
        try await keysetPages("""
            SELECT id, source_id, span_start, span_end, text, speaker, state, assignee, due_at,
                         version, created_at, updated_at, worthiness, reasons FROM claim
            WHERE id > $1 ORDER BY id
            """, after: 0, size: 20_000) { row in
            body(ClaimRow(id: try row.row[0].decode(Int64.self), sourceID: try row.row[1].decode(Int64.self),
                          spanStart: try row.row[2].decode(Int64?.self), spanEnd: try row.row[3].decode(Int64?.self),
                          text: try row.row[4].decode(String.self), speaker: try row.row[5].decode(String?.self),
                          state: try row.row[6].decode(String.self), assignee: try row.row[7].decode(String?.self),
                          dueAt: try row.row[8].decode(String?.self), version: try row.row[9].decode(Int64.self),
                          createdAt: try row.row[10].decode(String.self), updatedAt: try row.row[11].decode(String.self),
                          worthiness: try row.row[12].decode(Int64.self), reasons: try row.row[13].decode(String?.self) ?? "[]"))
        }
    }

    func eachRow(of table: DeskTable, _ body: ([StoredValue]) async throws -> Void) async throws {
        let columns = table.columns.joined(separator: ", ")
        var offset: Int64 = 0
        while true {
            let page = try await session.query("SELECT \(columns) FROM \(table.rawValue) ORDER BY \(table.key) LIMIT 5000 OFFSET $1",
                                               [.integer(offset)])
            for raw in page {
                let row = PGRow(raw)
                try await body(try table.columns.indices.map { try row.stored($0) })
            }
            offset += Int64(page.count)
            if page.count < 5000 { return }
        }
    }

    // MARK: - Writing

    func saveProgress(_ claim: Claim) async throws {
        try await run("UPDATE claim SET state = $1, assignee = $2, due_at = $3, version = $4, updated_at = $5 WHERE id = $6",
                      [.text(claim.state), .text(claim.assignee), .time(claim.dueAt), .integer(claim.version),
                       .time(claim.updatedAt), .integer(claim.id)])
    }

    func insert(_ note: Note) async throws -> Note {
        var row = note
        row.id = try await first("INSERT INTO note (claim_id, author, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
                                 [.integer(note.claimID), .text(note.author), .text(note.body), .time(note.createdAt)])?.int("id")
        return row
    }

    func insert(_ evidence: Evidence) async throws -> Evidence {
        var row = evidence
        row.id = try await first("""
            INSERT INTO evidence (claim_id, url, stance, note, added_by, added_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id
            """, [.integer(evidence.claimID), .text(evidence.url), .text(evidence.stance.rawValue), .text(evidence.note),
                  .text(evidence.addedBy), .time(evidence.addedAt)])?.int("id")
        return row
    }

    func append(_ event: AuditEvent, at: String, details: String) async throws {
        try await run("""
            INSERT INTO event (seq, at, actor, claim_id, source_id, action, from_state, to_state, details, prev_hash, hash,
                                     signer, signature)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            """, [.integer(event.seq), .text(at), .text(event.actor), .integer(event.claimID), .integer(event.sourceID),
                        .text(event.action), .text(event.fromState), .text(event.toState), .text(details),
                        .text(event.prevHash), .text(event.hash), .text(event.signer), .text(event.signature)])
    }

    func insert(_ claim: Claim, searchTerms: String) async throws -> Claim {
        var stored = claim
        stored.id = try await first("""
            INSERT INTO claim (source_id, span_start, span_end, text, speaker, state, assignee, version,
                                     created_by, created_at, updated_at, worthiness, reasons, due_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id
            """, [.integer(claim.sourceID), .integer(claim.spanStart), .integer(claim.spanEnd), .text(claim.text),
                  .text(claim.speaker), .text(claim.state), .text(claim.assignee), .integer(claim.version),
                  .text(claim.createdBy), .time(claim.createdAt), .time(claim.updatedAt), .integer(claim.worthiness),
                  .text(String(decoding: CanonicalJSON.array(claim.reasons), as: UTF8.self)), .time(claim.dueAt)])?.int("id")
        if let id = stored.id { try await storeSearchTerms(claimID: id, terms: searchTerms) }
        return stored
    }

    func insert(_ source: Source) async throws -> Source {
        var row = source
        row.id = try await first("""
            INSERT INTO source (title, outlet, url, language, published_on, body, sha256, imported_by, imported_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id
            """, [.text(source.title), .text(source.outlet), .text(source.url), .text(source.language),
                  .text(source.publishedOn), .text(source.body), .text(source.sha256), .text(source.importedBy),
                  .time(source.importedAt)])?.int("id")
        return row
    }

    func insert(_ page: SourcePage) async throws -> SourcePage {
        var row = page
        row.id = try await first("""
            INSERT INTO source_page (source_id, fetched_at, url, content_type, sha256, page, body, text_sha256)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id
            """, [.integer(page.sourceID), .time(page.fetchedAt), .text(page.url), .text(page.contentType), .text(page.sha256),
                  .text(page.compressedPage.base64EncodedString()), .text(page.body), .text(page.textSHA256)])?.int("id")
        return row
    }

    func createDesk(name: String, createdBy: String, at: Date) async throws {
        try await run("INSERT INTO desk (id, name, created_by, created_at) VALUES (1, $1, $2, $3)",
                      [.text(name), .text(createdBy), .time(at)])
    }

    func insert(_ workflow: InstalledWorkflow) async throws -> InstalledWorkflow {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var row = workflow
        row.id = try await first("""
            INSERT INTO workflow (name, yaml, definition, sha256, installed_by, installed_at)
            VALUES ($1, $2, $3, $4, $5, $6) RETURNING id
            """, [.text(workflow.name), .text(workflow.yaml),
                  .text(String(decoding: try encoder.encode(workflow.definition), as: UTF8.self)),
                  .text(workflow.sha256), .text(workflow.installedBy), .time(workflow.installedAt)])?.int("id")
        return row
    }

    func save(_ link: ClaimLink) async throws {
        try await run("""
            INSERT INTO claim_link (claim_a, claim_b, kind, linked_by, linked_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (claim_a, claim_b) DO UPDATE
                      SET kind = excluded.kind, linked_by = excluded.linked_by, linked_at = excluded.linked_at
            """, [.integer(link.claimA), .integer(link.claimB), .text(link.kind.rawValue), .text(link.linkedBy),
                        .time(link.linkedAt)])
    }

    func insert(_ alias: Alias) async throws {
        try await run("INSERT INTO alias (entity, variant, added_by, added_at) VALUES ($1, $2, $3, $4)",
                      [.text(alias.entity), .text(alias.variant), .text(alias.addedBy), .time(alias.addedAt)])
    }

    func save(_ check: KnownCheck) async throws -> KnownCheck {
        var saved = check
        let values = check.content.fields.map(StoredValue.text) + [.text(check.importedBy), .time(check.importedAt)]
        let columns = KnownCheck.contentColumns + ["imported_by", "imported_at"]
        if let id = check.id {
            try await run("UPDATE known_check SET " + columns.enumerated().map { "\($1) = $\($0 + 1)" }.joined(separator: ", ")
                              + " WHERE id = $\(columns.count + 1)", values + [.integer(id)])
        } else {
            let row = try await first("INSERT INTO known_check (" + columns.joined(separator: ", ") + ") VALUES ("
                                          + columns.indices.map { "$\($0 + 1)" }.joined(separator: ", ") + ") RETURNING id", values)
            saved.id = try row?.int("id")
        }
        return saved
    }

    func delete(_ alias: Alias) async throws {
        try await run("DELETE FROM alias WHERE variant = $1", [.text(alias.variant)])
    }

    func insert(_ reviewer: Reviewer) async throws -> Reviewer {
        var row = reviewer
        row.id = try await first("""
            INSERT INTO reviewer (handle, display_name, role, active, created_at, public_key)
            VALUES ($1, $2, $3, $4, $5, $6) RETURNING id
            """, [.text(reviewer.handle), .text(reviewer.displayName), .text(reviewer.role.rawValue),
                  .boolean(reviewer.active), .time(reviewer.createdAt), .text(reviewer.publicKey)])?.int("id")
        // A reviewer of a PostgreSQL desk logs in as a role of their own, in the group of their role.
        try await run("SELECT factdesk_grant_login($1, $2, $3)",
                      [.text(reviewer.handle), .boolean(reviewer.role == .editor), .boolean(reviewer.active)])
        return row
    }

    func update(_ reviewer: Reviewer) async throws {
        // The login changes only with the role or the state: a new name or key leaves it as it
        // is, so that an editor may rename or re-key the owner, whose login the desk never changes.
        let before = try await first("SELECT role, active FROM reviewer WHERE handle = $1", [.text(reviewer.handle)])
        try await run("UPDATE reviewer SET display_name = $1, role = $2, active = $3, public_key = $4 WHERE handle = $5",
                      [.text(reviewer.displayName), .text(reviewer.role.rawValue), .boolean(reviewer.active),
                       .text(reviewer.publicKey), .text(reviewer.handle)])
        if try before?.text("role") != reviewer.role.rawValue || before?.bool("active") != reviewer.active {
            try await run("SELECT factdesk_grant_login($1, $2, $3)",
                          [.text(reviewer.handle), .boolean(reviewer.role == .editor), .boolean(reviewer.active)])
        }
    }

    func save(_ service: Service) async throws {
        try await run("""
            INSERT INTO service (name, public_key, active, added_by, added_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (name) DO UPDATE SET public_key = excluded.public_key, active = excluded.active,
                      added_by = excluded.added_by, added_at = excluded.added_at
            """, [.text(service.name), .text(service.publicKey), .boolean(service.active), .text(service.addedBy),
                        .time(service.addedAt)])
    }

    func setPasswordHash(_ hash: String, of handle: String, at: Date) async throws {
        try await run("SELECT factdesk_set_credential($1, $2, $3)", [.text(handle), .text(hash), .time(at)])
    }

    func setDatabasePassword(_ password: String, of handle: String) async throws {
        try await run("SELECT factdesk_set_login_password($1, $2)", [.text(handle), .text(password)])
    }

    // Only the desk's owner (the server) writes the login tables; a reviewer's own command
    // ends sessions and makes and revokes tokens through functions that check who asks.
    func deleteSessions(of handle: String) async throws {
        try await run("SELECT factdesk_end_sessions($1)", [.text(handle)])
    }

    func deleteSession(tokenHash: String) async throws {
        try await run("DELETE FROM login_session WHERE token_hash = $1", [.text(tokenHash)])
    }

    func deleteSessions(createdBefore: Date) async throws {
        try await run("DELETE FROM login_session WHERE created_at < $1", [.time(createdBefore)])
    }

    func insertSession(tokenHash: String, handle: String, csrf: String, at: Date) async throws {
        try await run("INSERT INTO login_session (token_hash, handle, csrf, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $4)",
                      [.text(tokenHash), .text(handle), .text(csrf), .time(at)])
    }

    func touchSession(tokenHash: String, at: Date) async throws {
        try await run("UPDATE login_session SET last_seen_at = $1 WHERE token_hash = $2", [.time(at), .text(tokenHash)])
    }

    func forgetFailures(before: Date) async throws {
        try await run("DELETE FROM login_failure WHERE at < $1", [.time(before)])
    }

    func forgetFailures(key: String) async throws {
        try await run("DELETE FROM login_failure WHERE key = $1", [.text(key)])
    }

    func recordFailure(key: String, at: Date, countingSince since: Date) async throws -> Int {
        try await run("INSERT INTO login_failure (key, at) VALUES ($1, $2)", [.text(key), .time(at)])
        return try await count("SELECT count(*) AS n FROM login_failure WHERE key = $1 AND at >= $2", [.text(key), .time(since)])
    }

    func lock(key: String, until: Date) async throws {
        try await run("""
            INSERT INTO login_lock (key, until) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET until = excluded.until
            """, [.text(key), .time(until)])
    }

    func insertAPIToken(name: String, tokenHash: String, handle: String, createdAt: Date, expiresAt: Date?) async throws -> Int64 {
        try await first("SELECT factdesk_create_token($1::text, $2::text, $3::text, $4::text, $5::text) AS id",
                        [.text(name), .text(tokenHash), .text(handle), .time(createdAt), .time(expiresAt)])?.int("id") ?? 0
    }

    func revokeAPIToken(id: Int64, at: Date) async throws {
        try await run("SELECT factdesk_revoke_token($1::bigint, $2::text)", [.integer(id), .time(at)])
    }

    func clearSearchIndex(version: Int64) async throws {
        try await run("DELETE FROM claim_search")
        try await run("UPDATE search_index SET version = $1", [.integer(version)])
    }

    func storeSearchTerms(claimID: Int64, terms: String) async throws {
        try await run("INSERT INTO claim_search (claim_id, terms) VALUES ($1, $2::tsvector)", [.integer(claimID), .text(Self.tsvector(terms))])
    }

    /// Rows copied from another desk, many to a statement (PostgreSQL takes at most 65,535
    /// parameters in one), so that a desk of a million claims moves in minutes.
    func insertRows(_ rows: [[StoredValue]], into table: DeskTable) async throws {
        let columns = table.columns
        let perStatement = max(1, 60_000 / columns.count)
        var start = 0
        while start < rows.count {
            let batch = rows[start..<min(start + perStatement, rows.count)]
            var binds: [StoredValue] = []
            binds.reserveCapacity(batch.count * columns.count)
            var tuples: [String] = []
            for row in batch {
                tuples.append("(" + Self.placeholders(from: binds.count + 1, count: columns.count) + ")")
                for (column, value) in zip(columns, row) {
                    if table.booleanColumns.contains(column), case .integer(let number) = value {
                        binds.append(.boolean(number != 0))
                    } else {
                        binds.append(value)
                    }
                }
            }
            try await run("INSERT INTO \(table.rawValue) (\(columns.joined(separator: ", "))) OVERRIDING SYSTEM VALUE VALUES "
                          + tuples.joined(separator: ", ") + table.onConflict, binds)
            start += batch.count
        }
    }

    func storeSearchTerms(_ batch: [(claimID: Int64, terms: String)]) async throws {
        var start = 0
        while start < batch.count {
            let part = batch[start..<min(start + 20_000, batch.count)]
            var binds: [StoredValue] = []
            var tuples: [String] = []
            for (id, terms) in part {
                tuples.append("($\(binds.count + 1), $\(binds.count + 2)::tsvector)")
                binds.append(.integer(id))
                binds.append(.text(Self.tsvector(terms)))
            }
            try await run("INSERT INTO claim_search (claim_id, terms) VALUES " + tuples.joined(separator: ", "), binds)
            start += part.count
        }
    }

    func finishCopy() async throws {
        for table in DeskTable.allCases where table.columns.first == "id" && table != .desk {
            try await run("""
                SELECT setval(pg_get_serial_sequence('\(table.rawValue)', 'id'),
                                    coalesce((SELECT max(id) FROM \(table.rawValue)), 0) + 1, false)
                """)
        }
        try await run("SELECT factdesk_grant_login(handle, role = 'editor', active) FROM reviewer ORDER BY id")
    }
}
