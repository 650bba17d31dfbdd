import Foundation

/// An article the desk checks claims from, stored verbatim with the SHA-256 of its text.
public struct Source: Codable, Sendable, Equatable {
    public var id: Int64?
    public var title: String
    public var outlet: String?
    public var url: String?
    public var language: String
    /// The publication date as YYYY-MM-DD, when known.
    public var publishedOn: String?
    public var body: String
    public var sha256: String
    public var importedBy: String
    public var importedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, title, outlet, url, language
        case publishedOn = "published_on"
        case body, sha256
        case importedBy = "imported_by"
        case importedAt = "imported_at"
    }
}

/// A source in a listing, with how many claims the desk holds from it.
public struct SourceSummary: Sendable, Equatable {
    public var source: Source
    public var claimCount: Int

    public init(source: Source, claimCount: Int) {
        self.source = source
        self.claimCount = claimCount
    }
}
