import Foundation
import GRDB
import Testing
@testable import FactDeskKit

/// The history's hand-written JSON must be byte for byte what Foundation's encoder writes,
/// or desks written before it would no longer verify.
@Suite struct CanonicalJSONTests {
    static let awkward: [String] = {
        var everyASCII = ""
        for value in 0..<0x80 { everyASCII.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        return [
            everyASCII, "", "وقال عراقجي: \"اجتماع جيد\" / تقدم", "\u{202E}مقلوب\u{202C} \u{200B}", "a\\b\"c\n\t\r",
            "emoji 🇮🇷 e\u{301}", "\u{2028}\u{2029}\u{FEFF}\u{7F}", "https://example.org/a?b=c&d=\u{1B}[31m",
        ]
    }()

    static func foundation<T: Encodable>(_ value: T, sorted: Bool) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = sorted ? [.sortedKeys, .withoutEscapingSlashes] : [.withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test(arguments: awkward)
    func anArrayOfFieldsIsWrittenAsTheEncoderWritesIt(text: String) throws {
        let fields: [String?] = ["12", text, nil, text + text, nil]
        #expect(String(decoding: CanonicalJSON.array(fields), as: UTF8.self) == (try Self.foundation(fields, sorted: false)))
    }

    @Test(arguments: awkward)
    func bytesFromTheStoreAreEscapedAsTheirString(text: String) {
        var fromBytes: [UInt8] = []
        Array(text.utf8).withUnsafeBytes { CanonicalJSON.appendString($0, to: &fromBytes) }
        var fromString: [UInt8] = []
        CanonicalJSON.appendString(text.utf8, to: &fromString)
        #expect(fromBytes == fromString)
    }

    /// Payloads of every kind, holding the awkward texts in every field.
    static func payloads(_ text: String, _ index: Int) -> [EventPayload] {
        [
            .transition("assign", .init(
                assignee: index % 2 == 0 ? "layla" : nil, previousAssignee: index % 3 == 0 ? text : nil,
                due: index == 7 ? "2099-01-01T12:00:00.000Z" : nil, note: text,
                evidence: index % 2 == 1 ? [text, "https://example.org/x"] : nil, stances: index % 2 == 1 ? ["supports", text] : nil,
                evidenceNotes: index == 3 ? [text, ""] : nil)),
            .transition("start", .init()),
            .deskCreate(.init(handle: "sara", title: text, sha256: String(repeating: "a", count: 64), workflow: "standard",
                              key: "ed25519:" + text)),
            .reviewerAdd(.init(handle: "omar", role: "editor", key: index == 1 ? nil : text, name: index == 2 ? nil : text)),
            .reviewerActivate(.init(handle: text)), .reviewerDeactivate(.init(handle: text)),
            .reviewerRole(.init(handle: "omar", role: text)), .reviewerPassword(.init(handle: text, sha256: index == 0 ? nil : text)),
            .reviewerKey(.init(handle: "omar", key: text)), .serviceAdd(.init(handle: "web", key: text)),
            .serviceRemove(.init(handle: text)), .tokenCreate(.init(handle: "sara", title: text, sha256: text)),
            .tokenRevoke(.init(handle: "sara", title: nil, sha256: text)),
            .twoFactorEnable(.init(handle: text)), .twoFactorDisable(.init(handle: text)),
            .sourceAdd(.init(title: index == 4 ? nil : text, sha256: text)),
            .claimAdd(.init(text: text, speaker: index == 5 ? nil : text, spanStart: Int64(index), spanEnd: 9_007_199_254_740_993,
                            worthiness: index == 6 ? nil : -3, reasons: index == 6 ? nil : [text, ""])),
            .claimNote(.init(note: text)), .claimEvidence(.init(url: text, stance: "refutes", note: index == 2 ? nil : text)),
            .claimLink(.init(otherClaim: Int64(index) - 4, relation: text)),
            .aliasAdd(.init(entity: text, variants: [text, ""])), .aliasRemove(.init(entity: text, variants: [])),
            .checkImport(.init(reference: text, sha256: text, text: index == 1 ? nil : text)),
            .workflowInstall(.init(yaml: text, sha256: text, workflow: "two-person")),
        ]
    }

    @Test func eventDetailsAreWrittenWithSortedKeysAndAbsentFieldsLeftOut() throws {
        for (index, text) in Self.awkward.enumerated() {
            for payload in Self.payloads(text, index) {
                #expect(payload.canonicalJSON == (try Self.foundation(payload, sorted: true)), "\(payload.action)")
            }
        }
    }

    @Test func eventDetailsReadBackAsWrittenByTheReaderAndTheDecoder() throws {
        for (index, text) in Self.awkward.enumerated() {
            for payload in Self.payloads(text, index) {
                let json = payload.canonicalJSON
                #expect(EventPayload(action: payload.action, details: json) == payload, "\(payload.action)")
                let action: String = try Self.foundation(payload.action, sorted: true)
                let row: String = #"{"action":"# + action + #","details":"# + json + "}"
                let decoded = try JSONDecoder().decode(Decoded.self, from: Data(row.utf8))
                #expect(decoded.payload == payload, "\(payload.action)")
            }
        }
    }

    @Test func detailsWithoutWhatTheirActionNeedsReadAsIncomplete() {
        #expect(EventPayload(action: AuditAction.claimNote, details: "{}") == .incomplete(action: AuditAction.claimNote))
        #expect(EventPayload(action: AuditAction.claimLink, details: #"{"other_claim":"7","relation":"same"}"#)
                    == .incomplete(action: AuditAction.claimLink))
        #expect(EventPayload(action: "verify", details: #"{"note":"n","later":[]}"#) == .transition("verify", .init(note: "n")))
        #expect(EventPayload(action: "claim.erase", details: "{}") == .unknown(action: "claim.erase"))
        #expect(EventPayload(action: "verify", details: #"{"note":"n""#) == nil)
        #expect(EventPayload(action: "verify", details: #"{"note":{}}"#) == nil)
    }

    /// Every stored property of every body is in its field table: one forgotten would not be stored.
    @Test func everyFieldOfEveryBodyIsInItsTable() {
        for payload in Self.payloads("x", 7) {
            let body = payload.body
            let stored = Set(Mirror(reflecting: body).children.compactMap(\.label))
            let tabled = Set(type(of: body).keys.map { key in
                key.rawValue.split(separator: "_").enumerated()
                    .map { $0.offset == 0 ? String($0.element) : $0.element.capitalized }.joined()
            }.map { $0 == "ref" ? "reference" : $0 })
            #expect(stored == tabled, "\(payload.action)")
        }
    }

    /// An event's action and details, decoded as a store's row is.
    struct Decoded: Decodable {
        var payload: EventPayload
        enum CodingKeys: String, CodingKey { case action, details }
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            payload = try EventPayload(action: try container.decode(String.self, forKey: .action),
                                       from: try container.superDecoder(forKey: .details))
        }
    }

