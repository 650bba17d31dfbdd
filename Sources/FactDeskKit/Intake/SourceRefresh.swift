import Foundation

/// What fetching a web source again found.
public enum SourceRefresh: Sendable, Equatable {
    /// The page, or at least its article text, is as the desk last saw it; only the check was recorded.
    case unchanged(sourceID: Int64)
    /// The article's text changed: the new version is kept, a `source.revised` event records
    /// both texts' SHA-256, and the claims whose sentence changed or vanished are listed.
    case revised(sourceID: Int64, previousSha256: String, sha256: String, revisedClaims: [Int64])
}

extension Imports {
    /// Fetches a web source again, conditionally (with the ETag and Last-Modified its last
    /// fetch had), and keeps a new version when the article's text changed.
    ///
    /// The fetch happens before the transaction; if someone else recorded a newer version
    /// meanwhile, this one is compared with that. A failure writes nothing.
    public func refresh(_ id: Int64, fetcher: PageFetcher, by actor: String) async throws -> SourceRefresh {
        let (newest, check) = try await storage.reading { tx in
            guard try await tx.source(id) != nil else { throw DeskError.sourceNotFound(id) }
            guard let page = try await tx.newestPage(source: id) else {
                throw DeskError.invalidValue("source \(id) was imported from a file, not fetched from the web; only web sources can be refreshed")
            }
            return (page, try await tx.sourceCheck(source: id))
        }
        let outcome = try await fetcher.fetch(newest.url, etag: check?.etag, lastModified: check?.lastModified, now: clock)
        guard case .page(let page) = outcome else {
            try await recordCheck(id, etag: check?.etag, lastModified: check?.lastModified, by: actor)
            return .unchanged(sourceID: id)
        }
        let article = try Self.read(page)
        let digest = sha256Hex(article.text)
        return try await writing { tx in
            try await tx.permit(.contribute, by: actor)
            let now = clock()
            try await tx.save(SourceCheck(sourceID: id, checkedAt: now, etag: page.etag, lastModified: page.lastModified))
            guard let latest = try await tx.newestPage(source: id), latest.textSHA256 != digest else {
                return .unchanged(sourceID: id)
            }
            try StoredText.check(article.text, field: "article")
            let pageDigest = sha256Hex(bytes: [UInt8](page.body))
            _ = try await tx.insert(SourcePage(sourceID: id, fetchedAt: page.fetchedAt, url: page.url, contentType: page.contentType,
                                               sha256: pageDigest, compressedPage: Deflate.compress(page.body),
                                               body: article.text, textSHA256: digest))
            try await tx.record(AuditEvent(at: now, actor: actor, sourceID: id,
                                           .sourceRevise(.init(previousSha256: latest.textSHA256, sha256: digest, pageSha256: pageDigest))),
                                signer)
            var filter = ClaimFilter()
            filter.sourceID = id
            filter.revised = true
            return .revised(sourceID: id, previousSha256: latest.textSHA256, sha256: digest,
                            revisedClaims: try await tx.claims(filter).compactMap(\.id))
        }
    }

    /// The web sources due for a check: last checked (or fetched) before `before`, or all with nil.
    public func webSources(checkedBefore before: Date?) async throws -> [Int64] {
        try await storage.reading { try await $0.webSources(checkedBefore: before) }
    }

    /// What a source's newest version changed against its first: the changed sentences, in order.
    public func changes(of id: Int64) async throws -> [SentenceDiff.Line] {
        let pages = try await pages(of: id)
        guard let first = pages.first, let last = pages.last, pages.count > 1 else { return [] }
        return SentenceDiff.changes(from: first.body, to: last.body)
    }

    private func recordCheck(_ id: Int64, etag: String?, lastModified: String?, by actor: String) async throws {
        try await writing { tx in
            try await tx.permit(.contribute, by: actor)
            try await tx.save(SourceCheck(sourceID: id, checkedAt: clock(), etag: etag, lastModified: lastModified))
        }
    }
}
