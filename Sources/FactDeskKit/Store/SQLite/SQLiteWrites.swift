import Foundation
import GRDB

/// What a write transaction on the desk file writes: one statement per change, the domain's
/// values bound as the columns' own types (times as ``StoredTime`` text).
extension SQLiteTransaction {
    func saveProgress(_ claim: Claim) throws {
        try db.cachedStatement(sql: """
            UPDATE claim SET state = ?, assignee = ?, due_at = ?, version = ?, updated_at = ? WHERE id = ?
            """).execute(arguments: [claim.state, claim.assignee, claim.dueAt.map(StoredTime.text), claim.version,
                                     StoredTime.text(claim.updatedAt), claim.id])
    }

    func insert(_ note: Note) throws -> Note {
        var row = note
        try db.execute(sql: "INSERT INTO note (claim_id, author, body, created_at) VALUES (?, ?, ?, ?)",
                       arguments: [note.claimID, note.author, note.body, StoredTime.text(note.createdAt)])
        row.id = db.lastInsertedRowID
        return row
    }

    func insert(_ evidence: Evidence) throws -> Evidence {
        var row = evidence
        try db.execute(sql: "INSERT INTO evidence (claim_id, url, stance, note, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [evidence.claimID, evidence.url, evidence.stance.rawValue, evidence.note, evidence.addedBy,
                                   StoredTime.text(evidence.addedAt)])
        row.id = db.lastInsertedRowID
        return row
    }

    func append(_ event: AuditEvent, at: String, details: String) throws {
        try db.cachedStatement(sql: """
            INSERT INTO event (seq, at, actor, claim_id, source_id, action, from_state, to_state, details, prev_hash, hash,
                               signer, signature)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                event.seq, at, event.actor, event.claimID, event.sourceID, event.action, event.fromState, event.toState,
                details, event.prevHash, event.hash, event.signer, event.signature])
    }

    func insert(_ claim: Claim, searchTerms: String) throws -> Claim {
        try db.cachedStatement(sql: """
            INSERT INTO claim (source_id, span_start, span_end, text, speaker, state, assignee, version,
                               created_by, created_at, updated_at, worthiness, reasons, due_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                claim.sourceID, claim.spanStart, claim.spanEnd, claim.text, claim.speaker, claim.state, claim.assignee,
                claim.version, claim.createdBy, StoredTime.text(claim.createdAt), StoredTime.text(claim.updatedAt),
                claim.worthiness, String(decoding: CanonicalJSON.array(claim.reasons), as: UTF8.self),
                claim.dueAt.map(StoredTime.text)])
        var stored = claim
        stored.id = db.lastInsertedRowID
        try storeSearchTerms(claimID: db.lastInsertedRowID, terms: searchTerms)
        return stored
    }

    func insert(_ source: Source) throws -> Source {
        var row = source
        try db.execute(sql: """
            INSERT INTO source (title, outlet, url, language, published_on, body, sha256, imported_by, imported_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [source.title, source.outlet, source.url, source.language, source.publishedOn, source.body,
                             source.sha256, source.importedBy, StoredTime.text(source.importedAt)])
        row.id = db.lastInsertedRowID
        return row
    }

    func insert(_ page: SourcePage) throws -> SourcePage {
        var row = page
        try db.execute(sql: """
            INSERT INTO source_page (source_id, fetched_at, url, content_type, sha256, page, body, text_sha256)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [page.sourceID, StoredTime.text(page.fetchedAt), page.url, page.contentType, page.sha256,
                             page.compressedPage.base64EncodedString(), page.body, page.textSHA256])
        row.id = db.lastInsertedRowID
        return row
    }

    func save(_ check: SourceCheck) throws {
        try db.execute(sql: """
            INSERT INTO source_check (source_id, checked_at, etag, last_modified) VALUES (?, ?, ?, ?)
            ON CONFLICT (source_id) DO UPDATE SET checked_at = excluded.checked_at, etag = excluded.etag,
                last_modified = excluded.last_modified
            """, arguments: [check.sourceID, StoredTime.text(check.checkedAt), check.etag, check.lastModified])
    }

    func createDesk(name: String, createdBy: String, at: Date) throws {
        try db.execute(sql: "INSERT INTO desk (id, name, created_by, created_at) VALUES (1, ?, ?, ?)",
                       arguments: [name, createdBy, StoredTime.text(at)])
    }

    func insert(_ workflow: InstalledWorkflow) throws -> InstalledWorkflow {
        // Sorted keys, as the desk files of every release have stored the definition.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var row = workflow
        try db.execute(sql: """
            INSERT INTO workflow (name, yaml, definition, sha256, installed_by, installed_at) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [workflow.name, workflow.yaml, String(decoding: try encoder.encode(workflow.definition), as: UTF8.self),
                             workflow.sha256, workflow.installedBy, StoredTime.text(workflow.installedAt)])
        row.id = db.lastInsertedRowID
        return row
    }

    func save(_ link: ClaimLink) throws {
        try db.execute(sql: """
            INSERT INTO claim_link (claim_a, claim_b, kind, linked_by, linked_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (claim_a, claim_b) DO UPDATE
                SET kind = excluded.kind, linked_by = excluded.linked_by, linked_at = excluded.linked_at
            """, arguments: [link.claimA, link.claimB, link.kind.rawValue, link.linkedBy, StoredTime.text(link.linkedAt)])
    }

    func insert(_ alias: Alias) throws {
        try db.execute(sql: "INSERT INTO alias (entity, variant, added_by, added_at) VALUES (?, ?, ?, ?)",
                       arguments: [alias.entity, alias.variant, alias.addedBy, StoredTime.text(alias.addedAt)])
    }

    func save(_ check: KnownCheck) throws -> KnownCheck {
        var saved = check
        let values: [(any DatabaseValueConvertible)?] = check.content.fields + [check.importedBy, StoredTime.text(check.importedAt)]
        let columns = KnownCheck.contentColumns + ["imported_by", "imported_at"]
        if let id = check.id {
            try db.execute(sql: "UPDATE known_check SET " + columns.map { "\($0) = ?" }.joined(separator: ", ") + " WHERE id = ?",
                           arguments: StatementArguments(values + [id]))
        } else {
            try db.execute(sql: "INSERT INTO known_check (" + columns.joined(separator: ", ") + ") VALUES ("
                               + columns.map { _ in "?" }.joined(separator: ", ") + ")",
                           arguments: StatementArguments(values))
            saved.id = db.lastInsertedRowID
        }
        return saved
    }

    func delete(_ alias: Alias) throws {
        try db.execute(sql: "DELETE FROM alias WHERE variant = ?", arguments: [alias.variant])
    }

    func insert(_ reviewer: Reviewer) throws -> Reviewer {
        var row = reviewer
        try db.execute(sql: """
            INSERT INTO reviewer (handle, display_name, role, active, created_at, public_key) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [reviewer.handle, reviewer.displayName, reviewer.role.rawValue, reviewer.active,
                             StoredTime.text(reviewer.createdAt), reviewer.publicKey])
        row.id = db.lastInsertedRowID
        return row
    }

    func update(_ reviewer: Reviewer) throws {
        try db.execute(sql: "UPDATE reviewer SET display_name = ?, role = ?, active = ?, public_key = ? WHERE handle = ?",
                       arguments: [reviewer.displayName, reviewer.role.rawValue, reviewer.active, reviewer.publicKey,
                                   reviewer.handle])
    }

    func save(_ service: Service) throws {
        try db.execute(sql: """
            INSERT INTO service (name, public_key, active, added_by, added_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET public_key = excluded.public_key, active = excluded.active,
                added_by = excluded.added_by, added_at = excluded.added_at
            """, arguments: [service.name, service.publicKey, service.active, service.addedBy, StoredTime.text(service.addedAt)])
    }

    func setPasswordHash(_ hash: String, of handle: String, at: Date) throws {
        try db.execute(sql: """
            INSERT INTO credential (handle, password_hash, set_at) VALUES (?, ?, ?)
            ON CONFLICT(handle) DO UPDATE SET password_hash = excluded.password_hash, set_at = excluded.set_at
            """, arguments: [handle, hash, StoredTime.text(at)])
    }

    func setDatabasePassword(_ password: String, of handle: String) throws {}

    func deleteSessions(of handle: String) throws {
        try db.execute(sql: "DELETE FROM login_session WHERE handle = ?", arguments: [handle])
    }

    func deleteSession(tokenHash: String) throws {
        try db.execute(sql: "DELETE FROM login_session WHERE token_hash = ?", arguments: [tokenHash])
    }

    func deleteSessions(createdBefore: Date) throws {
        try db.execute(sql: "DELETE FROM login_session WHERE created_at < ?", arguments: [StoredTime.text(createdBefore)])
    }

    func insertSession(tokenHash: String, handle: String, csrf: String, at: Date) throws {
        try db.execute(sql: """
            INSERT INTO login_session (token_hash, handle, csrf, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)
            """, arguments: [tokenHash, handle, csrf, StoredTime.text(at), StoredTime.text(at)])
    }

    func touchSession(tokenHash: String, at: Date) throws {
        try db.execute(sql: "UPDATE login_session SET last_seen_at = ? WHERE token_hash = ?",
                       arguments: [StoredTime.text(at), tokenHash])
    }

    func forgetFailures(before: Date) throws {
        try db.execute(sql: "DELETE FROM login_failure WHERE at < ?", arguments: [StoredTime.text(before)])
    }

    func forgetFailures(key: String) throws {
        try db.execute(sql: "DELETE FROM login_failure WHERE key = ?", arguments: [key])
    }

    func recordFailure(key: String, at: Date, countingSince since: Date) throws -> Int {
        try db.execute(sql: "INSERT INTO login_failure (key, at) VALUES (?, ?)", arguments: [key, StoredTime.text(at)])
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM login_failure WHERE key = ? AND at >= ?",
                                arguments: [key, StoredTime.text(since)]) ?? 0
    }

    func lock(key: String, until: Date) throws {
        try db.execute(sql: """
            INSERT INTO login_lock (key, until) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET until = excluded.until
            """, arguments: [key, StoredTime.text(until)])
    }

    func insertAPIToken(name: String, tokenHash: String, handle: String, createdAt: Date, expiresAt: Date?) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO api_token (name, token_hash, handle, created_at, expires_at) VALUES (?, ?, ?, ?, ?)
            """, arguments: [name, tokenHash, handle, StoredTime.text(createdAt), expiresAt.map(StoredTime.text)])
        return db.lastInsertedRowID
    }

    func revokeAPIToken(id: Int64, at: Date) throws {
        try db.execute(sql: "UPDATE api_token SET revoked_at = ? WHERE id = ?", arguments: [StoredTime.text(at), id])
    }
}
