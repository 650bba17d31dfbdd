import Foundation

/// An article to import, before it is stored.
public struct NewSource: Sendable, Equatable {
    public var body: String
    public var title: String?
    public var outlet: String?
    public var url: String?
    public var language: String?
    public var publishedOn: String?

    public init(body: String, title: String? = nil, outlet: String? = nil, url: String? = nil,
                language: String? = nil, publishedOn: String? = nil) {
        self.body = body
        self.title = title
        self.outlet = outlet
        self.url = url
        self.language = language
        self.publishedOn = publishedOn
    }

    /// The title to store: the one given, else the article's first non-empty line.
    var resolvedTitle: String {
        if let title, !title.isEmpty { return title }
        // The first line that is not blank, found without splitting the rest of the article.
        var rest = Substring(body)
        while !rest.isEmpty {
            let end = rest.firstIndex(where: \.isNewline) ?? rest.endIndex
            let line = rest[..<end].trimmingCharacters(in: .whitespaces)
            if !line.isEmpty { return line.count > 120 ? String(line.prefix(119)) + "…" : line }
            rest = end < rest.endIndex ? rest[rest.index(after: end)...] : ""
        }
        return ""
    }

    func validate() throws(DeskError) {
        try StoredText.check([("article", body), ("title", title), ("outlet", outlet), ("URL", url),
                              ("language", language), ("publication date", publishedOn)])
        if body.allSatisfy({ $0.isWhitespace }) {
            throw .invalidValue("the article is empty; nothing to import")
        }
        if let url { try WebLink.check(url, what: "the source's URL") }
        if let publishedOn, !Self.isCalendarDate(publishedOn) {
            throw .invalidPublicationDate(publishedOn)
        }
        if let language, !(2...3).contains(language.count) || !language.allSatisfy({ $0.isASCII && $0.isLowercase }) {
            throw .invalidLanguage(language)
        }
    }

    /// Whether a string is a real YYYY-MM-DD date (no 2025-02-30).
    static func isCalendarDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}

/// An article with the work that needs no database done: its digest, and its claims
/// with their search terms when it is to be extracted.
struct PreparedSource: Sendable {
    var new: NewSource
    var digest: String
    var claims: [(claim: ExtractedClaim, terms: String)]?
    /// The web page the text was read from, kept with the source.
    var page: PreparedPage?

    init(new: NewSource, extract: Bool) {
        self.new = new
        digest = sha256Hex(new.body)
        claims = extract ? ClaimExtractor.claims(in: new.body).map { ($0, SearchIndex.indexText($0.text)) } : nil
    }
}

/// Articles checked and extracted, ready to be stored by ``Imports/store(_:by:)``.
public struct PreparedBatch: Sendable {
    var sources: [PreparedSource]

    /// How many claims the batch holds (texts already in the desk will add none).
    public var claims: Int {
        sources.reduce(0) { $0 + ($1.claims?.count ?? 0) }
    }
}

/// What importing an article did.
public enum SourceImport: Sendable, Equatable {
    /// The article was stored as a new source, with the claims extracted from it.
    case added(Source, claims: Int)
    /// The same text was already in the desk; nothing was written.
    case existing(Source)
}

// MARK: - Sources

extension Imports {
    /// Stores an article verbatim, unless the same text (by SHA-256) is already in the desk,
    /// and in the same transaction records the claims ``ClaimExtractor`` finds in it.
    public func addSource(_ new: NewSource, extract: Bool = true, by actor: String) async throws -> SourceImport {
        try await addSources([new], extract: extract, by: actor)[0]
    }

    /// Stores several articles in one transaction, all or none, each exactly as
    /// ``addSource(_:extract:by:)`` would; a text already in the desk, or given twice, is
    /// stored once. The articles are checked before anything is written.
    ///
    /// Claims are extracted and their search terms computed before the transaction opens,
    /// on every core, so the desk is locked only while rows are written: the bulk path
    /// (an archive, a crawl) takes one commit per batch instead of one per article.
    public func addSources(_ batch: [NewSource], extract: Bool = true, by actor: String) async throws -> [SourceImport] {
        try await store(try await Self.prepare(batch, extract: extract), by: actor)
    }

