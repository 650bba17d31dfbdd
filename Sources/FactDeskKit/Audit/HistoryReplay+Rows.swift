import Foundation

// MARK: - Rows

/// The second half of the replay: every row of the desk's tables held to what the history
/// rebuilt, and what the history recorded that no row holds any more.
extension HistoryReplay {

    /// Compares one claim row with what the history says of it.
    mutating func checkClaim(_ row: ClaimRow) {
        let id = row.id
        guard let replayed = claims.removeValue(forKey: id) else {
            return problem(.rowChanged, nil, "no event created it", row: "claim \(id)")
        }
        if Self.content(of: row, as: replayed) != replayed.content {
            problem(.rowChanged, nil, replayed.scored
                    ? "its text, speaker, place, source, worthiness, reasons or time is not what its history recorded"
                    : "its text, speaker, place or source is not what its history recorded", row: "claim \(id)")
        }
        if row.state != names[Int(replayed.state)] {
            problem(.rowChanged, nil, "it is '\(row.state)' but its history ends in '\(names[Int(replayed.state)])'", row: "claim \(id)")
        }
        let expected = replayed.assignee == 0 ? nil : names[Int(replayed.assignee)]
        if row.assignee != expected {
            problem(.rowChanged, nil, "it is assigned to \(row.assignee ?? "nobody") but its history says \(expected ?? "nobody")",
                    row: "claim \(id)")
        }
        if !Self.sameMoment(row.dueAt, replayed.due) {
            problem(.rowChanged, nil, "it is due \(row.dueAt ?? "never") but its history says \(replayed.due ?? "never")", row: "claim \(id)")
        }
        // Versions and times are held from the desk's signed history on.
        guard !replayed.legacy else { return }
        if row.version != 1 + Int64(replayed.changes) {
            problem(.rowChanged, nil, "it is at version \(row.version) but its history changed it \(replayed.changes) times since it was added",
                    row: "claim \(id)")
        }
        if row.updatedAt.hashValue != replayed.changedAt {
            problem(.rowChanged, nil, "it says it last changed at \(row.updatedAt), which is not when its history last changed it",
                    row: "claim \(id)")
        }
    }

    /// The digest of a claim row's content, as ``Digest/init(source:details:at:)`` gives the
    /// event's stored details when the row holds what the event wrote.
    static func content(of row: ClaimRow, as replayed: ClaimState) -> Digest {
        if replayed.legacy { return Digest([String(row.sourceID), row.text]) }
        var details = EventPayload.ClaimAdded(text: row.text, speaker: row.speaker, spanStart: row.spanStart,
                                              spanEnd: row.spanEnd, worthiness: nil, reasons: nil)
        if replayed.scored {
            var stored = row.reasons
            guard let reasons = stored.withUTF8({ DetailsReader.strings(UnsafeRawBufferPointer($0)) }) else {
                return Digest(["unreadable reasons"])
            }
            details.worthiness = row.worthiness
            details.reasons = reasons
        }
        var json = details.canonicalJSON
        return json.withUTF8 { Digest(source: row.sourceID, details: UnsafeRawBufferPointer($0), at: row.createdAt) }
    }

