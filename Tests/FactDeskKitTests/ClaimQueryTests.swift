import Foundation
import Testing
@testable import FactDeskKit

/// The paged search and listing that `claim search`, the claim list and the API share, on both backends.
@Suite struct ClaimQueryTests {
    enum Backend: String, CaseIterable, CustomTestStringConvertible {
        case file, postgres
        var testDescription: String { rawValue }
        /// The file always; PostgreSQL where a server is given or required (see ``TestEnvironment``).
        static var tested: [Backend] { TestEnvironment.postgres ? allCases : [.file] }
    }

    /// The five seed articles with their claims; claims 1 to 6 assigned to layla.
    func desk(_ backend: Backend) async throws -> ClaimStore {
        let editor = "factdesk_owner"
        let path = backend == .file
            ? try temporaryFolder().appendingPathComponent("q.db").path : try TestPostgres.freshDatabase()
        let store = try await ClaimStore.create(path: path, workflow: .named("standard"),
                                          editor: NewReviewer(handle: editor, role: .editor)).running()
        try await store.team.addReviewer(NewReviewer(handle: "layla"), by: editor)
        for index in 0..<5 {
            _ = try await store.imports.addSource(NewSource(body: try seedArticle(String(format: "%03d", index))), by: editor)
        }
        try await store.review.apply(TransitionCommand(transition: "assign", claimIDs: Array(1...6), actor: editor, assignee: "layla"))
        return store
    }

    @Test(arguments: Backend.tested)
    func aListingIsFilteredPagedAndCounted(backend: Backend) async throws {
        let store = try await desk(backend)
        let all = try await store.review.claims(ClaimFilter(sourceID: 2))
        #expect(all.count > 7)
        var paged: [Claim] = []
        for page in 1...3 {
            let found = try await store.review.claims(ClaimQuery(sourceID: 2, pageSize: 3, page: page))
            #expect(found.total == all.count && !found.totalIsCapped)
            #expect(found.hasMore == (page * 3 < all.count))
            paged += found.claims
        }
        #expect(paged.map(\.id) == all.prefix(9).map(\.id))

        let layla = try await store.review.claims(ClaimQuery(states: ["assigned"], assignee: "layla", order: .worthiness, pageSize: 4))
        #expect(layla.total == 6 && layla.hasMore && layla.claims.count == 4)
        #expect(layla.claims.allSatisfy { $0.assignee == "layla" && $0.state == "assigned" })
        #expect(layla.claims.map(\.worthiness) == layla.claims.map(\.worthiness).sorted(by: >))
        await #expect(try store.review.claims(ClaimQuery(states: ["verified"])).total == 0)
    }

    @Test(arguments: Backend.tested)
    func aSearchIsNarrowedByStateAssigneeAndSourceAndPaged(backend: Backend) async throws {
        let store = try await desk(backend)
        let ranked = try await store.review.search("عراقجي", limit: 100)
        #expect(ranked.count > 4)
        let whole = try await store.review.claims(ClaimQuery(text: "عراقجي", pageSize: 100))
        #expect(whole.claims.map(\.id) == ranked.map(\.id) && whole.total == ranked.count && !whole.hasMore)
        let first = try await store.review.claims(ClaimQuery(text: "عراقجي", pageSize: 2))
        let second = try await store.review.claims(ClaimQuery(text: "عراقجي", pageSize: 2, page: 2))
        #expect((first.claims + second.claims).map(\.id) == ranked.prefix(4).map(\.id))
        #expect(first.hasMore && first.total == ranked.count)

        let source = try #require(ranked.first?.sourceID)
        let fromSource = try await store.review.claims(ClaimQuery(text: "عراقجي", sourceID: source, pageSize: 100))
        #expect(fromSource.claims.map(\.id) == ranked.filter { $0.sourceID == source }.map(\.id))
        #expect(fromSource.total == fromSource.claims.count)

        let laylas = try await store.review.claims(ClaimQuery(text: "عراقجي", states: ["assigned"], assignee: "layla", pageSize: 100))
        #expect(laylas.claims.map(\.id) == ranked.filter { $0.assignee == "layla" }.map(\.id))
        await #expect(try store.review.claims(ClaimQuery(text: "عراقجي", states: ["new"], assignee: "layla")).claims.isEmpty)
    }

    @Test(arguments: [
        (ClaimQuery(states: ["done"]), "no state 'done'"),
        (ClaimQuery(page: 0), "page 0 is not a page number"),
        (ClaimQuery(page: ClaimQuery.lastPage + 1), "give 1 to 100000"),
        (ClaimQuery(pageSize: 0), "a page of 0 claims"),
        (ClaimQuery(text: String(repeating: "ب", count: 501)), "over 500 characters"),
        (ClaimQuery(sourceID: 0), "source 0 is not a source id"),
    ])
    func aQueryOutsideTheLimitsIsRefusedInOneLine(query: ClaimQuery, phrase: String) throws {
        let workflow = try WorkflowSource.named("standard").workflow
        #expect {
            try query.check(in: workflow)
        } throws: { error in
            "\(error)".contains(phrase) && !"\(error)".contains("\n")
        }
    }
}
