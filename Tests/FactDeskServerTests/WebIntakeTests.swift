import FactDeskKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// A site of pages on 127.0.0.1 for the intake tests: pages that can be edited while it runs,
/// redirect loops, a slow answer, a gzip bomb, and every request's headers recorded.
actor LocalSite {
    struct Page: Sendable {
        var body: Data
        var contentType = "text/html; charset=utf-8"
        var etag: String?
        var encoding: String?
    }

    var pages: [String: Page] = [:]
    var requests: [(path: String, headers: HTTPFields)] = []

    func set(_ path: String, _ page: Page) { pages[path] = page }
    func record(_ path: String, _ headers: HTTPFields) { requests.append((path, headers)) }
    func headers(of path: String) -> [HTTPFields] { requests.filter { $0.path == path }.map(\.headers) }

    func answer(_ path: String, _ headers: HTTPFields) async throws -> Response {
        record(path, headers)
        switch path {
        case "/loop-a": return Response(status: .found, headers: [.location: "/loop-b"])
        case "/loop-b": return Response(status: .found, headers: [.location: "/loop-a"])
        case "/slow":
            try await Task.sleep(for: .seconds(5))
            return Response(status: .ok)
        default: break
        }
        guard let page = pages[path] else { return Response(status: .notFound) }
        if let etag = page.etag, headers[.ifNoneMatch] == etag { return Response(status: .notModified) }
        var fields: HTTPFields = [.contentType: page.contentType]
        if let etag = page.etag { fields[.eTag] = etag }
        if let encoding = page.encoding { fields[.contentEncoding] = encoding }
        return Response(status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: page.body)))
    }

    /// Runs `body` with the site's address while it serves.
    static func serving(_ site: LocalSite, _ body: @Sendable @escaping (String) async throws -> Void) async throws {
        let router = Router()
        router.get("**") { request, _ in try await site.answer(request.uri.path, request.headers) }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await body("http://127.0.0.1:\(try #require(client.port))")
        }
    }
}

@Suite struct WebIntakeTests {
    static let pages = packageRoot.appendingPathComponent("Tests/FactDeskKitTests/Pages")

    static func page(_ name: String) throws -> Data { try Data(contentsOf: pages.appendingPathComponent(name + ".html")) }

    /// A desk with the sample articles, and a site serving the test pages.
    func withSite(_ body: @Sendable @escaping (ClaimStore, LocalSite, String) async throws -> Void) async throws {
        try await withDesk { desk, site, origin in try await body(desk.store, site, origin) }
    }

    func withDesk(_ body: @Sendable @escaping (WebDesk, LocalSite, String) async throws -> Void) async throws {
        let desk = try await WebDesk()
        let site = LocalSite()
        for name in ["plain", "jsonld", "br"] {
            await site.set("/\(name)", .init(body: try Self.page(name)))
        }
        await site.set("/cp1256", .init(body: try Self.page("cp1256"), contentType: "text/html; charset=windows-1256"))
        try await LocalSite.serving(site) { origin in try await body(desk, site, origin) }
    }

    @Test func aWebArticleIsImportedWithItsPageKept() async throws {
        try await withSite { store, site, origin in
            let fetcher = PageFetcher(timeout: 5)
            guard case .added(let source, let claims) = try await store.imports.addWebSource("\(origin)/plain", fetcher: fetcher, by: "layla"),
                  let id = source.id else { Issue.record("not added"); return }
            #expect(claims > 0)
            #expect(source.outlet == "صحيفة المرصد" && source.publishedOn == "2026-11-24")
            #expect(source.url == "\(origin)/economy/2026/11/24/deficit")
            #expect(source.body.hasPrefix("أعلنت وزارة المالية"))
            let pages = try await store.imports.pages(of: id)
            #expect(pages.count == 1)
            let served = try Self.page("plain")
            #expect(pages[0].page() == served)
            #expect(pages[0].sha256 == sha256Hex(String(decoding: served, as: UTF8.self)))
            // The page's digest is in the hashed history, with the text's.
            var added: EventPayload.SourceAdded?
            try await store.audit.history(limit: 100) { event in
                if case .sourceAdd(let body) = event.payload, event.sourceID == id { added = body }
            }
            let addition = try #require(added)
            #expect(addition.pageSha256 == pages[0].sha256 && addition.sha256 == source.sha256)
            let headers = await site.headers(of: "/plain")
            #expect(headers.first?[.userAgent]?.hasPrefix("FactDesk/") == true)
            #expect(headers.first?[.acceptEncoding]?.contains("gzip") == true)
            #expect(try await store.audit.verifyAudit().problems.isEmpty)
        }
    }

