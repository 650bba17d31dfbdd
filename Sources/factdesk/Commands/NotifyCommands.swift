import ArgumentParser
import FactDeskKit
import Foundation

extension Webhook.Format: ExpressibleByArgument {}

// MARK: - Reviewers' addresses and modes

extension Factdesk.ReviewerCommand {
    struct Email: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "email", abstract: "Set the address a reviewer's notifications are emailed to (theirs, or an editor's doing).",
            discussion: "The history records only the address's SHA-256; the address is kept apart, to be changed or cleared.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The reviewer's handle.") var handle: String
        @Argument(help: "Their email address.") var address: String?
        @Flag(help: "Forget their address: no more emails.") var clear = false

        func validate() throws {
            if (address == nil) == !clear { throw ValidationError("give an address, or --clear, not both") }
        }

        func run() async throws {
            let setting = try await global.withStore {
                try await $0.notifications.configure(handle, email: clear ? .clear : .set(address ?? ""), by: global.handle)
            }
            if global.json { return try Terminal.json(JSONView.NotifySettingView(setting)) }
            Terminal.print(setting.email.map { "\(handle)'s notifications go to \(Terminal.safe($0)) (\(setting.mode))" }
                           ?? "\(handle) gets no more emails; their inbox on the web desk still fills")
        }
    }

    struct Notify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "notify", abstract: "Set how a reviewer is emailed: each notification, a daily digest, or none.",
            discussion: "digest@08:00 sends one message a day at 08:00 UTC with the day's notifications. The inbox on the web desk gets every one whatever this says.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The reviewer's handle.") var handle: String
        @Argument(help: ArgumentHelp("each, digest@HH:MM (UTC) or none.", valueName: "mode")) var mode: String?
        @Option(help: ArgumentHelp("The language of their emails: ar or en.", valueName: "ar|en")) var language: String?

        func run() async throws {
            let parsed = try mode.map { try NotifyMode($0) }
            let setting = try await global.withStore { store in
                if parsed == nil && language == nil { return try await store.notifications.setting(of: handle) }
                return try await store.notifications.configure(handle, mode: parsed, language: language, by: global.handle)
            }
            if global.json { return try Terminal.json(JSONView.NotifySettingView(setting)) }
            Terminal.print("\(handle): \(setting.mode), in \(setting.language == "ar" ? "Arabic" : "English"), "
                           + (setting.email.map { "to \(Terminal.safe($0))" } ?? "no email address"))
        }
    }
}

// MARK: - The desk's mail

extension Factdesk {
    struct MailCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mail", abstract: "Set how the desk sends email: an SMTP relay, or a sendmail command.",
            subcommands: [Set.self, Show.self], defaultSubcommand: Show.self)
    }
}

