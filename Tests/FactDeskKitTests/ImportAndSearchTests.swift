import Foundation
import GRDB
import Testing
@testable import FactDeskKit

@Suite struct ImportAndSearchTests {
    @Test func importingAnArticleExtractsItsClaimsInTheSameTransaction() throws {
        let store = try seededStore()
        let sources = try store.sources()
        #expect(sources.allSatisfy { $0.claimCount >= 10 })
        let claims = try store.claims(ClaimFilter())
        #expect(claims.count == sources.map(\.claimCount).reduce(0, +))
        #expect(claims.allSatisfy { $0.state == "new" && $0.spanStart != nil })
        var events = 0
        try store.history { if $0.action == AuditAction.claimAdd { events += 1 } }
        #expect(events == claims.count)
    }

    @Test func noExtractStoresTheArticleAlone() throws {
        let store = try ClaimStore.inMemory(
            workflow: try WorkflowSource.named("standard"), editor: NewReviewer(handle: "sara", role: .editor))
        let outcome = try store.addSource(NewSource(body: try seedArticle()), extract: false, by: "sara")
        guard case .added(_, let claims) = outcome else { Issue.record("not added"); return }
        #expect(claims == 0)
        #expect(try store.claims(ClaimFilter()).isEmpty)
    }

    @Test func theRankedQueuePutsTheMostCheckWorthyFirst() throws {
        let store = try seededStore()
        let ranked = try store.claims(ClaimFilter(limit: 20, order: .worthiness))
        #expect(ranked.map(\.worthiness) == ranked.map(\.worthiness).sorted(by: >))
        #expect((ranked.first?.worthiness ?? 0) >= 8)
        #expect(ranked.first?.reasons.isEmpty == false)
    }

    @Test(arguments: [
        ("عراقجي", "عراقجي"), ("عراقـــجي", "عراقجي"), ("عِراقْجي", "عراقجي"),
        ("المفاوضات", "والمفاوضات"), ("٤ ساعات", "4 ساعات"), ("أربع ساعات", "أربع ساعات"), ("بيسكوف", "بيسكوف"),
    ])
    func searchFindsAClaimHoweverTheWordIsSpelled(query: String, expected: String) throws {
        let store = try seededStore()
        let found = try store.search(query, limit: 50)
        #expect(!found.isEmpty)
        #expect(found.contains { $0.text.contains(expected) })
    }

    @Test func searchFindsTatweelAndHarakatInTheStoredText() throws {
        let store = try seededStore()
        _ = try store.addSource(NewSource(body: "وقال عِراقْجي إن الجولة القادمة ستُعقد في مسقط يوم الأربعاء.\nوأكد عراقـــجي أن المحادثات جادة."), by: "sara")
        let texts = try store.search("عراقجي", limit: 100).map(\.text)
        #expect(texts.contains { $0.contains("عِراقْجي") })
        #expect(texts.contains { $0.contains("عراقـــجي") })
    }

    @Test(arguments: ["\"", "*", "(()", "عراقجي\" OR *", "NEAR(a b)", "'; DROP TABLE claim; --", "AND"])
    func searchReadsFTSSyntaxAsText(query: String) throws {
        let store = try seededStore()
        let count = try store.claims(ClaimFilter(limit: 1_000)).count
        // As text, each query asks for words no claim holds (OR, NEAR, DROP ...) or for none.
        #expect(try store.search(query).isEmpty)
        #expect(try store.claims(ClaimFilter(limit: 1_000)).count == count)
    }

    @Test(arguments: ["\"عراقجي\"", "عراقجي*", "(عراقجي)", "عراقجي:"])
    func operatorsAroundAWordAreIgnored(query: String) throws {
        let store = try seededStore()
        let plain = try store.search("عراقجي", limit: 100).map(\.id)
        #expect(!plain.isEmpty)
        #expect(try store.search(query, limit: 100).map(\.id) == plain)
    }

    @Test func searchFiltersByState() throws {
        let store = try seededStore()
        let first = try #require(try store.search("عراقجي").first?.id)
        try store.apply(TransitionCommand(transition: "skip", claimIDs: [first], actor: "sara", note: "duplicate"))
        #expect(try store.search("عراقجي", states: ["skipped"]).map(\.id) == [first])
        #expect(try !store.search("عراقجي", states: ["new"]).contains { $0.id == first })
    }

    /// However a command opens it, an older desk is brought up to date first.
    @Test(arguments: [ClaimStore.Connection.pool, .single, .readOnly])
    func aDeskFromBeforeTheSearchIndexIsIndexedWhenOpened(connection: ClaimStore.Connection) throws {
        let path = try temporaryFolder().appendingPathComponent("old.db").path
        let definition = String(decoding: try JSONEncoder().encode(try WorkflowSource.named("standard").workflow), as: UTF8.self)
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: "v1: desk, reviewers, sources, claims, notes, evidence, events")
        try queue.write { db in
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
        let store = try ClaimStore.open(path: path, connection: connection)
        #expect(try store.search("المحادثات").map(\.id) == [1])
    }

    @Test func aCommonQueryListsItsNewestMatchesAndARareOneIsRanked() throws {
        let store = try seededStore()
        let ranked = try store.search("المفاوضات", states: [], limit: 5, window: 500, recent: 20_000)
        let newest = try store.search("المفاوضات", states: [], limit: 5, window: 3, recent: 20_000)
        let every = try store.search("المفاوضات", states: [], limit: 100, window: 500, recent: 20_000).compactMap(\.id)
        #expect(every.count > 5)
        #expect(newest.compactMap(\.id) == Array(every.sorted(by: >).prefix(5)))
        #expect(ranked.compactMap(\.id) != newest.compactMap(\.id))
        #expect(try store.search("المفاوضات", limit: 5).map(\.id) == ranked.map(\.id))
        let skipped = try #require(every.last)
        try store.apply(TransitionCommand(transition: "skip", claimIDs: [skipped], actor: "sara", note: "opinion"))
        #expect(try store.search("المفاوضات", states: ["skipped"], limit: 5, window: 3, recent: 20_000).map(\.id) == [skipped])
    }
}
