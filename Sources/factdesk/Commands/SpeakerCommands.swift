import ArgumentParser
import FactDeskKit

extension Factdesk {
    struct SpeakerCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "speaker",
            abstract: "Who the claims are attributed to: their claims and verdicts.",
            discussion: """
                A speaker gathers every spelling the desk's aliases give one name (`factdesk alias add`), \
                and a surname said alone (ترامب) with the one person named in full with a role \
                (دونالد ترامب، رئيس الولايات المتحدة). A claim of two speakers counts for each.
                """,
            subcommands: [List.self, Show.self],
            defaultSubcommand: List.self)
    }
}

extension Factdesk.SpeakerCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Every speaker, most claims first, with their verdicts.")

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await global.withStoreForReading { store in
                let workflow = try await store.team.workflow()
                let speakers = try await store.corroboration.speakers()
                if global.json {
                    try Terminal.json(speakers.map { JSONView.SpeakerView($0, finals: workflow.finalStates) })
                    return
                }
                if speakers.isEmpty {
                    Terminal.message("no claim on this desk names its speaker yet")
                    return
                }
                Terminal.table(["SPEAKER", "CLAIMS", "OPEN", "VERDICTS", "ALSO WRITTEN"], speakers.map { speaker in
                    let view = JSONView.SpeakerView(speaker, finals: workflow.finalStates)
                    return [Terminal.truncated(Terminal.safe(speaker.name), to: 32), String(speaker.claims), String(view.open),
                            view.verdictsText,
                            Terminal.truncated(Terminal.safe(speaker.spellings.filter { $0 != speaker.name }.joined(separator: "، ")), to: 40)]
                })
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "One speaker's roles, spellings and claims, newest first, with verdicts.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The speaker: any spelling of their name, or the alias's name.", valueName: "name"))
        var name: String

        @Option(help: ArgumentHelp("At most this many claims.", valueName: "n"))
        var limit = 50

        func validate() throws {
            if limit < 1 { throw ValidationError("--limit must be 1 or more") }
        }

        func run() async throws {
            try await global.withStoreForReading { store in
                let workflow = try await store.team.workflow()
                let (speaker, claims) = try await store.corroboration.speaker(named: name, limit: limit)
                let view = JSONView.SpeakerView(speaker, finals: workflow.finalStates)
                if global.json {
                    try Terminal.json(JSONView.SpeakerPage(speaker: view, claims: claims))
                    return
                }
                Terminal.print(Terminal.styled(Terminal.safe(speaker.name), .bold)
                    + "  \(speaker.claims) claim\(speaker.claims == 1 ? "" : "s"), \(view.open) open"
                    + (view.verdicts.isEmpty ? "" : "; " + view.verdictsText))
                if !speaker.roles.isEmpty { Terminal.print("role     " + Terminal.safe(speaker.roles.joined(separator: "؛ "))) }
                Terminal.print("written  " + Terminal.safe(speaker.spellings.joined(separator: "، ")))
                Terminal.print()
                ClaimTable.print(claims, workflow: workflow)
                if claims.count < speaker.claims {
                    Terminal.message("showing the newest \(claims.count) of \(speaker.claims); --limit N shows more")
                }
            }
        }
    }
}

extension JSONView.SpeakerView {
    /// The verdicts in words, most first: "3 verified, 1 disputed", or "-".
    var verdictsText: String {
        verdicts.isEmpty ? "-" : verdicts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .map { "\($0.value) \($0.key)" }.joined(separator: ", ")
    }
}