    @Test func hostilePagesAreRefusedAndNothingIsStored() async throws {
        try await withSite { store, site, origin in
            await site.set("/pdf", .init(body: Data("%PDF-1.7".utf8), contentType: "application/pdf"))
            await site.set("/empty", .init(body: Data("<html><body><nav><a href=/>الرئيسية</a></nav></body></html>".utf8)))
            // 20 MB of zeros, gzip-encoded in some 20 KB: refused at a 1 MB limit, not inflated.
            await site.set("/bomb", .init(body: try Self.gzip(Data(count: 20_000_000)), encoding: "gzip"))
            let before = try await store.audit.auditHead()
            let fetcher = PageFetcher(timeout: 1, maximumSize: 1_000_000)
            let cases: [(String, (FetchError) -> Bool)] = [
                ("/missing", { if case .status(_, 404, _) = $0 { true } else { false } }),
                ("/loop-a", { if case .redirects = $0 { true } else { false } }),
                ("/slow", { if case .timedOut = $0 { true } else { false } }),
                ("/bomb", { if case .tooLarge = $0 { true } else { false } }),
                ("/pdf", { if case .notHTML = $0 { true } else { false } }),
            ]
            for (path, expected) in cases {
                let started = ContinuousClock.now
                do {
                    _ = try await store.imports.addWebSource(origin + path, fetcher: fetcher, by: "sara")
                    Issue.record("\(path) was imported")
                } catch let failure as FetchError {
                    #expect(expected(failure), "\(path): \(failure)")
                    #expect(!failure.description.contains("\n"))
                }
                #expect(ContinuousClock.now - started < .seconds(4), "\(path) took too long")
            }
            await #expect(throws: DeskError.noArticleText(url: "\(origin)/empty")) {
                try await store.imports.addWebSource(origin + "/empty", fetcher: fetcher, by: "sara")
            }
            #expect(try await store.audit.auditHead() == before)
        }
    }

    @Test func aStealthEditIsCaughtWithItsEventDiffAndClaims() async throws {
        try await withSite { store, site, origin in
            let fetcher = PageFetcher(timeout: 5)
            let original = try Self.page("plain")
            await site.set("/plain", .init(body: original, etag: "\"v1\""))
            guard case .added(let source, _) = try await store.imports.addWebSource("\(origin)/plain", fetcher: fetcher, by: "sara"),
                  let id = source.id else { Issue.record("not added"); return }
            // The same page again: nothing but the check changes, and the second request was conditional.
            let head = try await store.audit.auditHead()
            #expect(try await store.imports.refresh(id, fetcher: fetcher, by: "sara") == .unchanged(sourceID: id))
            #expect(try await store.audit.auditHead() == head)
            #expect(try await store.imports.refresh(id, fetcher: fetcher, by: "sara") == .unchanged(sourceID: id))
            #expect(await site.headers(of: "/plain").last?[.ifNoneMatch] == "\"v1\"")
            // The outlet changes a number quietly.
            let edited = String(decoding: original, as: UTF8.self).replacingOccurrences(of: "بنسبة 18 في المئة", with: "بنسبة 12 في المئة")
            await site.set("/plain", .init(body: Data(edited.utf8), etag: "\"v2\""))
            guard case .revised(_, let previous, let digest, let claims) = try await store.imports.refresh(id, fetcher: fetcher, by: "sara") else {
                Issue.record("the edit was not caught"); return
            }
            #expect(previous == source.sha256 && digest != previous)
            var filter = ClaimFilter()
            filter.revised = true
            let revised = try await store.review.claims(filter)
            #expect(revised.map(\.id) == claims.map(Optional.some))
            #expect(revised.allSatisfy { $0.text.contains("18 في المئة") })
            #expect(!claims.isEmpty)
            let changes = try await store.imports.changes(of: id)
            #expect(changes.count == 2)
            #expect(changes.first.map { if case .removed(let text) = $0 { text.contains("18") } else { false } } == true)
            #expect(changes.last.map { if case .added(let text) = $0 { text.contains("12") } else { false } } == true)
            let event = try #require(try await Self.newestEvent(store))
            guard case .sourceRevise(let revision) = event.payload else { Issue.record("not source.revised: \(event.action)"); return }
            #expect(revision.previousSha256 == previous && revision.sha256 == digest && event.sourceID == id)
            #expect(try await store.audit.verifyAudit().problems.isEmpty)
        }
    }

    /// Someone who can write the desk's file drops the page table's protection and changes a
    /// kept page: its text, or which page it claims to be. Either no longer matches the history.
    @Test(arguments: ["UPDATE source_page SET body = body || ' (معدل)'",
                      "UPDATE source_page SET sha256 = '\(String(repeating: "ab", count: 32))'",
                      "DELETE FROM source_page"])
    func aKeptPageChangedInTheDeskFileIsCaughtByTheAudit(_ tampering: String) async throws {
        try await withDesk { desk, _, origin in
            _ = try await desk.store.imports.addWebSource("\(origin)/jsonld", fetcher: PageFetcher(timeout: 5), by: "sara")
            #expect(try await desk.store.audit.verifyAudit().problems.isEmpty)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            process.arguments = [desk.path, "DROP TRIGGER source_page_no_update; DROP TRIGGER source_page_no_delete; \(tampering);"]
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            let problems = try await desk.store.audit.verifyAudit().problems
            #expect(problems.contains { $0.kind == .rowChanged && $0.description.contains("page") }, "\(problems)")
        }
    }

    static func newestEvent(_ store: ClaimStore) async throws -> AuditEvent? {
        var newest: AuditEvent?
        try await store.audit.history(limit: 1) { newest = $0 }
        return newest
    }

    static func gzip(_ data: Data) throws -> Data {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("factdesk-bomb-\(UUID().uuidString)")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c", file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let compressed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return compressed
    }
}
