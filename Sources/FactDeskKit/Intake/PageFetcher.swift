import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOHTTPCompression

/// A page as the web served it.
public struct FetchedPage: Sendable, Equatable {
    /// The address asked for, and the one that answered after redirects.
    public var requestedURL: String
    public var url: String
    public var contentType: String?
    /// What a later conditional request sends back, so that an unchanged page costs nothing.
    public var etag: String?
    public var lastModified: String?
    /// The bytes, decompressed when they came gzip- or deflate-encoded.
    public var body: Data
    public var fetchedAt: Date
}

/// What a fetch found: the page, or the server's word that it has not changed.
public enum FetchOutcome: Sendable, Equatable {
    case page(FetchedPage)
    case notModified
}

/// Fetches pages over HTTP and HTTPS with the limits a desk needs against hostile servers: a
/// connect and a total timeout, at most five redirects and no cycles, and a size limit that
/// counts decompressed bytes, so a gzip bomb is refused at the limit, not in memory.
public struct PageFetcher: Sendable {
    public static let defaultTimeout: Double = 20
    public static let maximumRedirects = 5
    /// The User-Agent every request sends: outlets see who reads them.
    public static let userAgent = "FactDesk/0.1 (fact-checking desk; +https://factdesk.example/bot)"

    /// Seconds allowed for the whole fetch: connecting, the answer and its body.
    public var timeout: Double
    /// The largest page, in bytes after decompression.
    public var maximumSize: Int

    /// Whether only addresses on the public internet may be fetched: every host, and every
    /// redirect's, is resolved first and refused when it is loopback, private, link-local or
    /// otherwise not public. The web desk and the feed poller fetch addresses that others
    /// chose (a feed's items, a reader's link) and set it, so that no one reaches the
    /// server's own network through them.
    public var publicOnly: Bool

    public init(timeout: Double = PageFetcher.defaultTimeout, maximumSize: Int = ArticleReader.defaultMaximumSize,
                publicOnly: Bool = false) {
        // A timeout past a day, or not a number, would overflow the clients' millisecond counts.
        self.timeout = timeout.isFinite ? min(max(timeout, 0.001), 86_400) : Self.defaultTimeout
        self.maximumSize = maximumSize
        self.publicOnly = publicOnly
    }

    /// Fetches `address`; with `etag` or `lastModified` from an earlier fetch, asks the server
    /// to answer 304 when the page has not changed.
    public func fetch(_ address: String, etag: String? = nil, lastModified: String? = nil,
                      now: @escaping @Sendable () -> Date = Date.init) async throws(FetchError) -> FetchOutcome {
        let url = try Self.check(address)
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        do {
            let outcome = try await withTimeout { try await self.follow(url, etag: etag, lastModified: lastModified, client, now) }
            try? await client.shutdown()
            return outcome
        } catch {
            try? await client.shutdown()
            throw Self.failure(error, address: address, limit: maximumSize, timeout: timeout)
        }
    }

