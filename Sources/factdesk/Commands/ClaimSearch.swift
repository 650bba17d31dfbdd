import ArgumentParser
import FactDeskKit

extension Factdesk.ClaimCommand {
    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Find claims by their words, however the reporter spelled them.",
            discussion: """
                The query is normalized and stemmed like the index (alef forms, ى and ة, harakat, \
                tatweel, Persian letters and digits, the article and clitics), so عراقجي finds \
                عراقـــجي and المفاوضات finds والمفاوضات. Every word must match; the best match comes first. \
                Quotes, stars and parentheses are searched as text.
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The words to look for.")
        var query: String

        @Option(name: .customLong("status"), help: ArgumentHelp("Only claims in this state (repeatable).", valueName: "state"))
        var statuses: [String] = []

        @Option(help: ArgumentHelp("At most this many claims.", valueName: "n"))
        var limit = 20

        func validate() throws {
            if limit < 1 { throw ValidationError("--limit must be 1 or more") }
        }

        func run() async throws {
            try await global.withStoreForReading { store in
                let workflow = try await store.workflow()
                try workflow.requireStates(statuses)
                let claims = try await store.search(query, states: statuses, limit: limit)
                if global.json {
                    try Terminal.json(claims.map(JSONView.ClaimView.init))
                    return
                }
                if claims.isEmpty {
                    Terminal.message("no claim matches '\(query)'")
                    return
                }
                ClaimTable.print(claims, workflow: workflow)
            }
        }
    }
}
