import Foundation
import ArgumentParser
import FactDeskKit

extension Factdesk {
    struct ClaimCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "claim",
            abstract: "Record, list and show claims.",
            subcommands: [Add.self, List.self, Show.self, Search.self],
            defaultSubcommand: List.self)
    }
}

extension ClaimFilter.Order: ExpressibleByArgument {}

extension Factdesk.ClaimCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record a claim: words that appear exactly in a source.")

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("The source the claim is from.", valueName: "id"))
        var source: Int64

        @Option(help: ArgumentHelp("The claim, word for word as the source has it.", valueName: "text"))
        var text: String

        @Option(help: ArgumentHelp("Who made the claim.", valueName: "name"))
        var speaker: String?

        @Flag(help: "Store words that are not in the source, unanchored.")
        var paraphrase = false

        func run() async throws {
            let claim = try await global.withStore {
                try await $0.review.addClaim(
                    sourceID: source, text: text, speaker: speaker, paraphrase: paraphrase, by: global.handle)
            }
            if global.json {
                try Terminal.json(JSONView.ClaimView(claim))
            } else {
                let anchor = claim.spanStart.map { "at \($0)..<\(claim.spanEnd ?? $0)" } ?? "unanchored"
                Terminal.print("claim \(claim.id ?? 0) in source \(source), \(anchor), state \(claim.state)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List claims, oldest first.")

        @OptionGroup var global: GlobalOptions

        @OptionGroup var filters: ClaimFilterOptions

        @Flag(help: "Only claims assigned to you.")
        var mine = false

        @Option(help: ArgumentHelp("At most this many claims; 0 for all.", valueName: "n"))
        var limit = 50

        @Option(help: ArgumentHelp("id (oldest first), worthiness (most check-worthy first) or due (soonest deadline first).",
                                   valueName: "order"))
        var sort: ClaimFilter.Order = .oldest

        @Flag(help: "Only claims past their deadline and not yet decided.")
        var overdue = false

        @Flag(help: "Only claims that a fact-check published elsewhere matches (`factdesk import claimreview`).")
        var checkedElsewhere = false

        func validate() throws {
            if [filters.assignee != nil, mine, filters.unassigned].filter({ $0 }).count > 1 {
                throw ValidationError("use one of --assignee, --mine and --unassigned")
            }
            if limit < 0 { throw ValidationError("--limit must be 0 (all) or more") }
        }

        func run() async throws {
            try await global.withStoreForReading { store in
                let workflow = try await store.team.workflow()
                var filter = try filters.filter(for: workflow)
                filter.limit = limit == 0 ? nil : limit
                filter.order = sort
                if mine { filter.assignment = .assignedTo(global.handle) }
                if overdue {
                    filter.overdueAt = Date()
                    filter.finalStates = workflow.finalStates
                }
                if checkedElsewhere { filter.ids = try await store.corroboration.checkedElsewhere() }
                let claims = try await store.review.claims(filter)
                if global.json {
                    try Terminal.json(claims.map(JSONView.ClaimView.init))
                    return
                }
                ClaimTable.print(claims, workflow: workflow)
                if limit > 0, claims.count == limit {
                    Terminal.message("showing the first \(limit); --limit N shows more, --limit 0 all")
                }
            }
        }
    }
}

/// Claims as an aligned table: id, state, worthiness, assignee, source, speaker, text.
enum ClaimTable {
    static func print(_ claims: [Claim], workflow: FactDeskKit.Workflow) {
        let finals = Set(workflow.finalStates)
        let now = Date()
        Terminal.table(["ID", "STATE", "SCORE", "ASSIGNEE", "DUE", "SOURCE", "SPEAKER", "CLAIM"], claims.map { claim in
            [String(claim.id ?? 0), Terminal.state(claim.state, final: finals.contains(claim.state)),
             String(claim.worthiness), claim.assignee ?? "-",
             claim.dueAt.map { due in
                 let text = String(ISO8601.string(from: due).prefix(16))
                 return claim.isOverdue(at: now, in: workflow) ? Terminal.styled(text + "!", .red) : text
             } ?? "-",
             String(claim.sourceID),
             Terminal.truncated(Terminal.safe(claim.speaker ?? "-"), to: 24),
             Terminal.truncated(Terminal.safe(claim.text), to: 70)]
        })
    }
}
