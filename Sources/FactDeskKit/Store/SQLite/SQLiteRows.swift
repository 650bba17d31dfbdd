import Foundation
import GRDB

// MARK: - Reading rows

extension Database {
    /// The rows a query selects, each mapped as it is read: the cursor's row is not copied.
    func rows<T>(_ sql: String, _ arguments: StatementArguments = [], cached: Bool = false,
                 _ map: (Row) throws -> T) throws -> [T] {
        let statement = cached ? try cachedStatement(sql: sql) : try makeStatement(sql: sql)
        let cursor = try Row.fetchCursor(statement, arguments: arguments)
        var mapped: [T] = []
        while let row = try cursor.next() { mapped.append(try map(row)) }
        return mapped
    }

    /// The first row a query selects, mapped; nil for none.
    func row<T>(_ sql: String, _ arguments: StatementArguments = [], cached: Bool = false,
                _ map: (Row) throws -> T) throws -> T? {
        let statement = cached ? try cachedStatement(sql: sql) : try makeStatement(sql: sql)
        let cursor = try Row.fetchCursor(statement, arguments: arguments)
        return try cursor.next().map(map)
    }

    /// Hands each row a query selects to `body`, as it is read.
    func eachRow(_ sql: String, _ arguments: StatementArguments = [], _ body: (Row) throws -> Void) throws {
        let cursor = try Row.fetchCursor(self, sql: sql, arguments: arguments)
        while let row = try cursor.next() { try body(row) }
    }
}

/// One row of the desk file, read by column name; the desk's rows built from it.
///
/// The domain's types know nothing of SQLite: each is read here column by column, as
/// `PGRow` reads them from PostgreSQL, and written by the statements of ``SQLiteTransaction``.
extension Row {
    func claim() -> Claim {
        let reasons: String? = self["reasons"]
        return Claim(
            id: self["id"], sourceID: self["source_id"], spanStart: self["span_start"], spanEnd: self["span_end"],
            text: self["text"], speaker: self["speaker"], state: self["state"], assignee: self["assignee"],
            version: self["version"], createdBy: self["created_by"], createdAt: self["created_at"],
            updatedAt: self["updated_at"], worthiness: self["worthiness"] ?? 0,
            reasons: reasons.flatMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String] } ?? [],
            dueAt: self["due_at"])
    }

    func source() -> Source {
        Source(id: self["id"], title: self["title"], outlet: self["outlet"], url: self["url"], language: self["language"],
               publishedOn: self["published_on"], body: self["body"], sha256: self["sha256"],
               importedBy: self["imported_by"], importedAt: self["imported_at"])
    }

    func sourcePage() -> SourcePage {
        SourcePage(id: self["id"], sourceID: self["source_id"], fetchedAt: StoredTime.date(self["fetched_at"]) ?? .distantPast,
                   url: self["url"], contentType: self["content_type"], sha256: self["sha256"],
                   compressedPage: Data(base64Encoded: self["page"] as String? ?? "") ?? Data(),
                   body: self["body"], textSHA256: self["text_sha256"])
    }

    /// A reviewer; the table's check allows only the two roles (PostgreSQL's rows read them the same way).
    func reviewer() -> Reviewer {
        Reviewer(id: self["id"], handle: self["handle"], displayName: self["display_name"],
                 role: Reviewer.Role(rawValue: self["role"] ?? "") ?? .reviewer, active: self["active"],
                 createdAt: self["created_at"], publicKey: self["public_key"])
    }

    func note() -> Note {
        Note(id: self["id"], claimID: self["claim_id"], author: self["author"], body: self["body"],
             createdAt: self["created_at"])
    }

    func evidence() -> Evidence {
        Evidence(id: self["id"], claimID: self["claim_id"], url: self["url"],
                 stance: Evidence.Stance(rawValue: self["stance"] ?? "") ?? .context, note: self["note"],
                 addedBy: self["added_by"], addedAt: self["added_at"])
    }

    func event() throws -> AuditEvent {
        let details: String = self["details"]
        guard let payload = EventPayload(action: self["action"], details: details) else {
            throw StoreError.database("an event's details are not the JSON FactDesk writes")
        }
        var event = AuditEvent(
            at: self["at"], actor: self["actor"], claimID: self["claim_id"], sourceID: self["source_id"],
            fromState: self["from_state"], toState: self["to_state"], payload)
        event.seq = self["seq"]
        event.prevHash = self["prev_hash"]
        event.hash = self["hash"]
        event.signer = self["signer"]
        event.signature = self["signature"]
        return event
    }

    func workflow() throws -> InstalledWorkflow {
        let definition: String = self["definition"]
        return InstalledWorkflow(
            id: self["id"], name: self["name"], yaml: self["yaml"],
            definition: try JSONDecoder().decode(Workflow.self, from: Data(definition.utf8)),
            sha256: self["sha256"], installedBy: self["installed_by"], installedAt: self["installed_at"])
    }

    func alias() -> Alias {
        Alias(id: self["id"], entity: self["entity"], variant: self["variant"], addedBy: self["added_by"],
              addedAt: self["added_at"])
    }

    func link() -> ClaimLink {
        ClaimLink(claimA: self["claim_a"], claimB: self["claim_b"],
                  kind: ClaimLink.Kind(rawValue: self["kind"] ?? "") ?? .unrelated,
                  linkedBy: self["linked_by"], linkedAt: self["linked_at"])
    }

    func knownCheck() -> KnownCheck {
        var content = KnownCheck.Content(
            url: self["url"], publisher: self["publisher"], publishedOn: self["published_on"],
            claimReviewed: self["claim_reviewed"], rating: self["rating"], ratingValue: self["rating_value"],
            bestRating: self["best_rating"], worstRating: self["worst_rating"], language: self["language"])
        content.ref = self["ref"]
        return KnownCheck(id: self["id"], content: content, importedBy: self["imported_by"],
                          importedAt: StoredTime.date(self["imported_at"]) ?? .distantPast)
    }

    func service() -> Service {
        Service(name: self["name"], publicKey: self["public_key"], active: self["active"], addedBy: self["added_by"],
                addedAt: StoredTime.date(self["added_at"]) ?? .distantPast)
    }

    func token() -> APIToken {
        APIToken(id: self["id"], name: self["name"], handle: self["handle"], createdAt: self["created_at"],
                 expiresAt: self["expires_at"], revokedAt: self["revoked_at"])
    }
}