    /// The first half of ``addSources(_:extract:by:)``: checks the articles and extracts
    /// their claims, on every core, without touching the desk. A bulk import prepares the
    /// next batch while ``store(_:by:)`` writes the one before.
    public static func prepare(_ batch: [NewSource], extract: Bool = true) async throws -> PreparedBatch {
        for new in batch { try new.validate() }
        return PreparedBatch(sources: await parallelMap(batch) { PreparedSource(new: $0, extract: extract) })
    }

    /// The second half of ``addSources(_:extract:by:)``: stores a prepared batch in one
    /// transaction, all or none.
    public func store(_ batch: PreparedBatch, by actor: String) async throws -> [SourceImport] {
        try await store(batch, by: actor) { imported, _ in imported }
    }

    /// Stores a prepared batch, then runs `then` in the same transaction: what it writes
    /// is kept with the batch, or nothing is.
    func store<T>(_ batch: PreparedBatch, by actor: String,
                  then: ([SourceImport], any StorageWriter) async throws -> T) async throws -> T {
        try await writing { tx in
            try await tx.permit(.contribute, by: actor)
            let extracting = batch.sources.contains { $0.claims != nil }
            let initial = extracting ? try await tx.deskWorkflow().workflow.initialState : ""
            let imported = try await batch.sources.asyncMap { try await insert($0, initialState: initial, by: actor, tx) }
            return try await then(imported, tx)
        }
    }

    private func insert(_ prepared: PreparedSource, initialState: String, by actor: String,
                        _ tx: any StorageWriter) async throws -> SourceImport {
        let new = prepared.new
        if let existing = try await tx.source(sha256: prepared.digest) { return .existing(existing) }
        let now = clock()
        let source = try await tx.insert(Source(
            title: new.resolvedTitle, outlet: new.outlet, url: new.url,
            language: new.language ?? ScriptDetector.language(of: new.body),
            publishedOn: new.publishedOn, body: new.body, sha256: prepared.digest,
            importedBy: actor, importedAt: now))
        if let page = prepared.page, let id = source.id {
            _ = try await tx.insert(SourcePage(sourceID: id, fetchedAt: page.fetchedAt, url: page.url,
                                               contentType: page.contentType, sha256: page.sha256,
                                               compressedPage: page.compressed, body: new.body, textSHA256: prepared.digest))
        }
        try await tx.record(AuditEvent(at: now, actor: actor, sourceID: source.id,
                                 .sourceAdd(.init(title: source.title, sha256: prepared.digest, pageSha256: prepared.page?.sha256))), signer)
        guard let found = prepared.claims, let sourceID = source.id else { return .added(source, claims: 0) }
        for (item, terms) in found {
            let claim = Claim(
                sourceID: sourceID, spanStart: item.range.lowerBound, spanEnd: item.range.upperBound,
                text: item.text, speaker: item.speaker, state: initialState, assignee: nil, version: 1,
                createdBy: actor, createdAt: now, updatedAt: now)
            _ = try await tx.add(claim, worthiness: item.worthiness, terms: terms, signer: signer)
        }
        return .added(source, claims: found.count)
    }

    /// Every source, oldest first, with its number of claims. The articles' texts are
    /// left out (`body` is empty): a listing never needs them.
    public func sources() async throws -> [SourceSummary] {
        try await storage.reading { try await $0.sourceSummaries() }
    }

    /// The web pages a source was read from, oldest first; none for an article from a file.
    public func pages(of id: Int64) async throws -> [SourcePage] {
        try await storage.reading { tx in
            guard try await tx.source(id) != nil else { throw DeskError.sourceNotFound(id) }
            return try await tx.pages(source: id)
        }
    }

    /// The source with this id, with its number of claims.
    public func source(_ id: Int64) async throws -> SourceSummary {
        try await storage.reading { tx in
            guard let source = try await tx.source(id) else { throw DeskError.sourceNotFound(id) }
            return SourceSummary(source: source, claimCount: try await tx.claimCount(source: id))
        }
    }
}
