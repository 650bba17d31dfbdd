import Foundation
import GRDB

/// The full-text index of claims: an FTS5 table of each claim's normalized, stemmed words.
///
/// The index holds terms, not text (`content=''`), so it costs little beside the claims
/// themselves; the claims table keeps the exact words. Indexing and querying go through
/// the same ``terms(_:)``, which is what makes عراقـــجي find عراقجي, المفاوضات find
/// والمفاوضات, and أربع find 4.
enum SearchIndex {
    /// The version of ``terms(_:)``: raised whenever normalization, stemming or number
    /// reading changes what a claim's terms are, so that desks rebuild their index.
    static let version: Int64 = 1

    /// Whether the desk's index holds terms of an older version.
    static func isStale(_ db: Database) throws -> Bool {
        guard try db.tableExists("search_index") else { return false }
        return (try Int64.fetchOne(db, sql: "SELECT version FROM search_index") ?? 0) < version
    }

    /// Rebuilds the index from the claims' text when it is stale; all or nothing, in the
    /// caller's write transaction.
    static func rebuildIfStale(_ db: Database) throws {
        guard try isStale(db) else { return }
        try db.execute(sql: "INSERT INTO claim_search (claim_search) VALUES ('delete-all')")
        let claims = try Row.fetchCursor(db, sql: "SELECT id, text FROM claim ORDER BY id")
        while let row = try claims.next() {
            try index(claimID: row["id"], text: row["text"], in: db)
        }
        try db.execute(sql: "UPDATE search_index SET version = ?", arguments: [version])
    }

    /// Adds a claim's terms to the index.
    static func index(claimID: Int64, text: String, in db: Database) throws {
        try store(claimID: claimID, terms: indexText(text), in: db)
    }

    /// Adds a claim's terms, computed earlier by ``indexText(_:)``, to the index.
    static func store(claimID: Int64, terms: String, in db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO claim_search (rowid, terms) VALUES (?, ?)")
            .execute(arguments: [claimID, terms])
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

    /// An index term, or a phrase of index terms, as a quoted FTS5 string. Index terms hold
    /// only letters, digits and points (see ``ArabicNormalizer/words(_:)``), so quoting is
    /// all they need; user input goes through ``pattern(for:)`` instead.
    static func quoted(_ terms: String) -> String {
        "\"" + terms.replacingOccurrences(of: "\"", with: "") + "\""
    }

    /// The FTS5 pattern for a user's query: every term must match, and nothing the user
    /// typed (quotes, stars, parentheses, NEAR, AND) is read as FTS5 syntax.
    static func pattern(for query: String) -> FTS5Pattern? {
        let terms = terms(query)
        guard !terms.isEmpty else { return nil }
        return FTS5Pattern(matchingAllTokensIn: terms.joined(separator: " "))
    }
}