    /// A stored time and an event's ISO-8601 deadline name the same moment, to the millisecond.
    static func sameMoment(_ stored: String?, _ recorded: String?) -> Bool {
        switch (stored, recorded) {
        case (nil, nil): return true
        case (let stored?, let recorded?):
            // The two forms round the same moment to the millisecond each in its own way.
            guard let date = StoredTime.date(stored),
                  let said = try? Date(recorded, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
            else { return false }
            return abs(date.timeIntervalSince(said)) < 0.002
        default: return false
        }
    }

    /// Claims the history created whose rows are gone.
    mutating func finishClaims() {
        for id in claims.keys.sorted() { problem(.rowChanged, nil, "its history exists but the claim is gone", row: "claim \(id)") }
        claims = [:]
    }

    /// Compares the other tables' rows, each as the table's columns (``DeskTable``).
    mutating func check(_ table: DeskTable, _ row: [StoredValue]) {
        func text(_ column: String) -> String? {
            guard let index = table.columns.firstIndex(of: column) else { return nil }
            switch row[index] {
            case .text(let value): return value
            case .integer(let value): return String(value)
            case .boolean(let value): return value ? "1" : "0"
            case .real(let value): return String(value)
            case .null: return nil
            }
        }
        let id = text(table == .service ? "name" : "id") ?? "?"
        switch table {
        case .note:
            let claim = text("claim_id") ?? ""
            let number = Int64(claim) ?? -1
            if !Self.take(&notes, Self.noteDigest(number, text("author"), text("body"), at: text("created_at"))),
               !Self.take(&notes, Self.noteDigest(number, text("author"), text("body"), at: nil)) {
                problem(.rowChanged, nil, "no event wrote this note on claim \(claim), or it was changed since", row: "note \(id)")
            }
        case .evidence:
            let claim = text("claim_id") ?? ""
            let number = Int64(claim) ?? -1
            if !Self.take(&evidence, Self.evidenceDigest(number, text("added_by"), text("url"), text("stance"), text("note") ?? "",
                                                         at: text("added_at"))),
               !Self.take(&evidence, Self.evidenceDigest(number, text("added_by"), text("url"), text("stance"), text("note") ?? "",
                                                         at: nil)),
               !Self.take(&legacyEvidence, Digest([claim, text("added_by"), text("url")])) {
                problem(.rowChanged, nil, "no event added this evidence to claim \(claim), or it was changed since", row: "evidence \(id)")
            }
        case .source:
            guard let recorded = sources.removeValue(forKey: Int64(id) ?? -1) else {
                return problem(.rowChanged, nil, "no event added this source", row: "source \(id)")
            }
            if text("sha256") != recorded.sha256 || sha256Hex(text("body") ?? "") != recorded.sha256 {
                problem(.rowChanged, nil, "its text is not the text its history recorded (SHA-256 \(recorded.sha256))", row: "source \(id)")
            } else if let title = recorded.title, text("title") != title {
                problem(.rowChanged, nil, "its title is not the one its history recorded", row: "source \(id)")
            } else if let at = recorded.at, text("imported_at") != at {
                problem(.rowChanged, nil, "it says it was imported at \(text("imported_at") ?? "no time"), not when its history says", row: "source \(id)")
            }
        case .alias:
            let variant = text("variant") ?? ""
            guard let recorded = aliases.removeValue(forKey: variant) else {
                return problem(.rowChanged, nil, "no event added the spelling '\(variant)'", row: "alias \(id)")
            }
            if text("entity") != recorded.entity || text("added_by") != recorded.by || recorded.at.map({ $0 != text("added_at") }) == true {
                problem(.rowChanged, nil, "'\(variant)' names '\(text("entity") ?? "")' but its history says '\(recorded.entity)'", row: "alias \(id)")
            }
        case .claimLink:
            let a = Int64(text("claim_a") ?? "") ?? -1, b = Int64(text("claim_b") ?? "") ?? -1
            guard let recorded = links.removeValue(forKey: Pair(a, b)) else {
                return problem(.rowChanged, nil, "no event linked these claims", row: "link \(a)-\(b)")
            }
            if text("kind") != recorded.kind || text("linked_by") != recorded.by || recorded.at.map({ $0 != text("linked_at") }) == true {
                problem(.rowChanged, nil, "it says '\(text("kind") ?? "")' but its history says '\(recorded.kind)' by \(recorded.by)",
                        row: "link \(a)-\(b)")
            }
        case .sourcePage:
            // A page is the one its history recorded when its bytes, as kept, hash to the digest an
            // event of its source names, and its text to the digest recorded with it.
            let source = text("source_id") ?? "?", digest = text("sha256") ?? ""
            guard let textDigest = pages.removeValue(forKey: "\(source):\(digest)") else {
                return problem(.rowChanged, nil, "no event of source \(source) recorded this page", row: "page \(id)")
            }
            let bytes = Data(base64Encoded: text("page") ?? "").flatMap { Deflate.decompress($0, limit: 256 * 1024 * 1024) }
            if bytes.map({ sha256Hex(bytes: [UInt8]($0)) }) != digest {
                problem(.rowChanged, nil, "its bytes are not the page its history recorded (SHA-256 \(digest))", row: "page \(id)")
            } else if text("text_sha256") != textDigest || sha256Hex(text("body") ?? "") != textDigest {
                problem(.rowChanged, nil, "its text is not the text its history recorded (SHA-256 \(textDigest))", row: "page \(id)")
            }
        case .knownCheck:
            let ref = text("ref") ?? ""
            guard let recorded = knownChecks.removeValue(forKey: ref) else {
                return problem(.rowChanged, nil, "no event imported the fact-check \(ref)", row: "known check \(id)")
            }
            if KnownCheck.Content.digest(KnownCheck.contentColumns.map(text)) != recorded.digest || text("imported_by") != recorded.by
                || recorded.at.map({ $0 != text("imported_at") }) == true {
                problem(.rowChanged, nil, "it is not the review its history recorded (\(ref))", row: "known check \(id)")
            }
        case .reviewer:
            let handle = text("handle") ?? ""
            guard let person = reviewers.removeValue(forKey: handle) else {
                return problem(.rowChanged, nil, "no event added \(handle)", row: "reviewer \(handle)")
            }
            if text("role") != person.role || (text("active") == "1") != person.active || text("public_key") != person.key {
                problem(.rowChanged, nil,
                        "\(handle) is \(text("role") ?? "")\(text("active") == "1" ? "" : ", inactive"), key \(text("public_key") ?? "none"); the history says \(person.role)\(person.active ? "" : ", inactive"), key \(person.key ?? "none")",
                        row: "reviewer \(handle)")
            }
            if let name = person.name, text("display_name") != name {
                problem(.rowChanged, nil, "\(handle) is shown as '\(text("display_name") ?? "")', but the history added them as '\(name)'",
                        row: "reviewer \(handle)")
            }
            if let at = person.addedAt, text("created_at") != at {
                problem(.rowChanged, nil, "it says \(handle) was added at \(text("created_at") ?? "no time"), not when the history says",
                        row: "reviewer \(handle)")
            }
        case .credential:
            checkCredential(handle: text("handle") ?? "", hash: text("password_hash"))
        case .service:
            guard let service = services.removeValue(forKey: id) else {
                return problem(.rowChanged, nil, "no event registered it", row: "service \(id)")
            }
            if text("public_key") != service.key || (text("active") == "1") != service.active {
                problem(.rowChanged, nil, "its key or state is not what its history recorded", row: "service \(id)")
            }
        case .desk:
            guard let recorded = deskRow else { return }
            if let name = recorded.name, text("name") != name {
                problem(.rowChanged, nil, "the desk is called '\(text("name") ?? "")', but its first event named it '\(name)'", row: "desk")
            }
            if text("created_by") != recorded.by || recorded.at.map({ $0 != text("created_at") }) == true {
                problem(.rowChanged, nil, "who created the desk, or when, is not what its first event says", row: "desk")
            }
        case .secondFactor:
            checkSecondFactorRow(handle: text("handle") ?? "")
        case .feed:
            checkFeed(text)
        case .tip:
            checkTip(text)
        default:
            break
        }
    }

    // MARK: - Credentials

    mutating func setCredential(_ event: Event, _ details: EventPayload.Credential) {
        let handle = details.handle
        credentials[handle] = details.sha256 ?? ""
    }

    /// A stored password hash must be the one the reviewer's newest password event set.
    mutating func checkCredential(handle: String, hash: String?) {
        guard let recorded = credentials[handle] else {
            return problem(.rowChanged, nil, "no event set a password for \(handle)", row: "credential \(handle)")
        }
        // An event from before events held the digest accounts for whatever hash it set.
        if !recorded.isEmpty, sha256Hex(hash ?? "") != recorded {
            problem(.rowChanged, nil, "\(handle)'s password hash is not the one the history set; set the password again",
                    row: "credential \(handle)")
        }
    }

    static func take(_ table: inout [Digest: (count: Int32, claim: Int64)], _ key: Digest) -> Bool {
        guard let entry = table[key], entry.count > 0 else { return false }
        table[key] = entry.count == 1 ? nil : (entry.count - 1, entry.claim)
        return true
    }

    /// What the history recorded that no row holds any more.
    mutating func finishRows() {
        checkWorkflowInForce()
        for entry in notes.values.sorted(by: { $0.claim < $1.claim }) {
            problem(.rowChanged, nil, "a note its history records is gone", row: "claim \(entry.claim)")
        }
        for entry in (Array(evidence.values) + Array(legacyEvidence.values)).sorted(by: { $0.claim < $1.claim }) {
            problem(.rowChanged, nil, "evidence its history records is gone", row: "claim \(entry.claim)")
        }
        for key in pages.keys.sorted() {
            problem(.rowChanged, nil, "a page its history recorded is gone", row: "source \(key.prefix { $0 != ":" })")
        }
        for (id, source) in sources.sorted(by: { $0.key < $1.key }) {
            problem(.rowChanged, nil, "its history added it (SHA-256 \(source.sha256)) but it is gone", row: "source \(id)")
        }
        for (variant, alias) in aliases.sorted(by: { $0.key < $1.key }) {
            problem(.rowChanged, nil, "the spelling '\(variant)' of '\(alias.entity)' is gone", row: "alias")
        }
        for pair in links.keys.sorted(by: { ($0.a, $0.b) < ($1.a, $1.b) }) {
            problem(.rowChanged, nil, "the link its history records is gone", row: "link \(pair.a)-\(pair.b)")
        }
        for ref in knownChecks.keys.sorted() {
            problem(.rowChanged, nil, "its history imported the fact-check \(ref) but it is gone", row: "known check")
        }
        for handle in reviewers.keys.sorted() {
            problem(.rowChanged, nil, "its history added \(handle) but the reviewer is gone", row: "reviewer \(handle)")
        }
        for name in services.keys.sorted() {
            problem(.rowChanged, nil, "its history registered it but it is gone", row: "service \(name)")
        }
        finishSecondFactors()
        finishIntake()
    }
}