    private var configuration: HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: publicOnly ? .disallow : .follow(max: Self.maximumRedirects, allowCycles: false),
            timeout: .init(connect: .milliseconds(Int64(min(timeout, 10) * 1000)), read: .milliseconds(Int64(timeout * 1000))),
            decompression: .enabled(limit: .size(maximumSize)))
        configuration.httpVersion = .automatic
        return configuration
    }

    /// Fetches `url`; for a public-only fetcher, follows redirects itself, checking each address.
    private func follow(_ url: String, etag: String?, lastModified: String?, _ client: HTTPClient,
                        _ now: @escaping @Sendable () -> Date) async throws -> FetchOutcome {
        guard publicOnly else { return try await run(url, etag: etag, lastModified: lastModified, client, now) }
        var address = url
        var visited: Set<String> = []
        for _ in 0...Self.maximumRedirects {
            guard visited.insert(address).inserted else { break }
            try await PublicAddress.check(address)
            do {
                var outcome = try await run(address, etag: etag, lastModified: lastModified, client, now)
                if case .page(var page) = outcome, address != url {
                    page.requestedURL = url
                    outcome = .page(page)
                }
                return outcome
            } catch Redirect.to(let location) {
                guard let next = URL(string: location, relativeTo: URL(string: address))?.absoluteString else {
                    throw FetchError.unreachable(address: url, reason: "it redirects to '\(location.prefix(100))', which is not an address")
                }
                address = try Self.check(next)
            }
        }
        throw FetchError.redirects(address: url, limit: Self.maximumRedirects)
    }

    /// A redirect that a public-only fetch follows itself.
    private enum Redirect: Error { case to(String) }

    private func run(_ url: String, etag: String?, lastModified: String?, _ client: HTTPClient,
                     _ now: @escaping @Sendable () -> Date) async throws -> FetchOutcome {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "User-Agent", value: Self.userAgent)
        request.headers.add(name: "Accept", value: "text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml,application/atom+xml,application/feed+json,*/*;q=0.5")
        request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        request.headers.add(name: "Accept-Language", value: "ar,en;q=0.5")
        if let etag { request.headers.add(name: "If-None-Match", value: etag) }
        if let lastModified { request.headers.add(name: "If-Modified-Since", value: lastModified) }
        let response = try await client.execute(request, timeout: .milliseconds(Int64(timeout * 1000)))
        if response.status == .notModified { return .notModified }
        if publicOnly, [301, 302, 303, 307, 308].contains(response.status.code), let location = response.headers.first(name: "Location") {
            throw Redirect.to(location)
        }
        guard (200..<300).contains(response.status.code) else {
            throw FetchError.status(address: url, code: Int(response.status.code), reason: response.status.reasonPhrase)
        }
        if let length = response.headers.first(name: "Content-Length").flatMap(Int.init),
           response.headers.first(name: "Content-Encoding") == nil, length > maximumSize {
            throw FetchError.tooLarge(address: url, limit: maximumSize)
        }
        let buffer = try await response.body.collect(upTo: maximumSize)
        return .page(FetchedPage(
            requestedURL: url, url: response.url?.absoluteString ?? url,
            contentType: response.headers.first(name: "Content-Type"),
            etag: response.headers.first(name: "ETag"), lastModified: response.headers.first(name: "Last-Modified"),
            body: Data(buffer.readableBytesView), fetchedAt: now()))
    }

    /// Runs `body`, failing with a timeout when it takes longer than the fetch's limit: the
    /// client's own deadline covers the answer's head, this one its body too.
    private func withTimeout<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let seconds = timeout
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw HTTPClientError.deadlineExceeded }
            return value
        }
    }

    /// The address, when it is an absolute http or https URL with a host.
    static func check(_ address: String) throws(FetchError) -> String {
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty else {
            throw .badAddress(address)
        }
        return address
    }

    private static func failure(_ error: any Error, address: String, limit: Int, timeout: Double) -> FetchError {
        if let failure = error as? FetchError { return failure }
        if error is NIOTooManyBytesError { return .tooLarge(address: address, limit: limit) }
        if let error = error as? HTTPClientError {
            switch error {
            case .redirectCycleDetected, .redirectLimitReached:
                return .redirects(address: address, limit: maximumRedirects)
            case .deadlineExceeded, .readTimeout, .connectTimeout, .tlsHandshakeTimeout:
                return .timedOut(address: address, seconds: timeout)
            default: break
            }
        }
        if String(describing: error).contains("limit") && String(describing: type(of: error)).contains("Decompression") {
            return .tooLarge(address: address, limit: limit)
        }
        return .unreachable(address: address, reason: String(describing: error))
    }
}

/// Why a page could not be fetched; each says what to do.
public enum FetchError: CatalogError, Equatable {
    case badAddress(String)
    case status(address: String, code: Int, reason: String)
    case redirects(address: String, limit: Int)
    case timedOut(address: String, seconds: Double)
    case tooLarge(address: String, limit: Int)
    case unreachable(address: String, reason: String)
    case notHTML(address: String, contentType: String)
    /// An address that leads into a private network, refused where only public ones may be fetched.
    case privateAddress(address: String, ip: String)

    public var kind: FailureKind {
        switch self {
        case .badAddress, .tooLarge, .notHTML: .invalidInput
        case .privateAddress: .permissionDenied
        case .status, .redirects, .timedOut, .unreachable: .unavailable
        }
    }

    public var description: String { englishText() }

    public var catalogMessage: CatalogMessage? {
        switch self {
        case .badAddress(let address):
            CatalogMessage("error_fetch_bad_address", ["address": address])
        case .status(let address, let code, let reason):
            CatalogMessage("error_fetch_status", ["address": address, "code": String(code), "reason": reason])
        case .redirects(let address, let limit):
            CatalogMessage("error_fetch_redirects", ["address": address, "limit": String(limit)])
        case .timedOut(let address, let seconds):
            CatalogMessage("error_fetch_timed_out", ["address": address, "seconds": Self.seconds(seconds)])
        case .tooLarge(let address, let limit):
            CatalogMessage("error_fetch_too_large", ["address": address, "limit": String(limit)])
        case .unreachable(let address, let reason):
            CatalogMessage("error_fetch_unreachable", ["address": address, "reason": String(reason.prefix(160))])
        case .privateAddress(let address, let ip):
            CatalogMessage("error_fetch_private_address", ["address": address, "ip": ip])
        case .notHTML(let address, let contentType):
            CatalogMessage("error_fetch_not_html", ["address": address, "type": contentType])
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
