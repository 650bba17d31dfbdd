import Foundation
import PostgresNIO

/// One row of a result, read by column name; the desk's rows built from it.
struct PGRow {
    let row: PostgresRandomAccessRow

    init(_ row: PostgresRow) {
        self.row = row.makeRandomAccess()
    }

    func text(_ column: String) throws -> String {
        guard let value = try optionalText(column) else { throw StoreError.database("\(column) is empty") }
        return value
    }

    func optionalText(_ column: String) throws -> String? {
        try row[column].decode(String?.self)
    }

    func int(_ column: String) throws -> Int64 {
        try row[column].decode(Int64?.self) ?? 0
    }

    func optionalInt(_ column: String) throws -> Int64? {
        try row[column].decode(Int64?.self)
    }

    func bool(_ column: String) throws -> Bool {
        try row[column].decode(Bool.self)
    }

    func date(_ column: String) throws -> Date {
        let stored = try text(column)
        guard let date = StoredTime.date(stored) else { throw StoreError.database("\(column) holds '\(stored)', not a time") }
        return date
    }

    func optionalDate(_ column: String) throws -> Date? {
        try optionalText(column).map { stored in
            guard let date = StoredTime.date(stored) else { throw StoreError.database("\(column) holds '\(stored)', not a time") }
            return date
        }
    }

    /// The raw bytes of a column, valid during `body`; nil for NULL.
    func withBytes<T>(_ index: Int, _ body: (UnsafeRawBufferPointer?) -> T) -> T {
        guard let buffer = row[index].bytes else { return body(nil) }
        return buffer.withUnsafeReadableBytes { body($0) }
    }

    /// A column as a stored value, whatever its type.
    func stored(_ index: Int) throws -> StoredValue {
        let cell = row[index]
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int8, .int4, .int2: return .integer(try cell.decode(Int64.self))
        case .float8, .float4: return .real(try cell.decode(Double.self))
        case .bool: return .boolean(try cell.decode(Bool.self))
        default: return .text(try cell.decode(String.self))
        }
    }

    // MARK: - The desk's rows

    func claim() throws -> Claim {
        let reasons = try optionalText("reasons").flatMap { text in
            (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String]
        } ?? []
        return Claim(
            id: try int("id"), sourceID: try int("source_id"),
            spanStart: try optionalInt("span_start").map(Int.init), spanEnd: try optionalInt("span_end").map(Int.init),
            text: try text("text"), speaker: try optionalText("speaker"), state: try text("state"),
            assignee: try optionalText("assignee"), version: try int("version"), createdBy: try text("created_by"),
            createdAt: try date("created_at"), updatedAt: try date("updated_at"),
            worthiness: Int(try int("worthiness")), reasons: reasons, dueAt: try optionalDate("due_at"))
    }

    func source() throws -> Source {
        Source(id: try int("id"), title: try text("title"), outlet: try optionalText("outlet"), url: try optionalText("url"),
               language: try text("language"), publishedOn: try optionalText("published_on"), body: try text("body"),
               sha256: try text("sha256"), importedBy: try text("imported_by"), importedAt: try date("imported_at"))
    }

    func sourcePage() throws -> SourcePage {
        SourcePage(id: try int("id"), sourceID: try int("source_id"), fetchedAt: try date("fetched_at"), url: try text("url"),
                   contentType: try optionalText("content_type"), sha256: try text("sha256"),
                   compressedPage: Data(base64Encoded: try text("page")) ?? Data(), body: try text("body"),
                   textSHA256: try text("text_sha256"))
    }

    func reviewer() throws -> Reviewer {
        Reviewer(id: try int("id"), handle: try text("handle"), displayName: try text("display_name"),
                 role: Reviewer.Role(rawValue: try text("role")) ?? .reviewer, active: try bool("active"),
                 createdAt: try date("created_at"), publicKey: try optionalText("public_key"))
    }

    func service() throws -> Service {
        Service(name: try text("name"), publicKey: try text("public_key"), active: try bool("active"),
                addedBy: try text("added_by"), addedAt: try date("added_at"))
    }

    func note() throws -> Note {
        Note(id: try int("id"), claimID: try int("claim_id"), author: try text("author"), body: try text("body"),
             createdAt: try date("created_at"))
    }

    func evidence() throws -> Evidence {
        Evidence(id: try int("id"), claimID: try int("claim_id"), url: try text("url"),
                 stance: Evidence.Stance(rawValue: try text("stance")) ?? .context, note: try optionalText("note"),
                 addedBy: try text("added_by"), addedAt: try date("added_at"))
    }

    func event() throws -> AuditEvent {
        var event = AuditEvent(
            at: try date("at"), actor: try text("actor"), claimID: try optionalInt("claim_id"),
            sourceID: try optionalInt("source_id"), fromState: try optionalText("from_state"),
            toState: try optionalText("to_state"), try payload())
        event.seq = try int("seq")
        event.prevHash = try text("prev_hash")
        event.hash = try text("hash")
        event.signer = try optionalText("signer")
        event.signature = try optionalText("signature")
        return event
    }

    /// An event's details, read as the body its action names.
    func payload() throws -> EventPayload {
        guard let payload = EventPayload(action: try text("action"), details: try text("details")) else {
            throw StoreError.database("an event's details are not the JSON FactDesk writes")
        }
        return payload
    }

    func workflow() throws -> InstalledWorkflow {
        InstalledWorkflow(
            id: try int("id"), name: try text("name"), yaml: try text("yaml"),
            definition: try JSONDecoder().decode(Workflow.self, from: Data(try text("definition").utf8)),
            sha256: try text("sha256"), installedBy: try text("installed_by"), installedAt: try date("installed_at"))
    }

    func alias() throws -> Alias {
        Alias(id: try int("id"), entity: try text("entity"), variant: try text("variant"), addedBy: try text("added_by"),
              addedAt: try date("added_at"))
    }

    func knownCheck() throws -> KnownCheck {
        var content = KnownCheck.Content(
            url: try optionalText("url"), publisher: try text("publisher"), publishedOn: try optionalText("published_on"),
            claimReviewed: try text("claim_reviewed"), rating: try optionalText("rating"),
            ratingValue: try optionalText("rating_value"), bestRating: try optionalText("best_rating"),
            worstRating: try optionalText("worst_rating"), language: try optionalText("language"))
        content.ref = try text("ref")
        return KnownCheck(id: try int("id"), content: content, importedBy: try text("imported_by"),
                          importedAt: try date("imported_at"))
    }

    func link() throws -> ClaimLink {
        ClaimLink(claimA: try int("claim_a"), claimB: try int("claim_b"),
                  kind: ClaimLink.Kind(rawValue: try text("kind")) ?? .unrelated,
                  linkedBy: try text("linked_by"), linkedAt: try date("linked_at"))
    }

    func token() throws -> APIToken {
        APIToken(id: try int("id"), name: try text("name"), handle: try text("handle"), createdAt: try date("created_at"),
                 expiresAt: try optionalDate("expires_at"), revokedAt: try optionalDate("revoked_at"))
    }
}