    @Test func theChainHashesTheSameBytesAsBefore() throws {
        let content = HashChain.Content(seq: 7, at: "2026-11-22 12:30:23.559", actor: "sara", claimID: 5, sourceID: nil,
                                        action: "verify", from: "in_review", to: "verified", details: #"{"note":"a/b \"c\""}"#)
        let fields: [String?] = ["7", content.at, "sara", "5", nil, "verify", "in_review", "verified", content.details]
        let expected = sha256Hex(HashChain.genesis + "\n" + (try Self.foundation(fields, sorted: false)))
        #expect(HashChain.hash(prev: HashChain.genesis, content: content) == expected)
    }
}

@Suite struct BulkImportTests {
    @Test func parallelWorkKeepsTheOrderOfItsItems() async {
        let items = Array(0..<1_000)
        #expect(await parallelMap(items) { $0 * 3 } == items.map { $0 * 3 })
        #expect(await parallelMap([Int]()) { $0 } == [])
    }

    @Test func aBatchOfArticlesIsStoredOnceEachWithItsClaims() async throws {
        let store = try await ClaimStore.inMemory(
            workflow: try WorkflowSource.named("standard"), editor: NewReviewer(handle: "sara", role: .editor))
        let first = NewSource(body: try seedArticle("000")), second = NewSource(body: try seedArticle("001"))
        let results = try await store.imports.addSources([first, second, first], by: "sara")
        guard case .added(let one, let claimsOne) = results[0], case .added(_, let claimsTwo) = results[1],
              case .existing(let again) = results[2] else {
            Issue.record("expected two new sources and one existing: \(results)")
            return
        }
        #expect(again.id == one.id)
        #expect(claimsOne == ClaimExtractor.claims(in: first.body).count && claimsTwo > 0)
        #expect(try await store.review.claims(ClaimFilter()).count == claimsOne + claimsTwo)
        #expect(try await store.review.search("عراقجي").isEmpty == false)
        #expect(try await store.audit.verifyAudit().intact)
    }

    @Test func aBadArticleInABatchStoresNone() async throws {
        let store = try await ClaimStore.inMemory(
            workflow: try WorkflowSource.named("standard"), editor: NewReviewer(handle: "sara", role: .editor))
        await #expect(throws: DeskError.self) {
            _ = try await store.imports.addSources([NewSource(body: try seedArticle()), NewSource(body: "  \n")], by: "sara")
        }
        #expect(try await store.imports.sources().isEmpty)
        #expect(try await store.audit.auditHead().seq == 2)
    }

    @Test func reasonsWithQuotesAndSlashesReadBackAsWritten() async throws {
        let desk = try await Fixture()
        let claim = try await desk.store.review.addClaim(sourceID: 1, text: "وقال \"مسؤول\" إن 4/5 من الوفد حضر", paraphrase: true, by: "sara")
        let read = try await desk.store.review.claim(try #require(claim.id))
        #expect(read.reasons == claim.reasons && !read.reasons.isEmpty)
        #expect(read.text == claim.text && read.speaker == claim.speaker && read.worthiness == claim.worthiness)
    }
}

@Suite struct StoredTimeTests {
    @Test func timesAreWrittenAsGRDBWritesThem() {
        var rng = SystemRandomNumberGenerator()
        let edges: [Double] = [0, 0.0005, 0.9999, 59.9995, 951_782_400, 1_735_718_399.999, 1_740_787_200, 4_102_444_800.123,
                               1_709_164_800.5, 1_582_934_400, -1, -86_400.25]
        let random = (0..<2_000).map { _ in Double.random(in: 0..<4_102_444_800, using: &rng) }
        for seconds in edges + random {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(StoredTime.text(date) == String.fromDatabaseValue(date.databaseValue), "\(seconds)")
        }
    }
}
