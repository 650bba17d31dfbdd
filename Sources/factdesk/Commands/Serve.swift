import ArgumentParser
import FactDeskKit
import FactDeskServer
import Foundation

extension Factdesk {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve the desk to a team's browsers, with logins (see `reviewer password`).",
            discussion: """
                Binds to 127.0.0.1 unless --host says otherwise; put it behind a TLS proxy to share it, \
                with --base-url https://... so that cookies are Secure and requests naming another host are \
                refused (421). The command line keeps working \
                on the same desk meanwhile. Ctrl-C (SIGINT) or SIGTERM finishes the requests in flight and stops.

                Sessions are authenticated by a secret in the key folder ($FACTDESK_KEYS, else \
                ~/.config/factdesk/keys): services/NAME.session-key beside the service's signing key, \
                made when missing and readable only by its owner. Servers of one desk share that file \
                as they share the service key; a session opened on one is good on each server that \
                holds the same file. Copying a new one in ends every open session.
                """)

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The address to listen on; 0.0.0.0 for every interface.", valueName: "address"))
        var host = "127.0.0.1"
        @Option(help: ArgumentHelp("The port; 0 picks a free one.", valueName: "port")) var port = 8080
        @Option(help: ArgumentHelp(
            "The address people open, such as https://desk.example.org.",
            discussion: "A request naming another host gets 421: a proxy in front must pass the Host header on "
                + "(nginx: proxy_set_header Host $host).",
            valueName: "url"))
        var baseURL: String?
        @Option(help: ArgumentHelp("The largest article the import form takes, in bytes.", valueName: "bytes"))
        var maxSize = ArticleReader.defaultMaximumSize
        @Option(help: ArgumentHelp("Seconds a client has to send a request's head; a slower one is disconnected.",
                                   valueName: "seconds"))
        var headerTimeout = 10.0
        @Option(help: ArgumentHelp("Seconds a connection may stay silent before it is closed.", valueName: "seconds"))
        var idleTimeout = 60.0
        @Flag(help: "Read the client's address from X-Forwarded-For (only behind a proxy you run).")
        var behindProxy = false
        @Option(help: ArgumentHelp(
            "The registered service whose key signs what people do on the web desk.",
            discussion: "Registered on first use when you are an editor (`factdesk service add` does it by hand).",
            valueName: "name"))
        var service = "web"
        @Option(name: .customLong("require-2fa"), help: ArgumentHelp(
            "Turn away from the web desk the people of this group who have no two-factor login.",
            discussion: "They are told to run `factdesk 2fa enable`, then log in with a code.",
            valueName: "editors|all"))
        var requireTwoFactor: TwoFactorRequirement?
        @Option(name: .customLong("pg-connections"), help: ArgumentHelp(
            "The most connections to keep to a PostgreSQL desk; requests beyond them wait their turn.",
            valueName: "n"))
        var postgresConnections = 10
        @Flag(name: .customLong("no-feeds"), help: "Do not poll the desk's feeds in the background (cron runs `feed poll`).")
        var noFeeds = false
        @Option(help: ArgumentHelp("Seconds between the feed poller's looks for due feeds.", valueName: "seconds"))
        var feedInterval = 60.0
        @Flag(help: ArgumentHelp(
            "Let the server fetch pages on private networks (feeds' items, readers' links, the import form).",
            discussion: "Off by default: others choose those addresses, and must not reach the server's own network through it."))
        var allowPrivateAddresses = false
        @Flag(name: .customLong("no-notify"), help: "Do not derive and send notifications in the background (cron runs `notify run`).")
        var noNotify = false
        @Option(help: ArgumentHelp("Seconds between the notifier's rounds.", valueName: "seconds"))
        var notifyInterval = 15.0
        @Option(help: ArgumentHelp("How often to check the history, telling the editors of a failure: 6h, 1d; 0 never.",
                                   valueName: "period"))
        var auditEvery = "6h"
        @OptionGroup var notifyOptions: NotifyOptions

        func validate() throws {
            _ = try NotifyOptions.seconds(auditEvery, option: "--audit-every")
            guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
            guard maxSize > 0 else { throw ValidationError("--max-size must be 1 or more") }
            guard ServerConfiguration.postgresConnectionRange.contains(postgresConnections) else {
                throw ValidationError("--pg-connections must be between 1 and 1000")
            }
            for (name, seconds) in [("--header-timeout", headerTimeout), ("--idle-timeout", idleTimeout), ("--feed-interval", feedInterval),
                                  ("--notify-interval", notifyInterval)] {
                guard seconds.isFinite, seconds > 0, seconds <= 86_400 else {
                    throw ValidationError("\(name) must be a number of seconds above 0 and at most 86400")
                }
            }
        }

        func run() async throws {
            let configuration = serverConfiguration
            try configuration.validate()
            let opened = try await global.openStoreForConcurrentReading()
            try opened.checkMayServe()
            // Registering the service's key is a write of its own, on connections of its own.
            let store = try await opened.connected { try await signingStore($0) }
            let server = try DeskServer(store: store, configuration: configuration)
            let shown = baseURL ?? "http://\(host):"
            try await server.run { bound in
                Terminal.message("serving \(store.path) at " + (baseURL == nil ? "\(shown)\(bound)" : shown) + "; Ctrl-C stops")
            }
        }
    }
}

extension Factdesk.Serve {
    /// How the server runs, from the options.
    var serverConfiguration: ServerConfiguration {
        var configuration = ServerConfiguration(host: host, port: port, baseURL: baseURL, maxImportSize: maxSize, behindProxy: behindProxy,
                                                headerTimeout: .seconds(headerTimeout), idleTimeout: .seconds(idleTimeout),
                                                requireTwoFactor: requireTwoFactor, postgresConnections: postgresConnections)
        configuration.pollFeeds = !noFeeds
        configuration.feedInterval = .milliseconds(Int64(feedInterval * 1000))
        configuration.allowPrivateAddresses = allowPrivateAddresses
        configuration.notify = !noNotify
        configuration.notifyInterval = .milliseconds(Int64(notifyInterval * 1000))
        let audit = (try? NotifyOptions.seconds(auditEvery)) ?? 6 * 3_600
        configuration.auditEvery = audit > 0 ? .milliseconds(Int64(audit * 1000)) : nil
        configuration.notifier = notifyOptions.notifierOptions
        return configuration
    }

    /// The desk, signing as the service with this machine's key (``ClaimStore/signingAsService(_:keys:by:)``).
    func signingStore(_ store: ClaimStore) async throws -> ClaimStore {
        let (signing, added) = try await store.signingAsService(service, keys: Keyring.standard(), by: global.handle)
        if let added {
            Terminal.message("registered the service \(service) (\(added.publicKey)); it signs what people do on the web desk")
        }
        return signing
    }
}
