import Foundation
import ServiceLifecycle
@testable import FactDeskKit

/// The package's top folder, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fresh folder under the system's temporary folder.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("factdesk-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The first sample article, verbatim.
func seedArticle(_ prefix: String = "000") throws -> String {
    let folder = packageRoot.appendingPathComponent("seeds")
    let name = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().first { $0.hasPrefix(prefix) }
    return try String(contentsOf: folder.appendingPathComponent(name ?? ""), encoding: .utf8)
}

/// A desk in memory with editor `sara`, reviewers `layla` and `omar`, the first seed
/// article as source 1, and one claim from it.
struct Fixture {
    let store: ClaimStore
    let claimID: Int64

    static let claimText = "على مدار 4 ساعات"

    init() async throws {
        store = try await ClaimStore.inMemory(
            workflow: try WorkflowSource.named("standard"), editor: NewReviewer(handle: "sara", role: .editor))
        try await store.team.addReviewer(NewReviewer(handle: "layla"), by: "sara")
        try await store.team.addReviewer(NewReviewer(handle: "omar"), by: "sara")
        guard case .added(let source, _) = try await store.imports.addSource(NewSource(body: try seedArticle()), extract: false, by: "sara"),
              let sourceID = source.id else { throw DeskError.invalidValue("fixture source not added") }
        claimID = try await store.review.addClaim(sourceID: sourceID, text: Self.claimText, by: "sara").id ?? 0
    }

    func move(_ transition: String, by actor: String, note: String? = nil, evidence: [String] = [],
              to assignee: String? = nil, ids: [Int64]? = nil) async throws {
        try await store.review.apply(TransitionCommand(
            transition: transition, claimIDs: ids ?? [claimID], actor: actor, note: note,
            evidence: evidence.map { NewEvidence(url: $0, stance: .supports) }, assignee: assignee))
    }

    func eventCount() async throws -> Int {
        var count = 0
        try await store.audit.history { _ in count += 1 }
        return count
    }
}

/// A desk in memory with editor `sara` and the five seed articles imported, claims extracted.
func seededStore() async throws -> ClaimStore {
    let store = try await ClaimStore.inMemory(
        workflow: try WorkflowSource.named("standard"), editor: NewReviewer(handle: "sara", role: .editor))
    for index in 0..<5 {
        _ = try await store.imports.addSource(NewSource(body: try seedArticle(String(format: "%03d", index))), by: "sara")
    }
    return store
}

extension ClaimStore {
    /// The desk with its PostgreSQL connections running until the test process ends, for a
    /// test that uses it in many steps (a command runs them within `connected`).
    func running() -> ClaimStore {
        if let service = connectionService(limit: ClaimStore.commandConnections) {
            Task { try await service.run() }
        }
        return self
    }
}
