import Foundation

/// The full-text index of claims: each claim's normalized, stemmed words, in a table each
/// backend indexes its own way (FTS5 on a desk file, a `tsvector` with GIN on PostgreSQL).
///
/// The index holds terms, not text (`content=''`), so it costs little beside the claims
/// themselves; the claims table keeps the exact words. Indexing and querying go through
/// the same ``terms(_:)``, which is what makes عراقـــجي find عراقجي, المفاوضات find
/// والمفاوضات, and أربع find 4.
enum SearchIndex {
    /// The version of ``terms(_:)``: raised whenever normalization, stemming or number
    /// reading changes what a claim's terms are, so that desks rebuild their index.
    static let version: Int64 = 1

    /// Rebuilds the index from the claims' text when it holds terms of an older version;
    /// all or nothing, in one write transaction.
    static func rebuildIfStale(_ tx: any StorageWriter) async throws {
        guard try await tx.searchIndexVersion() < version else { return }
        try await tx.clearSearchIndex(version: version)
        try await tx.eachClaim { claim in
            if let id = claim.id { try await tx.storeSearchTerms(claimID: id, terms: indexText(claim.text)) }
        }
    }

    /// What the index stores for a text: its terms, separated by spaces.
    static func indexText(_ text: String) -> String {
        terms(text).joined(separator: " ")
    }

    /// The index terms of a text: each word's stem, except that a number, in digits or in
    /// words, is its digits (أربع and ٤ are both `4`) and a month, in either calendar's
    /// spelling, is `month4`.
    static func terms(_ text: String) -> [String] {
        let words = ArabicNormalizer.words(text)
        return words.indices.map { index in
            let word = words[index]
            let next = index + 1 < words.count ? words[index + 1] : nil
            let afterNumber = index > 0 && FactFeatures.isNumber(words[index - 1])
            let forms = Worthiness.forms(word)
            if let month = DateNames.month(forms: forms, next: next, previousIsNumber: afterNumber) {
                return "month\(month.value)"
            }
            if DateNames.weekday(word) == nil, let number = FactFeatures.number(word, forms: forms) {
                return number
            }
            return LightStemmer.stem(word)
        }
    }
}

extension DeskStorage {
    /// Brings the search index up to the terms of this FactDesk, when it is older.
    func rebuildSearchIndexIfStale() async throws {
        guard try await reading({ try await $0.searchIndexVersion() }) < SearchIndex.version else { return }
        try await writing { try await SearchIndex.rebuildIfStale($0) }
    }
}
