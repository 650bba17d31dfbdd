import FactDeskKit
import Foundation

/// How `factdesk serve` runs: where it listens, the address people reach it at, and limits.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The address people open, `https://desk.example.org` behind a TLS proxy. It decides
    /// the origin that POSTs must come from, and whether cookies are `Secure`.
    public var baseURL: String?
    /// The largest article the import form takes, in bytes (`--max-size`).
    public var maxImportSize: Int
    /// Whether to read the client's address from `X-Forwarded-For` (only behind a proxy).
    public var behindProxy: Bool
    /// Whether to write one line per request on standard error.
    public var logRequests: Bool
    /// How long a client has to send a request's head, from connecting or from the
    /// request's first byte (`--header-timeout`); a slower one is disconnected.
    public var headerTimeout: Duration
    /// How long a connection may stay silent between requests or within a body
    /// (`--idle-timeout`) before it is closed.
    public var idleTimeout: Duration
    /// Who must log in with a second factor (`--require-2fa`): nil for nobody beyond those who have one.
    public var requireTwoFactor: TwoFactorRequirement?
    /// The most connections the server keeps to a PostgreSQL desk (`--pg-connections`);
    /// requests beyond them wait their turn.
    public var postgresConnections: Int
    /// Whether the server polls the desk's due feeds in the background (`--no-feeds` turns it off).
    public var pollFeeds = true
    /// How often the feed poller wakes to look for due feeds.
    public var feedInterval: Duration = .seconds(60)
    /// Whether pages on private networks may be fetched for others (feeds' items, readers'
    /// links, the import form): off unless the desk runs inside a trusted network.
    public var allowPrivateAddresses = false
    /// Whether the server derives and sends notifications in the background (``NotifyService``).
    public var notify = true
    /// How often the notifier looks for something to tell or send.
    public var notifyInterval: Duration = .seconds(15)
    /// How often the server checks the history, telling the editors of a failure; nil never.
    public var auditEvery: Duration? = .seconds(6 * 3_600)
    /// The notifier's escalation, retries and links (its `baseURL` is the server's).
    public var notifier = Notifier.Options()

    /// The numbers of connections `--pg-connections` may name.
    public static let postgresConnectionRange = 1...1_000

    /// Every other request body is refused past this size.
    public static let maxBodySize = 1 << 20

    public init(host: String = "127.0.0.1", port: Int = 8080, baseURL: String? = nil,
                maxImportSize: Int = ArticleReader.defaultMaximumSize, behindProxy: Bool = false,
                logRequests: Bool = true, headerTimeout: Duration = .seconds(10), idleTimeout: Duration = .seconds(60),
                requireTwoFactor: TwoFactorRequirement? = nil, postgresConnections: Int = 10) {
        self.host = host
        self.port = port
        self.baseURL = baseURL
        self.maxImportSize = maxImportSize
        self.behindProxy = behindProxy
        self.logRequests = logRequests
        self.headerTimeout = headerTimeout
        self.idleTimeout = idleTimeout
        self.requireTwoFactor = requireTwoFactor
        self.postgresConnections = postgresConnections
    }

    /// The fetcher for pages others chose: public addresses only, unless allowed.
    public func fetcher(timeout: Double = PageFetcher.defaultTimeout) -> PageFetcher {
        PageFetcher(timeout: timeout, maximumSize: maxImportSize, publicOnly: !allowPrivateAddresses)
    }

    /// Whether cookies carry `Secure`: whenever the desk is reached over https.
    public var secureCookies: Bool { baseURL?.lowercased().hasPrefix("https://") ?? false }

    /// The `Host` a request must name, when a base URL fixes it: its host, and its port
    /// unless the scheme's own.
    var authority: String? {
        guard let baseURL, let url = URL(string: baseURL), let name = url.host?.lowercased() else { return nil }
        let host = name.contains(":") && !name.hasPrefix("[") ? "[\(name)]" : name
        guard let port = url.port, port != Self.defaultPorts[scheme ?? ""] else { return host }
        return "\(host):\(port)"
    }

    /// The base URL's scheme, in lower case.
    var scheme: String? { baseURL.flatMap { URL(string: $0)?.scheme?.lowercased() } }

    /// The port each scheme implies when a `Host` names none.
    static let defaultPorts = ["http": 80, "https": 443]

    /// The origin a browser sends on this desk's forms, when a base URL fixes it.
    var origin: String? {
        guard let baseURL, let url = URL(string: baseURL), let scheme = url.scheme, let host = url.host else { return nil }
        return "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
    }

    /// Checks the base URL (http or https, a host, nothing after the path), the port, the timeouts
    /// and the number of PostgreSQL connections.
    public func validate() throws(DeskError) {
        if let baseURL {
            guard let url = URL(string: baseURL), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
                  url.host != nil, url.query == nil, url.fragment == nil else {
                throw .invalidValue("--base-url '\(baseURL)' is not an http or https address such as https://desk.example.org")
            }
        }
        guard (0...65_535).contains(port) else { throw .invalidValue("the port must be between 0 (any free one) and 65535") }
        guard headerTimeout > .zero, idleTimeout > .zero else {
            throw .invalidValue("the header and idle timeouts must be more than 0 seconds")
        }
        guard Self.postgresConnectionRange.contains(postgresConnections) else {
            throw .invalidValue("--pg-connections must be between 1 and 1000")
        }
    }
}
