import Foundation

/// An article read from a fetched web page, with the page kept as evidence.
struct PreparedPage: Sendable {
    var url: String
    var contentType: String?
    var sha256: String
    var compressed: Data
    var fetchedAt: Date
}

/// What a person may say of a web article on the command line or in the import form, which
/// wins over what the page says of itself.
public struct SourceOverrides: Sendable, Equatable {
    public var title: String?
    public var outlet: String?
    public var language: String?
    public var publishedOn: String?

    public init(title: String? = nil, outlet: String? = nil, language: String? = nil, publishedOn: String? = nil) {
        (self.title, self.outlet, self.language, self.publishedOn) = (title, outlet, language, publishedOn)
    }
}

extension Imports {
    /// Fetches an article from the web and imports it as ``addSource(_:extract:by:)`` imports a
    /// file, keeping the page as fetched (compressed, with its SHA-256 in the history).
    ///
    /// The page must be HTML and must hold an article's text: the JSON-LD `articleBody` when
    /// the page has one, else the main text ``WebPageReader`` finds. Its title, outlet, date,
    /// language and canonical address fill the source's fields; `overrides` win. Nothing is
    /// written unless the whole import succeeds.
    public func addWebSource(_ address: String, fetcher: PageFetcher, overrides: SourceOverrides = .init(),
                             extract: Bool = true, by actor: String) async throws -> SourceImport {
        guard case .page(let page) = try await fetcher.fetch(address, now: clock) else {
            throw FetchError.unreachable(address: address, reason: "it answered 304 to a request that asked for no condition")
        }
        return try await addWebSource(page, overrides: overrides, extract: extract, by: actor)
    }

    /// Imports a page already fetched: the second half of ``addWebSource(_:fetcher:overrides:extract:by:)``.
    public func addWebSource(_ page: FetchedPage, overrides: SourceOverrides = .init(), extract: Bool = true,
                             by actor: String) async throws -> SourceImport {
        try await store(try await Self.prepare(page, overrides: overrides, extract: extract), by: actor)[0]
    }

    /// A fetched page read and prepared for ``store(_:by:)``: its article, claims and page.
    static func prepare(_ page: FetchedPage, overrides: SourceOverrides, extract: Bool) async throws -> PreparedBatch {
        let article = try Self.read(page)
        let published = overrides.publishedOn ?? article.publishedOn.flatMap { NewSource.isCalendarDate($0) ? $0 : nil }
        let language = overrides.language ?? article.language.flatMap { (2...3).contains($0.count) ? $0 : nil }
        let new = NewSource(body: article.text, title: overrides.title ?? article.title.map(Self.shortTitle),
                            outlet: overrides.outlet ?? article.outlet, url: Self.address(of: page, article),
                            language: language, publishedOn: published)
        var batch = try await Self.prepare([new], extract: extract)
        batch.sources[0].page = PreparedPage(url: page.url, contentType: page.contentType, sha256: sha256Hex(bytes: [UInt8](page.body)),
                                             compressed: Deflate.compress(page.body), fetchedAt: page.fetchedAt)
        return batch
    }

    /// The article of a page, refused when the page is not HTML.
    static func read(_ page: FetchedPage) throws -> WebArticle {
        if let type = page.contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased(),
           !["text/html", "application/xhtml+xml"].contains(type) {
            throw FetchError.notHTML(address: page.url, contentType: type)
        }
        if page.contentType == nil, !Self.looksLikeHTML(page.body) {
            throw FetchError.notHTML(address: page.url, contentType: "not HTML")
        }
        return try WebPageReader.article(from: page.body, contentType: page.contentType, url: page.url)
    }

    /// Whether the first kilobyte has an HTML tag: a page served without a type.
    private static func looksLikeHTML(_ body: Data) -> Bool {
        let head = String(decoding: body.prefix(1024), as: UTF8.self).lowercased()
        return head.contains("<html") || head.contains("<!doctype html") || head.contains("<body") || head.contains("<p")
    }

    /// The address the source keeps: the page's canonical one when it names an http(s) address
    /// on the same site as the page that answered. A page cannot claim another outlet's address
    /// (and so pass for its article, or keep the real one out as "already on the desk").
    private static func address(of page: FetchedPage, _ article: WebArticle) -> String {
        if let canonical = article.canonicalURL, (try? PageFetcher.check(canonical)) != nil,
           (try? WebLink.check(canonical, what: "")) != nil,
           let site = URL(string: canonical)?.host.map(Self.site), site == URL(string: page.url)?.host.map(Self.site) {
            return canonical
        }
        return page.url
    }

    /// A host's site, roughly its registrable domain: the last two labels, three when the
    /// second-last is a short one such as com, co, gov or org (news.bbc.co.uk is bbc.co.uk).
    static func site(_ host: String) -> String {
        let labels = host.lowercased().split(separator: ".")
        guard labels.count > 2 else { return labels.joined(separator: ".") }
        let keep = labels[labels.count - 2].count <= 3 && labels.last?.count == 2 ? 3 : 2
        return labels.suffix(keep).joined(separator: ".")
    }

    private static func shortTitle(_ title: String) -> String {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.count > 300 ? String(trimmed.prefix(299)) + "…" : trimmed
    }
}
