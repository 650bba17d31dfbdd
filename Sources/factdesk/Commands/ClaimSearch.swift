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

        @Option(name: [.customLong("status"), .customLong("state")],
                help: ArgumentHelp("Only claims in this state (repeatable).", valueName: "state"))
        var statuses: [String] = []

        @Option(help: ArgumentHelp("Only claims assigned to this reviewer.", valueName: "handle"))
        var assignee: String?

        @Option(help: ArgumentHelp("Only claims from this source.", valueName: "id"))
        var source: Int64?

        @Option(help: ArgumentHelp("At most this many claims a page.", valueName: "n"))
        var limit = 20

        @Option(help: ArgumentHelp("Which page of --limit claims, from 1.", valueName: "n"))
        var page = 1

        func validate() throws {
            if limit < 1 { throw ValidationError("--limit must be 1 or more") }
            if page < 1 { throw ValidationError("--page must be 1 or more") }
        }

        /// The library's query these words and options describe.
        var claimQuery: ClaimQuery {
            ClaimQuery(text: query, states: statuses, assignee: assignee, sourceID: source,
                       pageSize: min(limit, ClaimQuery.largestPage), page: page)
        }

        func run() async throws {
            try await global.withStoreForReading { store in
                let found = try await store.review.claims(claimQuery)
                if global.json {
                    try Terminal.json(found.claims.map(JSONView.ClaimView.init))
                    return
                }
                if found.claims.isEmpty {
                    Terminal.message(page == 1 ? "no claim matches '\(query)'" : "no claim matches '\(query)' on page \(page)")
                    return
                }
                ClaimTable.print(found.claims, workflow: found.workflow)
                if found.hasMore {
                    Terminal.message("page \(page) of \(found.totalIsCapped ? "at least " : "")\(found.total) match\(found.total == 1 ? "" : "es")"
                        + "; --page \(page + 1) shows more")
                }
            }
        }
    }
}
