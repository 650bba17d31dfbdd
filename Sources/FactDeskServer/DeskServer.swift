import FactDeskKit
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import ServiceLifecycle
import UnixSignals

/// The web desk: the same desk file the command line uses, in a browser, with logins.
///
/// It adds no rules: every read and write is a FactDeskKit call the command line also
/// makes, with the logged-in reviewer as the actor.
public struct DeskServer: Sendable {
    let store: ClaimStore
    let configuration: ServerConfiguration
    let pages: Pages
    let caches = Caches()

    public init(store: ClaimStore, configuration: ServerConfiguration) throws {
        self.store = store
        self.configuration = configuration
        self.pages = try Pages()
    }

    /// What the server keeps between requests while the history stands still.
    final class Caches: Sendable {
        let overviews = HeadCache<Int64, ClaimOverview>()
        /// A queue's rendered part: it holds no token of the session's, only the reviewer's claims.
        let queues = HeadCache<String, String>()
        let team = HeadCache<Int, [Reviewer]>(limit: 1)
    }

    /// The number of the history's last event: what the caches are keyed by.
    func head() async throws -> Int64 {
        try await store.audit.auditHead().seq
    }

    /// A claim's overview as a viewer sees it, worked out once per state of the history.
    func overview(of id: Int64, for viewer: Reviewer, head: Int64) async throws -> ClaimOverview {
        try await caches.overviews.value(for: id, head: head) {
            try await store.review.overview(of: id, for: nil)
        }.viewed(by: viewer)
    }

    /// The active reviewers, for pickers and filters.
    func team(head: Int64) async throws -> [Reviewer] {
        try await caches.team.value(for: 0, head: head) {
            try await store.team.members().filter(\.active)
        }
    }

    /// What answers every request, for the server and for in-process tests: the router,
    /// with `HEAD` answered as `GET`.
    func responder() -> some HTTPResponder<DeskContext> {
        HeadResponder(wrapped: router().buildResponder())
    }

    /// The router with every page and API route.
    func router() -> Router<DeskContext> {
        let router = Router(context: DeskContext.self)
        router.add(middleware: DeskMiddleware(server: self))
        LoginController(server: self).add(to: router)
        ClaimController(server: self).add(to: router)
        SourceController(server: self).add(to: router)
        TeamController(server: self).add(to: router)
        SettingsController(server: self).add(to: router)
        DeskPagesController(server: self).add(to: router)
        APIController(server: self).add(to: router)
        TipController(server: self).add(to: router)
        NotifyController(server: self).add(to: router)
        router.get("/assets/desk.css") { _, _ in
            Reply.text(Assets.css, type: "text/css; charset=utf-8", cache: true)
        }
        router.get("/assets/desk.js") { _, _ in
            Reply.text(Assets.js, type: "text/javascript; charset=utf-8", cache: true)
        }
        router.get("/assets/fonts/:name") { _, context in
            guard let name = context.parameters.get("name"), let data = Assets.font(name) else { throw HTTPFailure.notFound }
            var headers = HTTPFields()
            headers[.contentType] = "font/ttf"
            headers[.cacheControl] = "public, max-age=86400"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        return router
    }

    /// The application: the router on the configured address, with the configured timeouts.
    /// SIGINT and SIGTERM let the requests in flight finish before it stops.
    public func application(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol {
        var logger = Logger(label: "factdesk")
        logger.logLevel = .warning
        let limits = ConnectionLimits(headerTimeout: configuration.headerTimeout, idleTimeout: configuration.idleTimeout)
        return Application(
            responder: responder(),
            server: HTTPServerBuilder { responder in DeskHTTPChannel(responder: responder, limits: limits) },
            configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                 serverName: "FactDesk"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }
}

/// Responses the controllers build.
enum Reply {
    static func html(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static func text(_ body: String, type: String, cache: Bool = false) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = cache ? "public, max-age=3600" : "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers,
                        body: .init(byteBuffer: ByteBuffer(string: try JSONView.encode(value) + "\n")))
    }

    /// A 303 to a path of this desk: the answer to a form that worked.
    static func redirect(_ path: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = path
        return Response(status: .seeOther, headers: headers)
    }
}

extension DeskServer {
    /// Serves until SIGINT or SIGTERM, calling `ready` with the bound port once listening.
    ///
    /// One `ServiceGroup` runs the web server, the feed poller (``FeedPoller``) and, on a
    /// PostgreSQL desk, the client that keeps at most ``ServerConfiguration/postgresConnections`` connections to it. On a
    /// signal the web server finishes the requests in flight first, then the client closes
    /// its connections.
    public func run(ready: @escaping @Sendable (Int) -> Void) async throws {
        var services: [any ServiceLifecycle.Service] = []
        if let connections = store.connectionService(limit: configuration.postgresConnections) {
            services.append(connections)
        }
        services.append(application(onServerRunning: { ready($0) }))
        if configuration.pollFeeds {
            services.append(FeedPoller(store: store, fetcher: configuration.fetcher(), interval: configuration.feedInterval))
        }
        if configuration.notify {
            var options = configuration.notifier
            options.baseURL = options.baseURL ?? configuration.baseURL
            services.append(NotifyService(store: store, options: options, interval: configuration.notifyInterval,
                                          auditEvery: configuration.auditEvery))
        }
        var logger = Logger(label: "factdesk")
        logger.logLevel = .warning
        let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint],
                                                      logger: logger))
        try await group.run()
    }
}