// MARK: - The claims a filter selects

extension ClaimFilter {
    /// The filter as one SQLite query of whole claim rows, with its arguments.
    var sqliteQuery: (sql: String, arguments: StatementArguments) {
        var (sql, arguments) = sqliteSelection(columns: "*")
        switch order {
        case .oldest: sql += " ORDER BY id"
        case .worthiness: sql += " ORDER BY worthiness DESC, id"
        case .due: sql += " ORDER BY due_at ASC NULLS LAST, id"
        }
        if let limit {
            sql += " LIMIT ? OFFSET ?"
            arguments += [limit, offset]
        }
        return (sql, arguments)
    }

    /// The claims the filter selects, unordered and unlimited: `columns` of each row.
    func sqliteSelection(columns: String) -> (sql: String, arguments: StatementArguments) {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if !states.isEmpty {
            conditions.append("state IN (\(databaseQuestionMarks(count: states.count)))")
            arguments += StatementArguments(states)
        }
        switch assignment {
        case .any: break
        case .assignedTo(let handle):
            conditions.append("assignee = ?")
            arguments += [handle]
        case .unassigned: conditions.append("assignee IS NULL")
        }
        if let sourceID {
            conditions.append("source_id = ?")
            arguments += [sourceID]
        }
        if revised { conditions.append(StorageTerms.revisedClaim(find: "instr")) }
        if let overdueAt {
            var condition = "due_at < ?"
            arguments += [StoredTime.text(overdueAt)]
            if !finalStates.isEmpty {
                condition += " AND state NOT IN (\(databaseQuestionMarks(count: finalStates.count)))"
                arguments += StatementArguments(finalStates)
            }
            conditions.append(condition)
        }
        if let ids {
            // Whole numbers, written into the query: no text of a user's reaches it.
            conditions.append(ids.isEmpty ? "0" : "id IN (" + ids.sorted().map(String.init).joined(separator: ", ") + ")")
        }
        var sql = "SELECT \(columns) FROM claim"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        return (sql, arguments)
    }
}
