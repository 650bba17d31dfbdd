@testable import FactDeskKit
import Foundation
import Testing

/// News feeds read as RSS 2.0, Atom 1.0 and JSON Feed, and what is refused.
@Suite struct FeedDocumentTests {
    static let base = "https://almarsad.example/feeds/main"

    static let rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>صحيفة المرصد</title>
        <link>https://almarsad.example/</link>
        <item><title><![CDATA[عجز الموازنة يتراجع]]></title><link>https://almarsad.example/economy/1</link>
        <pubDate>Tue, 24 Nov 2026 08:00:00 +0300</pubDate><guid isPermaLink="false">x-1</guid></item>
        <item><title>أمطار   غزيرة</title><link>/local/2?utm_source=rss</link></item>
        <item><title>بلا رابط</title><guid isPermaLink="true">https://almarsad.example/world/3</guid></item>
        <item><title>ليس صفحة</title><link>javascript:alert(1)</link></item>
        <item><title>مكرر</title><link>https://almarsad.example/economy/1</link></item>
        </channel></rss>
        """

    @Test func rssItemsGiveTheirLinksMadeAbsoluteAndEachOnce() throws {
        let feed = try FeedDocument.read(Data(Self.rss.utf8), url: Self.base)
        #expect(feed.format == .rss && feed.title == "صحيفة المرصد")
        #expect(feed.items.map(\.link) == ["https://almarsad.example/economy/1", "https://almarsad.example/local/2?utm_source=rss",
                                           "https://almarsad.example/world/3"])
        #expect(feed.items[0].title == "عجز الموازنة يتراجع" && feed.items[1].title == "أمطار غزيرة")
        #expect(feed.items[0].published == "Tue, 24 Nov 2026 08:00:00 +0300")
    }

    @Test func atomEntriesGiveTheirAlternateLinks() throws {
        let atom = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>الأفق</title>
            <entry><title>محادثات مسقط</title><link rel="alternate" type="text/html" href="https://alofoq.example/news/1"/>
            <link rel="enclosure" href="https://alofoq.example/img/1.jpg"/><id>tag:alofoq.example,2026:1</id>
            <published>2026-11-30T10:00:00Z</published></entry>
            <entry><title>بلا نوع</title><link href="news/2"/><id>tag:alofoq.example,2026:2</id></entry>
            </feed>
            """
        let feed = try FeedDocument.read(Data(atom.utf8), url: "https://alofoq.example/atom.xml")
        #expect(feed.format == .atom && feed.title == "الأفق")
        #expect(feed.items.map(\.link) == ["https://alofoq.example/news/1", "https://alofoq.example/news/2"])
        #expect(feed.items[0].published == "2026-11-30T10:00:00Z")
    }

    @Test func aJSONFeedGivesItsItemsURLs() throws {
        let json = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "الخليج اليوم",
             "items": [{"id": "1", "url": "https://gulf.example/a/1", "title": "أمطار", "date_published": "2026-12-01T06:00:00Z"},
                       {"id": "2", "external_url": "https://other.example/b"}, {"id": "3", "content_text": "بلا رابط"}]}
            """
        let feed = try FeedDocument.read(Data(json.utf8), url: "https://gulf.example/feed.json")
        #expect(feed.format == .json)
        #expect(feed.items.map(\.link) == ["https://gulf.example/a/1", "https://other.example/b"])
    }

    @Test func anExternalEntityIsNeverRead() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("factdesk-xxe-\(UUID().uuidString)")
        try "SECRET-FROM-DISK".write(to: secret, atomically: true, encoding: .utf8)
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY leak SYSTEM "file://\(secret.path)">]>
            <rss version="2.0"><channel><title>t</title>
            <item><title>&leak;</title><link>https://a.example/&leak;</link></item></channel></rss>
            """
        // Either refused, or read without the file's contents: never the file.
        if let feed = try? FeedDocument.read(Data(xxe.utf8), url: "https://a.example/feed") {
            #expect(!feed.items.contains { $0.link.contains("SECRET") || ($0.title ?? "").contains("SECRET") })
        }
    }

    @Test(arguments: [
        "<html><body><p>صفحة</p></body></html>",
        "{\"title\": \"not a feed\"}",
        "<rss><channel><item><title>unclosed</channel>",
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">]><rss><channel><item><link>https://a.example/&a;&a;</link></item></channel></rss>",
        "",
    ])
    func whatIsNotAFeedIsRefusedWithItsReason(_ text: String) throws {
        #expect(throws: DeskError.self) { try FeedDocument.read(Data(text.utf8), url: "https://a.example/feed") }
        do { _ = try FeedDocument.read(Data(text.utf8), url: "https://a.example/feed") } catch {
            #expect(error.description.hasPrefix("https://a.example/feed is not a feed FactDesk reads"))
            #expect(!error.description.contains("\n"))
        }
    }
}

/// What a fetch for others may reach: the public internet, not the server's own network.
@Suite struct PublicAddressTests {
    @Test(arguments: ["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                      "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fd00::1", "::ffff:127.0.0.1",
                      "::ffff:10.0.0.1", "2001:db8::1", "not an address"])
    func privateAndReservedAddressesAreNotPublic(_ ip: String) {
        #expect(!PublicAddress.isPublic(ip))
    }

    @Test(arguments: ["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2a00:1450:4001::1", "::ffff:8.8.4.4"])
    func publicAddressesArePublic(_ ip: String) {
        #expect(PublicAddress.isPublic(ip))
    }

    @Test func aPublicOnlyFetcherRefusesLoopbackBeforeConnecting() async throws {
        let fetcher = PageFetcher(timeout: 2, publicOnly: true)
        for address in ["http://127.0.0.1:9/x", "http://localhost:9/x", "http://[::1]:9/x", "http://169.254.169.254/latest/meta-data"] {
            await #expect(throws: FetchError.self) { _ = try await fetcher.fetch(address) }
            do { _ = try await fetcher.fetch(address) } catch {
                guard case .privateAddress = error else { Issue.record("\(address): \(error)"); continue }
                #expect(error.kind == .permissionDenied)
            }
        }
    }
}
