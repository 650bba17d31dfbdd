import GRDB

/// The full-text index of claims: an FTS5 table of each claim's normalized, stemmed words.
///
/// The index holds terms, not text (`content=''`), so it costs little beside the claims
/// themselves; the claims table keeps the exact words. Indexing and querying go through
/// the same ``LightStemmer/terms(_:)``, which is what makes عراقـــجي find عراقجي and
/// المفاوضات find والمفاوضات.
enum SearchIndex {
    /// Adds a claim's terms to the index.
    static func index(claimID: Int64, text: String, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO claim_search (rowid, terms) VALUES (?, ?)",
            arguments: [claimID, LightStemmer.terms(text).joined(separator: " ")])
    }

    /// The FTS5 pattern for a user's query: every term must match, and nothing the user
    /// typed (quotes, stars, parentheses, NEAR, AND) is read as FTS5 syntax.
    static func pattern(for query: String) -> FTS5Pattern? {
        let terms = LightStemmer.terms(query)
        guard !terms.isEmpty else { return nil }
        return FTS5Pattern(matchingAllTokensIn: terms.joined(separator: " "))
    }
}
