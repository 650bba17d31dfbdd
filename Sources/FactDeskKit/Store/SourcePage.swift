import Foundation

/// When a web source was last fetched again, and what the server said to make the next fetch
/// conditional. Bookkeeping, not history: a check that finds the page unchanged writes only this.
public struct SourceCheck: Sendable, Equatable {
    public var sourceID: Int64
    public var checkedAt: Date
    public var etag: String?
    public var lastModified: String?

    public init(sourceID: Int64, checkedAt: Date, etag: String?, lastModified: String?) {
        (self.sourceID, self.checkedAt, self.etag, self.lastModified) = (sourceID, checkedAt, etag, lastModified)
    }
}

/// A web page an article was read from, kept as it was fetched: the evidence of what the outlet
/// said survives the outlet. A source fetched from the web has one per version the desk has seen.
///
/// The page's SHA-256 is also in the hashed history (the `source.add` event's `page_sha256`), so a
/// page swapped in the desk's file no longer matches the history (`audit verify` says so).
public struct SourcePage: Sendable, Equatable {
    public var id: Int64?
    public var sourceID: Int64
    public var fetchedAt: Date
    /// The address that answered, after redirects.
    public var url: String
    public var contentType: String?
    /// The SHA-256 of the page's bytes as fetched (after any transfer compression was undone).
    public var sha256: String
    /// The page's bytes, deflate-compressed.
    public var compressedPage: Data
    /// The article's text as read from this version, and its SHA-256.
    public var body: String
    public var textSHA256: String

    public init(id: Int64? = nil, sourceID: Int64, fetchedAt: Date, url: String, contentType: String?, sha256: String,
                compressedPage: Data, body: String, textSHA256: String) {
        (self.id, self.sourceID, self.fetchedAt, self.url, self.contentType) = (id, sourceID, fetchedAt, url, contentType)
        (self.sha256, self.compressedPage, self.body, self.textSHA256) = (sha256, compressedPage, body, textSHA256)
    }

    /// The page's bytes, as fetched; nil when the stored bytes are not a deflate stream.
    public func page(limit: Int = 64 * 1024 * 1024) -> Data? {
        Deflate.decompress(compressedPage, limit: limit)
    }
}
