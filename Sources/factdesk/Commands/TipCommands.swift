import ArgumentParser
import FactDeskKit
import Foundation

extension Factdesk {
    struct TipCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tip",
            abstract: "Readers' tips: what the public form (/tip) and tipline bots (POST /api/tips) sent in.",
            discussion: """
                Editors triage them: accept makes a claim whose origin is the tip, reject says why, merge \
                groups a tip under another that asks the same (the list counts each group, so you see \
                demand). The reader follows the tip at /tips/CODE. Their contact is shown to editors \
                only, never exported, and `tip forget` erases it.
                """,
            subcommands: [List.self, Show.self, Accept.self, RejectTip.self, Merge.self, Forget.self])
    }
}

extension Factdesk.TipCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tips, newest first, with how many readers sent each.")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("Only tips in this status.", valueName: "new|accepted|rejected|merged")) var status: String?

        func run() async throws {
            let wanted = try status.map { name in
                guard let status = Tip.Status(rawValue: name) else { throw ValidationError("--status is new, accepted, rejected or merged") }
                return status
            }
            try await global.withStoreForReading { store in
                let tips = try await store.tips.list(status: wanted)
                if global.json { return try Terminal.json(tips.map(JSONView.TipView.init)) }
                if tips.isEmpty { return Terminal.print("no tips") }
                Terminal.table(["ID", "STATUS", "READERS", "RECEIVED", "TIP"], tips.map { listed in
                    let tip = listed.tip
                    return [String(tip.id ?? 0), tip.status.rawValue + (tip.claimID.map { " → claim \($0)" } ?? ""), String(listed.count),
                            ISO8601.string(from: tip.receivedAt),
                            Terminal.safe(String((tip.text ?? tip.url ?? "").prefix(70)))]
                })
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One tip; its reader's contact for editors.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The tip's id.") var id: Int64

        func run() async throws {
            try await global.withStoreForReading { store in
                let (listed, contact) = try await store.tips.show(id, by: global.handle)
                let tip = listed.tip
                if global.json { return try Terminal.json(JSONView.TipView(listed)) }
                Terminal.print("tip \(id)  \(tip.status.rawValue)  received \(ISO8601.string(from: tip.receivedAt))  receipt \(tip.code)")
                if listed.count > 1 { Terminal.print("readers: \(listed.count) (this tip and \(listed.count - 1) merged into it)") }
                if let text = tip.text { Terminal.print("text: " + Terminal.safe(text)) }
                if let url = tip.url { Terminal.print("link: " + Terminal.safe(url)) }
                if let language = tip.language { Terminal.print("language: \(language)") }
                if let contact { Terminal.print("contact: " + Terminal.safe(contact)) }
                if let claim = tip.claimID { Terminal.print("claim: \(claim)") }
                if let into = tip.mergedInto { Terminal.print("merged into tip \(into)") }
                if let note = tip.note { Terminal.print("why not: " + Terminal.safe(note)) }
                if let by = tip.decidedBy { Terminal.print("decided by \(by)" + (tip.decidedAt.map { " at " + ISO8601.string(from: $0) } ?? "")) }
            }
        }
    }

    struct Accept: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a claim of a tip (editors); for a link, its article is imported too.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The tip's id.") var id: Int64
        @Option(help: ArgumentHelp("The claim to check, when the reader's words do not say it.", valueName: "claim")) var text: String?
        @Option(help: ArgumentHelp("Seconds the linked page may take to arrive, whole.", valueName: "seconds"))
        var timeout = PageFetcher.defaultTimeout
        @Flag(help: ArgumentHelp("Fetch a link on a private network too.",
                                 discussion: "Off by default: the reader chose the link, and must not reach this machine's network."))
        var allowPrivateAddresses = false

        func validate() throws {
            guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be between 0 and 600 seconds") }
        }

        func run() async throws {
            try await global.withStore { store in
                let fetcher = PageFetcher(timeout: timeout, publicOnly: !allowPrivateAddresses)
                let (tip, claim) = try await store.tips.accept(id, text: text, fetcher: fetcher, by: global.handle)
                if global.json { return try Terminal.json(JSONView.TipAcceptView(tip: tip, claim: claim)) }
                Terminal.print("tip \(id) accepted: claim \(claim.id ?? 0) in source \(claim.sourceID)")
            }
        }
    }

    struct RejectTip: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reject", abstract: "Turn a tip down, saying why (editors).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The tip's id.") var id: Int64
        @Option(help: ArgumentHelp("Why; kept by the desk, the reader sees only \"not taken up\".", valueName: "text")) var note: String

        func run() async throws {
            try await global.withStore { store in
                _ = try await store.tips.reject(id, note: note, by: global.handle)
                Terminal.print("tip \(id) rejected")
            }
        }
    }

    struct Merge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Group a tip under another that asks the same (editors).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The tip to merge.") var id: Int64
        @Argument(help: "The tip it joins.") var into: Int64

        func run() async throws {
            try await global.withStore { store in
                let tip = try await store.tips.merge(id, into: into, by: global.handle)
                Terminal.print("tip \(id) merged into tip \(tip.mergedInto ?? into)")
            }
        }
    }

    struct Forget: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase a reader's contact (editors); the tip and the history stay whole.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The tip's id.") var id: Int64

        func run() async throws {
            try await global.withStore { store in
                try await store.tips.forget(id, by: global.handle)
                Terminal.print("tip \(id): the reader's contact is erased")
            }
        }
    }
}
