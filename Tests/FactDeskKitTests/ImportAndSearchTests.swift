import Foundation
import GRDB
import Testing
@testable import FactDeskKit

@Suite struct ImportAndSearchTests {
    @Test func importingAnArticleExtractsItsClaimsInTheSameTransaction() async throws {
        let store = try await seededStore()
        let sources = try await store.imports.sources()
        #expect(sources.allSatisfy { $0.claimCount >= 10 })
        let claims = try await store.review.claims(ClaimFilter())
        #expect(claims.count == sources.map(\.claimCount).reduce(0, +))
        #expect(claims.allSatisfy { $0.state == "new" && $0.spanStart != nil })
        var events = 0
        try await store.audit.history { if $0.action == AuditAction.claimAdd { events += 1 } }
        #expect(events == claims.count)
    }

    @Test func noExtractStoresTheArticleAlone() async throws {
        let store = try await ClaimStore.inMemory(
            workflow: try WorkflowSource.named("standard"), editor: NewReviewer(handle: "sara", role: .editor))
        let outcome = try await store.imports.addSource(NewSource(body: try seedArticle()), extract: false, by: "sara")
        guard case .added(_, let claims) = outcome else { Issue.record("not added"); return }
        #expect(claims == 0)
        #expect(try await store.review.claims(ClaimFilter()).isEmpty)
    }

    @Test func theRankedQueuePutsTheMostCheckWorthyFirst() async throws {
        let store = try await seededStore()
        let ranked = try await store.review.claims(ClaimFilter(limit: 20, order: .worthiness))
        #expect(ranked.map(\.worthiness) == ranked.map(\.worthiness).sorted(by: >))
        #expect((ranked.first?.worthiness ?? 0) >= 8)
        #expect(ranked.first?.reasons.isEmpty == false)
    }

    @Test(arguments: [
        ("عراقجي", "عراقجي"), ("عراقـــجي", "عراقجي"), ("عِراقْجي", "عراقجي"),
        ("المفاوضات", "والمفاوضات"), ("٤ ساعات", "4 ساعات"), ("أربع ساعات", "أربع ساعات"), ("بيسكوف", "بيسكوف"),
    ])
    func searchFindsAClaimHoweverTheWordIsSpelled(query: String, expected: String) async throws {
        let store = try await seededStore()
        let found = try await store.review.search(query, limit: 50)
        #expect(!found.isEmpty)
        #expect(found.contains { $0.text.contains(expected) })
    }

    @Test func searchFindsTatweelAndHarakatInTheStoredText() async throws {
        let store = try await seededStore()
        _ = try await store.imports.addSource(NewSource(body: "وقال عِراقْجي إن الجولة القادمة ستُعقد في مسقط يوم الأربعاء.\nوأكد عراقـــجي أن المحادثات جادة."), by: "sara")
        let texts = try await store.review.search("عراقجي", limit: 100).map(\.text)
        #expect(texts.contains { $0.contains("عِراقْجي") })
        #expect(texts.contains { $0.contains("عراقـــجي") })
    }

    @Test(arguments: ["\"", "*", "(()", "عراقجي\" OR *", "NEAR(a b)", "'; DROP TABLE claim; --", "AND"])
    func searchReadsFTSSyntaxAsText(query: String) async throws {
        let store = try await seededStore()
        let count = try await store.review.claims(ClaimFilter(limit: 1_000)).count
        // As text, each query asks for words no claim holds (OR, NEAR, DROP ...) or for none.
        #expect(try await store.review.search(query).isEmpty)
        #expect(try await store.review.claims(ClaimFilter(limit: 1_000)).count == count)
    }

    @Test(arguments: ["\"عراقجي\"", "عراقجي*", "(عراقجي)", "عراقجي:"])
    func operatorsAroundAWordAreIgnored(query: String) async throws {
        let store = try await seededStore()
        let plain = try await store.review.search("عراقجي", limit: 100).map(\.id)
        #expect(!plain.isEmpty)
        #expect(try await store.review.search(query, limit: 100).map(\.id) == plain)
    }

    @Test func searchFiltersByState() async throws {
        let store = try await seededStore()
        let first = try #require(try await store.review.search("عراقجي").first?.id)
        try await store.review.apply(TransitionCommand(transition: "skip", claimIDs: [first], actor: "sara", note: "duplicate"))
        #expect(try await store.review.search("عراقجي", states: ["skipped"]).map(\.id) == [first])
        #expect(try await !store.review.search("عراقجي", states: ["new"]).contains { $0.id == first })
    }

    /// However a command opens it, an older desk is brought up to date first.
    @Test(arguments: [ClaimStore.Connection.pool, .single, .readOnly])
    func aDeskFromBeforeTheSearchIndexIsIndexedWhenOpened(connection: ClaimStore.Connection) async throws {
        let path = try temporaryFolder().appendingPathComponent("old.db").path
        let definition = String(decoding: try JSONEncoder().encode(try WorkflowSource.named("standard").workflow), as: UTF8.self)
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: "v1: desk, reviewers, sources, claims, notes, evidence, events")
        try await queue.write { db in
            try db.execute(sql: """
                INSERT INTO desk (id, name, created_by, created_at) VALUES (1, 'old', 'sara', '2025-01-01');
                INSERT INTO workflow (name, yaml, definition, sha256, installed_by, installed_at)
                  VALUES ('standard', ?, ?, ?, 'sara', '2025-01-01');
                INSERT INTO reviewer (handle, display_name, role, created_at) VALUES ('sara', 'Sara', 'editor', '2025-01-01');
                INSERT INTO source (title, language, body, sha256, imported_by, imported_at)
                  VALUES ('t', 'ar', 'وقال عراقجي إن المحادثات بناءة.', ?, 'sara', '2025-01-01');
                INSERT INTO claim (source_id, text, state, created_by, created_at, updated_at)
                  VALUES (1, 'وقال عراقجي إن المحادثات بناءة.', 'new', 'sara', '2025-01-01', '2025-01-01');
                """, arguments: [BuiltinWorkflows.yaml(named: "standard"), definition, String(repeating: "a", count: 64),
                                 String(repeating: "b", count: 64)])
        }
        try queue.close()
        let store = try await ClaimStore.open(path: path, connection: connection)
        #expect(try await store.review.search("المحادثات").map(\.id) == [1])
    }

    @Test func aCommonQueryListsItsNewestMatchesAndARareOneIsRanked() async throws {
        let store = try await seededStore()
        let ranked = try await store.review.search("المفاوضات", states: [], limit: 5, window: 500, recent: 20_000)
        let newest = try await store.review.search("المفاوضات", states: [], limit: 5, window: 3, recent: 20_000)
        let every = try await store.review.search("المفاوضات", states: [], limit: 100, window: 500, recent: 20_000).compactMap(\.id)
        #expect(every.count > 5)
        #expect(newest.compactMap(\.id) == Array(every.sorted(by: >).prefix(5)))
        #expect(ranked.compactMap(\.id) != newest.compactMap(\.id))
        #expect(try await store.review.search("المفاوضات", limit: 5).map(\.id) == ranked.map(\.id))
        let skipped = try #require(every.last)
        try await store.review.apply(TransitionCommand(transition: "skip", claimIDs: [skipped], actor: "sara", note: "opinion"))
        #expect(try await store.review.search("المفاوضات", states: ["skipped"], limit: 5, window: 3, recent: 20_000).map(\.id) == [skipped])
    }
}