extension Factdesk.MailCommand {
    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set the desk's mail transport and sender (editors).",
            discussion: """
                The relay's password is never in the history: give it on stdin with --password-stdin (kept \
                in the desk apart from the history, readable by the server's login alone on PostgreSQL), or \
                in FACTDESK_SMTP_PASSWORD where `serve` or `notify run` runs, which wins.
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The relay: smtp://[user@]host[:587] or smtps://[user@]host[:465].", valueName: "url"))
        var smtp: String?
        @Flag(help: "Upgrade the smtp:// connection with STARTTLS (required if asked).") var starttls = false
        @Option(help: ArgumentHelp("A sendmail-compatible command instead, with its full path.", valueName: "command"))
        var sendmail: String?
        @Option(help: ArgumentHelp("The From address.", valueName: "address")) var from: String
        @Flag(help: "Put notes' text in emails; by default it stays on the desk.") var includeNotes = false
        @Flag(help: "Read the relay's password from stdin.") var passwordStdin = false

        func validate() throws {
            if (smtp == nil) == (sendmail == nil) { throw ValidationError("give --smtp URL or --sendmail COMMAND, one of them") }
            if sendmail != nil && (starttls || passwordStdin) {
                throw ValidationError("--starttls and --password-stdin are for --smtp")
            }
        }

        func run() async throws {
            var password: String?
            if passwordStdin {
                guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                    throw ValidationError("--password-stdin read no password; pipe it in")
                }
                password = line
            }
            let transport: Notifications.Transport = if let smtp { .smtp(url: smtp, starttls: starttls) }
                else { .sendmail(command: sendmail ?? "") }
            let setting = try await global.withStore {
                try await $0.notifications.setMail(transport, from: from, includeNotes: includeNotes, password: password, by: global.handle)
            }
            if global.json { return try Terminal.json(JSONView.MailSettingView(setting)) }
            Terminal.print("the desk sends mail from \(Terminal.safe(setting.sender)) through \(Terminal.safe(setting.recorded))"
                           + (setting.includeNotes ? ", notes included" : ", notes kept on the desk"))
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "How the desk sends email.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let setting = try await global.withStoreForReading { try await $0.notifications.mailSetting() }
            if global.json { return try Terminal.json(setting.map(JSONView.MailSettingView.init)) }
            guard let setting else { return Terminal.print("the desk sends no email yet; an editor runs `factdesk mail set`") }
            Terminal.print("from \(Terminal.safe(setting.sender)) through \(Terminal.safe(setting.recorded))"
                           + (setting.includeNotes ? ", notes included" : ", notes kept on the desk"))
        }
    }
}

// MARK: - Webhooks

extension Factdesk {
    struct WebhookCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "webhook", abstract: "Post the desk's events to other systems, signed as Standard Webhooks are.",
            discussion: """
                Each post carries webhook-id (the same on every retry), webhook-timestamp and webhook-signature \
                (v1, HMAC-SHA256 with the secret `webhook add` prints once). A post answered with anything but \
                2xx, or not answered in 10 seconds, is retried with growing waits for a day; a webhook failing \
                for 5 days is disabled and the editors told.
                """,
            subcommands: [Add.self, List.self, Remove.self, Deliveries.self, Redeliver.self], defaultSubcommand: List.self)
    }
}

extension Factdesk.WebhookCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a webhook (editors); prints its secret, once.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The receiver's address (http or https).") var url: String
        @Option(help: ArgumentHelp("The actions it gets, comma-separated: assign,verify,claim.note,...", valueName: "actions"))
        var events: String?
        @Flag(help: "Every event.") var all = false
        @Option(help: ArgumentHelp("standard (the event's JSON) or slack ({\"text\": ...}).", valueName: "format"))
        var format: Webhook.Format = .standard
        @Flag(help: ArgumentHelp("Let it post to loopback, link-local and private addresses.",
                                 discussion: "Off by default, so that the desk cannot be turned against the newsroom's own network."))
        var allowPrivate = false

        func validate() throws {
            if (events == nil) == !all { throw ValidationError("give --events a,b,... or --all, one of them") }
        }

        func run() async throws {
            let wanted = all ? [] : (events ?? "").split(separator: ",").map(String.init)
            if !all && wanted.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                throw ValidationError("--events names no action; give --events assign,verify or --all")
            }
            let (hook, secret) = try await global.withStore {
                try await $0.notifications.addWebhook(url, events: wanted, format: format, allowPrivate: allowPrivate, by: global.handle)
            }
            if global.json { return try Terminal.json(JSONView.WebhookView(hook, secret: secret)) }
            Terminal.print("webhook \(hook.id ?? 0)  \(Terminal.safe(hook.url))  \(hook.events.isEmpty ? "every event" : hook.events.joined(separator: ","))")
            Terminal.print("secret (shown once; the receiver checks signatures with it): \(secret)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The webhooks, with whether they work.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let hooks = try await global.withStoreForReading { try await $0.notifications.webhooks() }
            if global.json { return try Terminal.json(hooks.map { JSONView.WebhookView($0, secret: nil) }) }
            if hooks.isEmpty { return Terminal.print("no webhooks; `factdesk webhook add URL --all` adds one") }
            Terminal.table(["ID", "URL", "EVENTS", "FORMAT", "STATUS"], hooks.map { hook in
                [String(hook.id ?? 0), Terminal.safe(hook.url), hook.events.isEmpty ? "all" : hook.events.joined(separator: ","),
                 hook.format.rawValue,
                 hook.disabledAt.map { "disabled " + ISO8601.string(from: $0) }
                    ?? hook.failingSince.map { "failing since " + ISO8601.string(from: $0) } ?? "ok"]
            })
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a webhook (editors).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The webhook's id.") var id: Int64

        func run() async throws {
            let hook = try await global.withStore { try await $0.notifications.removeWebhook(id, by: global.handle) }
            Terminal.print("removed webhook \(id)  \(Terminal.safe(hook.url))")
        }
    }

    struct Deliveries: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A webhook's deliveries and every attempt, newest first (editors).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The webhook's id.") var id: Int64
        @Option(help: ArgumentHelp("How many deliveries.", valueName: "n")) var limit = 50

        func run() async throws {
            let logs = try await global.withStoreForReading {
                try await $0.notifications.deliveries(webhook: id, limit: limit, by: global.handle)
            }
            if global.json { return try Terminal.json(logs.map(JSONView.DeliveryView.init)) }
            if logs.isEmpty { return Terminal.print("webhook \(id) has had no deliveries yet") }
            Terminal.table(["DELIVERY", "EVENT", "WEBHOOK-ID", "STATUS", "ATTEMPTS", "LAST"], logs.map { log in
                let last = log.attempts.last
                return [String(log.delivery.id ?? 0), String(log.delivery.seq ?? 0), log.delivery.messageID, log.delivery.status.rawValue,
                        String(log.delivery.attempts),
                        last.map { "\(ISO8601.string(from: $0.at)) \($0.status) \($0.milliseconds)ms" + ($0.error.map { " " + Terminal.safe($0) } ?? "") } ?? "-"]
            })
        }
    }

    struct Redeliver: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Send a delivery again, under the same webhook-id (editors).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The delivery's id, as `webhook deliveries` shows it.") var delivery: Int64

        func run() async throws {
            let again = try await global.withStore { try await $0.notifications.redeliver(delivery, by: global.handle) }
            Terminal.print("delivery \(delivery) is due again (webhook-id \(again.messageID)); `factdesk notify run` or the server sends it")
        }
    }
}

// MARK: - The inbox, follows and delivery

extension Factdesk {
    struct InboxCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "inbox", abstract: "What needs you: assignments, deadlines, mentions, verdicts, tips.",
            subcommands: [Show.self, Read.self], defaultSubcommand: Show.self)
    }

    struct Follow: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Be told of a claim's verdicts, reopenings and approvals.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The claim's id.") var id: Int64

        func run() async throws {
            try await global.withStore { try await $0.notifications.follow(id, true, by: global.handle) }
            Terminal.print("following claim \(id)")
        }
    }

    struct Unfollow: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop following a claim.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The claim's id.") var id: Int64

        func run() async throws {
            try await global.withStore { try await $0.notifications.follow(id, false, by: global.handle) }
            Terminal.print("no longer following claim \(id)")
        }
    }

    struct NotifyCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "notify", abstract: "Derive and send the desk's notifications.",
            subcommands: [Run.self], defaultSubcommand: Run.self)
    }
}

extension Factdesk.InboxCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Your inbox, newest first.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Only what you have not read.") var unread = false
        @Option(help: ArgumentHelp("How many items.", valueName: "n")) var limit = 50

        func run() async throws {
            let (entries, language) = try await global.withStoreForReading { store in
                (try await store.notifications.inbox(of: global.handle, unreadOnly: unread, limit: limit),
                 try await store.notifications.setting(of: global.handle).language)
            }
            if global.json { return try Terminal.json(entries.map { JSONView.InboxView($0, language: language) }) }
            if entries.isEmpty { return Terminal.print(unread ? "nothing unread" : "your inbox is empty") }
            Terminal.table(["ID", "", "WHEN", "CLAIM", "WHAT"], entries.map { entry in
                [String(entry.item.id ?? 0), entry.item.readAt == nil ? "*" : "", ISO8601.string(from: entry.item.createdAt),
                 entry.item.claimID.map(String.init) ?? "-", Terminal.safe(NotificationText.line(entry, language: language))]
            })
        }
    }

    struct Read: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark an item read, or all of them.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The item's id.") var id: Int64?
        @Flag(help: "Every item.") var all = false

        func validate() throws {
            if (id == nil) == !all { throw ValidationError("give an item's id, or --all, not both") }
        }

        func run() async throws {
            let marked = try await global.withStore { try await $0.notifications.markRead(all ? nil : id, by: global.handle) }
            Terminal.print(all ? "marked \(marked) item\(marked == 1 ? "" : "s") read" : "marked item \(id ?? 0) read")
        }
    }
}

extension Factdesk.NotifyCommand {
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Derive what the history and the clock call for, and send what is due, once (for cron).",
            discussion: "`factdesk serve` does this in the background; several may run at once, and each delivery is sent by one of them.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: NotifyOptions

        func run() async throws {
            try await global.withStore { store in
                if let login = store.login, !login.owner {
                    throw ValidationError("notify run reads webhooks' secrets and the relay's password, which on PostgreSQL only the desk's owner may; run it as the role that owns the desk, as serve runs")
                }
                let notifier = store.notifier
                let settings = options.notifierOptions
                let derived = try await notifier.derive(settings)
                let sent = try await notifier.deliver(settings, senders: .live)
                Terminal.print("\(derived.events) events read: \(derived.inboxItems) inbox items, \(derived.deliveriesMade) messages to send; "
                               + "\(sent.sent) sent, \(sent.failed) to retry, \(sent.gaveUp) given up")
            }
        }
    }
}

/// The notifications' options, shared by `notify run` and `serve`.
struct NotifyOptions: ParsableArguments {
    @Option(help: ArgumentHelp("How long after its deadline an overdue claim goes to the editors: 12h, 30m, 1d.", valueName: "period"))
    var escalateAfter = "12h"
    @Option(help: ArgumentHelp("The wait before a failed delivery's first retry: 30s, 5m; each next waits four times longer.",
                               valueName: "period"))
    var firstRetry = "30s"
    @Option(name: .customLong("link-base"), help: ArgumentHelp("The web desk's address, for links in emails and webhooks (serve uses --base-url).",
                                                               valueName: "url"))
    var linkBase: String?

    var notifierOptions: Notifier.Options {
        var settings = Notifier.Options(baseURL: linkBase)
        settings.escalateAfter = (try? Self.seconds(escalateAfter)) ?? 12 * 3_600
        settings.firstRetry = (try? Self.seconds(firstRetry)) ?? 30
        return settings
    }

    func validate() throws {
        _ = try Self.seconds(escalateAfter, option: "--escalate-after")
        _ = try Self.seconds(firstRetry, option: "--first-retry")
    }

    /// A period: a number and s, m, h or d.
    static func seconds(_ text: String, option: String = "the period") throws -> TimeInterval {
        if text == "0" { return 0 }
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400]
        guard let unit = text.last.flatMap({ units[$0] }), let number = Double(text.dropLast()), number.isFinite, number >= 0,
              number * unit <= 30 * 86_400 else {
            throw ValidationError("\(option) takes a period such as 30s, 10m, 12h or 1d")
        }
        return number * unit
    }
}
