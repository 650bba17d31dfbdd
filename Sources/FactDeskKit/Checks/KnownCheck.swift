import Foundation

/// A fact-check another organization published (schema.org ClaimReview), kept on the desk
/// so that reviewers see who already checked a claim before they check it again.
public struct KnownCheck: Sendable, Equatable {
    public var id: Int64?
    /// What the review says, as published.
    public var content: Content
    public var importedBy: String
    public var importedAt: Date

    public init(id: Int64? = nil, content: Content, importedBy: String, importedAt: Date) {
        self.id = id
        self.content = content
        self.importedBy = importedBy
        self.importedAt = importedAt
    }

    /// A review's fields, as its publisher wrote them.
    public struct Content: Sendable, Equatable {
        /// What identifies the review from one import to the next: its URL, or, for a review
        /// published without one, `sha256:` and the hash of its other fields.
        public var ref: String
        public var url: String?
        /// The organization that published the review (its `author`).
        public var publisher: String
        /// When the review was published, YYYY-MM-DD.
        public var publishedOn: String?
        public var claimReviewed: String
        /// The rating's name (`alternateName`), such as "False" or "مضلل".
        public var rating: String?
        /// The rating's value and its scale, as written (`ratingValue`, `bestRating`, `worstRating`).
        public var ratingValue: String?
        public var bestRating: String?
        public var worstRating: String?
        public var language: String?

        public init(url: String?, publisher: String, publishedOn: String?, claimReviewed: String, rating: String?,
                    ratingValue: String?, bestRating: String?, worstRating: String?, language: String?) {
            self.url = url
            self.publisher = publisher
            self.publishedOn = publishedOn
            self.claimReviewed = claimReviewed
            self.rating = rating
            self.ratingValue = ratingValue
            self.bestRating = bestRating
            self.worstRating = worstRating
            self.language = language
            ref = ""
            ref = url ?? "sha256:" + sha256Hex(Self.joined(fields.dropFirst()))
        }

        /// The fields in the order of the table's columns, from `ref` to `language`.
        public var fields: [String?] {
            [ref, url, publisher, publishedOn, claimReviewed, rating, ratingValue, bestRating, worstRating, language]
        }

        /// The SHA-256 of the fields, which the history records for each import.
        public var digest: String { Self.digest(fields) }

        static func digest(_ fields: [String?]) -> String {
            sha256Hex(joined(fields[...]))
        }

        /// Fields joined so that no two lists read alike: each absent one as a lone NUL,
        /// each present one after a 0x1F separator.
        private static func joined(_ fields: ArraySlice<String?>) -> String {
            fields.map { $0.map { "\u{1F}" + $0 } ?? "\u{0}" }.joined()
        }

        /// The rating as a reader reads it: its name, and its value on its scale.
        public var ratingText: String {
            var scale = ""
            if let ratingValue {
                scale = ratingValue
                if let worstRating, let bestRating { scale += " (\(worstRating)-\(bestRating))" }
            }
            switch (rating, scale.isEmpty) {
            case (let name?, true): return name
            case (let name?, false): return "\(name), \(scale)"
            case (nil, false): return scale
            case (nil, true): return "-"
            }
        }
    }

    /// The table's columns after `id`, for writing: the content's fields, then who and when.
    static let contentColumns = ["ref", "url", "publisher", "published_on", "claim_reviewed", "rating",
                                 "rating_value", "best_rating", "worst_rating", "language"]
}

/// A known fact-check that matches a claim, with how closely and why.
public struct KnownCheckMatch: Sendable, Equatable {
    public var check: KnownCheck
    public var score: Double
    public var reasons: [String]
}

/// What an import of reviews did.
public struct KnownCheckImport: Sendable, Equatable {
    public var added = 0
    /// Reviews already known by URL whose fields changed since (a corrected rating).
    public var updated = 0
    public var unchanged = 0
}
