import Foundation
import Testing
@testable import FactDeskKit

/// A pair of sentences from two of the sample articles, labelled by hand: the same fact
/// in other words, or a look-alike that reports a different event.
struct LabelledPair: Decodable, Sendable, CustomStringConvertible {
    struct Side: Decodable, Sendable {
        /// The article's file prefix: 000 to 004.
        var source: String
        /// Words of the article, verbatim: the claim is the extracted one that holds them.
        var text: String
    }
    var kind: String
    var a: Side
    var b: Side
    /// What the pair reports, in English, for a reader of a failure.
    var fact: String

    var description: String { "\(a.source)↔\(b.source) \(fact)" }

    static func all() throws -> [LabelledPair] {
        let url = packageRoot.appendingPathComponent("Tests/FactDeskKitTests/Labelled/related-pairs.json")
        return try JSONDecoder().decode([LabelledPair].self, from: Data(contentsOf: url))
    }
}

/// The five sample articles with their claims extracted, and the claim of each labelled sentence.
final class LabelledDesk: Sendable {
    let store: ClaimStore
    private let sourceIDs: [String: Int64]

    init() async throws {
        store = try await ClaimStore.inMemory(
            workflow: try WorkflowSource.named("standard"), editor: NewReviewer(handle: "sara", role: .editor))
        var ids: [String: Int64] = [:]
        for index in 0..<5 {
            let prefix = String(format: "%03d", index)
            if case .added(let source, _) = try await store.imports.addSource(NewSource(body: try seedArticle(prefix)), by: "sara") {
                ids[prefix] = source.id
            }
        }
        sourceIDs = ids
    }

    /// The extracted claim that holds these words, or, when extraction left the sentence
    /// out, a claim of those words added by hand (as a reviewer would).
    func claim(_ side: LabelledPair.Side) async throws -> Int64 {
        let source = try #require(sourceIDs[side.source])
        let claims = try await store.review.claims(ClaimFilter(sourceID: source, limit: 1_000))
        if let found = claims.first(where: { $0.text.contains(side.text) })?.id { return found }
        return try #require(try await store.review.addClaim(sourceID: source, text: side.text, by: "sara").id)
    }

    /// Whether `other` is among the first `top` claims `related` gives for `id`.
    func ranks(_ other: Int64, for id: Int64, within top: Int) async throws -> Bool {
        try await store.corroboration.related(to: id, limit: top).contains { $0.claim.id == other }
    }
}

/// `related` measured on the labelled set: same-fact pairs found in the top 5 (each way),
/// look-alikes kept out of the top 3 (each way).
@Suite struct RelatedRecallTests {
    @Test func sameFactPairsAreFoundAndLookAlikesKeptApart() async throws {
        let pairs = try LabelledPair.all()
        let same = pairs.filter { $0.kind == "same" }
        let lookAlikes = pairs.filter { $0.kind == "lookalike" }
        #expect(same.count >= 40 && lookAlikes.count >= 15)
        #expect(Set(pairs.map(\.kind)) == ["same", "lookalike"])
        #expect(same.allSatisfy { $0.a.source != $0.b.source })

        let desk = try await LabelledDesk()
        var found = 0, missed: [String] = []
        for pair in same {
            let a = try await desk.claim(pair.a), b = try await desk.claim(pair.b)
            for (from, to, label) in [(a, b, "→"), (b, a, "←")] {
                if try await desk.ranks(to, for: from, within: 5) { found += 1 } else { missed.append("\(label) \(pair)") }
            }
        }
        var intruded: [String] = []
        for pair in lookAlikes {
            let a = try await desk.claim(pair.a), b = try await desk.claim(pair.b)
            for (from, to, label) in [(a, b, "→"), (b, a, "←")] where try await desk.ranks(to, for: from, within: 3) {
                intruded.append("\(label) \(pair)")
            }
        }
        let recall = Double(found) / Double(2 * same.count)
        let intrusion = Double(intruded.count) / Double(2 * lookAlikes.count)
        print("related: recall@5 \(found)/\(2 * same.count) = \(Int((recall * 100).rounded()))%, "
              + "look-alikes in the top 3 \(intruded.count)/\(2 * lookAlikes.count) = \(Int((intrusion * 100).rounded()))%")
        #expect(recall >= 0.9, "missed: \(missed.joined(separator: "; "))")
        #expect(intrusion <= 0.1, "look-alikes in the top 3: \(intruded.joined(separator: "; "))")
    }
}
